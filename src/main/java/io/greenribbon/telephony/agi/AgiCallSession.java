package io.greenribbon.telephony.agi;

import io.greenribbon.telephony.CallHungUpException;
import io.greenribbon.telephony.CallSession;
import io.greenribbon.telephony.CallSessionException;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.command.StreamFileCommand;
import org.asteriskjava.fastagi.reply.AgiReply;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A {@link CallSession} over an Asterisk-Java FastAGI channel, on the session's own thread. */
final class AgiCallSession implements CallSession {

    private final AgiRequest request;
    private final AgiChannel channel;
    private final AgiConnection connection;
    private boolean hungUp;

    AgiCallSession(AgiRequest request, AgiChannel channel, AgiConnection connection) {
        this.request = request;
        this.channel = channel;
        this.connection = connection;
    }

    @Override
    public String script() {
        return request.getScript();
    }

    @Override
    public String uniqueId() {
        return request.getUniqueId();
    }

    @Override
    public String channel() {
        return request.getChannel();
    }

    @Override
    public String dialledNumber() {
        String dnid = request.getDnid();
        return dnid == null || dnid.equals("unknown") ? "" : dnid;
    }

    @Override
    public Optional<String> callerNumber() {
        return known(request.getCallerIdNumber());
    }

    @Override
    public Optional<String> redirectingNumber() {
        return known(request.getRdnis());
    }

    private static Optional<String> known(String value) {
        return value == null || value.isBlank() || value.equals("unknown") ? Optional.empty() : Optional.of(value);
    }

    /** Asterisk-Java gives an empty argument (a withheld number between two others) as null. */
    @Override
    public List<String> args() {
        String[] args = request.getArguments();
        return args == null ? List.of() : Arrays.stream(args).map(a -> a == null ? "" : a).toList();
    }

    @Override
    public boolean play(String sound) {
        // STREAM FILE <sound> "": result=-1 when the file is missing (endpos=0) or the caller hung up during it.
        AgiReply reply = command(() -> channel.sendCommand(new StreamFileCommand(sound)));
        if (reply.getResultCode() != -1) {
            return true;
        }
        String endpos = reply.getAttribute("endpos");
        if (hungUp() || (endpos != null && !endpos.equals("0"))) {
            hungUp = true;
            throw new CallHungUpException(uniqueId());
        }
        return false;
    }

    @Override
    public Optional<Character> askDigit(String prompt, Duration timeout) {
        String result = command(() -> channel.getData(prompt, timeout.toMillis(), 1));
        if (result == null || result.equals("-1")) {
            hungUp = true;
            throw new CallHungUpException(uniqueId());
        }
        return result.isEmpty() ? Optional.empty() : Optional.of(result.charAt(0));
    }

    @Override
    public void setVariable(String name, String value) {
        command(() -> {
            channel.setVariable(name, value);
            return null;
        });
    }

    @Override
    public void setVariables(java.util.Map<String, String> variables) {
        if (variables.isEmpty()) {
            return;
        }
        boolean plain = variables.entrySet().stream().allMatch(e -> safe(e.getKey()) && !e.getKey().contains("=")
                && safe(e.getValue()));
        if (plain) {
            String data = variables.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(java.util.stream.Collectors.joining(","));
            int result = command(() -> channel.exec("MSet", data));
            if (result != -2) {
                return;
            }
        }
        variables.forEach(this::setVariable);
    }

    private static boolean safe(String s) {
        return s != null && s.chars().noneMatch(c -> c == ',' || c == '"' || c == '\\' || c == '\n' || c == '\r');
    }

    @Override
    public void setInheritedVariable(String name, String value) {
        setVariable("__" + name, value);
    }

    @Override
    public boolean hungUp() {
        return hungUp || (connection != null && connection.hangupSeen());
    }

    private interface Command<T> {
        T run() throws AgiException;
    }

    private <T> T command(Command<T> command) {
        try {
            return command.run();
        } catch (AgiHangupException e) {
            hungUp = true;
            throw new CallHungUpException(uniqueId());
        } catch (AgiException e) {
            throw new CallSessionException("FastAGI command failed on " + channel() + ": " + e.getMessage(), e);
        }
    }
}

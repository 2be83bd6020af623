package io.greenribbon.telephony.peer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The FastAGI client side of one AGI() call, as Asterisk's res_agi speaks it: the agi_ environment, then
 * one reply per command, every line ended by a bare LF; the unsolicited {@code HANGUP} line when the
 * caller hangs up (at once while the server is idle, about 40 ms after the reply of a command the hang-up
 * interrupted), after the script's own HANGUP command, and when the server closes its side.
 */
final class FastAgiClient {

    static final String VERSION = "22.10.1";

    final PbxCore core;
    final DialplanRunner runner;
    final PeerChannel channel;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String url;
    private final String script;
    private final List<String> args;
    private final Object writeLock = new Object();
    private boolean busy;
    private boolean hangupSent;
    private boolean hangupDuringCommand;
    boolean explicitHangup;
    private long lineAt;

    FastAgiClient(PbxCore core, DialplanRunner runner, PeerChannel channel, Socket socket, String url, String script,
                  List<String> args) {
        this.core = core;
        this.runner = runner;
        this.channel = channel;
        this.socket = socket;
        this.url = url;
        this.script = script;
        this.args = args;
        try {
            this.in = new java.io.BufferedInputStream(socket.getInputStream(), 1024);
            this.out = socket.getOutputStream();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs the session with the PBX lock held (released while reading); returns AGISTATUS. */
    String run() {
        try {
            write(environment());
            long since = System.nanoTime();
            long[] silences = new long[8];
            int count = 0;
            if (channel.call != null) {
                channel.call.agiStarted();
            }
            while (true) {
                String line = readUnlocked();
                if (count == silences.length) {
                    silences = java.util.Arrays.copyOf(silences, count * 2);
                }
                silences[count++] = lineAt - since;
                if (line == null) {
                    java.util.function.Consumer<long[]> timings = core.agiTimings;
                    if (timings != null) {
                        timings.accept(java.util.Arrays.copyOf(silences, count));
                    }
                    break;
                }
                busy = true;
                String reply = new AgiCommands(this).execute(line);
                write(reply);
                since = System.nanoTime();
                busy = false;
                if (hangupDuringCommand && !hangupSent) {
                    hangupDuringCommand = false;
                    core.schedule(Duration.ofMillis(40), this::sendHangup);
                }
            }
            sendHangup();
        } catch (IOException e) {
            // The server went away: as for a close.
        } finally {
            closeQuietly();
        }
        if (explicitHangup) {
            return "FAILURE";
        }
        return channel.hangupRequested ? "HANGUP" : "SUCCESS";
    }

    private String environment() {
        StringBuilder env = new StringBuilder(512);
        line(env, "agi_network", "yes");
        line(env, "agi_network_script", script);
        line(env, "agi_request", url);
        line(env, "agi_channel", channel.name);
        line(env, "agi_language", channel.language);
        line(env, "agi_type", channel.name.substring(0, channel.name.indexOf('/')));
        line(env, "agi_uniqueid", channel.uniqueId);
        line(env, "agi_version", VERSION);
        line(env, "agi_callerid", orUnknown(channel.callerNum));
        line(env, "agi_calleridname", orUnknown(channel.callerName));
        line(env, "agi_callingpres", "0");
        line(env, "agi_callingani2", "0");
        line(env, "agi_callington", "0");
        line(env, "agi_callingtns", "0");
        line(env, "agi_dnid", orUnknown(channel.dnid));
        line(env, "agi_rdnis", orUnknown(channel.rdnis));
        line(env, "agi_context", channel.context);
        line(env, "agi_extension", channel.exten);
        line(env, "agi_priority", String.valueOf(channel.priority));
        line(env, "agi_enhanced", "0.0");
        line(env, "agi_accountcode", "");
        line(env, "agi_threadid", String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000_000L,
                999_999_999_999_999L)));
        for (int i = 0; i < args.size(); i++) {
            line(env, "agi_arg_" + (i + 1), args.get(i));
        }
        return env.append('\n').toString();
    }

    private static void line(StringBuilder env, String key, String value) {
        env.append(key).append(": ").append(value).append('\n');
    }

    static String orUnknown(String s) {
        return s == null || s.isEmpty() ? "unknown" : s;
    }

    /**
     * Reads one LF-terminated line with the PBX lock released; null at EOF. Notes in {@link #lineAt} when the
     * line (or the end) arrived, before the lock is taken again: the service's time, not the peer's.
     */
    private String readUnlocked() throws IOException {
        core.lock.unlock();
        try {
            ByteArrayOutputStream buf = new ByteArrayOutputStream(64);
            while (true) {
                int b = in.read();
                if (b < 0) {
                    lineAt = System.nanoTime();
                    return null;
                }
                if (b == '\n') {
                    lineAt = System.nanoTime();
                    return buf.toString(StandardCharsets.UTF_8);
                }
                buf.write(b);
            }
        } finally {
            core.lock.lock();
        }
    }

    void write(String text) throws IOException {
        synchronized (writeLock) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    /** The caller hung up (PBX lock held). */
    void channelHungUp() {
        if (busy) {
            hangupDuringCommand = true;
        } else {
            sendHangup();
        }
    }

    /** The script's HANGUP command: the unsolicited HANGUP follows shortly after the reply. */
    void hangupRequestedByScript() {
        explicitHangup = true;
        channel.hangupRequested = true;
        core.softHangupRequest(channel, 32);
        core.schedule(Duration.ofMillis(47), this::sendHangup);
    }

    void sendHangup() {
        if (hangupSent) {
            return;
        }
        hangupSent = true;
        try {
            write("HANGUP\n");
        } catch (IOException e) {
            // The server closed already: it will not see this line (transcript 04).
        }
    }

    private void closeQuietly() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing to release
        }
    }
}

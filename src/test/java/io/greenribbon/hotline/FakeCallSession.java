package io.greenribbon.hotline;

import io.greenribbon.telephony.CallHungUpException;
import io.greenribbon.telephony.CallSession;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A FastAGI session at the SPI level: the environment of a call, the caller's key press, and what was set. */
public final class FakeCallSession implements CallSession {

    private final String uniqueId;
    private final String dialled;
    private final String caller;
    private final String redirecting;
    private final List<String> args;
    private Character key;
    private boolean hangUpAtPrompt;
    public final Map<String, String> variables = new LinkedHashMap<>();
    public final List<String> prompts = new java.util.ArrayList<>();

    public FakeCallSession(String uniqueId, String dialled, String caller, String redirecting, List<String> args) {
        this.uniqueId = uniqueId;
        this.dialled = dialled;
        this.caller = caller;
        this.redirecting = redirecting;
        this.args = args;
    }

    /** A call as the dialplan places it: AGI(route,${HOTLINE_LINE},${CALLERID(num)}). */
    public static FakeCallSession call(String uniqueId, String line, String caller) {
        return new FakeCallSession(uniqueId, line, caller, null, List.of(line, caller == null ? "" : caller));
    }

    public FakeCallSession pressing(char key) {
        this.key = key;
        return this;
    }

    public FakeCallSession hangingUpAtPrompt() {
        this.hangUpAtPrompt = true;
        return this;
    }

    @Override
    public String script() {
        return "route";
    }

    @Override
    public String uniqueId() {
        return uniqueId;
    }

    @Override
    public String channel() {
        return "PJSIP/carrier-00000001";
    }

    @Override
    public String dialledNumber() {
        return dialled;
    }

    @Override
    public Optional<String> callerNumber() {
        return Optional.ofNullable(caller).filter(c -> !c.isEmpty());
    }

    @Override
    public Optional<String> redirectingNumber() {
        return Optional.ofNullable(redirecting);
    }

    @Override
    public List<String> args() {
        return args;
    }

    @Override
    public Optional<Character> askDigit(String prompt, Duration timeout) {
        prompts.add(prompt);
        if (hangUpAtPrompt) {
            throw new CallHungUpException(uniqueId);
        }
        return Optional.ofNullable(key);
    }

    @Override
    public void setVariable(String name, String value) {
        variables.put(name, value);
    }

    @Override
    public void setInheritedVariable(String name, String value) {
        variables.put("__" + name, value);
    }

    @Override
    public boolean hungUp() {
        return false;
    }
}

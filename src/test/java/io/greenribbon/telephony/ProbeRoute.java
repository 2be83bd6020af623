package io.greenribbon.telephony;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A FastAGI script for tests ("telephony-probe", reached by the test PBX's context telephony-probe): it
 * runs whatever the test sets as {@link #behaviour} and records what happened.
 */
@ApplicationScoped
public class ProbeRoute implements AgiRoute {

    /** What the probe does with the next calls. */
    public static volatile Consumer<CallSession> behaviour = call -> call.setVariable("PROBE_RAN", "1");
    /** What the probe saw: "thread:<name>", "hungup", "refused", ... */
    public static final List<String> seen = new CopyOnWriteArrayList<>();

    @Override
    public String script() {
        return "telephony-probe";
    }

    @Override
    public void handle(CallSession call) {
        seen.add("thread:" + Thread.currentThread().getName());
        seen.add("args:" + call.args());
        try {
            behaviour.accept(call);
        } catch (CallHungUpException e) {
            seen.add("hungup-exception");
            throw e;
        }
    }

    public static void reset() {
        seen.clear();
        behaviour = call -> call.setVariable("PROBE_RAN", "1");
    }
}

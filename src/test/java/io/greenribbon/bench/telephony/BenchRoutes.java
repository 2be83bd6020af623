package io.greenribbon.bench.telephony;

import io.greenribbon.hotline.HotlineConfig;
import io.greenribbon.telephony.AgiRoute;
import io.greenribbon.telephony.CallSession;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.Map;

/** The FastAGI scripts {@link AgiBench} compares: a trivial one, and one that answers like a routing decision. */
final class BenchRoutes {

    private BenchRoutes() {
    }

    /** The least a script can do: one variable. */
    @ApplicationScoped
    static class Trivial implements AgiRoute {
        @Override
        public String script() {
            return "bench-trivial";
        }

        @Override
        public void handle(CallSession call) {
            call.setVariable("BENCH", "1");
        }
    }

    /**
     * The trivial script for a caller who is asked "press 1": the same notice (the third argument, as the
     * dialplan names it) and the same prompt as the route script on a line that asks, then one variable.
     */
    @ApplicationScoped
    static class TrivialAfterPrompt implements AgiRoute {
        private final HotlineConfig config;

        TrivialAfterPrompt(HotlineConfig config) {
            this.config = config;
        }

        @Override
        public String script() {
            return "bench-trivial-prompt";
        }

        @Override
        public void handle(CallSession call) {
            if (call.args().size() > 2) {
                call.play(call.args().get(2));
            }
            call.askDigit(config.pressOnePrompt(), config.pressOneTimeout());
            call.setVariable("BENCH", "1");
        }
    }

    /**
     * What the route decision sends Asterisk, without its database work: the seven variables of the
     * contract (telephony/README.md). Stands in until the hotline's route is measured with -Dagi.script=route.
     */
    @ApplicationScoped
    static class Decision implements AgiRoute {
        @Override
        public String script() {
            return "bench-decision";
        }

        @Override
        public void handle(CallSession call) {
            String line = call.args().isEmpty() ? "" : call.args().get(0);
            Map<String, String> decision = new LinkedHashMap<>();
            decision.put("__HOTLINE_CALL_ID", call.uniqueId());
            decision.put("QUEUE_PRIO", "0");
            decision.put("HOTLINE_TIER1_QUEUE", "hl-" + (line.length() >= 12 ? line.substring(6) : "1301"));
            decision.put("HOTLINE_TIER1_WAIT", "30");
            decision.put("HOTLINE_TIER2_QUEUE", "hl-1301");
            decision.put("HOTLINE_TIER2_WAIT", "90");
            decision.put("HOTLINE_BACKUP", "03119999000");
            call.setVariables(decision);
        }
    }
}

package io.greenribbon.hotline.routing;

import io.greenribbon.hotline.CallerNumbers;
import io.greenribbon.hotline.HotlineConfig;
import io.greenribbon.hotline.lines.LineConfig;
import io.greenribbon.telephony.AgiRoute;
import io.greenribbon.telephony.CallSession;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The FastAGI script {@code route}: {@code AGI(agi://service:4573/route,<line>,<caller number>)}. It
 * identifies the line, keeps the caller's ORIGINAL number, opens the contact, asks "press 1" where the
 * line does, and tells the dialplan where the call goes. Whatever it does not set, the dialplan takes
 * from the line's defaults; when it refuses or fails, the dialplan falls back and the caller still
 * reaches a human.
 */
@ApplicationScoped
public class RouteScript implements AgiRoute {

    private static final Logger LOG = Logger.getLogger(RouteScript.class);

    private final RoutingService routing;
    private final HotlineConfig config;
    private final Timer decisions;

    public RouteScript(RoutingService routing, HotlineConfig config, MeterRegistry meters) {
        this.routing = routing;
        this.config = config;
        this.decisions = Timer.builder("greenribbon.route.decision")
                .description("Time the route script took to open a call's contact and decide, without talking to Asterisk")
                .publishPercentiles(0.5, 0.99).register(meters);
    }

    @Override
    public String script() {
        return "route";
    }

    @Override
    public void handle(CallSession call) {
        CallFacts facts = facts(call);
        RouteDecision decision = decisions.record(() -> routing.open(facts));
        if (decision.line().asksPressOne() && !decision.raised()) {
            Optional<Character> key = call.askDigit(config.pressOnePrompt(), config.pressOneTimeout());
            if (key.isPresent() && key.get() == '1') {
                decision = routing.pressedOne(decision);
            }
        }
        call.setVariables(variables(decision));
        LOG.debugf("Routed %s on line %s: contact %d, priority %d", call.uniqueId(), decision.line().id(),
                decision.contactId(), decision.priority());
    }

    /** What the dialplan is told, in one round trip (MSet): the contract of telephony/README.md. */
    private Map<String, String> variables(RouteDecision decision) {
        LineConfig line = decision.line();
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("__HOTLINE_CALL_ID", Long.toString(decision.contactId()));
        vars.put("QUEUE_PRIO", Integer.toString(decision.priority()));
        vars.put("HOTLINE_TIER1_QUEUE", line.tier1Queue());
        vars.put("HOTLINE_TIER1_WAIT", Long.toString(line.tier1Wait().toSeconds()));
        vars.put("HOTLINE_TIER2_QUEUE", line.tier2Queue());
        vars.put("HOTLINE_TIER2_WAIT", Long.toString(line.tier2Wait().toSeconds()));
        vars.put("HOTLINE_BACKUP", line.backupNumber());
        decision.preferredInterface().ifPresent(preferred -> {
            vars.put("HOTLINE_PREFERRED", preferred);
            vars.put("HOTLINE_PREFERRED_WAIT", Long.toString(config.preferredWait().toSeconds()));
        });
        return vars;
    }

    /**
     * The line is the first argument (the dialplan's HOTLINE_LINE), else the dialled number. The caller is
     * the channel's own caller number (Asterisk keeps the original through forwarding and transfers), else
     * the second argument; never the redirecting number, which is recorded apart.
     */
    static CallFacts facts(CallSession call) {
        List<String> args = call.args();
        String line = !args.isEmpty() && !args.get(0).isBlank() ? args.get(0).trim() : call.dialledNumber();
        Optional<String> caller = call.callerNumber().flatMap(CallerNumbers::normalise)
                .or(() -> args.size() > 1 ? CallerNumbers.normalise(args.get(1)) : Optional.empty());
        Optional<String> redirecting = call.redirectingNumber().flatMap(CallerNumbers::normalise);
        // The PBX's clock, as every event of the call: when the call reached the PBX.
        return new CallFacts(call.uniqueId(), line, caller, redirecting, call.channelCreatedAt().orElseGet(Instant::now));
    }
}

package io.greenribbon.hotline.routing;

import io.greenribbon.hotline.CallerNumbers;
import io.greenribbon.hotline.HotlineConfig;
import io.greenribbon.hotline.lines.LineConfig;
import io.greenribbon.telephony.AgiRoute;
import io.greenribbon.telephony.CallSession;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * The FastAGI script {@code route}:
 * {@code AGI(agi://service:4573/route,<line>,<caller number>[,<confidentiality notice>])}. It identifies the
 * line, keeps the caller's ORIGINAL number, opens the contact while the caller hears the notice, asks
 * "press 1" where the line does, and tells the dialplan where the call goes. Whatever it does not set, the
 * dialplan takes from the line's defaults; when it refuses or fails, the dialplan falls back (and plays the
 * notice itself if the script did not) and the caller still reaches a human.
 */
@ApplicationScoped
public class RouteScript implements AgiRoute {

    private static final Logger LOG = Logger.getLogger(RouteScript.class);
    /** A sound file name as STREAM FILE takes it: no spaces, quotes or parent directories. */
    private static final Pattern SOUND = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_/.-]{0,127}");

    private final RoutingService routing;
    private final ContactOpener opener;
    private final HotlineConfig config;

    public RouteScript(RoutingService routing, ContactOpener opener, HotlineConfig config) {
        this.routing = routing;
        this.opener = opener;
        this.config = config;
    }

    @Override
    public String script() {
        return "route";
    }

    @Override
    public void handle(CallSession call) {
        CallFacts facts = facts(call);
        LineConfig line = routing.line(facts);
        CompletableFuture<RouteDecision> opening = opener.open(facts, line);
        notice(call).ifPresent(notice -> play(call, notice));
        RouteDecision decision = await(opening, facts);
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

    /**
     * Plays the notice while another thread opens the contact: the caller hears the notice instead of silence
     * while the database works, and a caller who hangs up during the notice still leaves a contact.
     */
    private static void play(CallSession call, String notice) {
        if (!call.play(notice)) {
            LOG.warnf("Could not play the notice '%s' on %s: is the sound installed on the PBX?", notice, call.channel());
        }
    }

    private RouteDecision await(CompletableFuture<RouteDecision> opening, CallFacts facts) {
        try {
            return opening.get(config.routeDecisionTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("The contact of call " + facts.uniqueId() + " was not opened within "
                    + config.routeDecisionTimeout() + " (after the notice, if any)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while opening the contact of call " + facts.uniqueId(), e);
        }
    }

    /** The notice the dialplan asks the script to play (third argument), when it names a sound file. */
    private static Optional<String> notice(CallSession call) {
        List<String> args = call.args();
        return args.size() > 2 ? Optional.of(args.get(2).trim()).filter(n -> SOUND.matcher(n).matches() && !n.contains(".."))
                : Optional.empty();
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

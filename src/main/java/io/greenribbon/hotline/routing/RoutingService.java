package io.greenribbon.hotline.routing;

import io.greenribbon.crypto.FieldCipher;
import io.greenribbon.crypto.KeyedHash;
import io.greenribbon.hotline.HotlineConfig;
import io.greenribbon.hotline.Blocking;
import io.greenribbon.hotline.contacts.ContactSource;
import io.greenribbon.hotline.contacts.NewContact;
import io.greenribbon.hotline.contacts.RouteLedger;
import io.greenribbon.hotline.contacts.RiskReason;
import io.greenribbon.hotline.lines.LineConfig;
import io.greenribbon.hotline.lines.LineDirectory;
import io.greenribbon.hotline.presence.MemberTargets;
import io.greenribbon.telephony.CallRefusedException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The routing decision for a call: the line from memory; the caller's open high-risk case, earlier contacts
 * and own counsellor by indexed lookups and the contact's insert, all in one statement. It runs on threads
 * that may block (the call's FastAGI session, or a {@link ContactOpener} thread while the notice plays);
 * never on an event loop.
 */
@ApplicationScoped
public class RoutingService {

    /** Where sealed caller numbers live (binds each ciphertext to its column). */
    public static final String CALLER_NUMBER_AD = "hotline_contact.caller_number";
    public static final String REDIRECTING_NUMBER_AD = "hotline_contact.redirecting_number";

    private final LineDirectory lines;
    private final RouteLedger ledger;
    private final MemberTargets targets;
    private final KeyedHash hash;
    private final FieldCipher cipher;
    private final HotlineConfig config;

    public RoutingService(LineDirectory lines, RouteLedger ledger, MemberTargets targets,
                          KeyedHash hash, FieldCipher cipher, HotlineConfig config) {
        this.lines = lines;
        this.ledger = ledger;
        this.targets = targets;
        this.hash = hash;
        this.cipher = cipher;
        this.config = config;
    }

    /**
     * Identifies the line, opens the contact and decides; refuses an unknown line. The line comes from
     * memory (loaded once when the service has not loaded the lines yet); everything the database knows
     * of the caller, their open high-risk case included, and the insert are one statement: one round trip
     * on a pooled connection, committing by itself.
     */
    public RouteDecision open(CallFacts call) {
        return open(call, line(call));
    }

    /** The call's line, from memory (loaded once when the service has not loaded the lines yet); refuses an unknown one. */
    public LineConfig line(CallFacts call) {
        return lines.cached(call.lineId()).or(() -> Blocking.await(() -> lines.find(call.lineId())))
                .orElseThrow(() -> new CallRefusedException("Unknown line '" + call.lineId() + "'"));
    }

    /** Opens the contact of a call on a known line and decides. */
    public RouteDecision open(CallFacts call, LineConfig line) {
        return openAll(List.of(new OnLine(call, line))).get(0);
    }

    /** A call and the line it came in on. */
    public record OnLine(CallFacts call, LineConfig line) {
    }

    /**
     * Opens the contacts of several calls (of distinct channels) in one statement and one commit, and
     * decides each as {@link #open(CallFacts, LineConfig)} would; in the order given.
     */
    public List<RouteDecision> openAll(List<OnLine> calls) {
        List<RouteLedger.Routed> routed = ledger.routeAll(calls.stream().map(c -> newContact(c.call(), c.line())).toList(),
                config.raisedPriority(), calls.stream().map(c -> ownSince(c.call())).toList());
        return IntStream.range(0, calls.size()).mapToObj(i -> decision(routed.get(i), calls.get(i).line())).toList();
    }

    /** The caller pressed 1: the call rises above everyone waiting and goes first to its own counsellor. */
    public RouteDecision pressedOne(RouteDecision decision) {
        RouteDecision raised = decision.raisedFor(RiskReason.PRESSED_ONE, config.raisedPriority());
        ledger.raise(decision.contactId(), raised.priority(), RiskReason.PRESSED_ONE,
                raised.ownCounsellor().map(RouteDecision.Preferred::username).orElse(null));
        return raised;
    }

    private NewContact newContact(CallFacts call, LineConfig line) {
        return new NewContact(call.uniqueId(), call.uniqueId(), line.id(), line.divisionCode(), ContactSource.ROUTE,
                call.callerNumber().map(hash::of).orElse(null),
                call.callerNumber().map(n -> cipher.seal(n, CALLER_NUMBER_AD)).orElse(null),
                call.redirectingNumber().map(n -> cipher.seal(n, REDIRECTING_NUMBER_AD)).orElse(null),
                false, null, 0, null, line.tier1Queue(), line.tier2Queue(), call.at());
    }

    /** A counsellor who answered the caller since then is the caller's own counsellor. */
    private Instant ownSince(CallFacts call) {
        return call.at().minus(config.ownCounsellorWindow());
    }

    private RouteDecision decision(RouteLedger.Routed routed, LineConfig line) {
        Optional<RouteDecision.Preferred> own = routed.freeOwnCounsellor().map(username ->
                new RouteDecision.Preferred(username, targets.memberInterface(routed.freeOwnExtension().orElseThrow())));
        Optional<RouteDecision.Preferred> preferred = routed.riskReason().isPresent() ? own : Optional.empty();
        return new RouteDecision(routed.id(), line, routed.priority(), routed.riskReason(),
                preferred.map(RouteDecision.Preferred::memberInterface), own, routed.repeatCaller());
    }
}

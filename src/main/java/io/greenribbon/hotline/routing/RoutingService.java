package io.greenribbon.hotline.routing;

import io.greenribbon.crypto.FieldCipher;
import io.greenribbon.crypto.KeyedHash;
import io.greenribbon.hotline.HotlineConfig;
import io.greenribbon.hotline.contacts.CallLedger;
import io.greenribbon.hotline.contacts.ContactSource;
import io.greenribbon.hotline.contacts.NewContact;
import io.greenribbon.hotline.contacts.RiskReason;
import io.greenribbon.hotline.lines.LineConfig;
import io.greenribbon.hotline.lines.LineDirectory;
import io.greenribbon.risk.CallerRiskLookup;
import io.greenribbon.hotline.presence.MemberTargets;
import io.greenribbon.telephony.CallRefusedException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * The routing decision for a call, in one short transaction: the line from memory, the caller's earlier
 * contacts and open risk case by indexed lookups, the contact inserted at once.
 */
@ApplicationScoped
public class RoutingService {

    /** Where sealed caller numbers live (binds each ciphertext to its column). */
    public static final String CALLER_NUMBER_AD = "hotline_contact.caller_number";
    public static final String REDIRECTING_NUMBER_AD = "hotline_contact.redirecting_number";

    private final LineDirectory lines;
    private final CallLedger ledger;
    private final CallerRiskLookup risk;
    private final MemberTargets targets;
    private final KeyedHash hash;
    private final FieldCipher cipher;
    private final HotlineConfig config;

    public RoutingService(LineDirectory lines, CallLedger ledger, CallerRiskLookup risk, MemberTargets targets,
                          KeyedHash hash, FieldCipher cipher, HotlineConfig config) {
        this.lines = lines;
        this.ledger = ledger;
        this.risk = risk;
        this.targets = targets;
        this.hash = hash;
        this.cipher = cipher;
        this.config = config;
    }

    /**
     * Identifies the line, opens the contact and decides; refuses an unknown line. The line comes from
     * memory; the open-case lookup and one statement (earlier contacts, own counsellor, insert) are the
     * only round trips to the database.
     */
    public Uni<RouteDecision> open(CallFacts call) {
        return Panache.withSession(() -> lines.find(call.lineId()).flatMap(found -> {
            LineConfig line = found.orElseThrow(() -> new CallRefusedException("Unknown line '" + call.lineId() + "'"));
            String callerKey = call.callerNumber().map(hash::of).orElse(null);
            Uni<Optional<CallerRiskLookup.CallerRisk>> openCase = callerKey == null
                    ? Uni.createFrom().item(Optional.empty()) : risk.openHighRiskCase(callerKey);
            return openCase.flatMap(riskCase -> insert(call, line, callerKey, riskCase));
        }));
    }

    /** The caller pressed 1: the call rises above everyone waiting and goes first to its own counsellor. */
    public Uni<RouteDecision> pressedOne(RouteDecision decision) {
        RouteDecision raised = decision.raisedFor(RiskReason.PRESSED_ONE, config.raisedPriority());
        return Panache.withTransaction(() -> ledger.raise(decision.contactId(), raised.priority(),
                        RiskReason.PRESSED_ONE, raised.ownCounsellor().map(RouteDecision.Preferred::username).orElse(null)))
                .replaceWith(raised);
    }

    private Uni<RouteDecision> insert(CallFacts call, LineConfig line, String callerKey,
                                      Optional<CallerRiskLookup.CallerRisk> openCase) {
        Optional<RiskReason> reason = openCase.map(c -> RiskReason.OPEN_CASE);
        int priority = reason.isPresent() ? config.raisedPriority() : 0;
        NewContact contact = new NewContact(call.uniqueId(), call.uniqueId(), line.id(), line.divisionCode(),
                ContactSource.ROUTE, callerKey,
                call.callerNumber().map(n -> cipher.seal(n, CALLER_NUMBER_AD)).orElse(null),
                call.redirectingNumber().map(n -> cipher.seal(n, REDIRECTING_NUMBER_AD)).orElse(null),
                false, null, priority, reason.orElse(null), line.tier1Queue(), line.tier2Queue(), call.at());
        String caseCounsellor = openCase.map(CallerRiskLookup.CallerRisk::assignedCounsellor).orElse(null);
        return ledger.route(contact, caseCounsellor, call.at().minus(config.ownCounsellorWindow())).map(routed -> {
            Optional<RouteDecision.Preferred> own = routed.freeOwnCounsellor().map(username ->
                    new RouteDecision.Preferred(username, targets.memberInterface(routed.freeOwnExtension().orElseThrow())));
            Optional<RouteDecision.Preferred> preferred = reason.isPresent() ? own : Optional.empty();
            return new RouteDecision(routed.id(), line, priority, reason,
                    preferred.map(RouteDecision.Preferred::memberInterface), own, routed.repeatCaller());
        });
    }
}

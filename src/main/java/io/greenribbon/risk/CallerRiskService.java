package io.greenribbon.risk;

import io.greenribbon.access.Actor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The risk side of the hotline's caller panel. Routing asks risk nothing through Java: the route statement
 * calls {@code risk_routing_flag} (V5_3), which answers only level and counsellor.
 */
@ApplicationScoped
public class CallerRiskService implements CallerCaseAccess {

    private final RiskGate gate;
    private final RiskCaseRepository cases;
    private final BreakGlassRepository breakGlass;

    public CallerRiskService(RiskGate gate, RiskCaseRepository cases, BreakGlassRepository breakGlass) {
        this.gate = gate;
        this.cases = cases;
        this.breakGlass = breakGlass;
    }

    @Override
    public Uni<CallerCase> activeCaseFor(Actor counsellor, String callerKey, long contactId) {
        if (callerKey == null) {
            return Uni.createFrom().item(CallerCase.none());
        }
        return gate.asSystem("caller-panel", tx -> cases.openByCallerKey(callerKey).map(c -> c == null ? 0L : c.id))
                .chain(caseId -> caseId == 0L ? Uni.createFrom().item(CallerCase.none())
                        : gate.onCaseAs(counsellor, caseId, RiskAction.CALLER_PANEL, (tx, c) -> switch (tx.basis()) {
                            case ASSIGNED, SUPERVISION -> Uni.createFrom().item(
                                    new CallerCase(Visibility.FULL, c.id, c.level, null));
                            case BREAK_GLASS -> breakGlass.activeGrant(tx.actorName(), c.id, tx.now()).map(g -> new CallerCase(
                                    Visibility.BREAK_GLASS_ACTIVE, c.id, c.level, g.map(b -> b.expiresAt).orElse(null)));
                            default -> Uni.createFrom().item(new CallerCase(Visibility.BREAK_GLASS_AVAILABLE, c.id, c.level, null));
                        }));
    }
}

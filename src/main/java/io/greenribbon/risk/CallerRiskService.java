package io.greenribbon.risk;

import io.greenribbon.access.Actor;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** The risk side of the hotline's routing and caller panel. */
@ApplicationScoped
public class CallerRiskService implements CallerRiskLookup, CallerCaseAccess {

    private final RiskGate gate;
    private final RiskCaseRepository cases;
    private final BreakGlassRepository breakGlass;
    private final Pool pool;

    public CallerRiskService(RiskGate gate, RiskCaseRepository cases, BreakGlassRepository breakGlass, Pool pool) {
        this.gate = gate;
        this.cases = cases;
        this.breakGlass = breakGlass;
        this.pool = pool;
    }

    /**
     * A routing decision of the service itself: not audited, and it reveals level and counsellor only. Asked
     * through {@code risk_routing_flag} (V5_3), the function the route statement folds into its own round trip.
     */
    @Override
    public Uni<Optional<CallerRisk>> openHighRiskCase(String callerKey) {
        if (callerKey == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        return pool.preparedQuery("SELECT level, assigned_counsellor, division FROM risk_routing_flag($1)")
                .execute(Tuple.of(callerKey))
                .map(rows -> {
                    var found = rows.iterator();
                    if (!found.hasNext()) {
                        return Optional.empty();
                    }
                    Row r = found.next();
                    return Optional.of(new CallerRisk(RiskLevel.valueOf(r.getString(0)), r.getString(1), r.getString(2)));
                });
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

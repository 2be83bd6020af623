package io.greenribbon.risk;

import io.greenribbon.access.AccessDecision;
import io.greenribbon.access.Actor;
import io.greenribbon.audit.AuditEntry;
import io.greenribbon.audit.AuditLog;
import io.greenribbon.audit.AuditedRequest;
import io.greenribbon.audit.RowSecurity;
import io.greenribbon.problem.Failures;
import io.greenribbon.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.hibernate.LockMode;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * THE access-decision point for risk data. Every read and write of risk tables runs through one of its
 * methods: it opens the transaction, looks up the facts of the record, decides from role, division,
 * assignment and purpose ({@link RiskRules}, {@link RiskAction}), sets the row-level security context the
 * database enforces the same decision with, runs the work, and commits the work together with its audit
 * entry. A refusal is audited in a transaction of its own and answered 404 (no ground: existence stays
 * hidden) or 403.
 */
@ApplicationScoped
public class RiskGate {

    private static final Logger LOG = Logger.getLogger(RiskGate.class);

    /** A risk record as loaded for a decision, with its facts (record null when it does not exist). */
    record Target<E>(E record, RecordFacts facts) {
    }

    private final AccessDecision access;
    private final AuditLog audit;
    private final Clock clock;
    private final BreakGlassRepository breakGlass;
    private final Instance<HotlineContacts> hotline;
    private final AuditedRequest audited;

    public RiskGate(AccessDecision access, AuditLog audit, Clock clock, BreakGlassRepository breakGlass,
                    Instance<HotlineContacts> hotline, AuditedRequest audited) {
        this.audited = audited;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
        this.breakGlass = breakGlass;
        this.hotline = hotline;
    }

    /** {@code work} on one case, as the request's account. */
    public <T> Uni<T> onCase(long caseId, RiskAction action, BiFunction<RiskTx, RiskCase, Uni<T>> work) {
        return onCaseAs(access.actor(), caseId, action, work);
    }

    /** {@code work} on one case, as {@code actor} (for callers outside a risk request, such as the caller panel). */
    public <T> Uni<T> onCaseAs(Actor actor, long caseId, RiskAction action, BiFunction<RiskTx, RiskCase, Uni<T>> work) {
        return onRecordAs(actor, action, tx -> (action.writes()
                        ? tx.session().find(RiskCase.class, caseId, LockMode.PESSIMISTIC_WRITE)
                        : tx.session().find(RiskCase.class, caseId))
                .map(c -> c == null ? new Target<>(null, RecordFacts.missing("risk_case", caseId))
                        : new Target<>(c, RecordFacts.ofCase(c))), work);
    }

    /** {@code work} on any risk record whose facts {@code loader} finds (in the service's context). */
    <E, T> Uni<T> onRecord(RiskAction action, Function<RiskTx, Uni<Target<E>>> loader,
                           BiFunction<RiskTx, E, Uni<T>> work) {
        return onRecordAs(access.actor(), action, loader, work);
    }

    private <E, T> Uni<T> onRecordAs(Actor actor, RiskAction action, Function<RiskTx, Uni<Target<E>>> loader,
                                     BiFunction<RiskTx, E, Uni<T>> work) {
        RiskTx tx = newTx(actor, null);
        return guarded(tx, action, () -> Panache.withTransaction(() -> Panache.getSession().chain(session -> {
            tx.bind(session);
            return tx.system("gate", () -> loader.apply(tx)
                            .chain(target -> grounds(tx, action, target.facts()).map(found -> {
                                decide(tx, action, target.facts(), found);
                                return target;
                            })))
                    .chain(target -> tx.enter(contextFor(actor, tx.basis(), target.facts()))
                            .chain(() -> work.apply(tx, target.record())))
                    .call(() -> audit.appendWithin(session, tx.auditEntries()));
        })));
    }

    /**
     * {@code work} not bound to one existing record: creating one in {@code division}, which the account's
     * jurisdiction must cover (for a screening: the division of the contact or session).
     */
    public <T> Uni<T> inDivision(String division, RiskAction action, Function<RiskTx, Uni<T>> work) {
        return inDivision(division, null, action, work);
    }

    /** The same, where the account that took the contact ({@code tookIt}) may act outside its jurisdiction. */
    public <T> Uni<T> inDivision(String division, String tookIt, RiskAction action, Function<RiskTx, Uni<T>> work) {
        Actor actor = access.actor();
        RiskTx tx = newTx(actor, null);
        RecordFacts facts = new RecordFacts(action.recordType(), null, division, null, null, null, null);
        return guarded(tx, action, () -> Panache.withTransaction(() -> Panache.getSession().chain(session -> {
            tx.bind(session);
            if (!actor.governs(division) && !actor.username().equals(tookIt)) {
                throw new RiskDenied(facts, false, "out-of-jurisdiction");
            }
            Basis basis = actor.hasRole(io.greenribbon.access.Role.RISK_SUPERVISOR) ? Basis.SUPERVISION : Basis.ASSIGNED;
            decide(tx, action, facts, java.util.EnumSet.of(basis));
            return tx.enter(contextFor(actor, basis, facts)).chain(() -> work.apply(tx))
                    .call(() -> audit.appendWithin(session, tx.auditEntries()));
        })));
    }

    /** {@code work} over what the account sees wholesale (its cases, or its jurisdiction's): lists. */
    public <T> Uni<T> inOwnScope(RiskAction action, Function<RiskTx, Uni<T>> work) {
        Actor actor = access.actor();
        RiskTx tx = newTx(actor, null);
        Set<Basis> wholesale = RiskRules.wholesale(actor);
        Set<Basis> grounds = wholesale.isEmpty() ? java.util.EnumSet.of(Basis.ASSIGNED, Basis.OWNER) : wholesale;
        RecordFacts facts = new RecordFacts(action.recordType(), null, actor.division(), null, null, null, null);
        return guarded(tx, action, () -> Panache.withTransaction(() -> Panache.getSession().chain(session -> {
            tx.bind(session);
            decide(tx, action, facts, grounds);
            String scope = RiskRules.listScopeOf(actor, tx.basis());
            return tx.enter(new RowSecurity.Context(actor.username(), scope, null)).chain(() -> work.apply(tx))
                    .call(() -> audit.appendWithin(session, tx.auditEntries()));
        })));
    }

    /**
     * {@code work} counting the risk data of {@code division} (and everything beneath it) for oversight, by a
     * health official whose jurisdiction covers it: the rows of that division are visible to the work, which
     * must return aggregates only. Audited as one read of the division's figures.
     */
    public <T> Uni<T> figures(String division, Function<RiskTx, Uni<T>> work) {
        Actor actor = access.actor();
        RiskTx tx = newTx(actor, null);
        RecordFacts facts = new RecordFacts(RiskAction.FIGURES.recordType(), null, division, null, null, null, null);
        return guarded(tx, RiskAction.FIGURES, () -> Panache.withTransaction(() -> Panache.getSession().chain(session -> {
            tx.bind(session);
            if (!actor.hasRole(io.greenribbon.access.Role.HEALTH_OFFICIAL) || !actor.governs(division)) {
                throw new RiskDenied(facts, false, "out-of-jurisdiction");
            }
            decide(tx, RiskAction.FIGURES, facts, java.util.EnumSet.of(Basis.OVERSIGHT));
            return tx.enter(new RowSecurity.Context(actor.username(), division, null)).chain(() -> work.apply(tx))
                    .call(() -> audit.appendWithin(session, tx.auditEntries()));
        })));
    }

    /**
     * {@code work} done by the service itself ({@code job}: a deadline sweep, a routing lookup), seeing every
     * division. Its audit entries are the work's to add.
     */
    public <T> Uni<T> asSystem(String job, Function<RiskTx, Uni<T>> work) {
        RiskTx tx = newTx(null, job);
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> {
                    tx.bind(session);
                    return tx.enter(RowSecurity.Context.system(job)).chain(() -> work.apply(tx))
                            .call(() -> audit.appendWithin(session, tx.auditEntries()));
                }))
                .call(result -> runEffects(tx));
    }

    private RiskTx newTx(Actor actor, String job) {
        return new RiskTx(actor, job, clock.instant());
    }

    /**
     * The grounds of the account for the record. Break-the-glass and live calls count only for a counsellor
     * without a direct ground (assignment, supervision): they are the way in for the others, and one who
     * knows of the case (on the line with its person) is told 403, not 404, for what they do not cover.
     */
    private Uni<Set<Basis>> grounds(RiskTx tx, RiskAction action, RecordFacts facts) {
        Actor actor = tx.actor();
        Set<Basis> direct = RiskRules.grounds(actor, facts, false, false);
        if (!direct.isEmpty() || !facts.exists() || facts.caseId() == null
                || !actor.hasRole(io.greenribbon.access.Role.HOTLINE_COUNSELLOR)) {
            return Uni.createFrom().item(direct);
        }
        return breakGlass.activeGrant(actor.username(), facts.caseId(), tx.now()).map(Optional::isPresent)
                .chain(hasGlass -> {
                    if (facts.callerKey() == null || !hotline.isResolvable()) {
                        return Uni.createFrom().item(RiskRules.grounds(actor, facts, hasGlass, false));
                    }
                    return hotline.get().currentCall(actor.username()).map(call -> RiskRules.grounds(actor, facts,
                            hasGlass, call.isPresent() && facts.callerKey().equals(call.get().callerKey())));
                });
    }

    private void decide(RiskTx tx, RiskAction action, RecordFacts facts, Set<Basis> grounds) {
        if (grounds.isEmpty()) {
            throw new RiskDenied(facts, true, "no-ground");
        }
        Basis basis = RiskRules.chosen(action, grounds);
        if (basis == null) {
            throw new RiskDenied(facts, false, "ground-" + grounds.iterator().next().name().toLowerCase().replace('_', '-'));
        }
        tx.decided(basis, AuditEntry.of(tx.now(), tx.actor(), action.auditAction(), facts.type(), facts.id(),
                facts.division(), basis.purpose(), AuditEntry.Outcome.ALLOWED, null));
    }

    private RowSecurity.Context contextFor(Actor actor, Basis basis, RecordFacts facts) {
        List<Long> planGrants = basis == Basis.BREAK_GLASS ? List.of(facts.caseId()) : List.of();
        return new RowSecurity.Context(actor.username(), RiskRules.scopeOf(actor), planGrants);
    }

    /** Audits refusals and failures after the transaction rolled back; runs the effects after a commit. */
    private <T> Uni<T> guarded(RiskTx tx, RiskAction action, Supplier<Uni<T>> transaction) {
        return Uni.createFrom().deferred(() -> transaction.get())
                .call(result -> runEffects(tx))
                .onFailure().recoverWithUni(failure -> {
                    if (failure instanceof RiskDenied denied) {
                        markAudited();
                        return audit.append(AuditEntry.of(tx.now(), tx.actor(), action.auditAction(), denied.facts.type(),
                                        denied.facts.id(), denied.facts.division(), "NONE", AuditEntry.Outcome.DENIED,
                                        denied.reason))
                                .chain(() -> Uni.createFrom().failure(denied.toProblem()));
                    }
                    failure = translated(failure);
                    if (tx.isDecided()) {
                        AuditEntry entry = tx.accessEntry();
                        Throwable failed = failure;
                        String problem = failure instanceof ProblemException p ? p.type().id() : "error";
                        return audit.append(new AuditEntry(entry.at(), entry.actor(), entry.actorRoles(),
                                        entry.actorDivision(), entry.action(), entry.recordType(), entry.recordId(),
                                        entry.recordDivision(), entry.purpose(), AuditEntry.Outcome.FAILED, problem))
                                .onFailure().invoke(e -> LOG.errorf(e, "Audit of a failed %s not written", action))
                                .onFailure().recoverWithNull()
                                .chain(() -> Uni.createFrom().failure(failed));
                    }
                    return Uni.createFrom().failure(failure);
                });
    }

    /** Tells the refusal filter that this request's refusal is audited already. */
    private void markAudited() {
        if (io.quarkus.arc.Arc.container().requestContext().isActive()) {
            audited.markRecorded();
        }
    }

    /** The database's own guards on cases, as the problems the service would have answered. */
    private static Throwable translated(Throwable failure) {
        String state = Failures.sqlState(failure);
        if (state == null) {
            return failure;
        }
        return switch (state) {
            case "GRR01" -> ProblemException.conflict("risk.case.referral-unconfirmed", "?");
            case "GRR02" -> ProblemException.conflict("risk.case.follow-up-open", "?");
            case "GRR03" -> ProblemException.conflict("risk.case.closed", "?");
            default -> failure;
        };
    }

    private Uni<Void> runEffects(RiskTx tx) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Supplier<Uni<Void>> effect : tx.effects()) {
            chain = chain.chain(() -> effect.get().onFailure().invoke(e -> LOG.errorf(e, "After-commit step failed"))
                    .onFailure().recoverWithNull());
        }
        return chain;
    }
}

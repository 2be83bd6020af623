package io.greenribbon.risk;

import io.greenribbon.access.Actor;
import io.greenribbon.audit.AuditEntry;
import io.greenribbon.audit.RowSecurity;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One transaction on risk data, opened by the {@link RiskGate}: the session, who acts (an account, or the
 * service itself), on what ground, the time of the transaction, the audit entries it will commit with,
 * and what to do once it has committed (telephone calls, which cannot be rolled back).
 */
public final class RiskTx {

    private Mutiny.Session session;
    private final Actor actor;
    private final String job;
    private final Instant now;
    private final List<AuditEntry> audit = new ArrayList<>();
    private final List<Supplier<Uni<Void>>> afterCommit = new ArrayList<>();
    private RowSecurity.Context context;
    private Basis basis;
    private AuditEntry access;

    RiskTx(Actor actor, String job, Instant now) {
        this.actor = actor;
        this.job = job;
        this.now = now;
    }

    void bind(Mutiny.Session current) {
        this.session = current;
    }

    public Mutiny.Session session() {
        return session;
    }

    /** The account acting, or null when the service acts by itself. */
    public Actor actor() {
        return actor;
    }

    /** The name recorded for who acted: the username, or {@code system:<job>}. */
    public String actorName() {
        return actor != null ? actor.username() : "system:" + job;
    }

    public Instant now() {
        return now;
    }

    public Basis basis() {
        return basis;
    }

    /** Adds an entry to commit with this transaction's changes. */
    public void audit(AuditEntry entry) {
        audit.add(entry);
    }

    /** Runs {@code effect} after the commit (a failure there is the effect's own to record). */
    public void afterCommit(Supplier<Uni<Void>> effect) {
        afterCommit.add(effect);
    }

    /** Names the record the access entry is about, once a write has created it. */
    public void recordCreated(Object id) {
        if (access != null) {
            int i = audit.indexOf(access);
            access = access.withRecord(id, access.recordDivision());
            audit.set(i, access);
        }
    }

    /** Adds a short, identity-free detail (codes, counts) to the access entry. */
    public void describe(String detail) {
        if (access != null) {
            int i = audit.indexOf(access);
            access = access.withDetail(detail);
            audit.set(i, access);
        }
    }

    /**
     * Runs {@code work} in the service's own row-security context (every row visible), then returns to the
     * acting one. For the few steps that must reach beyond what the account sees: the gate's own lookup, and
     * raising a case another counsellor holds.
     */
    <T> Uni<T> system(String what, Supplier<Uni<T>> work) {
        RowSecurity.Context back = context;
        return enter(RowSecurity.Context.system(what)).chain(() -> work.get())
                .call(() -> back == null ? Uni.createFrom().voidItem() : enter(back));
    }

    Uni<Void> enter(RowSecurity.Context next) {
        context = next;
        return RowSecurity.apply(session, next);
    }

    void decided(Basis ground, AuditEntry entry) {
        this.basis = ground;
        this.access = entry;
        audit.add(entry);
    }

    boolean isDecided() {
        return basis != null;
    }

    AuditEntry accessEntry() {
        return access;
    }

    List<AuditEntry> auditEntries() {
        return audit;
    }

    List<Supplier<Uni<Void>>> effects() {
        return afterCommit;
    }
}

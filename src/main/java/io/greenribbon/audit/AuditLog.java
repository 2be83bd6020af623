package io.greenribbon.audit;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Appends to the hash-chained audit log. Two ways in:
 * <ul>
 * <li>{@link #appendWithin}: inside the caller's own transaction, as its last statements, so that a
 * change and its audit entry commit together (or neither does);</li>
 * <li>{@link #append}: in a transaction of its own, for accesses that change nothing or were refused.
 * Concurrent appends share one transaction (group commit) and each completes once its entry is committed.</li>
 * </ul>
 * Every appender, on every replica, takes the chain's advisory lock, reads the head and continues it; the
 * database checks that each entry does.
 */
@ApplicationScoped
public class AuditLog {

    static final long CHAIN_LOCK = 727170001L;
    private static final String LOCK = "SELECT 1 FROM pg_advisory_xact_lock(" + CHAIN_LOCK + ")";
    private static final String HEAD = "SELECT seq, hash FROM audit_chain_head";
    private static final String COLUMNS = "seq, at, actor, actor_roles, actor_division, action, record_type, record_id, "
            + "record_division, purpose, outcome, detail, key_id, prev_hash, hash";
    /** A whole batch as one statement: the chain's trigger then checks it and moves the head once. */
    private static final String INSERT_BATCH = "INSERT INTO audit_entry (" + COLUMNS + ") SELECT * FROM unnest("
            + "$1::bigint[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], "
            + "$9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[])";
    private static final String INSERT_NAMED = "INSERT INTO audit_entry (" + COLUMNS + ") VALUES (:seq, :at, :actor, "
            + ":roles, :actorDivision, :action, :recordType, :recordId, :recordDivision, :purpose, :outcome, :detail, "
            + ":keyId, :prevHash, :hash)";

    private record Pending(AuditEntry entry, UniEmitter<? super Void> done) {
    }

    private final Pool pool;
    private final AuditChain chain;
    private final AuditConfig config;
    private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writing = new AtomicBoolean();

    public AuditLog(Pool pool, AuditChain chain, AuditConfig config) {
        this.pool = pool;
        this.chain = chain;
        this.config = config;
    }

    /** Appends in a transaction of its own; completes when the entry is committed. */
    public Uni<Void> append(AuditEntry entry) {
        return Uni.createFrom().emitter(done -> {
            queue.add(new Pending(entry, done));
            writeQueued();
        });
    }

    /**
     * Appends inside the caller's Hibernate Reactive transaction. Call it last: from here to the commit the
     * transaction holds the chain's lock.
     */
    public Uni<Void> appendWithin(Mutiny.Session session, List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return session.createNativeQuery(LOCK).getSingleResult()
                .chain(() -> session.createNativeQuery(HEAD, Object[].class).getSingleResult())
                .chain(head -> {
                    List<ChainedEntry> linked = link(((Number) head[0]).longValue(), head[1].toString(), entries);
                    Uni<Void> inserts = Uni.createFrom().voidItem();
                    for (ChainedEntry c : linked) {
                        inserts = inserts.chain(() -> insert(session, c));
                    }
                    return inserts;
                });
    }

    private Uni<Void> insert(Mutiny.Session session, ChainedEntry c) {
        AuditEntry e = c.entry();
        return session.createNativeQuery(INSERT_NAMED)
                .setParameter("seq", c.seq())
                .setParameter("at", OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC))
                .setParameter("actor", e.actor())
                .setParameter("roles", e.actorRoles())
                .setParameter("actorDivision", e.actorDivision())
                .setParameter("action", e.action())
                .setParameter("recordType", e.recordType())
                .setParameter("recordId", e.recordId())
                .setParameter("recordDivision", e.recordDivision())
                .setParameter("purpose", e.purpose())
                .setParameter("outcome", e.outcome().name())
                .setParameter("detail", e.detail())
                .setParameter("keyId", c.keyId())
                .setParameter("prevHash", c.prevHash())
                .setParameter("hash", c.hash())
                .executeUpdate().replaceWithVoid();
    }

    /** Writes what is queued, one batch at a time, until the queue is empty. */
    private void writeQueued() {
        if (!writing.compareAndSet(false, true)) {
            return;
        }
        List<Pending> batch = new ArrayList<>();
        for (Pending p; batch.size() < config.maxBatch() && (p = queue.poll()) != null; ) {
            batch.add(p);
        }
        if (batch.isEmpty()) {
            writing.set(false);
            if (!queue.isEmpty()) {
                writeQueued();
            }
            return;
        }
        pool.withTransaction(connection -> write(connection, batch.stream().map(Pending::entry).toList()))
                .subscribe().with(ok -> {
                    batch.forEach(p -> p.done().complete(null));
                    writing.set(false);
                    writeQueued();
                }, failure -> {
                    batch.forEach(p -> p.done().fail(failure));
                    writing.set(false);
                    writeQueued();
                });
    }

    private Uni<Void> write(SqlConnection connection, List<AuditEntry> entries) {
        return RowSecurity.apply(connection, RowSecurity.Context.system("audit"))
                .chain(() -> connection.query(LOCK).execute())
                .chain(() -> connection.query(HEAD).execute())
                .chain(rows -> {
                    Row head = rows.iterator().next();
                    return connection.preparedQuery(INSERT_BATCH)
                            .execute(columns(link(head.getLong("seq"), head.getString("hash"), entries)));
                })
                .replaceWithVoid();
    }

    private List<ChainedEntry> link(long headSeq, String headHash, List<AuditEntry> entries) {
        List<ChainedEntry> linked = new ArrayList<>(entries.size());
        long seq = headSeq;
        String prev = headHash;
        for (AuditEntry entry : entries) {
            ChainedEntry c = chain.link(++seq, entry, prev);
            linked.add(c);
            prev = c.hash();
        }
        return linked;
    }

    /** The batch as fifteen column arrays, for {@link #INSERT_BATCH}. */
    private static Tuple columns(List<ChainedEntry> batch) {
        int n = batch.size();
        Long[] seq = new Long[n];
        OffsetDateTime[] at = new OffsetDateTime[n];
        String[][] text = new String[13][n];
        for (int i = 0; i < n; i++) {
            ChainedEntry c = batch.get(i);
            AuditEntry e = c.entry();
            seq[i] = c.seq();
            at[i] = OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC);
            String[] row = {e.actor(), e.actorRoles(), e.actorDivision(), e.action(), e.recordType(), e.recordId(),
                    e.recordDivision(), e.purpose(), e.outcome().name(), e.detail(), c.keyId(), c.prevHash(), c.hash()};
            for (int column = 0; column < row.length; column++) {
                text[column][i] = row[column];
            }
        }
        Tuple tuple = Tuple.tuple().addArrayOfLong(seq).addArrayOfOffsetDateTime(at);
        for (String[] column : text) {
            tuple.addArrayOfString(column);
        }
        return tuple;
    }
}

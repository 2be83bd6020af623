package io.greenribbon.audit;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Recomputes the audit chain from its first entry and names the first broken link: an entry whose fields
 * no longer match its hash (edited), a missing sequence number (deleted), an entry that does not continue
 * its predecessor's hash, or a head that points past the last entry (the tail deleted). The chain is read
 * in one snapshot, split into ranges that are streamed and checked in parallel, then joined range to range.
 */
@ApplicationScoped
public class AuditVerifier {

    /** Why a link is broken. */
    public enum Break {
        /** The entry's fields or hash were changed. */
        ENTRY_ALTERED,
        /** The entry with this sequence number was removed. */
        ENTRY_MISSING,
        /** The entry does not continue the hash of the entry before it. */
        LINK_BROKEN,
        /** The entry was chained with a key this service does not hold. */
        UNKNOWN_KEY,
        /** The chain's head names entries that are no longer there. */
        TAIL_MISSING
    }

    /**
     * @param intact     whether the whole chain verified
     * @param entries    how many entries were checked before the first broken link (all, when intact)
     * @param headSeq    the sequence number of the chain's head
     * @param headHash   the head's hash (record it elsewhere to detect a rewritten chain later)
     * @param brokenAt   the sequence number of the first broken link, or null
     * @param problem    what is wrong there, or null
     */
    public record Result(boolean intact, long entries, long headSeq, String headHash, Long brokenAt, Break problem,
                         Instant verifiedAt, long millis) {
    }

    /** Opens a connection with the service's rights. */
    @FunctionalInterface
    public interface Connections {
        Connection open() throws SQLException;
    }

    /** What one range of the chain looked like: its ends, and its first break if any. */
    private record Range(long from, long to, long checked, long firstSeq, String firstPrev, long lastSeq, String lastHash,
                         Long brokenAt, Break problem) {
    }

    /**
     * The rows of a range, and the one before it (whose hash the range continues). The previous hash is not
     * read: each entry's HMAC is recomputed over the hash of the entry actually before it, so an entry that
     * was moved, or whose predecessor changed, fails just like an edited one. Numbers and times come in
     * binary (formatting timestamps as text is the costliest part of the scan).
     */
    private static final String ROWS = "SELECT seq, at, actor, actor_roles, "
            + "actor_division, action, record_type, record_id, record_division, purpose, outcome, detail, key_id, "
            + "hash FROM audit_entry WHERE seq BETWEEN ? AND ? ORDER BY seq";

    private final AgroalDataSource dataSource;
    private final AuditChain chain;
    private final AuditConfig config;
    private final Clock clock;

    public AuditVerifier(AgroalDataSource dataSource, AuditChain chain, AuditConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.chain = chain;
        this.config = config;
        this.clock = clock;
    }

    public Result verify() {
        try {
            return verify(dataSource::getConnection, config.verifyParallelism());
        } catch (SQLException e) {
            throw new IllegalStateException("Audit chain could not be read: " + e.getMessage(), e);
        }
    }

    /** Verifies with {@code parallelism} connections sharing one snapshot. */
    public Result verify(Connections connections, int parallelism) throws SQLException {
        return verify(connections, parallelism, MIN_RANGE);
    }

    /** Ranges shorter than this are not worth a connection of their own. */
    static final long MIN_RANGE = 10_000;

    Result verify(Connections connections, int parallelism, long minRange) throws SQLException {
        long started = System.nanoTime();
        try (Connection coordinator = connections.open()) {
            begin(coordinator);
            try {
                long headSeq;
                String headHash;
                String snapshot;
                try (Statement s = coordinator.createStatement();
                     ResultSet head = s.executeQuery("SELECT seq, hash, pg_export_snapshot() FROM audit_chain_head")) {
                    head.next();
                    headSeq = head.getLong(1);
                    headHash = head.getString(2);
                    snapshot = head.getString(3);
                }
                List<Range> ranges = ranges(connections, snapshot, headSeq, Math.max(1, parallelism), minRange);
                Result result = join(ranges, headSeq, headHash, started);
                coordinator.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                coordinator.rollback();
                throw e;
            }
        }
    }

    private static void begin(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
    }

    private List<Range> ranges(Connections connections, String snapshot, long headSeq, int parallelism, long minRange)
            throws SQLException {
        int parts = (int) Math.max(1, Math.min(parallelism, headSeq / minRange + 1));
        long size = Math.max(1, (headSeq + parts - 1) / parts);
        ExecutorService workers = Executors.newFixedThreadPool(parts, r -> {
            Thread t = new Thread(r, "audit-verify");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Range>> futures = new ArrayList<>();
            for (long from = 1; from <= Math.max(1, headSeq); from += size) {
                long start = from;
                long end = Math.max(start, Math.min(headSeq, from + size - 1));
                futures.add(workers.submit(() -> range(connections, snapshot, start, end)));
            }
            List<Range> ranges = new ArrayList<>();
            for (Future<Range> f : futures) {
                ranges.add(f.get());
            }
            return ranges;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            workers.shutdownNow();
        }
    }

    /** Streams one range of the chain in the shared snapshot and checks each entry against the one before. */
    private Range range(Connections connections, String snapshot, long from, long to) throws SQLException {
        try (Connection c = connections.open()) {
            begin(c);
            try (Statement s = c.createStatement()) {
                s.execute("SET TRANSACTION SNAPSHOT '" + snapshot.replace("'", "") + "'");
                // Row security hides the filter's selectivity from the planner; the key order is what we want.
                s.execute("SET LOCAL enable_seqscan = off");
            }
            RowSecurity.apply(c, RowSecurity.Context.system("audit-verify"));
            if (c.isWrapperFor(org.postgresql.PGConnection.class)) {
                // A server-side prepared statement from the first execution: results in binary.
                c.unwrap(org.postgresql.PGConnection.class).setPrepareThreshold(-1);
            }
            long expected = from;
            long checked = 0;
            long firstSeq = -1;
            String prev = from == 1 ? AuditChain.GENESIS : null;
            String firstPrev = prev;
            try (PreparedStatement s = c.prepareStatement(ROWS, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                s.setFetchSize(config.verifyFetchSize());
                s.setLong(1, from == 1 ? 1 : from - 1);
                s.setLong(2, to);
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        long seq = rows.getLong(1);
                        String hash = rows.getString(14);
                        if (seq < from) {
                            prev = hash;
                            firstPrev = hash;
                            continue;
                        }
                        if (firstSeq < 0) {
                            firstSeq = seq;
                        }
                        if (seq != expected) {
                            c.rollback();
                            return new Range(from, to, checked, firstSeq, firstPrev, seq, hash, expected, Break.ENTRY_MISSING);
                        }
                        AuditEntry entry = new AuditEntry(rows.getObject(2, java.time.OffsetDateTime.class).toInstant(),
                                rows.getString(3),
                                rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7),
                                rows.getString(8), rows.getString(9), rows.getString(10),
                                AuditEntry.Outcome.valueOf(rows.getString(11)), rows.getString(12));
                        String keyId = rows.getString(13);
                        String recomputed = prev == null ? null : chain.hash(seq, entry, keyId, prev);
                        if (prev != null && !hash.equals(recomputed)) {
                            Break problem = recomputed == null ? Break.UNKNOWN_KEY
                                    : storedPrev(c, seq).equals(prev) ? Break.ENTRY_ALTERED : Break.LINK_BROKEN;
                            c.rollback();
                            return new Range(from, to, checked, firstSeq, firstPrev, seq, hash, seq, problem);
                        }
                        checked++;
                        expected++;
                        prev = hash;
                    }
                }
            }
            c.commit();
            return new Range(from, to, checked, firstSeq, firstPrev, expected - 1, prev, null, null);
        }
    }

    private static String storedPrev(Connection c, long seq) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT prev_hash FROM audit_entry WHERE seq = ?")) {
            s.setLong(1, seq);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : "";
            }
        }
    }

    /** Joins the ranges in order: the first break wins; each range must end where its span ends. */
    private Result join(List<Range> ranges, long headSeq, String headHash, long started) {
        long checked = 0;
        long lastSeq = 0;
        String lastHash = AuditChain.GENESIS;
        for (Range r : ranges) {
            if (headSeq == 0) {
                break;
            }
            if (r.brokenAt() != null) {
                return broken(checked + r.checked(), headSeq, headHash, r.brokenAt(), r.problem(), started);
            }
            if (r.firstSeq() < 0 || r.lastSeq() < r.to()) {
                // Entries at the end of this range are gone.
                long at = r.firstSeq() < 0 ? r.from() : r.lastSeq() + 1;
                return broken(checked + r.checked(), headSeq, headHash, at,
                        r.to() >= headSeq ? Break.TAIL_MISSING : Break.ENTRY_MISSING, started);
            }
            checked += r.checked();
            lastSeq = r.lastSeq();
            lastHash = r.lastHash();
        }
        if (headSeq != lastSeq || !headHash.equals(lastHash)) {
            return broken(checked, headSeq, headHash, lastSeq + 1, Break.TAIL_MISSING, started);
        }
        return new Result(true, checked, headSeq, headHash, null, null, clock.instant(), millisSince(started));
    }

    private Result broken(long checked, long headSeq, String headHash, long at, Break problem, long started) {
        return new Result(false, checked, headSeq, headHash, at, problem, clock.instant(), millisSince(started));
    }

    private static long millisSince(long started) {
        return Duration.ofNanos(System.nanoTime() - started).toMillis();
    }
}

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

/**
 * Recomputes the audit chain from its first entry and names the first broken link: an entry whose fields
 * no longer match its hash (edited), a missing sequence number (deleted), an entry that does not continue
 * its predecessor's hash, or a head that points past the last entry (the tail deleted). Reads one
 * consistent snapshot, streaming, on the calling (worker) thread.
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
     * @param entries    how many entries were checked
     * @param headSeq    the sequence number of the chain's head
     * @param headHash   the head's hash (record it elsewhere to detect a rewritten chain later)
     * @param brokenAt   the sequence number of the first broken link, or null
     * @param problem    what is wrong there, or null
     */
    public record Result(boolean intact, long entries, long headSeq, String headHash, Long brokenAt, Break problem,
                         Instant verifiedAt, long millis) {
    }

    private static final String ROWS = "SELECT seq, at, actor, actor_roles, actor_division, action, record_type, record_id, "
            + "record_division, purpose, outcome, detail, key_id, prev_hash, hash FROM audit_entry ORDER BY seq";

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
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                RowSecurity.apply(connection, RowSecurity.Context.system("audit-verify"));
                Result result = walk(connection, started);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Audit chain could not be read: " + e.getMessage(), e);
        }
    }

    private Result walk(Connection connection, long started) throws SQLException {
        long headSeq;
        String headHash;
        try (Statement s = connection.createStatement(); ResultSet head = s.executeQuery("SELECT seq, hash FROM audit_chain_head")) {
            head.next();
            headSeq = head.getLong(1);
            headHash = head.getString(2);
        }
        long expected = 1;
        String prev = AuditChain.GENESIS;
        long checked = 0;
        try (PreparedStatement s = connection.prepareStatement(ROWS, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            s.setFetchSize(config.verifyFetchSize());
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    long seq = rows.getLong(1);
                    AuditEntry entry = new AuditEntry(rows.getObject(2, java.time.OffsetDateTime.class).toInstant(),
                            rows.getString(3), rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7),
                            rows.getString(8), rows.getString(9), rows.getString(10),
                            AuditEntry.Outcome.valueOf(rows.getString(11)), rows.getString(12));
                    String keyId = rows.getString(13);
                    String prevHash = rows.getString(14);
                    String hash = rows.getString(15);
                    Break problem = null;
                    if (seq != expected) {
                        return broken(checked, headSeq, headHash, expected, Break.ENTRY_MISSING, started);
                    }
                    String recomputed = chain.hash(seq, entry, keyId, prevHash);
                    if (recomputed == null) {
                        problem = Break.UNKNOWN_KEY;
                    } else if (!prevHash.equals(prev)) {
                        problem = Break.LINK_BROKEN;
                    } else if (!recomputed.equals(hash)) {
                        problem = Break.ENTRY_ALTERED;
                    }
                    if (problem != null) {
                        return broken(checked, headSeq, headHash, seq, problem, started);
                    }
                    checked++;
                    expected++;
                    prev = hash;
                }
            }
        }
        if (headSeq != expected - 1 || !headHash.equals(prev)) {
            return broken(checked, headSeq, headHash, expected, Break.TAIL_MISSING, started);
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

package io.greenribbon.audit;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The verifications of the audit chain as they were run, and the chain's head now. */
@ApplicationScoped
public class AuditVerifications {

    private static final String INSERT = """
            INSERT INTO audit_verification (verified_at, verified_by, intact, entries, head_seq, head_hash, broken_at,
                                            problem, millis)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)""";
    private static final String STATUS = """
            SELECT h.seq AS now_seq, v.verified_at, v.verified_by, v.intact, v.entries, v.head_seq, v.head_hash,
                   v.broken_at, v.problem, v.millis
              FROM audit_chain_head h
              LEFT JOIN LATERAL (SELECT * FROM audit_verification ORDER BY verified_at DESC, id DESC LIMIT 1) v ON true""";

    /**
     * One verification: by whom and when; whether the chain was intact; how many entries verified (up to the
     * first break); the head it verified up to, whose hash is the one to record elsewhere; the break, if any.
     */
    public record Verification(Instant verifiedAt, String verifiedBy, boolean intact, long entries, long headSeq,
                               String headHash, Long brokenAt, AuditVerifier.Break problem, long millis) {
    }

    /**
     * The chain now: its head's sequence number, the last verification (null when none ran yet), and how many
     * entries were appended since it ran.
     */
    public record Status(long headSeq, Verification last, long appendedSince) {
    }

    private final Pool pool;

    public AuditVerifications(Pool pool) {
        this.pool = pool;
    }

    Uni<Void> record(AuditVerifier.Result result, String by) {
        return pool.preparedQuery(INSERT).execute(Tuple.from(new Object[]{
                OffsetDateTime.ofInstant(result.verifiedAt(), ZoneOffset.UTC), by, result.intact(), result.entries(),
                result.headSeq(), result.headHash(), result.brokenAt(),
                result.problem() == null ? null : result.problem().name(), result.millis()})).replaceWithVoid();
    }

    Uni<Status> status() {
        return pool.query(STATUS).execute().map(rows -> {
            Row r = rows.iterator().next();
            long now = r.getLong("now_seq");
            if (r.getOffsetDateTime("verified_at") == null) {
                return new Status(now, null, now);
            }
            String problem = r.getString("problem");
            Verification last = new Verification(r.getOffsetDateTime("verified_at").toInstant(),
                    r.getString("verified_by"), r.getBoolean("intact"), r.getLong("entries"), r.getLong("head_seq"),
                    r.getString("head_hash"), r.getLong("broken_at"),
                    problem == null ? null : AuditVerifier.Break.valueOf(problem), r.getLong("millis"));
            return new Status(now, last, Math.max(0, now - last.headSeq()));
        });
    }
}

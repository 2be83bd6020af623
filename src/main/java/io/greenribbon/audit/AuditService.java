package io.greenribbon.audit;

import io.greenribbon.access.AccessDecision;
import io.greenribbon.access.Actor;
import io.greenribbon.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading the access log (within the reader's jurisdiction: entries about records there, or by accounts
 * there; a division filter narrows the same rule), exporting it, and verifying its chain. All of them are
 * audited themselves.
 */
@ApplicationScoped
public class AuditService {

    private static final String QUERY = """
            SELECT seq, at, actor, actor_roles, actor_division, action, record_type, record_id, record_division,
                   purpose, outcome, detail
              FROM audit_entry
             WHERE ($1::text IS NULL OR record_type = $1) AND ($2::text IS NULL OR record_id = $2)
               AND ($3::text IS NULL OR actor = $3)
               AND ($4::timestamptz IS NULL OR at >= $4) AND ($5::timestamptz IS NULL OR at < $5)
               AND seq < $6
               AND (starts_with(record_division, $7) OR starts_with(actor_division, $7))
             ORDER BY seq DESC
             LIMIT $8""";

    private static final int DETAIL_WIDTH = 500;

    private final Pool pool;
    private final AuditLog log;
    private final AuditVerifier verifier;
    private final AuditVerifications verifications;
    private final AccessDecision access;
    private final AuditConfig config;
    private final Clock clock;

    public AuditService(Pool pool, AuditLog log, AuditVerifier verifier, AuditVerifications verifications,
                        AccessDecision access, AuditConfig config, Clock clock) {
        this.pool = pool;
        this.log = log;
        this.verifier = verifier;
        this.verifications = verifications;
        this.access = access;
        this.config = config;
        this.clock = clock;
    }

    public Uni<AccessLogView> access(String record, String kind, String actorFilter, String from, String to,
                                     String division, Long before, Integer limit) {
        return access(AccessLogQuery.parse(record, kind, actorFilter, from, to, division, before, limit,
                config.maxQueryRows()));
    }

    /** One page of the log, newest first. */
    public Uni<AccessLogView> access(AccessLogQuery q) {
        Actor actor = access.actor();
        String jurisdiction = access.jurisdiction();
        return read(q, q.limit()).map(items -> new AccessLogView(items,
                        items.size() == q.limit() ? items.get(items.size() - 1).seq() : null))
                .call(() -> log.append(AuditEntry.of(clock.instant(), actor, "audit.query", "audit_log", null,
                        jurisdiction, "AUDIT_REVIEW", AuditEntry.Outcome.ALLOWED, describe(q.describe()))));
    }

    /**
     * Every entry the filters select (from {@code before} down), newest first, for a file; more than
     * {@code greenribbon.audit.max-export-rows} is refused (narrow the period), never cut short silently.
     */
    public Uni<List<AccessLogView.Item>> export(AccessLogQuery q) {
        Actor actor = access.actor();
        String jurisdiction = access.jurisdiction();
        int max = config.maxExportRows();
        return read(q, max + 1).invoke(items -> {
                    if (items.size() > max) {
                        throw ProblemException.invalid(q.from() == null ? "from" : "to",
                                "more than " + max + " entries: choose a shorter period");
                    }
                })
                .call(items -> log.append(AuditEntry.of(clock.instant(), actor, "audit.export", "audit_log", null,
                        jurisdiction, "AUDIT_REVIEW", AuditEntry.Outcome.ALLOWED,
                        describe(q.describe() + ";rows=" + items.size()))));
    }

    private Uni<List<AccessLogView.Item>> read(AccessLogQuery q, int rows) {
        Actor actor = access.actor();
        String jurisdiction = access.jurisdiction();
        if (q.division() != null) {
            access.requireGoverns(q.division());
        }
        String within = q.division() != null ? q.division() : jurisdiction;
        RowSecurity.Context context = new RowSecurity.Context(actor.username(), jurisdiction, null);
        Tuple params = Tuple.tuple().addString(q.recordType()).addString(q.recordId()).addString(q.actor())
                .addOffsetDateTime(q.from()).addOffsetDateTime(q.to()).addLong(q.before()).addString(within)
                .addInteger(rows);
        return pool.withTransaction(connection -> RowSecurity.apply(connection, context)
                        .chain(() -> connection.preparedQuery(QUERY).execute(params)))
                .map(AuditService::items);
    }

    private static List<AccessLogView.Item> items(RowSet<Row> rows) {
        List<AccessLogView.Item> items = new ArrayList<>(rows.size());
        for (Row r : rows) {
            items.add(new AccessLogView.Item(r.getLong("seq"), r.getOffsetDateTime("at").toInstant(),
                    r.getString("actor"), r.getString("actor_roles"), r.getString("actor_division"),
                    r.getString("action"), r.getString("record_type"), r.getString("record_id"),
                    r.getString("record_division"), r.getString("purpose"), r.getString("outcome"),
                    r.getString("detail")));
        }
        return items;
    }

    private static String describe(String detail) {
        return detail.length() <= DETAIL_WIDTH ? detail : detail.substring(0, DETAIL_WIDTH);
    }

    /** Recomputes the whole chain; the result is kept as the last verification and audited. */
    public Uni<AuditVerifier.Result> verify() {
        Actor actor = access.actor();
        return Uni.createFrom().item(verifier::verify).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .call(result -> verifications.record(result, actor.username()))
                .call(result -> log.append(AuditEntry.of(clock.instant(), actor, "audit.verify", "audit_log", null,
                        null, "AUDIT_REVIEW", AuditEntry.Outcome.ALLOWED,
                        "intact=" + result.intact() + ";entries=" + result.entries()
                                + (result.brokenAt() == null ? "" : ";brokenAt=" + result.brokenAt()))));
    }

    /** The chain as it stands: its head now, and the last verification (who, when, how far, any break). */
    public Uni<AuditVerifications.Status> chain() {
        return verifications.status();
    }
}

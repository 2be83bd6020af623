package io.greenribbon.audit;

import io.greenribbon.access.AccessDecision;
import io.greenribbon.access.Actor;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading the access log (within the reader's jurisdiction: entries about records there, or by accounts
 * there) and verifying its chain. Both are audited themselves.
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

    private final Pool pool;
    private final AuditLog log;
    private final AuditVerifier verifier;
    private final AccessDecision access;
    private final AuditConfig config;
    private final Clock clock;

    public AuditService(Pool pool, AuditLog log, AuditVerifier verifier, AccessDecision access, AuditConfig config,
                        Clock clock) {
        this.pool = pool;
        this.log = log;
        this.verifier = verifier;
        this.access = access;
        this.config = config;
        this.clock = clock;
    }

    public Uni<AccessLogView> access(String record, String actorFilter, String from, String to, Long before, Integer limit) {
        AccessLogQuery q = AccessLogQuery.parse(record, actorFilter, from, to, before, limit, config.maxQueryRows());
        Actor actor = access.actor();
        String jurisdiction = access.jurisdiction();
        RowSecurity.Context context = new RowSecurity.Context(actor.username(), jurisdiction, null);
        Tuple params = Tuple.tuple().addString(q.recordType()).addString(q.recordId()).addString(q.actor())
                .addOffsetDateTime(q.from()).addOffsetDateTime(q.to()).addLong(q.before()).addString(jurisdiction)
                .addInteger(q.limit());
        return pool.withTransaction(connection -> RowSecurity.apply(connection, context)
                        .chain(() -> connection.preparedQuery(QUERY).execute(params)))
                .map(rows -> {
                    List<AccessLogView.Item> items = new ArrayList<>();
                    for (Row r : rows) {
                        items.add(new AccessLogView.Item(r.getLong("seq"), r.getOffsetDateTime("at").toInstant(),
                                r.getString("actor"), r.getString("actor_roles"), r.getString("actor_division"),
                                r.getString("action"), r.getString("record_type"), r.getString("record_id"),
                                r.getString("record_division"), r.getString("purpose"), r.getString("outcome"),
                                r.getString("detail")));
                    }
                    Long next = items.size() == q.limit() ? items.get(items.size() - 1).seq() : null;
                    return new AccessLogView(items, next);
                })
                .call(() -> log.append(AuditEntry.of(clock.instant(), actor, "audit.query", "audit_log", null,
                        jurisdiction, "AUDIT_REVIEW", AuditEntry.Outcome.ALLOWED, q.describe())));
    }

    public Uni<AuditVerifier.Result> verify() {
        Actor actor = access.actor();
        return Uni.createFrom().item(verifier::verify).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .call(result -> log.append(AuditEntry.of(clock.instant(), actor, "audit.verify", "audit_log", null,
                        null, "AUDIT_REVIEW", AuditEntry.Outcome.ALLOWED,
                        "intact=" + result.intact() + ";entries=" + result.entries()
                                + (result.brokenAt() == null ? "" : ";brokenAt=" + result.brokenAt()))));
    }
}

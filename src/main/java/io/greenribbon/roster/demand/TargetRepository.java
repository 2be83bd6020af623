package io.greenribbon.roster.demand;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;

/** The {@code staffing_service_target} row of a line. */
@ApplicationScoped
public class TargetRepository {

    private final Pool pool;

    public TargetRepository(Pool pool) {
        this.pool = pool;
    }

    /** The line's own target, or null when it keeps the default. */
    public Uni<ServiceTarget> find(String line) {
        return pool.preparedQuery("SELECT answered_share, within_seconds FROM staffing_service_target "
                        + "WHERE line_division = $1").execute(Tuple.of(line))
                .map(rows -> {
                    RowIterator<Row> it = rows.iterator();
                    if (!it.hasNext()) {
                        return null;
                    }
                    Row r = it.next();
                    return new ServiceTarget(r.getBigDecimal(0).doubleValue(), (int) r.getShort(1));
                });
    }

    public Uni<Void> save(String line, ServiceTarget target, String actor) {
        return pool.preparedQuery("""
                        INSERT INTO staffing_service_target (line_division, answered_share, within_seconds, updated_by)
                        VALUES ($1, $2, $3, $4)
                        ON CONFLICT (line_division) DO UPDATE SET answered_share = excluded.answered_share,
                            within_seconds = excluded.within_seconds, updated_at = now(), updated_by = excluded.updated_by""")
                .execute(Tuple.of(line, BigDecimal.valueOf(target.answeredShare()),
                        (short) target.withinSeconds().intValue(), actor))
                .replaceWithVoid();
    }
}

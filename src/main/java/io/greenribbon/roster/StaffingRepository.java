package io.greenribbon.roster;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The {@code staffing_minimum} rows of a line, keyed by (ISO day of week, hour). */
@ApplicationScoped
public class StaffingRepository {

    private final Pool pool;

    public StaffingRepository(Pool pool) {
        this.pool = pool;
    }

    /** Seats by {@code day * 100 + hour}. */
    public Uni<Map<Integer, Integer>> find(String line) {
        return pool.preparedQuery("SELECT day_of_week, hour, seats FROM staffing_minimum WHERE line_division = $1")
                .execute(Tuple.of(line))
                .map(rows -> {
                    Map<Integer, Integer> seats = new java.util.HashMap<>();
                    for (Row r : rows) {
                        seats.put(r.getShort(0) * 100 + r.getShort(1), (int) r.getShort(2));
                    }
                    return seats;
                });
    }

    /** Replaces the line's rows with {@code seats} (keyed as {@link #find}), in one transaction. */
    public Uni<Void> replace(String line, Map<Integer, Integer> seats) {
        List<Tuple> rows = new ArrayList<>();
        seats.forEach((key, n) -> rows.add(Tuple.of(line, (short) (key / 100), (short) (key % 100), n.shortValue())));
        return pool.withTransaction(conn -> conn
                .preparedQuery("DELETE FROM staffing_minimum WHERE line_division = $1").execute(Tuple.of(line))
                .flatMap(x -> rows.isEmpty() ? Uni.createFrom().voidItem() : conn
                        .preparedQuery("INSERT INTO staffing_minimum (line_division, day_of_week, hour, seats)"
                                + " VALUES ($1, $2, $3, $4)").executeBatch(rows).replaceWithVoid())
                .replaceWithVoid());
    }
}

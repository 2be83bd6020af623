package io.greenribbon.rooms.booking;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Serialises the transactions that write bookings of the same room, counsellor or client, before they write.
 *
 * <p>The exclusion constraints alone already make a double booking impossible, but concurrent inserts of
 * overlapping ranges wait on each other's uncommitted rows and can deadlock; PostgreSQL then needs
 * {@code deadlock_timeout} (1 s) to break each knot, and a race of many requests crawls. With these
 * transaction-scoped advisory locks, always taken in the same order (room, counsellor, client), writers of
 * one resource queue up: each one sees the previous winner committed and fails at once, or books.
 */
@ApplicationScoped
public class BookingLocks {

    /**
     * A select taking the three locks, with named parameters {@code :room}, {@code :counsellor} and
     * {@code :client}: a statement of its own ({@link #lock}), or the first step of the one that books
     * ({@link BookingInsert}).
     */
    static final String LOCKS = """
            SELECT pg_advisory_xact_lock(1, CAST(:room % 2147483647 AS int)),
                   pg_advisory_xact_lock(2, CAST(:counsellor % 2147483647 AS int)),
                   pg_advisory_xact_lock(3, CAST(:client % 2147483647 AS int))""";

    public Uni<Void> lock(long roomId, long counsellorId, long clientId) {
        // Object, not Long.class: a native query with a scalar result class misses the plan cache every time.
        return Panache.getSession().flatMap(s -> s.createNativeQuery("SELECT count(*) FROM (" + LOCKS + ") locked",
                        Object.class)
                .setParameter("room", roomId)
                .setParameter("counsellor", counsellorId)
                .setParameter("client", clientId)
                .getSingleResult()).replaceWithVoid();
    }
}

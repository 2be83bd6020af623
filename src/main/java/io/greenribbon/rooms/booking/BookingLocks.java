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

    private static final int ROOM = 1;
    private static final int COUNSELLOR = 2;
    private static final int CLIENT = 3;

    public Uni<Void> lock(long roomId, long counsellorId, long clientId) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        select count(*) from (select
                            pg_advisory_xact_lock(%d, cast(:room %% 2147483647 as int)),
                            pg_advisory_xact_lock(%d, cast(:counsellor %% 2147483647 as int)),
                            pg_advisory_xact_lock(%d, cast(:client %% 2147483647 as int))) locked"""
                                .formatted(ROOM, COUNSELLOR, CLIENT), Long.class)
                .setParameter("room", roomId)
                .setParameter("counsellor", counsellorId)
                .setParameter("client", clientId)
                .getSingleResult()).replaceWithVoid();
    }
}

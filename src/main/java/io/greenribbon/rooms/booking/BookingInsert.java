package io.greenribbon.rooms.booking;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Writes new bookings and their BOOKED history in one statement (one round trip): it takes the booking locks
 * ({@link BookingLocks}), inserts the sessions, where the exclusion constraints accept or refuse them (SQLSTATE
 * 23P01, as for any insert), and appends each one's first event. The bookings are of one room, counsellor and
 * client, as a request books them; their ids are filled in.
 */
@ApplicationScoped
public class BookingInsert {

    public Uni<Void> insert(List<Booking> bookings, String actor, OffsetDateTime now) {
        Booking first = bookings.get(0);
        String sql = statement(bookings.size(), first.seriesId != null, first.purpose != null);
        return Panache.getSession().flatMap(s -> {
            var query = s.createNativeQuery(sql, Object[].class)
                    .setParameter("room", first.roomId)
                    .setParameter("counsellor", first.counsellorId)
                    .setParameter("client", first.clientId)
                    .setParameter("mode", first.mode.name())
                    .setParameter("actor", actor)
                    .setParameter("now", now);
            for (int i = 0; i < bookings.size(); i++) {
                query.setParameter("start" + i, bookings.get(i).startsAt).setParameter("end" + i, bookings.get(i).endsAt);
            }
            if (first.seriesId != null) {
                query.setParameter("series", first.seriesId);
            }
            if (first.purpose != null) {
                query.setParameter("purpose", first.purpose);
            }
            return query.getResultList();
        }).invoke(rows -> {
            Map<Instant, Long> ids = new HashMap<>();
            for (Object[] row : rows) {
                ids.put(BookingRepository.instant(row[1]), ((Number) row[0]).longValue());
            }
            for (Booking b : bookings) {
                b.id = ids.get(b.startsAt.toInstant());
            }
        }).replaceWithVoid();
    }

    /** The statement for {@code count} sessions, with or without a series and a purpose (nulls are not bound). */
    static String statement(int count, boolean series, boolean purpose) {
        String sessions = IntStream.range(0, count)
                .mapToObj(i -> "(CAST(:start%d AS timestamptz), CAST(:end%d AS timestamptz), %d)".formatted(i, i, i + 1))
                .collect(Collectors.joining(", "));
        return """
                WITH locked AS MATERIALIZED (
                %s
                ), sessions (starts_at, ends_at, week) AS (
                    VALUES %s
                ), booked AS (
                    INSERT INTO booking (room_id, counsellor_id, client_id, starts_at, ends_at, mode, purpose,
                                         series_id, series_week, created_by, created_at, updated_at)
                    SELECT CAST(:room AS bigint), CAST(:counsellor AS bigint), CAST(:client AS bigint), s.starts_at,
                           s.ends_at, CAST(:mode AS varchar), %s, %s, CAST(:actor AS varchar),
                           CAST(:now AS timestamptz), CAST(:now AS timestamptz)
                    FROM locked, sessions s
                    RETURNING id, starts_at, ends_at
                ), history AS (
                    INSERT INTO booking_event (booking_id, kind, at, actor, starts_at, ends_at, counsellor_id)
                    SELECT id, 'BOOKED', CAST(:now AS timestamptz), CAST(:actor AS varchar), starts_at, ends_at,
                           CAST(:counsellor AS bigint)
                    FROM booked
                )
                SELECT id, starts_at FROM booked""".formatted(BookingLocks.LOCKS, sessions,
                purpose ? "CAST(:purpose AS varchar)" : "NULL",
                series ? "CAST(:series AS bigint), s.week" : "NULL, NULL");
    }
}

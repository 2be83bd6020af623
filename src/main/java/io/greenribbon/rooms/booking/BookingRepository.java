package io.greenribbon.rooms.booking;

import io.greenribbon.rooms.Span;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class BookingRepository implements PanacheRepository<Booking> {

    /** Which bookings an account may list: by the rooms it administers or keeps, or as their counsellor. */
    public record Visibility(String username, String jurisdiction, boolean administers, boolean keepsRooms) {
    }

    /** Filters of the booking list; null means any. */
    public record Filter(Long roomId, Long counsellorId, BookingStatus status, OffsetDateTime from,
                         OffsetDateTime to) {
    }

    /**
     * Active bookings overlapping {@code [from, to)} that share the room, the counsellor or the client (the
     * test the exclusion constraints make: half-open ranges overlap when each starts before the other ends).
     */
    public Uni<List<Booking>> findCollisions(Long roomId, Long counsellorId, Long clientId, OffsetDateTime from,
                                             OffsetDateTime to, Long excludeId) {
        return Panache.getSession().flatMap(s -> s.createSelectionQuery("""
                        from Booking b
                        where b.status <> :cancelled and b.startsAt < :to and b.endsAt > :from
                          and (b.roomId = :room or b.counsellorId = :counsellor or b.clientId = :client)
                          and b.id <> :exclude
                        order by b.startsAt, b.id""", Booking.class)
                .setParameter("cancelled", BookingStatus.CANCELLED)
                .setParameter("from", from).setParameter("to", to)
                .setParameter("room", roomId).setParameter("counsellor", counsellorId)
                .setParameter("client", clientId).setParameter("exclude", excludeId == null ? -1L : excludeId)
                .getResultList());
    }

    /**
     * The times of the active bookings overlapping {@code [from, to)} that share the room, the counsellor or
     * the client, but {@code excludeId} (a booking being moved): where a session with these three cannot go.
     */
    public Uni<List<Span>> busy(Long roomId, Long counsellorId, Long clientId, OffsetDateTime from, OffsetDateTime to,
                                Long excludeId) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        SELECT starts_at, ends_at FROM booking
                        WHERE status <> 'CANCELLED' AND period && tstzrange(:from, :to, '[)')
                          AND (room_id = :room OR counsellor_id = :counsellor OR client_id = :client)
                          AND id <> :exclude""", Object[].class)
                .setParameter("from", from).setParameter("to", to)
                .setParameter("room", roomId).setParameter("counsellor", counsellorId)
                .setParameter("client", clientId).setParameter("exclude", excludeId == null ? -1L : excludeId)
                .getResultList())
                .map(rows -> rows.stream().map(r -> new Span(instant(r[0]), instant(r[1]))).toList());
    }

    static java.time.Instant instant(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.time.Instant i) {
            return i;
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.LocalDateTime l) {
            return l.toInstant(java.time.ZoneOffset.UTC);
        }
        throw new IllegalArgumentException("Not a time: " + value);
    }

    /**
     * Every booking of a room overlapping a window, cancelled ones too, by start, each with its counsellor and
     * client ({@code Object[]} of booking, counsellor, client): one statement.
     */
    public Uni<List<Object[]>> findInRoomWithParties(Long roomId, OffsetDateTime from, OffsetDateTime to) {
        return Panache.getSession().flatMap(s -> s.createSelectionQuery("""
                        select b, c, cl from Booking b
                        left join Counsellor c on c.id = b.counsellorId
                        left join RoomClient cl on cl.id = b.clientId
                        where b.roomId = :room and b.startsAt < :to and b.endsAt > :from
                        order by b.startsAt, b.id""", Object[].class)
                .setParameter("room", roomId).setParameter("from", from).setParameter("to", to)
                .getResultList());
    }

    /** Active bookings of a room overlapping a window. */
    public Uni<List<Booking>> findActiveInRoom(Long roomId, OffsetDateTime from, OffsetDateTime to) {
        return list("roomId = ?1 and status <> ?2 and startsAt < ?4 and endsAt > ?3", Sort.by("startsAt"),
                roomId, BookingStatus.CANCELLED, from, to);
    }

    /** Active bookings of some counsellors overlapping a window. */
    public Uni<List<Booking>> findActiveOfCounsellors(Collection<Long> counsellorIds, OffsetDateTime from,
                                                      OffsetDateTime to) {
        return counsellorIds.isEmpty() ? Uni.createFrom().item(List.of())
                : list("counsellorId in ?1 and status <> ?2 and startsAt < ?4 and endsAt > ?3", Sort.by("startsAt"),
                counsellorIds, BookingStatus.CANCELLED, from, to);
    }

    /** Every booking of a counsellor overlapping a window, cancelled ones included (calendars drop those). */
    public Uni<List<Booking>> findOfCounsellor(Long counsellorId, OffsetDateTime from, OffsetDateTime to) {
        return list("counsellorId = ?1 and startsAt < ?3 and endsAt > ?2", Sort.by("startsAt"), counsellorId, from, to);
    }

    public Uni<List<Booking>> list(Visibility v, Filter f, int limit) {
        StringBuilder q = new StringBuilder("startsAt < :to and endsAt > :from and (")
                .append("counsellorId in (select c.id from Counsellor c where c.username = :user)");
        Parameters p = Parameters.with("from", f.from()).and("to", f.to()).and("user", v.username());
        if (v.administers()) {
            q.append(" or roomId in (select r.id from Room r where r.divisionCode like :prefix)");
        }
        if (v.keepsRooms()) {
            q.append(" or roomId in (select s.roomId from RoomStaff s where s.username = :user"
                    + " and s.roomId in (select r.id from Room r where r.divisionCode like :prefix))");
        }
        if (v.administers() || v.keepsRooms()) {
            p.and("prefix", v.jurisdiction() + "%");
        }
        q.append(')');
        if (f.roomId() != null) {
            q.append(" and roomId = :room");
            p.and("room", f.roomId());
        }
        if (f.counsellorId() != null) {
            q.append(" and counsellorId = :counsellor");
            p.and("counsellor", f.counsellorId());
        }
        if (f.status() != null) {
            q.append(" and status = :status");
            p.and("status", f.status());
        }
        return find(q.toString(), Sort.by("startsAt").and("id"), p).range(0, limit - 1).list();
    }

    public Uni<List<BookingEvent>> history(Long bookingId) {
        return Panache.getSession().flatMap(s -> s
                .createSelectionQuery("from BookingEvent where bookingId = ?1 order by id", BookingEvent.class)
                .setParameter(1, bookingId).getResultList());
    }
}

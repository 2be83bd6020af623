package io.greenribbon.rooms.booking;

import io.greenribbon.problem.Failures;
import io.greenribbon.problem.ProblemException;
import io.greenribbon.problem.ProblemType;
import io.greenribbon.rooms.RoomsConfig;
import io.greenribbon.rooms.Span;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the database's refusal of an overlapping booking (SQLSTATE 23P01 on one of the exclusion
 * constraints) into a 409 that names the resource that collides and the booking it collides with.
 * The refusal itself is the database's; this only looks up, after the failed transaction, which
 * bookings were in the way (they are committed by then: PostgreSQL waits for a conflicting
 * transaction to end before it decides).
 */
@ApplicationScoped
public class BookingConflicts {

    static final String EXCLUSION_VIOLATION = "23P01";
    static final Map<String, String> RESOURCE_BY_CONSTRAINT = Map.of(
            "booking_room_overlap", "room",
            "booking_counsellor_overlap", "counsellor",
            "booking_client_overlap", "client");

    /** One collision: which week of the request (1 for a single booking), the resource, the booking. */
    public record Collision(int week, OffsetDateTime start, String resource, Long conflictingBookingId) {
    }

    private final BookingRepository bookings;
    private final RoomsConfig config;

    public BookingConflicts(BookingRepository bookings, RoomsConfig config) {
        this.bookings = bookings;
        this.config = config;
    }

    public static boolean isOverlap(Throwable failure) {
        return EXCLUSION_VIOLATION.equals(Failures.sqlState(failure))
                && RESOURCE_BY_CONSTRAINT.containsKey(Failures.constraint(failure));
    }

    /**
     * Fails with the 409 explaining an overlap refused for these sessions (the weeks of a series, or
     * one session) of a room, counsellor and client; {@code excludeId} is a booking being moved.
     */
    public <T> Uni<T> explain(Throwable failure, List<Span> sessions, Long roomId, Long counsellorId, Long clientId,
                              Long excludeId) {
        String refused = RESOURCE_BY_CONSTRAINT.get(Failures.constraint(failure));
        OffsetDateTime from = sessions.get(0).start().atOffset(ZoneOffset.UTC);
        OffsetDateTime to = sessions.get(sessions.size() - 1).end().atOffset(ZoneOffset.UTC);
        return Panache.withSession(() -> bookings.findCollisions(roomId, counsellorId, clientId, from, to, excludeId))
                .map(found -> {
                    List<Collision> collisions = collisions(sessions, found, roomId, counsellorId, clientId);
                    throw problem(refused, sessions.size() > 1, collisions);
                });
    }

    List<Collision> collisions(List<Span> sessions, List<Booking> found, Long roomId, Long counsellorId,
                               Long clientId) {
        List<Collision> collisions = new ArrayList<>();
        for (int week = 0; week < sessions.size(); week++) {
            Span session = sessions.get(week);
            OffsetDateTime start = session.start().atZone(config.zone()).toOffsetDateTime();
            for (Booking b : found) {
                if (!session.overlaps(new Span(b.startsAt.toInstant(), b.endsAt.toInstant()))) {
                    continue;
                }
                if (b.roomId.equals(roomId)) {
                    collisions.add(new Collision(week + 1, start, "room", b.id));
                }
                if (b.counsellorId.equals(counsellorId)) {
                    collisions.add(new Collision(week + 1, start, "counsellor", b.id));
                }
                if (b.clientId.equals(clientId)) {
                    collisions.add(new Collision(week + 1, start, "client", b.id));
                }
            }
        }
        return collisions;
    }

    static ProblemException problem(String refused, boolean series, List<Collision> collisions) {
        // The resource the database refused comes first; others found alongside follow.
        Collision first = collisions.stream().filter(c -> c.resource().equals(refused)).findFirst()
                .orElse(collisions.isEmpty() ? null : collisions.get(0));
        String resource = first == null ? refused : first.resource();
        Object detailArg = series
                ? collisions.stream().map(c -> c.start().toLocalDate().toString()).distinct()
                        .collect(java.util.stream.Collectors.joining(", "))
                : first == null ? "?" : String.valueOf(first.conflictingBookingId());
        ProblemException problem = new ProblemException(ProblemType.BOOKING_CONFLICT,
                series ? "bookings.conflict.series" : "bookings.conflict." + resource, detailArg)
                .with("resource", resource)
                .with("conflictingBookingId", first == null ? null : first.conflictingBookingId());
        List<Map<String, Object>> list = new ArrayList<>();
        for (Collision c : collisions) {
            Map<String, Object> m = new LinkedHashMap<>();
            if (series) {
                m.put("week", c.week());
                m.put("date", c.start().toLocalDate().toString());
            }
            m.put("start", c.start().toString());
            m.put("resource", c.resource());
            m.put("conflictingBookingId", c.conflictingBookingId());
            list.add(m);
        }
        return problem.with("conflicts", list);
    }
}

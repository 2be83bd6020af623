package io.greenribbon.rooms.booking;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.greenribbon.access.AccessDecision;
import io.greenribbon.problem.Failures;
import io.greenribbon.problem.ProblemException;
import io.greenribbon.problem.ProblemType;
import io.greenribbon.rooms.Room;
import io.greenribbon.rooms.RoomRepository;
import io.greenribbon.rooms.RoomsConfig;
import io.greenribbon.rooms.Span;
import io.greenribbon.rooms.client.ClientRepository;
import io.greenribbon.rooms.client.RoomClient;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns the database's refusal of an overlapping booking (SQLSTATE 23P01 on one of the exclusion
 * constraints) into a 409 that says what collides: the room, the counsellor or the client, and the booking
 * in the way, with its time and room (its client's code only for an account that may see that client); and
 * offers the next free slots for the same choice ({@link SlotSuggestions}). The refusal itself is the
 * database's; this only looks up, after the failed transaction, which bookings were in the way (they are
 * committed by then: PostgreSQL waits for a conflicting transaction to end before it decides).
 */
@ApplicationScoped
public class BookingConflicts {

    static final String EXCLUSION_VIOLATION = "23P01";
    static final Map<String, String> RESOURCE_BY_CONSTRAINT = Map.of(
            "booking_room_overlap", "room",
            "booking_counsellor_overlap", "counsellor",
            "booking_client_overlap", "client");
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    /**
     * One collision: which week of the request (series only) and the session asked for, the resource that
     * collides, and the booking in the way: its id, times and room's name, and its client's code when the
     * account may see that client (never otherwise: the booking may be another village's).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Collision(Integer week, String date, OffsetDateTime start, String resource, Long conflictingBookingId,
                            OffsetDateTime conflictingStart, OffsetDateTime conflictingEnd, String conflictingRoomName,
                            String conflictingClientCode) {
    }

    private final BookingRepository bookings;
    private final RoomRepository rooms;
    private final ClientRepository clients;
    private final AccessDecision access;
    private final SlotSuggestions suggestions;
    private final RoomsConfig config;

    public BookingConflicts(BookingRepository bookings, RoomRepository rooms, ClientRepository clients,
                            AccessDecision access, SlotSuggestions suggestions, RoomsConfig config) {
        this.bookings = bookings;
        this.rooms = rooms;
        this.clients = clients;
        this.access = access;
        this.suggestions = suggestions;
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
        Span first = sessions.get(0);
        SlotSuggestions.Choice choice = new SlotSuggestions.Choice(roomId, counsellorId, clientId, first.start(),
                Duration.between(first.start(), first.end()), sessions.size(), null, excludeId);
        return Panache.withSession(() -> bookings.findCollisions(roomId, counsellorId, clientId, from, to, excludeId)
                        .flatMap(found -> rooms.findByIds(found.stream().map(b -> b.roomId).distinct().toList())
                                .flatMap(roomList -> clients.findByIds(found.stream().map(b -> b.clientId).distinct().toList())
                                        .map(clientList -> collisions(sessions, found, roomId, counsellorId, clientId,
                                                BookingQueries.index(roomList, r -> r.id),
                                                BookingQueries.index(clientList, c -> c.id)))))
                        .flatMap(collisions -> suggestions.next(choice, SlotSuggestions.DEFAULT_COUNT)
                                // No slot to suggest (nothing free, or nothing that may be suggested): the conflict stands alone.
                                .onFailure(ProblemException.class).recoverWithItem(List.of())
                                .map(free -> problem(refused, sessions.size() > 1, collisions, free))))
                .flatMap(problem -> Uni.createFrom().failure(problem));
    }

    List<Collision> collisions(List<Span> sessions, List<Booking> found, Long roomId, Long counsellorId,
                               Long clientId, Map<Long, Room> roomsById, Map<Long, RoomClient> clientsById) {
        ZoneId zone = config.zone();
        boolean series = sessions.size() > 1;
        List<Collision> collisions = new ArrayList<>();
        for (int week = 0; week < sessions.size(); week++) {
            Span session = sessions.get(week);
            OffsetDateTime start = session.start().atZone(zone).toOffsetDateTime();
            for (Booking b : found) {
                if (!session.overlaps(new Span(b.startsAt.toInstant(), b.endsAt.toInstant()))) {
                    continue;
                }
                Room room = roomsById.get(b.roomId);
                RoomClient client = clientsById.get(b.clientId);
                String clientCode = client != null && access.governs(client.divisionCode) ? client.code : null;
                for (String resource : List.of("room", "counsellor", "client")) {
                    boolean shares = switch (resource) {
                        case "room" -> b.roomId.equals(roomId);
                        case "counsellor" -> b.counsellorId.equals(counsellorId);
                        default -> b.clientId.equals(clientId);
                    };
                    if (shares) {
                        collisions.add(new Collision(series ? week + 1 : null, series ? start.toLocalDate().toString() : null,
                                start, resource, b.id, BookingView.local(b.startsAt, zone),
                                BookingView.local(b.endsAt, zone), room == null ? null : room.name, clientCode));
                    }
                }
            }
        }
        return collisions;
    }

    static ProblemException problem(String refused, boolean series, List<Collision> collisions,
                                    List<SlotSuggestions.Suggestion> suggestions) {
        // The resource the database refused comes first; others found alongside follow.
        Collision first = collisions.stream().filter(c -> c.resource().equals(refused)).findFirst()
                .orElse(collisions.isEmpty() ? null : collisions.get(0));
        String resource = first == null ? refused : first.resource();
        ProblemException problem;
        if (series) {
            problem = new ProblemException(ProblemType.BOOKING_CONFLICT, "bookings.conflict.series",
                    collisions.stream().map(Collision::date).distinct().collect(Collectors.joining(", ")));
        } else if (first == null) {
            problem = new ProblemException(ProblemType.BOOKING_CONFLICT, "bookings.conflict." + resource + ".unknown");
        } else {
            problem = new ProblemException(ProblemType.BOOKING_CONFLICT, "bookings.conflict." + resource,
                    String.valueOf(first.conflictingBookingId()), when(first), first.conflictingRoomName());
        }
        return problem.with("resource", resource)
                .with("conflictingBookingId", first == null ? null : first.conflictingBookingId())
                .with("conflicts", collisions)
                .with("suggestions", suggestions);
    }

    /** A booking's time in words that read the same in both languages: 2026-03-03 14:30–15:20. */
    public static String when(Collision c) {
        return DAY_TIME.format(c.conflictingStart()) + "–" + TIME.format(c.conflictingEnd());
    }
}

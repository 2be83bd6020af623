package io.greenribbon.rooms.booking;

import io.greenribbon.problem.ProblemException;
import io.greenribbon.problem.ProblemType;
import io.greenribbon.rooms.Room;
import io.greenribbon.rooms.RoomAccess;
import io.greenribbon.rooms.RoomRepository;
import io.greenribbon.rooms.RoomsConfig;
import io.greenribbon.rooms.Span;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The steps of a booking's life, each recorded in its history: booked → checked in → completed; booked
 * → no-show; booked → cancelled (with reason and who); booked → rescheduled (new times, same booking,
 * the old times kept in the history). Steps are taken by those who keep the booking's room.
 */
@ApplicationScoped
public class BookingLifecycle {

    private final BookingQueries queries;
    private final BookingRepository bookings;
    private final RoomRepository rooms;
    private final RoomAccess roomAccess;
    private final BookingParties parties;
    private final BookingRules rules;
    private final BookingConflicts conflicts;
    private final RoomsConfig config;
    private final BookingLocks locks;

    public BookingLifecycle(BookingQueries queries, BookingRepository bookings, RoomRepository rooms,
                            RoomAccess roomAccess, BookingParties parties, BookingRules rules,
                            BookingConflicts conflicts, RoomsConfig config, BookingLocks locks) {
        this.locks = locks;
        this.queries = queries;
        this.bookings = bookings;
        this.rooms = rooms;
        this.roomAccess = roomAccess;
        this.parties = parties;
        this.rules = rules;
        this.conflicts = conflicts;
        this.config = config;
    }

    public Uni<BookingView> checkIn(long id) {
        return step(id, BookingEvent.Kind.CHECKED_IN, null, (b, room) -> {
            Instant now = rules.now();
            requireStatus(b, BookingStatus.BOOKED);
            if (now.isBefore(b.startsAt.toInstant().minus(config.checkInEarly()))) {
                throw state(b, "bookings.state.too-early", config.checkInEarly().toMinutes());
            }
            if (!now.isBefore(b.endsAt.toInstant())) {
                throw state(b, "bookings.state.over");
            }
            b.status = BookingStatus.CHECKED_IN;
            b.checkedInAt = utc(now);
            return Uni.createFrom().voidItem();
        });
    }

    public Uni<BookingView> complete(long id) {
        return step(id, BookingEvent.Kind.COMPLETED, null, (b, room) -> {
            requireStatus(b, BookingStatus.CHECKED_IN);
            b.status = BookingStatus.COMPLETED;
            b.completedAt = utc(rules.now());
            return Uni.createFrom().voidItem();
        });
    }

    public Uni<BookingView> noShow(long id) {
        return step(id, BookingEvent.Kind.NO_SHOW, null, (b, room) -> {
            requireStatus(b, BookingStatus.BOOKED);
            if (rules.now().isBefore(b.startsAt.toInstant())) {
                throw state(b, "bookings.state.not-started");
            }
            b.status = BookingStatus.NO_SHOW;
            b.noShowAt = utc(rules.now());
            return Uni.createFrom().voidItem();
        });
    }

    public Uni<BookingView> cancel(long id, String reason) {
        String actor = parties.actor().username();
        return step(id, BookingEvent.Kind.CANCELLED, reason.trim(), (b, room) -> {
            requireStatus(b, BookingStatus.BOOKED);
            if (!rules.now().isBefore(b.endsAt.toInstant())) {
                throw state(b, "bookings.state.over");
            }
            b.status = BookingStatus.CANCELLED;
            b.cancelledAt = utc(rules.now());
            b.cancelledBy = actor;
            b.cancelReason = reason.trim();
            return Uni.createFrom().voidItem();
        });
    }

    public Uni<BookingView> reschedule(long id, BookingRequests.Reschedule request) {
        Span span = new Span(request.start().toInstant(), request.end().toInstant());
        Long[] moved = new Long[3];
        return step(id, BookingEvent.Kind.RESCHEDULED, blankToNull(request.reason()), (b, room) -> {
            requireStatus(b, BookingStatus.BOOKED);
            Long counsellorId = request.counsellorId() != null ? request.counsellorId() : b.counsellorId;
            moved[0] = b.roomId;
            moved[1] = counsellorId;
            moved[2] = b.clientId;
            return locks.lock(b.roomId, counsellorId, b.clientId)
                    .flatMap(locked -> parties.counsellor(counsellorId))
                    .flatMap(counsellor -> parties.hours(room, List.of(span))
                    .invoke(hours -> {
                        List<BookingRules.Violation> violations = new ArrayList<>(rules.parties(room, b.mode, counsellor));
                        violations.addAll(rules.times(span, hours, ""));
                        BookingRules.requireNone(violations);
                        b.startsAt = utc(span.start());
                        b.endsAt = utc(span.end());
                        b.counsellorId = counsellorId;
                        b.reschedules++;
                    })).replaceWithVoid();
        }).onFailure(BookingConflicts::isOverlap).recoverWithUni(e ->
                conflicts.explain(e, List.of(span), moved[0], moved[1], moved[2], id));
    }

    /** A change of one booking, in one transaction, by someone who keeps its room; then its view. */
    private Uni<BookingView> step(long id, BookingEvent.Kind kind, String reason,
                                  java.util.function.BiFunction<Booking, Room, Uni<Void>> change) {
        String actor = parties.actor().username();
        return Panache.withTransaction(() -> queries.visible(id)
                        .flatMap(b -> rooms.findById(b.roomId).flatMap(roomAccess::requireKeeps)
                                .flatMap(room -> change.apply(b, room))
                                .replaceWith(b))
                        .flatMap(b -> {
                            OffsetDateTime now = utc(rules.now());
                            b.updatedAt = now;
                            return Panache.getSession().flatMap(s -> s.flush()
                                            .call(() -> s.persist(BookingEvent.of(b, kind, actor, now, reason)))
                                            .call(s::flush))
                                    .replaceWith(b);
                        })
                        .flatMap(b -> bookings.history(b.id).flatMap(history -> queries.view(b, history))))
                .onFailure(io.greenribbon.rooms.RoomService::isStale).transform(e -> new ProblemException(ProblemType.BOOKING_STATE,
                        "bookings.state.changed-meanwhile", id));
    }

    private static void requireStatus(Booking b, BookingStatus expected) {
        if (b.status != expected) {
            throw state(b, "bookings.state.expected-" + expected.name().toLowerCase().replace('_', '-'));
        }
    }

    private static ProblemException state(Booking b, String key, Object... args) {
        return new ProblemException(ProblemType.BOOKING_STATE, key, args).with("status", b.status.name());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

}

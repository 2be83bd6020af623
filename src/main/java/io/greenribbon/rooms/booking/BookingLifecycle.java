package io.greenribbon.rooms.booking;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greenribbon.problem.ProblemException;
import io.greenribbon.problem.ProblemType;
import io.greenribbon.rooms.IdempotencyStore;
import io.greenribbon.rooms.IdempotencyStore.Outcome;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The steps of a booking's life, each recorded in its history: booked → checked in → completed; booked
 * → no-show; booked → cancelled (with reason and who); booked → rescheduled (new times, same booking,
 * the old times kept in the history). Steps are taken by those who keep the booking's room, when
 * {@link BookingStep}'s rule allows them; with an idempotency key, each is taken once however often it is sent.
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
    private final IdempotencyStore idempotency;
    private final ObjectMapper json;

    public BookingLifecycle(BookingQueries queries, BookingRepository bookings, RoomRepository rooms,
                            RoomAccess roomAccess, BookingParties parties, BookingRules rules,
                            BookingConflicts conflicts, RoomsConfig config, BookingLocks locks,
                            IdempotencyStore idempotency, ObjectMapper json) {
        this.locks = locks;
        this.idempotency = idempotency;
        this.json = json;
        this.queries = queries;
        this.bookings = bookings;
        this.rooms = rooms;
        this.roomAccess = roomAccess;
        this.parties = parties;
        this.rules = rules;
        this.conflicts = conflicts;
        this.config = config;
    }

    public Uni<Outcome> checkIn(long id, String key) {
        return step(id, BookingStep.CHECK_IN, null, key, null, (b, room) -> {
            b.status = BookingStatus.CHECKED_IN;
            b.checkedInAt = utc(rules.now());
            return Uni.createFrom().voidItem();
        });
    }

    public Uni<Outcome> complete(long id, String key) {
        return step(id, BookingStep.COMPLETE, null, key, null, (b, room) -> {
            b.status = BookingStatus.COMPLETED;
            b.completedAt = utc(rules.now());
            return Uni.createFrom().voidItem();
        });
    }

    public Uni<Outcome> noShow(long id, String key) {
        return step(id, BookingStep.NO_SHOW, null, key, null, (b, room) -> {
            b.status = BookingStatus.NO_SHOW;
            b.noShowAt = utc(rules.now());
            return Uni.createFrom().voidItem();
        });
    }

    public Uni<Outcome> cancel(long id, BookingRequests.Cancel request, String key) {
        String actor = parties.actor().username();
        String reason = request.reason().trim();
        return step(id, BookingStep.CANCEL, request, key, reason, (b, room) -> {
            b.status = BookingStatus.CANCELLED;
            b.cancelledAt = utc(rules.now());
            b.cancelledBy = actor;
            b.cancelReason = reason;
            return Uni.createFrom().voidItem();
        });
    }

    public Uni<Outcome> reschedule(long id, BookingRequests.Reschedule request, String key) {
        Span span = new Span(request.start().toInstant(), request.end().toInstant());
        Long[] moved = new Long[3];
        return step(id, BookingStep.RESCHEDULE, request, key, blankToNull(request.reason()), (b, room) -> {
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

    /** The steps that may be taken on a booking now, by the rule the steps themselves keep. */
    public java.util.Set<BookingStep> allowed(BookingView b) {
        return BookingStep.allowed(b.status(), b.start().toInstant(), b.end().toInstant(), rules.now(),
                config.checkInEarly());
    }

    /**
     * A change of one booking, in one transaction, by someone who keeps its room, if the step's rule allows
     * it now; then its view. With an idempotency key, a step sent again answers what the first did.
     */
    private Uni<Outcome> step(long id, BookingStep kind, Object request, String key, String reason,
                              java.util.function.BiFunction<Booking, Room, Uni<Void>> change) {
        String actor = parties.actor().username();
        Map<String, Object> asked = new LinkedHashMap<>();
        asked.put("booking", id);
        asked.put("request", request == null ? Map.of() : request);
        return Panache.withTransaction(() -> idempotency.once(actor, key, kind.operation(), asked, () -> queries.visible(id)
                        .flatMap(b -> rooms.findById(b.roomId).flatMap(roomAccess::requireKeeps)
                                .invoke(room -> kind.refusal(b.status, b.startsAt.toInstant(), b.endsAt.toInstant(),
                                        rules.now(), config.checkInEarly()).ifPresent(r -> {
                                            throw state(b, r.key(), r.args());
                                        }))
                                .flatMap(room -> change.apply(b, room))
                                .replaceWith(b))
                        .flatMap(b -> {
                            OffsetDateTime now = utc(rules.now());
                            b.updatedAt = now;
                            return Panache.getSession().flatMap(s -> s.flush()
                                            .call(() -> s.persist(BookingEvent.of(b, kind.records(), actor, now, reason)))
                                            .call(s::flush))
                                    .replaceWith(b);
                        })
                        .flatMap(b -> bookings.history(b.id).flatMap(history -> queries.view(b, history)))
                        .map(view -> Outcome.of(200, write(view), id))))
                .onFailure(io.greenribbon.rooms.RoomService::isStale).transform(e -> new ProblemException(ProblemType.BOOKING_STATE,
                        "bookings.state.changed-meanwhile", id));
    }

    private String write(BookingView view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
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

package io.greenribbon.rooms;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.greenribbon.divisions.DivisionRepository;
import io.greenribbon.problem.FieldError;
import io.greenribbon.problem.ProblemException;
import io.greenribbon.problem.ProblemType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Rooms: listing and reading within one's jurisdiction, creating (admins), changing (their keepers). */
@ApplicationScoped
public class RoomService {

    private final RoomRepository rooms;
    private final RoomDetailsRepository details;
    private final DivisionRepository divisions;
    private final RoomAccess access;
    private final RoomValidation validation;
    private final RequestTexts texts;
    private final IdempotencyStore idempotency;
    private final ObjectMapper json;

    public RoomService(RoomRepository rooms, RoomDetailsRepository details, DivisionRepository divisions,
                       RoomAccess access, RoomValidation validation, RequestTexts texts, IdempotencyStore idempotency,
                       ObjectMapper json) {
        this.texts = texts;
        this.idempotency = idempotency;
        this.json = json;
        this.rooms = rooms;
        this.details = details;
        this.divisions = divisions;
        this.access = access;
        this.validation = validation;
    }

    @WithSession
    public Uni<List<RoomView>> list(String division, RoomStatus status, boolean keptByMe, int page, int size) {
        String jurisdiction = access.jurisdiction();
        String prefix = jurisdiction;
        if (division != null) {
            if (!division.startsWith(jurisdiction)) {
                throw ProblemException.outOfJurisdiction(division);
            }
            prefix = division;
        }
        String keptBy = keptByMe ? access.actor().username() : null;
        return rooms.findWithin(prefix, status, keptBy, Page.of(page, size)).flatMap(this::views);
    }

    @WithSession
    public Uni<RoomView> get(long id) {
        return find(id).invoke(access::requireVisible).flatMap(this::view);
    }

    @WithTransaction
    public Uni<RoomView> create(RoomRequests.Create request) {
        access.requireGoverns(request.division());
        requireValidHours(request.weeklyHours(), request.datedHours());
        return divisions.findById(request.division())
                .onItem().ifNull().failWith(() -> ProblemException.invalid("division",
                        texts.text("rooms.division-unknown", request.division())))
                .flatMap(d -> rooms.findByDivisionAndName(request.division(), request.name().trim()))
                .flatMap(existing -> {
                    if (existing != null) {
                        throw ProblemException.conflict("rooms.duplicate-name", request.name().trim(), existing.id)
                                .with("existingRoomId", existing.id);
                    }
                    Room room = new Room();
                    room.divisionCode = request.division();
                    apply(room, request.asPatch());
                    return rooms.persistAndFlush(room);
                })
                .flatMap(room -> replaceDetails(room.id, request.weeklyHours(), request.datedHours(),
                        request.staff() == null ? List.of() : request.staff()).replaceWith(room))
                .flatMap(this::view);
    }

    /**
     * Changes a room its keeper may change (staff lists only by an admin), once per idempotency key (null:
     * every time); the answer is the room as changed.
     */
    public Uni<IdempotencyStore.Outcome> patch(long id, RoomRequests.Patch patch, String key) {
        requireValidHours(patch.weeklyHours(), patch.datedHours());
        if (patch.staff() != null && !access.administers()) {
            throw ProblemException.forbidden("rooms.staff-admin-only");
        }
        Map<String, Object> request = new java.util.LinkedHashMap<>();
        request.put("room", id);
        request.put("patch", patch);
        return Panache.withTransaction(() -> idempotency.once(access.actor().username(), key, "room.change", request,
                () -> change(id, patch).map(view -> IdempotencyStore.Outcome.of(200, write(view), id))));
    }

    private Uni<RoomView> change(long id, RoomRequests.Patch patch) {
        return find(id).flatMap(access::requireKeeps)
                .flatMap(room -> {
                    if (patch.version() != null && patch.version() != room.version) {
                        throw ProblemException.conflict("rooms.changed-meanwhile", id).with("currentVersion", room.version);
                    }
                    apply(room, patch);
                    room.updatedAt = OffsetDateTime.now();
                    return Panache.getSession().flatMap(s -> s.flush()).replaceWith(room);
                })
                .flatMap(room -> replaceDetails(room.id, patch.weeklyHours(), patch.datedHours(), patch.staff())
                        .replaceWith(room))
                .flatMap(this::view)
                .onFailure(RoomService::isStale).transform(e -> ProblemException.conflict("rooms.changed-meanwhile", id));
    }

    private String write(RoomView view) {
        try {
            return json.writeValueAsString(view);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A concurrent change of the same room won (optimistic locking on its version). */
    public static boolean isStale(Throwable failure) {
        return io.greenribbon.problem.Failures.find(failure, org.hibernate.StaleStateException.class) != null
                || io.greenribbon.problem.Failures.find(failure, jakarta.persistence.OptimisticLockException.class) != null;
    }

    Uni<Room> find(long id) {
        return rooms.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("rooms.not-found", id));
    }

    /** Applies the non-null fields of a patch (names trimmed, staff and hours aside). */
    static void apply(Room room, RoomRequests.Patch p) {
        if (p.name() != null) {
            room.name = p.name().trim();
        }
        if (p.address() != null) {
            room.address = p.address().trim();
        }
        if (p.capacity() != null) {
            room.capacity = p.capacity();
        }
        if (p.stepFree() != null) {
            room.stepFree = p.stepFree();
        }
        if (p.accessibilityNote() != null) {
            room.accessibilityNote = p.accessibilityNote().isBlank() ? null : p.accessibilityNote().trim();
        }
        if (p.facilities() != null) {
            room.setFacilities(p.facilities().isEmpty() ? EnumSet.noneOf(Facility.class) : EnumSet.copyOf(p.facilities()));
        }
        if (p.status() != null) {
            room.status = p.status();
        }
    }

    /** Replaces the lists that are given (null: kept as they are). */
    Uni<Void> replaceDetails(Long roomId, List<RoomRequests.WeeklyHours> weekly, List<RoomRequests.DatedHours> dated,
                             List<String> staff) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        List<Object> fresh = new ArrayList<>();
        if (weekly != null) {
            chain = chain.call(() -> details.deleteWeekly(roomId));
            for (RoomRequests.WeeklyHours h : weekly) {
                RoomWeeklyHours row = new RoomWeeklyHours();
                row.roomId = roomId;
                row.dayOfWeek = h.day().getValue();
                row.opens = h.opens();
                row.closes = h.closes();
                fresh.add(row);
            }
        }
        if (dated != null) {
            chain = chain.call(() -> details.deleteDated(roomId));
            for (RoomRequests.DatedHours d : dated) {
                RoomDatedHours row = new RoomDatedHours();
                row.roomId = roomId;
                row.date = d.date();
                row.kind = d.kind();
                row.opens = d.opens();
                row.closes = d.closes();
                row.note = d.note() == null || d.note().isBlank() ? null : d.note().trim();
                fresh.add(row);
            }
        }
        if (staff != null) {
            chain = chain.call(() -> details.deleteStaff(roomId));
            new LinkedHashSet<>(staff.stream().map(String::trim).toList())
                    .forEach(username -> fresh.add(new RoomStaff(roomId, username)));
        }
        return chain.call(() -> fresh.isEmpty() ? Uni.createFrom().voidItem()
                : Panache.getSession().flatMap(s -> s.persistAll(fresh.toArray()).call(s::flush)));
    }

    Uni<RoomView> view(Room room) {
        return views(List.of(room)).map(list -> list.get(0));
    }

    Uni<List<RoomView>> views(List<Room> list) {
        List<Long> ids = list.stream().map(r -> r.id).toList();
        return details.weekly(ids).flatMap(weekly -> details.dated(ids).flatMap(dated -> details.staff(ids)
                .map(staff -> {
                    Map<Long, List<RoomWeeklyHours>> w = weekly.stream().collect(Collectors.groupingBy(h -> h.roomId));
                    Map<Long, List<RoomDatedHours>> d = dated.stream().collect(Collectors.groupingBy(h -> h.roomId));
                    Map<Long, List<RoomStaff>> s = staff.stream().collect(Collectors.groupingBy(h -> h.roomId));
                    return list.stream().map(r -> RoomView.of(r, w.getOrDefault(r.id, List.of()),
                            d.getOrDefault(r.id, List.of()), s.getOrDefault(r.id, List.of()))).toList();
                })));
    }

    private void requireValidHours(List<RoomRequests.WeeklyHours> weekly, List<RoomRequests.DatedHours> dated) {
        List<FieldError> errors = validation.hours("", weekly, dated);
        if (!errors.isEmpty()) {
            ProblemException problem = new ProblemException(ProblemType.VALIDATION, "problem.validation.detail");
            errors.forEach(e -> problem.field(e.field(), e.message()));
            throw problem;
        }
    }

}

package io.greenribbon.rooms;

import io.greenribbon.counsellors.CounsellorRepository;
import io.greenribbon.problem.ProblemException;
import io.greenribbon.rooms.booking.Booking;
import io.greenribbon.rooms.booking.BookingRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Free slots of a room: its open windows cut into slots of the asked length (from each window's
 * opening), without those that overlap a booking, that start too soon or beyond the booking horizon;
 * optionally only slots where a matching counsellor is free too, with those counsellors listed.
 */
@ApplicationScoped
public class AvailabilityService {

    /** The most counsellors listed per slot. */
    static final int MAX_COUNSELLORS_PER_SLOT = 20;

    public record Slot(OffsetDateTime start, OffsetDateTime end, List<Long> counsellorIds) {
    }

    public record Availability(Long roomId, OffsetDateTime from, OffsetDateTime to, String slotLength,
                               List<Slot> slots) {
    }

    /** What the caller asks for beside the room and window. */
    public record Wish(String length, String language, String specialty, Long counsellorId) {
        boolean needsCounsellor() {
            return language != null || specialty != null || counsellorId != null;
        }
    }

    /** A counsellor of the pool who could take a session in a room then. */
    public record FreeCounsellor(Long id, String name, List<String> languages, List<String> specialties) {
    }

    /**
     * Who could take a session: the free counsellors matching the filters, and the languages spoken among
     * all the counsellors within the room's reach (to filter by).
     */
    public record CounsellorChoices(List<FreeCounsellor> free, List<String> languages) {
    }

    private final RoomService rooms;
    private final RoomDetailsRepository details;
    private final RoomAccess access;
    private final BookingRepository bookings;
    private final CounsellorRepository counsellors;
    private final CounsellorMatching matching;
    private final RoomsConfig config;
    private final RequestTexts texts;
    private final Clock clock;

    public AvailabilityService(RoomService rooms, RoomDetailsRepository details, RoomAccess access,
                               BookingRepository bookings, CounsellorRepository counsellors,
                               CounsellorMatching matching, RoomsConfig config, RequestTexts texts, Clock clock) {
        this.rooms = rooms;
        this.details = details;
        this.access = access;
        this.bookings = bookings;
        this.counsellors = counsellors;
        this.matching = matching;
        this.config = config;
        this.texts = texts;
        this.clock = clock;
    }

    @WithSession
    public Uni<Availability> of(long roomId, OffsetDateTime from, OffsetDateTime to, Wish wish) {
        Duration length = wish.length() != null ? parse(wish.length()) : config.slotLength();
        if (!to.isAfter(from)) {
            throw ProblemException.invalid("to", texts.text("bookings.query.order"));
        }
        if (Duration.between(from, to).compareTo(config.maximumQuerySpan()) > 0) {
            throw ProblemException.invalid("to", texts.text("bookings.query.span", config.maximumQuerySpan().toDays()));
        }
        if (length.compareTo(config.minimumLength()) < 0 || length.compareTo(config.maximumLength()) > 0) {
            throw ProblemException.invalid("length", texts.text("rooms.availability.length",
                    config.minimumLength().toMinutes(), config.maximumLength().toMinutes()));
        }
        Instant now = clock.instant();
        Instant earliest = max(from.toInstant(), now.plus(config.minimumNotice()));
        Instant latest = min(to.toInstant(), now.plus(config.maximumAdvance()));
        return rooms.find(roomId).invoke(access::requireVisible).flatMap(room -> {
            if (room.status != RoomStatus.OPEN || !earliest.isBefore(latest)) {
                return Uni.createFrom().item(List.<Slot>of());
            }
            return details.weekly(List.of(room.id))
                    .flatMap(weekly -> details.dated(room.id, from.atZoneSameInstant(config.zone()).toLocalDate(),
                                    to.atZoneSameInstant(config.zone()).toLocalDate())
                            .map(dated -> new OpeningHours(weekly, dated, config.zone())))
                    .flatMap(hours -> bookings.findActiveInRoom(room.id, utc(earliest), utc(latest)).map(busy ->
                            roomSlots(hours.between(earliest, latest), spans(busy), length, earliest, latest,
                                    config.zone())))
                    .flatMap(slots -> wish.needsCounsellor() ? withCounsellors(room, slots, wish, earliest, latest)
                            : Uni.createFrom().item(slots));
        }).map(slots -> new Availability(roomId, from, to, length.toString(), slots));
    }

    /** A room's free slots: its open windows cut into slots of {@code length}, without those taken or out of bounds. */
    public static List<Slot> roomSlots(List<Span> windows, List<Span> busy, Duration length, Instant earliest,
                                Instant latest, java.time.ZoneId zone) {
        List<Slot> slots = new ArrayList<>();
        for (Span window : windows) {
            for (Instant t = window.start(); !t.plus(length).isAfter(window.end()); t = t.plus(length)) {
                Span slot = new Span(t, t.plus(length));
                if (t.isBefore(earliest) || slot.end().isAfter(latest) || busy.stream().anyMatch(slot::overlaps)) {
                    continue;
                }
                slots.add(new Slot(local(slot.start(), zone), local(slot.end(), zone), null));
            }
        }
        return slots;
    }

    private Uni<List<Slot>> withCounsellors(Room room, List<Slot> slots, Wish wish, Instant earliest, Instant latest) {
        Uni<List<Long>> candidates = wish.language() != null || wish.specialty() != null
                ? matching.candidates(room.divisionCode, wish.language(), wish.specialty()).map(ids ->
                        wish.counsellorId() == null ? ids : ids.stream().filter(wish.counsellorId()::equals).toList())
                : reachable(room, List.of(wish.counsellorId()));
        return candidates.flatMap(reachable -> bookings.findActiveOfCounsellors(reachable, utc(earliest), utc(latest))
                            .map(busy -> {
                                Map<Long, List<Span>> busyBy = busy.stream().collect(Collectors.groupingBy(
                                        b -> b.counsellorId, Collectors.mapping(AvailabilityService::span, Collectors.toList())));
                                List<Slot> result = new ArrayList<>();
                                for (Slot slot : slots) {
                                    Span s = new Span(slot.start().toInstant(), slot.end().toInstant());
                                    List<Long> free = reachable.stream()
                                            .filter(id -> busyBy.getOrDefault(id, List.of()).stream().noneMatch(s::overlaps))
                                            .limit(MAX_COUNSELLORS_PER_SLOT).toList();
                                    if (!free.isEmpty()) {
                                        result.add(new Slot(slot.start(), slot.end(), free));
                                    }
                                }
                                return result;
                            }));
    }

    /**
     * The counsellors of the pool within reach of {@code room} (active; the room's county or the city pool, as
     * the booking rules reach) who have no active booking during {@code span}, speaking {@code language} and
     * holding {@code specialty} when given; by name. Call inside a session, for a room the account may book.
     */
    public Uni<CounsellorChoices> freeCounsellors(Room room, Span span, String language, String specialty) {
        return matching.candidates(room.divisionCode, null, null).flatMap(ids -> ids.isEmpty()
                ? Uni.createFrom().item(new CounsellorChoices(List.of(), List.of()))
                : counsellors.list("id in ?1", ids).flatMap(pool -> bookings.findActiveOfCounsellors(ids,
                        utc(span.start()), utc(span.end())).map(busy -> {
                    java.util.Set<Long> taken = busy.stream().map(b -> b.counsellorId).collect(Collectors.toSet());
                    List<FreeCounsellor> free = pool.stream()
                            .filter(c -> !taken.contains(c.id))
                            .filter(c -> language == null || List.of(c.languages).contains(language))
                            .filter(c -> specialty == null || List.of(c.specialties).contains(specialty))
                            .sorted(java.util.Comparator.comparing((io.greenribbon.counsellors.Counsellor c) -> c.fullName)
                                    .thenComparing(c -> c.id))
                            .map(c -> new FreeCounsellor(c.id, c.fullName, List.of(c.languages), List.of(c.specialties)))
                            .toList();
                    List<String> languages = pool.stream().flatMap(c -> java.util.Arrays.stream(c.languages))
                            .distinct().sorted().toList();
                    return new CounsellorChoices(free, languages);
                })));
    }

    /** The named counsellor, if active and within reach of the room; none otherwise. */
    private Uni<List<Long>> reachable(Room room, List<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return counsellors.findById(ids.get(0)).map(c -> c != null
                && c.status == io.greenribbon.counsellors.CounsellorStatus.ACTIVE
                && CounsellorReach.reaches(c.homeDivision, room.divisionCode, config.allowCrossCounty())
                ? List.of(c.id) : List.<Long>of());
    }

    private static List<Span> spans(List<Booking> list) {
        return list.stream().map(AvailabilityService::span).toList();
    }

    private static Span span(Booking b) {
        return new Span(b.startsAt.toInstant(), b.endsAt.toInstant());
    }

    private static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    private Duration parse(String length) {
        try {
            return Duration.parse(length);
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.invalid("length", texts.text("rooms.availability.length",
                    config.minimumLength().toMinutes(), config.maximumLength().toMinutes()));
        }
    }

    private static OffsetDateTime local(Instant i, java.time.ZoneId zone) {
        return i.atZone(zone).toOffsetDateTime();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}

package io.greenribbon.rooms.console;

import io.greenribbon.problem.ProblemException;
import io.greenribbon.rooms.AvailabilityService;
import io.greenribbon.rooms.OpeningHours;
import io.greenribbon.rooms.Room;
import io.greenribbon.rooms.RoomAccess;
import io.greenribbon.rooms.RoomDatedHours;
import io.greenribbon.rooms.RoomDetailsRepository;
import io.greenribbon.rooms.RoomRepository;
import io.greenribbon.rooms.RoomStatus;
import io.greenribbon.rooms.RoomsConfig;
import io.greenribbon.rooms.Span;
import io.greenribbon.rooms.booking.BookingLifecycle;
import io.greenribbon.rooms.booking.BookingQueries;
import io.greenribbon.rooms.booking.BookingRules;
import io.greenribbon.rooms.booking.BookingStatus;
import io.greenribbon.rooms.booking.BookingView;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The rooms an account keeps and a kept room's week, read through the services and rules the API uses: the
 * room through {@link RoomAccess} (not found, or 403 when it is not the account's, as the API answers), its
 * bookings through {@link BookingQueries}, the steps each allows now through {@link BookingLifecycle}, and its
 * free slots cut as the availability query cuts them.
 */
@ApplicationScoped
public class RoomWeeks {

    /** The most rooms the switcher and the list show. */
    static final int MAX_ROOMS = 200;

    private final RoomRepository rooms;
    private final RoomDetailsRepository details;
    private final RoomAccess access;
    private final BookingQueries queries;
    private final BookingLifecycle lifecycle;
    private final BookingRules rules;
    private final RoomsConfig config;

    public RoomWeeks(RoomRepository rooms, RoomDetailsRepository details, RoomAccess access, BookingQueries queries,
                     BookingLifecycle lifecycle, BookingRules rules, RoomsConfig config) {
        this.rooms = rooms;
        this.details = details;
        this.access = access;
        this.queries = queries;
        this.lifecycle = lifecycle;
        this.rules = rules;
        this.config = config;
    }

    public LocalDate today() {
        return LocalDate.ofInstant(rules.now(), config.zone());
    }

    /** The rooms the account keeps (an admin: every room of its jurisdiction), by division and name. */
    @WithSession
    public Uni<List<Room>> kept() {
        return keptRooms();
    }

    /** A room the account keeps; not found when there is none, 403 when it is not the account's. */
    public Uni<Room> keptRoom(long id) {
        return rooms.findWithStaffListing(id, access.actor().username())
                .onItem().ifNull().failWith(() -> ProblemException.notFound("rooms.not-found", id))
                .map(found -> access.requireKeeps(found.room(), found.listed()));
    }

    @WithSession
    public Uni<RoomWeek> week(long roomId, LocalDate monday) {
        ZoneId zone = config.zone();
        OffsetDateTime from = monday.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime to = monday.plusDays(7).atStartOfDay(zone).toOffsetDateTime();
        // The week's sessions are read last: each statement after them would first check them all for changes
        // to flush.
        return keptRoom(roomId).flatMap(room -> details.weekly(List.of(room.id))
                .flatMap(weekly -> details.dated(room.id, monday, monday.plusDays(6))
                        .flatMap(dated -> keptRooms()
                                .flatMap(kept -> queries.inKeptRoom(room, from, to).map(sessions -> build(room, monday,
                                        new OpeningHours(weekly, dated, zone), dated, sessions, kept))))));
    }

    private Uni<List<Room>> keptRooms() {
        String keptBy = access.administers() ? null : access.actor().username();
        return rooms.findWithin(access.jurisdiction(), null, keptBy, Page.ofSize(MAX_ROOMS));
    }

    private RoomWeek build(Room room, LocalDate monday, OpeningHours hours, List<RoomDatedHours> dated,
                           List<BookingView> sessions, List<Room> kept) {
        ZoneId zone = config.zone();
        LocalDate today = today();
        List<AvailabilityService.Slot> free = freeSlots(room, hours, sessions, monday);
        List<RoomWeek.Day> days = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            LocalDate date = monday.plusDays(i);
            days.add(new RoomWeek.Day(date, date.equals(today), date.isBefore(today), hours.on(date),
                    dated.stream().filter(d -> d.date.equals(date)).toList(),
                    sessions.stream().filter(b -> b.start().atZoneSameInstant(zone).toLocalDate().equals(date))
                            .map(b -> new RoomWeek.Session(b, lifecycle.allowed(b))).toList(),
                    free.stream().filter(s -> s.start().atZoneSameInstant(zone).toLocalDate().equals(date)).toList()));
        }
        return new RoomWeek(room, monday, days, kept);
    }

    /** Free slots of the week, as the availability query finds them (booking rules' notice and horizon). */
    private List<AvailabilityService.Slot> freeSlots(Room room, OpeningHours hours, List<BookingView> sessions,
                                                     LocalDate monday) {
        if (room.status != RoomStatus.OPEN) {
            return List.of();
        }
        ZoneId zone = config.zone();
        Instant now = rules.now();
        Instant weekStart = monday.atStartOfDay(zone).toInstant();
        Instant weekEnd = monday.plusDays(7).atStartOfDay(zone).toInstant();
        Instant earliest = later(weekStart, now.plus(config.minimumNotice()));
        Instant latest = earlier(weekEnd, now.plus(config.maximumAdvance()));
        if (!earliest.isBefore(latest)) {
            return List.of();
        }
        List<Span> busy = sessions.stream().filter(b -> b.status() != BookingStatus.CANCELLED)
                .map(b -> new Span(b.start().toInstant(), b.end().toInstant())).toList();
        return AvailabilityService.roomSlots(hours.between(earliest, latest), busy, config.slotLength(), earliest,
                latest, zone);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}

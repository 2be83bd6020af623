package io.greenribbon.rooms.booking;

import io.greenribbon.access.AccessDecision;
import io.greenribbon.access.Actor;
import io.greenribbon.access.Role;
import io.greenribbon.counsellors.Counsellor;
import io.greenribbon.counsellors.CounsellorRepository;
import io.greenribbon.problem.ProblemException;
import io.greenribbon.rooms.RequestTexts;
import io.greenribbon.rooms.Room;
import io.greenribbon.rooms.RoomDetailsRepository;
import io.greenribbon.rooms.RoomRepository;
import io.greenribbon.rooms.RoomsConfig;
import io.greenribbon.rooms.client.ClientRepository;
import io.greenribbon.rooms.client.RoomClient;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reading bookings. An account sees the bookings of the rooms it administers (admins, within their
 * jurisdiction) or keeps (room staff), and its own sessions as a counsellor; others are not found.
 */
@ApplicationScoped
public class BookingQueries {

    private final BookingRepository bookings;
    private final RoomRepository rooms;
    private final RoomDetailsRepository details;
    private final CounsellorRepository counsellors;
    private final ClientRepository clients;
    private final AccessDecision access;
    private final RoomsConfig config;
    private final RequestTexts texts;

    public BookingQueries(BookingRepository bookings, RoomRepository rooms, RoomDetailsRepository details,
                          CounsellorRepository counsellors, ClientRepository clients, AccessDecision access,
                          RoomsConfig config, RequestTexts texts) {
        this.bookings = bookings;
        this.rooms = rooms;
        this.details = details;
        this.counsellors = counsellors;
        this.clients = clients;
        this.access = access;
        this.config = config;
        this.texts = texts;
    }

    @WithSession
    public Uni<List<BookingView>> list(Long roomId, Long counsellorId, BookingStatus status, OffsetDateTime from,
                                       OffsetDateTime to, int limit) {
        OffsetDateTime start = from != null ? from
                : LocalDate.now(config.zone()).atStartOfDay(config.zone()).toOffsetDateTime();
        OffsetDateTime end = to != null ? to : start.plusDays(14);
        if (!end.isAfter(start)) {
            throw ProblemException.invalid("to", texts.text("bookings.query.order"));
        }
        if (Duration.between(start, end).compareTo(config.maximumQuerySpan()) > 0) {
            throw ProblemException.invalid("to", texts.text("bookings.query.span", config.maximumQuerySpan().toDays()));
        }
        Actor actor = access.actor();
        boolean administers = actor.hasRole(Role.ADMIN);
        boolean keeps = actor.hasRole(Role.ROOM_STAFF);
        String jurisdiction = administers || keeps ? access.jurisdiction() : null;
        return bookings.list(new BookingRepository.Visibility(actor.username(), jurisdiction, administers, keeps),
                        new BookingRepository.Filter(roomId, counsellorId, status, start, end), limit)
                .flatMap(this::views);
    }

    @WithSession
    public Uni<BookingView> get(long id) {
        return visible(id).flatMap(b -> bookings.history(b.id).flatMap(history -> view(b, history)));
    }

    /** The booking, if the account may see it; not found otherwise. */
    Uni<Booking> visible(long id) {
        return bookings.findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("bookings.not-found", id))
                .call(b -> maysee(b).invoke(ok -> {
                    if (!ok) {
                        throw ProblemException.notFound("bookings.not-found", id);
                    }
                }));
    }

    Uni<Boolean> maysee(Booking b) {
        Actor actor = access.actor();
        return counsellors.findById(b.counsellorId).flatMap(counsellor -> {
            if (counsellor != null && actor.username().equals(counsellor.username)) {
                return Uni.createFrom().item(true);
            }
            return rooms.findById(b.roomId).flatMap(room -> {
                if (!access.governs(room.divisionCode)) {
                    return Uni.createFrom().item(false);
                }
                if (actor.hasRole(Role.ADMIN)) {
                    return Uni.createFrom().item(true);
                }
                return actor.hasRole(Role.ROOM_STAFF) ? details.isKeptBy(room.id, actor.username())
                        : Uni.createFrom().item(false);
            });
        });
    }

    /**
     * Every booking of a room overlapping {@code [from, to)}, cancelled ones too, for a screen that has
     * already checked that the account keeps the room ({@link io.greenribbon.rooms.RoomAccess#requireKeeps}).
     */
    public Uni<List<BookingView>> inKeptRoom(Room room, OffsetDateTime from, OffsetDateTime to) {
        return bookings.findInRoomWithParties(room.id, from, to).map(rows -> rows.stream()
                .map(r -> BookingView.of((Booking) r[0], room, (Counsellor) r[1], (RoomClient) r[2], config.zone(), null))
                .toList());
    }

    Uni<BookingView> view(Booking b, List<BookingEvent> history) {
        return rooms.findById(b.roomId).flatMap(room -> counsellors.findById(b.counsellorId)
                .flatMap(counsellor -> clients.findById(b.clientId)
                        .map(client -> BookingView.of(b, room, counsellor, client, config.zone(), history))));
    }

    Uni<List<BookingView>> views(List<Booking> list) {
        List<Long> roomIds = list.stream().map(b -> b.roomId).distinct().toList();
        List<Long> counsellorIds = list.stream().map(b -> b.counsellorId).distinct().toList();
        List<Long> clientIds = list.stream().map(b -> b.clientId).distinct().toList();
        return rooms.findByIds(roomIds).flatMap(roomList -> (counsellorIds.isEmpty()
                        ? Uni.createFrom().item(List.<Counsellor>of()) : counsellors.list("id in ?1", counsellorIds))
                .flatMap(counsellorList -> clients.findByIds(clientIds).map(clientList -> {
                    Map<Long, Room> r = index(roomList, x -> x.id);
                    Map<Long, Counsellor> c = index(counsellorList, x -> x.id);
                    Map<Long, RoomClient> cl = index(clientList, x -> x.id);
                    return list.stream().map(b -> BookingView.of(b, r.get(b.roomId), c.get(b.counsellorId),
                            cl.get(b.clientId), config.zone(), null)).toList();
                })));
    }

    static <T> Map<Long, T> index(List<T> list, Function<T, Long> id) {
        return list.stream().collect(Collectors.toMap(id, Function.identity()));
    }
}

package io.greenribbon.rooms.booking;

import io.greenribbon.access.AccessDecision;
import io.greenribbon.access.Actor;
import io.greenribbon.counsellors.Counsellor;
import io.greenribbon.counsellors.CounsellorRepository;
import io.greenribbon.problem.ProblemException;
import io.greenribbon.rooms.OpeningHours;
import io.greenribbon.rooms.RequestTexts;
import io.greenribbon.rooms.Room;
import io.greenribbon.rooms.RoomAccess;
import io.greenribbon.rooms.RoomDetailsRepository;
import io.greenribbon.rooms.RoomRepository;
import io.greenribbon.rooms.RoomsConfig;
import io.greenribbon.rooms.Span;
import io.greenribbon.rooms.client.ClientRepository;
import io.greenribbon.rooms.client.RoomClient;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.List;

/**
 * Loads what a booking involves and checks the account may use it: a room it keeps (403 otherwise), a
 * counsellor of the pool, a client of its jurisdiction (unknown otherwise), and the room's hours.
 */
@ApplicationScoped
public class BookingParties {

    /** The room, counsellor and client of a booking, with the room's hours over the sessions' dates. */
    public record Loaded(Room room, Counsellor counsellor, RoomClient client, OpeningHours hours) {
    }

    private final RoomRepository rooms;
    private final RoomDetailsRepository details;
    private final RoomAccess roomAccess;
    private final CounsellorRepository counsellors;
    private final ClientRepository clients;
    private final AccessDecision access;
    private final RoomsConfig config;
    private final RequestTexts texts;

    public BookingParties(RoomRepository rooms, RoomDetailsRepository details, RoomAccess roomAccess,
                          CounsellorRepository counsellors, ClientRepository clients, AccessDecision access,
                          RoomsConfig config, RequestTexts texts) {
        this.rooms = rooms;
        this.details = details;
        this.roomAccess = roomAccess;
        this.counsellors = counsellors;
        this.clients = clients;
        this.access = access;
        this.config = config;
        this.texts = texts;
    }

    public Actor actor() {
        return access.actor();
    }

    public Uni<Loaded> load(Long roomId, Long counsellorId, Long clientId, List<Span> sessions) {
        return parties(roomId, counsellorId, clientId).flatMap(p -> hours(p.room(), sessions)
                .map(hours -> new Loaded(p.room(), p.counsellor(), p.client(), hours)));
    }

    /**
     * The room, counsellor and client alone (no hours), checked as for booking. They are read in one statement
     * with whether the account is listed among the room's staff; when one of them is missing, they are looked
     * up one by one so that the answer names the first missing.
     */
    public Uni<Loaded> parties(Long roomId, Long counsellorId, Long clientId) {
        return Panache.getSession().flatMap(s -> s.createSelectionQuery("""
                        select r, c, cl, (select count(*) from RoomStaff s where s.roomId = r.id and s.username = :user)
                        from Room r, Counsellor c, RoomClient cl
                        where r.id = :room and c.id = :counsellor and cl.id = :client""", Object[].class)
                        .setParameter("room", roomId).setParameter("counsellor", counsellorId)
                        .setParameter("client", clientId).setParameter("user", access.actor().username())
                        .getSingleResultOrNull())
                .flatMap(row -> row == null ? oneByOne(roomId, counsellorId, clientId)
                        : Uni.createFrom().item(() -> checked((Room) row[0], ((Number) row[3]).longValue() > 0,
                        (Counsellor) row[1], (RoomClient) row[2], clientId)));
    }

    private Loaded checked(Room room, boolean listedAsStaff, Counsellor counsellor, RoomClient client, Long clientId) {
        roomAccess.requireKeeps(room, listedAsStaff);
        return new Loaded(room, counsellor, governed(client, clientId), null);
    }

    private RoomClient governed(RoomClient client, Long clientId) {
        if (client == null || !access.governs(client.divisionCode)) {
            throw ProblemException.invalid("clientId", texts.text("bookings.unknown.client", clientId));
        }
        return client;
    }

    private Uni<Loaded> oneByOne(Long roomId, Long counsellorId, Long clientId) {
        return rooms.findById(roomId)
                .onItem().ifNull().failWith(() -> ProblemException.invalid("roomId", texts.text("bookings.unknown.room", roomId)))
                .flatMap(roomAccess::requireKeeps)
                .flatMap(room -> counsellors.findById(counsellorId)
                        .onItem().ifNull().failWith(() -> ProblemException.invalid("counsellorId",
                                texts.text("bookings.unknown.counsellor", counsellorId)))
                        .flatMap(counsellor -> clients.findById(clientId)
                                .map(client -> new Loaded(room, counsellor, governed(client, clientId), null))));
    }

    /** A counsellor of the pool (for a reschedule to another counsellor). */
    public Uni<Counsellor> counsellor(Long counsellorId) {
        return counsellors.findById(counsellorId)
                .onItem().ifNull().failWith(() -> ProblemException.invalid("counsellorId",
                        texts.text("bookings.unknown.counsellor", counsellorId)));
    }

    /** The room's opening hours over the local dates the sessions fall on. */
    public Uni<OpeningHours> hours(Room room, List<Span> sessions) {
        LocalDate first = sessions.get(0).start().atZone(config.zone()).toLocalDate();
        LocalDate last = sessions.get(sessions.size() - 1).end().atZone(config.zone()).toLocalDate();
        return details.weekly(List.of(room.id)).flatMap(weekly -> details.dated(room.id, first, last)
                .map(dated -> new OpeningHours(weekly, dated, config.zone())));
    }
}

package io.greenribbon.risk;

import io.greenribbon.rooms.Room;
import io.greenribbon.rooms.booking.Booking;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** Room sessions (bookings) as the risk side sees them: where the session took place. */
@ApplicationScoped
public class RoomSessions {

    /** The division of the room of a booking; empty when there is no such booking. */
    public Uni<Optional<String>> divisionOf(long bookingId) {
        return Panache.withSession(() -> Panache.getSession().chain(s -> s.find(Booking.class, bookingId)
                .chain(b -> b == null ? Uni.createFrom().item(Optional.<String>empty())
                        : s.find(Room.class, b.roomId).map(r -> Optional.ofNullable(r).map(x -> x.divisionCode)))));
    }
}

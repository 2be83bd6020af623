package io.greenribbon.rooms.console;

import io.greenribbon.rooms.AvailabilityService;
import io.greenribbon.rooms.OpeningHours;
import io.greenribbon.rooms.Room;
import io.greenribbon.rooms.RoomDatedHours;
import io.greenribbon.rooms.booking.BookingStep;
import io.greenribbon.rooms.booking.BookingView;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A room's week as its screen shows it: each day's opening hours, closures and extra openings, the sessions
 * booked (with the steps that may be taken on each now) and the free slots to book from.
 */
public record RoomWeek(Room room, LocalDate monday, List<Day> days, List<Room> keptRooms) {

    /** One day of the week. {@code past}: before today (a phone shows today first, the past last). */
    public record Day(LocalDate date, boolean today, boolean past, List<OpeningHours.Window> open,
                      List<RoomDatedHours> exceptions, List<Session> sessions, List<AvailabilityService.Slot> free) {

        public boolean closed() {
            return open.isEmpty();
        }
    }

    /** A booked session and the steps of its life that may be taken on it now. */
    public record Session(BookingView booking, Set<BookingStep> allowed) {

        public boolean allows(String step) {
            return BookingStep.ofPath(step).map(allowed::contains).orElse(false);
        }

        public boolean quickStep() {
            return allows("check-in") || allows("complete") || allows("no-show");
        }
    }

    public LocalDate previous() {
        return monday.minusWeeks(1);
    }

    public LocalDate next() {
        return monday.plusWeeks(1);
    }

    public int sessionCount() {
        return days.stream().mapToInt(d -> (int) d.sessions().stream()
                .filter(s -> s.booking().status() != io.greenribbon.rooms.booking.BookingStatus.CANCELLED).count()).sum();
    }
}

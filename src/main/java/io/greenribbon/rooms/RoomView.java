package io.greenribbon.rooms;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Set;

/** A room as the API shows it, with its hours and the accounts that keep it. */
public record RoomView(Long id, String division, String name, String address, int capacity, boolean stepFree,
                       String accessibilityNote, Set<Facility> facilities, RoomStatus status,
                       List<RoomRequests.WeeklyHours> weeklyHours, List<RoomRequests.DatedHours> datedHours,
                       List<String> staff, int version) {

    static RoomView of(Room r, List<RoomWeeklyHours> weekly, List<RoomDatedHours> dated, List<RoomStaff> staff) {
        return new RoomView(r.id, r.divisionCode, r.name, r.address, r.capacity, r.stepFree, r.accessibilityNote,
                r.facilities(), r.status,
                weekly.stream().map(h -> new RoomRequests.WeeklyHours(DayOfWeek.of(h.dayOfWeek), h.opens, h.closes))
                        .toList(),
                dated.stream().map(d -> new RoomRequests.DatedHours(d.date, d.kind, d.opens, d.closes, d.note)).toList(),
                staff.stream().map(s -> s.username).toList(), r.version);
    }
}

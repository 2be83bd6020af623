package io.greenribbon.rooms;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/** The bodies of the room endpoints. */
public final class RoomRequests {

    /** Rooms sit in villages and communities: a 12-digit division code. */
    public static final String VILLAGE_CODE = "^[0-9]{12}$";

    private RoomRequests() {
    }

    /** One weekly opening interval, local time, closing time exclusive. */
    public record WeeklyHours(@NotNull DayOfWeek day, @NotNull LocalTime opens, @NotNull LocalTime closes) {
    }

    /** A dated closure (without times: the whole day) or extra opening. */
    public record DatedHours(@NotNull LocalDate date, @NotNull RoomDatedHours.Kind kind, LocalTime opens,
                             LocalTime closes, @Size(max = 200) String note) {
    }

    public record Create(
            @NotNull @Pattern(regexp = VILLAGE_CODE) String division,
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Size(max = 300) String address,
            @NotNull @Min(1) @Max(200) Integer capacity,
            Boolean stepFree,
            @Size(max = 300) String accessibilityNote,
            Set<@NotNull Facility> facilities,
            RoomStatus status,
            @Size(max = 50) List<@NotNull @Valid WeeklyHours> weeklyHours,
            @Size(max = 400) List<@NotNull @Valid DatedHours> datedHours,
            @Size(max = 20) List<@NotBlank @Size(max = 255) String> staff) {

        /** The same fields as a patch of a new room. */
        public Patch asPatch() {
            return new Patch(name, address, capacity, stepFree, accessibilityNote, facilities, status, weeklyHours,
                    datedHours, staff, null);
        }
    }

    /**
     * Fields left out (or null) stay as they are; lists given replace the room's lists. With {@code version}
     * (the room's version as read), a room changed by someone else since is not overwritten (409).
     */
    public record Patch(
            @Size(min = 1, max = 100) String name,
            @Size(min = 1, max = 300) String address,
            @Min(1) @Max(200) Integer capacity,
            Boolean stepFree,
            @Size(max = 300) String accessibilityNote,
            Set<@NotNull Facility> facilities,
            RoomStatus status,
            @Size(max = 50) List<@NotNull @Valid WeeklyHours> weeklyHours,
            @Size(max = 400) List<@NotNull @Valid DatedHours> datedHours,
            @Size(max = 20) List<@NotBlank @Size(max = 255) String> staff,
            @Min(0) Integer version) {
    }
}

package io.greenribbon.rooms.console;

import io.greenribbon.rooms.Facility;
import io.greenribbon.rooms.RoomDatedHours;
import io.greenribbon.rooms.RoomRequests;
import io.greenribbon.rooms.RoomStatus;
import io.greenribbon.rooms.RoomView;
import io.greenribbon.web.FormErrors;
import io.greenribbon.web.PageText;
import jakarta.ws.rs.core.MultivaluedMap;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The room's details as its keeper edits them: name, address, capacity, accessibility, facilities, whether it
 * takes bookings, its weekly hours (up to {@value #WINDOWS} windows a day) and its dated closures and extra
 * openings. Who keeps the room and its village are an admin's to change, not part of this form. {@code version}
 * is the room's version as shown, so a room changed meanwhile is not overwritten; {@code key} makes a resent
 * form change it once.
 */
public record RoomForm(String key, Integer version, String name, String address, String capacity, boolean stepFree,
                       String accessibilityNote, Set<Facility> facilities, String status,
                       Map<DayOfWeek, List<Window>> weekly, List<Dated> dated, Dated added) {

    public static final int WINDOWS = 3;

    /** An opening window as typed (HH:mm). */
    public record Window(String opens, String closes) {
        boolean blank() {
            return opens.isBlank() && closes.isBlank();
        }
    }

    /** A dated closure or extra opening as typed; {@code remove} ticked to take it away. */
    public record Dated(String date, String kind, String opens, String closes, String note, boolean remove) {
        boolean blank() {
            return date.isBlank();
        }
    }

    public static RoomForm of(RoomView room) {
        Map<DayOfWeek, List<Window>> weekly = new EnumMap<>(DayOfWeek.class);
        for (RoomRequests.WeeklyHours h : room.weeklyHours()) {
            weekly.computeIfAbsent(h.day(), d -> new ArrayList<>()).add(new Window(h.opens().toString(), h.closes().toString()));
        }
        List<Dated> dated = room.datedHours().stream().map(d -> new Dated(d.date().toString(), d.kind().name(),
                d.opens() == null ? "" : d.opens().toString(), d.closes() == null ? "" : d.closes().toString(),
                d.note() == null ? "" : d.note(), false)).toList();
        return new RoomForm(PageText.formKey(), room.version(), room.name(), room.address(), String.valueOf(room.capacity()),
                room.stepFree(), room.accessibilityNote() == null ? "" : room.accessibilityNote(),
                room.facilities().isEmpty() ? EnumSet.noneOf(Facility.class) : EnumSet.copyOf(room.facilities()),
                room.status().name(), weekly, dated, new Dated("", RoomDatedHours.Kind.CLOSED.name(), "", "", "", false));
    }

    public static RoomForm of(MultivaluedMap<String, String> f) {
        Map<DayOfWeek, List<Window>> weekly = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            for (int i = 0; i < WINDOWS; i++) {
                Window w = new Window(text(f, "hours-" + day + "-" + i + "-opens"), text(f, "hours-" + day + "-" + i + "-closes"));
                if (!w.blank()) {
                    weekly.computeIfAbsent(day, d -> new ArrayList<>()).add(w);
                }
            }
        }
        List<Dated> dated = new ArrayList<>();
        for (int j = 0; f.containsKey("dated-" + j + "-date"); j++) {
            dated.add(dated(f, "dated-" + j));
        }
        Set<Facility> facilities = EnumSet.noneOf(Facility.class);
        for (String v : f.getOrDefault("facilities", List.of())) {
            Arrays.stream(Facility.values()).filter(x -> x.name().equals(v)).forEach(facilities::add);
        }
        Integer version;
        try {
            version = Integer.valueOf(text(f, "version"));
        } catch (NumberFormatException e) {
            version = null;
        }
        return new RoomForm(BookingForm.key(f.getFirst("key")), version, text(f, "name"), text(f, "address"),
                text(f, "capacity"), !text(f, "stepFree").isEmpty(), text(f, "accessibilityNote"), facilities,
                text(f, "status"), weekly, dated, dated(f, "dated-new"));
    }

    /** The windows of a day shown for editing: those it has, then blanks up to {@value #WINDOWS}. */
    public List<Window> windows(DayOfWeek day) {
        List<Window> shown = new ArrayList<>(weekly.getOrDefault(day, List.of()));
        while (shown.size() < WINDOWS) {
            shown.add(new Window("", ""));
        }
        return shown;
    }

    public boolean offers(Facility facility) {
        return facilities.contains(facility);
    }

    /**
     * The change to ask the room service for, and which form field each entry of its lists came from (the
     * service names the entries by index: {@code weeklyHours[3].closes}); errors the form can tell itself.
     */
    public record Change(RoomRequests.Patch patch, Map<String, String> fieldOf, FormErrors errors) {
    }

    public Change change() {
        FormErrors errors = new FormErrors();
        Map<String, String> fieldOf = new LinkedHashMap<>();
        List<RoomRequests.WeeklyHours> hours = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            List<Window> windows = weekly.getOrDefault(day, List.of());
            for (int i = 0; i < windows.size(); i++) {
                String field = "hours-" + day + "-" + i;
                LocalTime opens = time(windows.get(i).opens());
                LocalTime closes = time(windows.get(i).closes());
                if (opens == null || closes == null) {
                    errors.add(field, "room.error.time");
                    continue;
                }
                fieldOf.put("weeklyHours[" + hours.size() + "]", field);
                hours.add(new RoomRequests.WeeklyHours(day, opens, closes));
            }
        }
        List<RoomRequests.DatedHours> datedHours = new ArrayList<>();
        List<Dated> kept = new ArrayList<>(dated.stream().filter(d -> !d.remove()).toList());
        if (!added.blank()) {
            kept.add(added);
        }
        for (int j = 0; j < kept.size(); j++) {
            Dated d = kept.get(j);
            String field = d == added ? "dated-new" : "dated-" + dated.indexOf(d);
            LocalDate date = date(d.date());
            RoomDatedHours.Kind kind = Arrays.stream(RoomDatedHours.Kind.values()).filter(k -> k.name().equals(d.kind()))
                    .findFirst().orElse(null);
            LocalTime opens = d.opens().isBlank() ? null : time(d.opens());
            LocalTime closes = d.closes().isBlank() ? null : time(d.closes());
            if (date == null || kind == null || (!d.opens().isBlank() && opens == null)
                    || (!d.closes().isBlank() && closes == null)) {
                errors.add(field, "room.error.dated");
                continue;
            }
            fieldOf.put("datedHours[" + datedHours.size() + "]", field);
            datedHours.add(new RoomRequests.DatedHours(date, kind, opens, closes, d.note().isBlank() ? null : d.note()));
        }
        Integer places;
        try {
            places = Integer.valueOf(capacity);
        } catch (NumberFormatException e) {
            places = null;
            errors.add("capacity", "room.error.capacity");
        }
        if (name.isBlank() || name.length() > 100) {
            errors.add("name", "room.error.name");
        }
        if (address.isBlank() || address.length() > 300) {
            errors.add("address", "room.error.address");
        }
        if (accessibilityNote.length() > 300) {
            errors.add("accessibilityNote", "room.error.note");
        }
        RoomStatus roomStatus = Arrays.stream(RoomStatus.values()).filter(s -> s.name().equals(status)).findFirst()
                .orElse(null);
        if (roomStatus == null) {
            errors.add("status", "room.error.status");
        }
        return new Change(new RoomRequests.Patch(name, address, places, stepFree, accessibilityNote, facilities,
                roomStatus, hours, datedHours, null, version), fieldOf, errors);
    }

    private static Dated dated(MultivaluedMap<String, String> f, String prefix) {
        return new Dated(text(f, prefix + "-date"), text(f, prefix + "-kind"), text(f, prefix + "-opens"),
                text(f, prefix + "-closes"), text(f, prefix + "-note"), !text(f, prefix + "-remove").isEmpty());
    }

    private static LocalTime time(String v) {
        return BookingForm.time(v);
    }

    private static LocalDate date(String v) {
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(MultivaluedMap<String, String> f, String name) {
        return BookingForm.text(f.getFirst(name));
    }
}

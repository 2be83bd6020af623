package io.greenribbon.rooms;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * When a room is open on a given date: its weekly hours for that weekday plus the date's extra
 * openings, minus the date's closures, in the rooms' local time. Pure arithmetic, no database.
 */
public final class OpeningHours {

    /** An interval of one day in local time, closing time exclusive. */
    public record Window(LocalTime opens, LocalTime closes) {
        boolean contains(LocalTime start, LocalTime end) {
            return !start.isBefore(opens) && !end.isAfter(closes);
        }
    }

    private final Map<DayOfWeek, List<Window>> weekly = new EnumMap<>(DayOfWeek.class);
    private final List<RoomDatedHours> dated;
    private final ZoneId zone;

    public OpeningHours(List<RoomWeeklyHours> weeklyHours, List<RoomDatedHours> datedHours, ZoneId zone) {
        for (RoomWeeklyHours h : weeklyHours) {
            weekly.computeIfAbsent(DayOfWeek.of(h.dayOfWeek), d -> new ArrayList<>()).add(new Window(h.opens, h.closes));
        }
        this.dated = List.copyOf(datedHours);
        this.zone = zone;
    }

    /** The room's open windows on {@code date}, merged and in order. */
    public List<Window> on(LocalDate date) {
        List<Window> open = new ArrayList<>(weekly.getOrDefault(date.getDayOfWeek(), List.of()));
        List<Window> closed = new ArrayList<>();
        for (RoomDatedHours d : dated) {
            if (!d.date.equals(date)) {
                continue;
            }
            if (d.kind == RoomDatedHours.Kind.OPEN) {
                open.add(new Window(d.opens, d.closes));
            } else if (d.opens == null) {
                return List.of();
            } else {
                closed.add(new Window(d.opens, d.closes));
            }
        }
        List<Window> merged = merge(open);
        for (Window c : closed) {
            merged = subtract(merged, c);
        }
        return merged;
    }

    /** Whether a session from {@code start} to {@code end} lies inside one open window of one day. */
    public boolean covers(Instant start, Instant end) {
        ZonedDateTime s = start.atZone(zone);
        ZonedDateTime e = end.atZone(zone);
        if (!s.toLocalDate().equals(e.toLocalDate())) {
            return false;
        }
        return on(s.toLocalDate()).stream().anyMatch(w -> w.contains(s.toLocalTime(), e.toLocalTime()));
    }

    /** The open windows that overlap {@code [from, to)}, whole (not cut at {@code from} or {@code to}). */
    public List<Span> between(Instant from, Instant to) {
        List<Span> spans = new ArrayList<>();
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            for (Window w : on(day)) {
                Instant opens = day.atTime(w.opens()).atZone(zone).toInstant();
                Instant closes = day.atTime(w.closes()).atZone(zone).toInstant();
                if (opens.isBefore(to) && closes.isAfter(from)) {
                    spans.add(new Span(opens, closes));
                }
            }
        }
        return spans;
    }

    /** Whether any two windows of a list overlap (weekly hours of one day must not). */
    public static boolean overlapping(List<Window> windows) {
        List<Window> sorted = windows.stream().sorted(Comparator.comparing(Window::opens)).toList();
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).opens().isBefore(sorted.get(i - 1).closes())) {
                return true;
            }
        }
        return false;
    }

    static List<Window> merge(List<Window> windows) {
        List<Window> sorted = windows.stream().sorted(Comparator.comparing(Window::opens)).toList();
        List<Window> merged = new ArrayList<>();
        for (Window w : sorted) {
            if (!merged.isEmpty() && !w.opens().isAfter(merged.get(merged.size() - 1).closes())) {
                Window last = merged.remove(merged.size() - 1);
                merged.add(new Window(last.opens(), w.closes().isAfter(last.closes()) ? w.closes() : last.closes()));
            } else {
                merged.add(w);
            }
        }
        return merged;
    }

    static List<Window> subtract(List<Window> windows, Window cut) {
        List<Window> rest = new ArrayList<>();
        for (Window w : windows) {
            if (!cut.opens().isBefore(w.closes()) || !cut.closes().isAfter(w.opens())) {
                rest.add(w);
                continue;
            }
            if (w.opens().isBefore(cut.opens())) {
                rest.add(new Window(w.opens(), cut.opens()));
            }
            if (cut.closes().isBefore(w.closes())) {
                rest.add(new Window(cut.closes(), w.closes()));
            }
        }
        return rest;
    }
}

package io.greenribbon.roster;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** Where a weekly entry falls: its minutes within the week, and its instants on a given date. */
final class WeeklyShapes {

    static final int WEEK = 7 * 24 * 60;

    private WeeklyShapes() {
    }

    static int minutes(LocalTime start, LocalTime end) {
        int s = start.getHour() * 60 + start.getMinute();
        int e = end.getHour() * 60 + end.getMinute();
        return e > s ? e - s : e + 24 * 60 - s;
    }

    /** Whether two weekly shifts overlap, the week wrapping from Sunday night to Monday morning. */
    static boolean overlap(int dayA, LocalTime startA, LocalTime endA, int dayB, LocalTime startB, LocalTime endB) {
        int a = (dayA - 1) * 1440 + startA.getHour() * 60 + startA.getMinute();
        int b = (dayB - 1) * 1440 + startB.getHour() * 60 + startB.getMinute();
        int lenA = minutes(startA, endA);
        int lenB = minutes(startB, endB);
        for (int shift = -WEEK; shift <= WEEK; shift += WEEK) {
            int bs = b + shift;
            if (a < bs + lenB && bs < a + lenA) {
                return true;
            }
        }
        return false;
    }

    static ZonedDateTime start(LocalDate date, LocalTime start, ZoneId zone) {
        return date.atTime(start).atZone(zone);
    }

    static ZonedDateTime end(LocalDate date, LocalTime start, LocalTime end, ZoneId zone) {
        return date.plusDays(end.isAfter(start) ? 0 : 1).atTime(end).atZone(zone);
    }
}

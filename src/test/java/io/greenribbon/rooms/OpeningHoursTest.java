package io.greenribbon.rooms;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OpeningHoursTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDate MONDAY = LocalDate.of(2027, 3, 1);

    private static RoomWeeklyHours weekly(int day, String opens, String closes) {
        RoomWeeklyHours h = new RoomWeeklyHours();
        h.dayOfWeek = day;
        h.opens = LocalTime.parse(opens);
        h.closes = LocalTime.parse(closes);
        return h;
    }

    private static RoomDatedHours dated(LocalDate date, RoomDatedHours.Kind kind, String opens, String closes) {
        RoomDatedHours d = new RoomDatedHours();
        d.date = date;
        d.kind = kind;
        d.opens = opens == null ? null : LocalTime.parse(opens);
        d.closes = closes == null ? null : LocalTime.parse(closes);
        return d;
    }

    private static OpeningHours.Window w(String opens, String closes) {
        return new OpeningHours.Window(LocalTime.parse(opens), LocalTime.parse(closes));
    }

    @Test
    void weeklyHoursPlusExtraOpeningsMinusClosures() {
        OpeningHours hours = new OpeningHours(
                List.of(weekly(1, "08:30", "12:00"), weekly(1, "14:00", "17:30")),
                List.of(dated(MONDAY, RoomDatedHours.Kind.OPEN, "12:00", "13:00"),
                        dated(MONDAY, RoomDatedHours.Kind.CLOSED, "15:00", "16:00")),
                ZONE);
        assertThat(hours.on(MONDAY)).containsExactly(w("08:30", "13:00"), w("14:00", "15:00"), w("16:00", "17:30"));
        assertThat(hours.on(MONDAY.plusWeeks(1))).containsExactly(w("08:30", "12:00"), w("14:00", "17:30"));
        assertThat(hours.on(MONDAY.plusDays(1))).isEmpty();
    }

    @Test
    void aWholeDayClosureClosesEverything() {
        OpeningHours hours = new OpeningHours(List.of(weekly(1, "08:30", "12:00")),
                List.of(dated(MONDAY, RoomDatedHours.Kind.OPEN, "18:00", "20:00"),
                        dated(MONDAY, RoomDatedHours.Kind.CLOSED, null, null)), ZONE);
        assertThat(hours.on(MONDAY)).isEmpty();
    }

    @Test
    void coversOnlySessionsInsideOneWindowOfOneDay() {
        OpeningHours hours = new OpeningHours(List.of(weekly(1, "08:30", "12:00"), weekly(1, "14:00", "17:30")),
                List.of(), ZONE);
        assertThat(hours.covers(at("09:00"), at("12:00"))).isTrue();
        assertThat(hours.covers(at("08:30"), at("09:30"))).isTrue();
        assertThat(hours.covers(at("11:30"), at("14:30"))).isFalse();
        assertThat(hours.covers(at("08:00"), at("09:00"))).isFalse();
        assertThat(hours.covers(at("17:00"), at("17:31"))).isFalse();
    }

    @Test
    void overlappingWindowsAreDetected() {
        assertThat(OpeningHours.overlapping(List.of(w("09:00", "12:00"), w("11:59", "13:00")))).isTrue();
        assertThat(OpeningHours.overlapping(List.of(w("09:00", "12:00"), w("12:00", "13:00")))).isFalse();
    }

    @Test
    void freeTimeIsWhatBookingsLeave() {
        Span day = new Span(at("09:00"), at("12:00"));
        assertThat(Span.minus(List.of(day), List.of(new Span(at("10:00"), at("11:00")))))
                .containsExactly(new Span(at("09:00"), at("10:00")), new Span(at("11:00"), at("12:00")));
        assertThat(Span.minus(List.of(day), List.of(new Span(at("08:00"), at("13:00"))))).isEmpty();
    }

    private static java.time.Instant at(String time) {
        return MONDAY.atTime(LocalTime.parse(time)).atZone(ZONE).toInstant();
    }
}

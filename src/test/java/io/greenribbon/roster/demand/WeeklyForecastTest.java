package io.greenribbon.roster.demand;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The hour-of-week mean: which hours count, and how handle time falls back. */
class WeeklyForecastTest {

    private static final LocalDate MONDAY = LocalDate.of(2031, 3, 3);

    @Test
    void eachHourIsTheMeanOfTheSameHourOfTheWeeksBefore() {
        List<WeeklyForecast.HourCalls> history = new ArrayList<>();
        // Tuesdays at 21:00: 2, 4, 6 and 8 calls in the four weeks before; 100 five weeks before (ignored),
        // 50 in the forecast week itself (ignored).
        LocalDateTime tuesday21 = MONDAY.atTime(21, 0).plusDays(1);
        for (int k = 1; k <= 4; k++) {
            history.add(new WeeklyForecast.HourCalls(tuesday21.minusWeeks(k), 2L * k, k, k * 600_000L));
        }
        history.add(new WeeklyForecast.HourCalls(tuesday21.minusWeeks(5), 100, 0, 0));
        history.add(new WeeklyForecast.HourCalls(tuesday21, 50, 0, 0));
        history.add(new WeeklyForecast.HourCalls(MONDAY.atTime(3, 0).minusWeeks(2), 4, 0, 0));

        List<WeeklyForecast.HourForecast> week = WeeklyForecast.forecast(MONDAY, 4, history, 900);
        assertThat(week).hasSize(168);
        assertThat(week.get(0).start()).isEqualTo(MONDAY.atStartOfDay());
        WeeklyForecast.HourForecast t21 = week.get(24 + 21);
        assertThat(t21.start()).isEqualTo(tuesday21);
        assertThat(t21.calls()).isEqualTo(5.0);
        assertThat(t21.handleSeconds()).isEqualTo(600.0);
        // Monday 03:00 had calls but no handle time known: the whole history's handle time.
        assertThat(week.get(3).calls()).isEqualTo(1.0);
        assertThat(week.get(3).handleSeconds()).isEqualTo(600.0);
        assertThat(week.stream().mapToDouble(WeeklyForecast.HourForecast::calls).sum()).isEqualTo(6.0);
    }

    @Test
    void aLineWithoutHistoryGetsTheDefaultHandleTimeAndNoCalls() {
        List<WeeklyForecast.HourForecast> week = WeeklyForecast.forecast(MONDAY, 4, List.of(), 900);
        assertThat(week).allSatisfy(h -> {
            assertThat(h.calls()).isZero();
            assertThat(h.handleSeconds()).isEqualTo(900.0);
        });
        assertThatThrownBy(() -> WeeklyForecast.forecast(MONDAY.plusDays(1), 4, List.of(), 900))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

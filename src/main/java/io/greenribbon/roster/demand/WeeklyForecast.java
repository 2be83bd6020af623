package io.greenribbon.roster.demand;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Next week's calls and handle time, hour by hour, from the same hour of the week in the weeks before it: the
 * forecast for Tuesday 21:00 is the mean of the offered calls of the last {@code weeks} Tuesdays at 21:00
 * (a seasonal mean with a period of one week, 168 hours).
 *
 * <p>Why this method: an aid line's calls follow a weekly rhythm (evenings and nights, weekends differ from
 * weekdays) far more than any trend, and a county line has a few calls an hour, so the hour-of-week mean
 * over several weeks is what averages the randomness away without losing the rhythm. A trend term fitted to
 * four weeks of a few calls an hour mostly follows noise (and an unusual week, a holiday or a news story,
 * would tilt it for every hour); exponential smoothing and seasonal ARIMA need many more weeks of history than
 * a new line has, for little gain at this scale. A line whose volume really moves shows it within
 * {@code weeks} weeks, since old weeks drop out.
 *
 * <p>Handle time is pooled the same way (the handle time of the answered calls of those hours over their
 * number), falling back to the whole history's average where those hours had no answered call, and to the
 * configured default where the line has none at all.
 */
public final class WeeklyForecast {

    /** One local hour of history: calls offered, and the answered calls whose handle time is known. */
    public record HourCalls(LocalDateTime start, long offered, long handled, long handleMs) {
    }

    /** The forecast of one local hour: calls expected (a mean, so fractional) and their handle time. */
    public record HourForecast(LocalDateTime start, double calls, double handleSeconds) {
    }

    public static final int HOURS_A_WEEK = 168;

    private WeeklyForecast() {
    }

    /**
     * The 168 hours of the week beginning on {@code monday}, forecast from the {@code weeks} weeks before it
     * ({@code history} may hold any hours; those outside the window are ignored, hours without calls may be
     * missing).
     */
    public static List<HourForecast> forecast(LocalDate monday, int weeks, List<HourCalls> history,
                                              double defaultHandleSeconds) {
        if (monday.getDayOfWeek() != DayOfWeek.MONDAY || weeks < 1) {
            throw new IllegalArgumentException("A forecast starts on a Monday from at least a week: " + monday);
        }
        LocalDateTime start = monday.atStartOfDay();
        LocalDateTime historyStart = start.minusWeeks(weeks);
        long[] offered = new long[HOURS_A_WEEK];
        long[] handled = new long[HOURS_A_WEEK];
        long[] handleMs = new long[HOURS_A_WEEK];
        long allHandled = 0;
        long allHandleMs = 0;
        for (HourCalls h : history) {
            if (h.start().isBefore(historyStart) || !h.start().isBefore(start)) {
                continue;
            }
            int slot = (int) (ChronoUnit.HOURS.between(historyStart, h.start()) % HOURS_A_WEEK);
            offered[slot] += h.offered();
            handled[slot] += h.handled();
            handleMs[slot] += h.handleMs();
            allHandled += h.handled();
            allHandleMs += h.handleMs();
        }
        double fallback = allHandled == 0 ? defaultHandleSeconds : allHandleMs / 1000.0 / allHandled;
        List<HourForecast> out = new ArrayList<>(HOURS_A_WEEK);
        for (int slot = 0; slot < HOURS_A_WEEK; slot++) {
            double handle = handled[slot] == 0 ? fallback : handleMs[slot] / 1000.0 / handled[slot];
            out.add(new HourForecast(start.plusHours(slot), offered[slot] / (double) weeks, handle));
        }
        return out;
    }
}

package io.greenribbon.oversight;

import io.greenribbon.problem.Messages;
import io.greenribbon.problem.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The local days [{@code from}, {@code to}) oversight figures count (end exclusive), in the service area's time
 * zone. Without {@code from} and {@code to}: the current month. At most {@link #MAX_DAYS} days.
 */
public record Period(LocalDate from, LocalDate to, ZoneId zone) {

    /** The longest period figures are counted for: two years and a day (two leap-year Februaries). */
    public static final int MAX_DAYS = 732;

    public static Period of(String fromParam, String toParam, LocalDate today, ZoneId zone, Locale locale) {
        LocalDate from = date("from", fromParam, locale);
        LocalDate to = date("to", toParam, locale);
        if (from == null) {
            from = to == null ? today.withDayOfMonth(1) : to.minusMonths(1);
        }
        if (to == null) {
            to = from.plusMonths(1);
        }
        if (!to.isAfter(from)) {
            throw ProblemException.invalid("to", Messages.text(locale, "oversight.invalid.end-before-start"));
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw ProblemException.invalid("to", Messages.text(locale, "oversight.invalid.too-long", MAX_DAYS));
        }
        return new Period(from, to, zone);
    }

    /** One calendar month, {@code month} as {@code 2026-11}. */
    public static Period month(String monthParam, LocalDate today, ZoneId zone, Locale locale) {
        YearMonth month;
        if (monthParam == null || monthParam.isBlank()) {
            month = YearMonth.from(today).minusMonths(1);
        } else {
            try {
                month = YearMonth.parse(monthParam.strip());
            } catch (DateTimeParseException e) {
                throw ProblemException.invalid("month", Messages.text(locale, "oversight.invalid.month"));
            }
        }
        return new Period(month.atDay(1), month.plusMonths(1).atDay(1), zone);
    }

    private static LocalDate date(String field, String value, Locale locale) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, Messages.text(locale, "oversight.invalid.date"));
        }
    }

    public Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    public Instant end() {
        return to.atStartOfDay(zone).toInstant();
    }

    /** Whether the period is made of whole calendar months (as counts below county level are given). */
    public boolean wholeMonths() {
        return from.getDayOfMonth() == 1 && to.getDayOfMonth() == 1;
    }

    /** The calendar months of a period of whole months. */
    public List<YearMonth> months() {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(from); m.atDay(1).isBefore(to); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    /** Refuses (naming {@code from}) a period that is not whole months, for counts below county level. */
    public Period requireWholeMonths(Locale locale) {
        if (!wholeMonths()) {
            throw ProblemException.invalid(from.getDayOfMonth() == 1 ? "to" : "from",
                    Messages.text(locale, "oversight.invalid.whole-months"));
        }
        return this;
    }
}

package io.greenribbon.roster;

import io.greenribbon.problem.Messages;
import io.greenribbon.problem.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Times as clients send them: with an offset ({@code 2026-12-01T22:00+08:00}), or as local time of the
 * service area ({@code 2026-12-01T22:00}), or a date meaning its local midnight. Asia/Shanghai keeps no
 * daylight saving, so every local time names exactly one instant.
 */
public final class RosterTimes {

    private RosterTimes() {
    }

    /** Parses {@code value}, or fails with 400 naming {@code field}; null when blank. */
    public static Instant instant(String field, String value, ZoneId zone, Locale locale) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(v).atZone(zone).toInstant();
            } catch (DateTimeParseException e2) {
                try {
                    return LocalDate.parse(v).atStartOfDay(zone).toInstant();
                } catch (DateTimeParseException e3) {
                    throw ProblemException.invalid(field, Messages.text(locale, "roster.invalid.time"));
                }
            }
        }
    }

    public static Instant required(String field, String value, ZoneId zone, Locale locale) {
        Instant instant = instant(field, value, zone, locale);
        if (instant == null) {
            throw ProblemException.invalid(field, Messages.text(locale, "roster.invalid.time"));
        }
        return instant;
    }

    public static OffsetDateTime local(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}

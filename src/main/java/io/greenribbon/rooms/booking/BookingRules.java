package io.greenribbon.rooms.booking;

import io.greenribbon.counsellors.Counsellor;
import io.greenribbon.counsellors.CounsellorStatus;
import io.greenribbon.problem.ProblemException;
import io.greenribbon.problem.ProblemType;
import io.greenribbon.rooms.CounsellorReach;
import io.greenribbon.rooms.OpeningHours;
import io.greenribbon.rooms.RequestTexts;
import io.greenribbon.rooms.Room;
import io.greenribbon.rooms.RoomStatus;
import io.greenribbon.rooms.RoomsConfig;
import io.greenribbon.rooms.Span;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules a booking must meet before the database is asked to take it: inside opening hours, not in
 * the past, with the minimum notice, within the length limits and the booking horizon, an open room
 * with what the mode needs, and an active counsellor within reach. Every broken rule is reported (per
 * week of a series), each with a stable rule name.
 */
@ApplicationScoped
public class BookingRules {

    /** One broken rule: its stable name, the field it concerns, and the text for people. */
    public record Violation(String rule, String field, String message) {
    }

    private final RoomsConfig config;
    private final RequestTexts texts;
    private final Clock clock;

    public BookingRules(RoomsConfig config, RequestTexts texts, Clock clock) {
        this.config = config;
        this.texts = texts;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    /** Rules about the room, the mode and the counsellor, which hold for every week alike. */
    public List<Violation> parties(Room room, BookingMode mode, Counsellor counsellor) {
        List<Violation> v = new ArrayList<>();
        if (room.status != RoomStatus.OPEN) {
            v.add(violation("room-suspended", "roomId", "bookings.rule.room-suspended"));
        }
        if (mode.needs() != null && !room.facilities().contains(mode.needs())) {
            v.add(violation("mode-facility", "mode", "bookings.rule.mode-facility", mode.needs()));
        }
        if (counsellor.status != CounsellorStatus.ACTIVE) {
            v.add(violation("counsellor-inactive", "counsellorId", "bookings.rule.counsellor-inactive"));
        } else if (!CounsellorReach.reaches(counsellor.homeDivision, room.divisionCode, config.allowCrossCounty())) {
            v.add(violation("counsellor-out-of-reach", "counsellorId", "bookings.rule.counsellor-out-of-reach",
                    counsellor.homeDivision, room.divisionCode));
        }
        return v;
    }

    /** Rules about one session's times; {@code field} prefixes the field names (a series names the week). */
    public List<Violation> times(Span span, OpeningHours hours, String field) {
        List<Violation> v = new ArrayList<>();
        Instant now = now();
        Duration length = Duration.between(span.start(), span.end());
        if (!span.start().isBefore(span.end())) {
            v.add(violation("order", field + "end", "bookings.rule.order"));
            return v;
        }
        if (length.compareTo(config.minimumLength()) < 0) {
            v.add(violation("minimum-length", field + "end", "bookings.rule.minimum-length",
                    config.minimumLength().toMinutes()));
        }
        if (length.compareTo(config.maximumLength()) > 0) {
            v.add(violation("maximum-length", field + "end", "bookings.rule.maximum-length",
                    config.maximumLength().toMinutes()));
        }
        if (span.start().isBefore(now)) {
            v.add(violation("past", field + "start", "bookings.rule.past"));
        } else if (span.start().isBefore(now.plus(config.minimumNotice()))) {
            v.add(violation("minimum-notice", field + "start", "bookings.rule.minimum-notice",
                    config.minimumNotice().toMinutes()));
        }
        if (span.start().isAfter(now.plus(config.maximumAdvance()))) {
            v.add(violation("maximum-advance", field + "start", "bookings.rule.maximum-advance",
                    config.maximumAdvance().toDays()));
        }
        if (!hours.covers(span.start(), span.end())) {
            v.add(violation("opening-hours", field + "start", "bookings.rule.opening-hours",
                    DateTimeFormatter.ISO_LOCAL_DATE.format(span.start().atZone(config.zone()))));
        }
        return v;
    }

    /** Fails with 400 naming every offending field and listing the broken rules, unless none is broken. */
    public static void requireNone(List<Violation> violations) {
        if (violations.isEmpty()) {
            return;
        }
        ProblemException problem = new ProblemException(ProblemType.VALIDATION, "bookings.rule.detail");
        Set<String> rules = new LinkedHashSet<>();
        for (Violation v : violations) {
            problem.field(v.field(), v.message());
            rules.add(v.rule());
        }
        throw problem.with("rules", List.copyOf(rules));
    }

    public Violation violation(String rule, String field, String key, Object... args) {
        return new Violation(rule, field, texts.text(key, args));
    }
}

package io.greenribbon.rooms.booking;

import io.greenribbon.problem.ProblemException;
import io.greenribbon.rooms.OpeningHours;
import io.greenribbon.rooms.RequestTexts;
import io.greenribbon.rooms.RoomDetailsRepository;
import io.greenribbon.rooms.RoomsConfig;
import io.greenribbon.rooms.Span;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The next free slots for the same choice as a booking the database refused (or any booking asked for): the
 * same room, counsellor and client, the same length and the same number of weekly sessions, starting after
 * the time asked for. A slot qualifies when every week of it passes the booking rules ({@link BookingRules}:
 * opening hours, notice, horizon, length) and overlaps no active booking of the room, the counsellor or the
 * client, the same test the exclusion constraints make. Slots start at a window's opening and every
 * {@code suggestion-step} after it; those suggested do not overlap each other.
 */
@ApplicationScoped
public class SlotSuggestions {

    /** How many slots are suggested unless asked otherwise. */
    public static final int DEFAULT_COUNT = 3;
    public static final int MAX_COUNT = 10;

    /** A free slot: the first week's session (a series repeats it weekly). */
    public record Suggestion(OffsetDateTime start, OffsetDateTime end) {
    }

    /**
     * What the slots are for. {@code movingBookingId}: a booking being rescheduled, whose own time does not
     * count as taken; {@code mode} null when the parties' rules were checked already (a refused booking).
     */
    public record Choice(long roomId, long counsellorId, long clientId, Instant after, Duration length, int weeks,
                         BookingMode mode, Long movingBookingId) {
    }

    /** The answer of {@code GET /api/rooms/{id}/suggestions}: the choice and its free slots. */
    public record Suggestions(long roomId, long counsellorId, long clientId, OffsetDateTime after, String length,
                              int weeks, List<Suggestion> suggestions) {
    }

    private final BookingParties parties;
    private final BookingRules rules;
    private final BookingRepository bookings;
    private final RoomDetailsRepository details;
    private final RoomsConfig config;
    private final RequestTexts texts;

    public SlotSuggestions(BookingParties parties, BookingRules rules, BookingRepository bookings,
                           RoomDetailsRepository details, RoomsConfig config, RequestTexts texts) {
        this.parties = parties;
        this.rules = rules;
        this.bookings = bookings;
        this.details = details;
        this.config = config;
        this.texts = texts;
    }

    /**
     * Up to {@code count} free slots, in time order; the account must keep the room and govern the client
     * (as for booking). Call inside a session.
     */
    public Uni<List<Suggestion>> next(Choice choice, int count) {
        if (choice.length().compareTo(config.minimumLength()) < 0 || choice.length().compareTo(config.maximumLength()) > 0) {
            throw ProblemException.invalid("end", texts.text("rooms.availability.length",
                    config.minimumLength().toMinutes(), config.maximumLength().toMinutes()));
        }
        if (choice.weeks() < 1 || choice.weeks() > config.seriesMaxWeeks()) {
            throw ProblemException.invalid("weeks", texts.text("bookings.rule.series-weeks", config.seriesMaxWeeks()));
        }
        Instant now = rules.now();
        Instant from = max(choice.after(), now.plus(config.minimumNotice()));
        Instant to = min(from.plus(config.suggestionHorizon()), now.plus(config.maximumAdvance()).plus(choice.length()));
        Duration series = Duration.ofDays(7L * (choice.weeks() - 1));
        ZoneId zone = config.zone();
        return parties.parties(choice.roomId(), choice.counsellorId(), choice.clientId()).flatMap(p -> {
            if (choice.mode() != null) {
                BookingRules.requireNone(rules.parties(p.room(), choice.mode(), p.counsellor()));
            }
            LocalDate firstDay = from.atZone(zone).toLocalDate();
            LocalDate lastDay = to.plus(series).atZone(zone).toLocalDate();
            return details.weekly(List.of(p.room().id))
                    .flatMap(weekly -> details.dated(p.room().id, firstDay, lastDay)
                            .map(dated -> new OpeningHours(weekly, dated, zone)))
                    .flatMap(hours -> bookings.busy(p.room().id, p.counsellor().id, p.client().id, utc(from),
                                    utc(to.plus(series)), choice.movingBookingId())
                            .map(busy -> free(hours, busy, from, to, choice.length(), choice.weeks(), count, zone)));
        });
    }

    /** {@link #next} in a session of its own, for the API. */
    @WithSession
    public Uni<Suggestions> of(Choice choice, int count) {
        return next(choice, count).map(found -> new Suggestions(choice.roomId(), choice.counsellorId(), choice.clientId(),
                choice.after().atZone(config.zone()).toOffsetDateTime(), choice.length().toString(), choice.weeks(), found));
    }

    /** The first {@code count} non-overlapping slots in {@code [from, to)} whose every week is free and allowed. */
    List<Suggestion> free(OpeningHours hours, List<Span> busy, Instant from, Instant to, Duration length, int weeks,
                          int count, ZoneId zone) {
        List<Suggestion> found = new ArrayList<>();
        Duration step = config.suggestionStep();
        Instant notBefore = from;
        for (Span window : hours.between(from, to)) {
            for (ZonedDateTime t = window.start().atZone(zone); !t.toInstant().plus(length).isAfter(window.end());
                 t = t.plus(step)) {
                if (t.toInstant().isBefore(notBefore) || !t.toInstant().isBefore(to)) {
                    continue;
                }
                if (everyWeekFree(t, length, weeks, hours, busy)) {
                    found.add(new Suggestion(t.toOffsetDateTime(), t.plus(length).toOffsetDateTime()));
                    if (found.size() == count) {
                        return found;
                    }
                    notBefore = t.toInstant().plus(length);
                }
            }
        }
        return found;
    }

    private boolean everyWeekFree(ZonedDateTime start, Duration length, int weeks, OpeningHours hours, List<Span> busy) {
        for (int week = 0; week < weeks; week++) {
            ZonedDateTime s = start.plusWeeks(week);
            Span session = new Span(s.toInstant(), s.plus(length).toInstant());
            if (busy.stream().anyMatch(session::overlaps) || !rules.times(session, hours, "").isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}

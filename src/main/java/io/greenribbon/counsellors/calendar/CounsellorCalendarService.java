package io.greenribbon.counsellors.calendar;

import io.greenribbon.access.AccessDecision;
import io.greenribbon.access.Actor;
import io.greenribbon.access.Role;
import io.greenribbon.counsellors.Counsellor;
import io.greenribbon.counsellors.CounsellorRepository;
import io.greenribbon.counsellors.LocalClock;
import io.greenribbon.problem.Messages;
import io.greenribbon.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A counsellor's calendar from every {@link CalendarEntrySource}. A counsellor reads their own; supervisors
 * and admins read those of the counsellors kept in their jurisdiction.
 */
@ApplicationScoped
public class CounsellorCalendarService {

    private static final long PAST_DAYS = 31;
    private static final long FUTURE_DAYS = 92;

    private final CounsellorRepository counsellors;
    private final Instance<CalendarEntrySource> sources;
    private final AccessDecision access;
    private final LocalClock clock;

    public CounsellorCalendarService(CounsellorRepository counsellors, @Any Instance<CalendarEntrySource> sources,
                                     AccessDecision access, LocalClock clock) {
        this.counsellors = counsellors;
        this.sources = sources;
        this.access = access;
        this.clock = clock;
    }

    @WithSession
    public Uni<String> calendar(long id, Locale locale) {
        Actor actor = access.actor();
        return counsellors.findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("counsellor.not-found", id))
                .invoke(c -> {
                    if (!mayRead(actor, c)) {
                        throw ProblemException.notFound("counsellor.not-found", id);
                    }
                })
                .flatMap(c -> write(c, locale, true));
    }

    /**
     * The calendar of a subscription (no account asks: its secret address is the authority): the same
     * entries, without their descriptions, so that a calendar app's servers hold no more than when, where
     * and what kind of session (and a client's pseudonymous code, which the counsellor sees anyway).
     * Call inside a session.
     */
    Uni<String> subscription(Counsellor c, Locale locale) {
        return write(c, locale, false);
    }

    private Uni<String> write(Counsellor c, Locale locale, boolean descriptions) {
        Instant now = clock.now();
        Instant from = now.minus(PAST_DAYS, ChronoUnit.DAYS);
        Instant to = now.plus(FUTURE_DAYS, ChronoUnit.DAYS);
        return entries(c, from, to, locale).map(entries -> ICalendarWriter.write(
                Messages.text(locale, "calendar.name", c.fullName), clock.zone().getId(), descriptions ? entries
                        : entries.stream().map(e -> new CalendarEntry(e.uid(), e.start(), e.end(), e.summary(), null,
                        e.location(), e.status(), e.sequence())).toList(), now));
    }

    /** A week of the signed-in counsellor's own calendar (their pool record), for the console. */
    public record Week(Long counsellorId, LocalDate monday, List<CalendarEntry> entries) {
    }

    /** The signed-in account's own entries in the week starting {@code monday} (in the service area's zone). */
    @WithSession
    public Uni<Week> ownWeek(LocalDate monday, Locale locale) {
        Actor actor = access.actor();
        Instant from = monday.atStartOfDay(clock.zone()).toInstant();
        Instant to = monday.plusDays(7).atStartOfDay(clock.zone()).toInstant();
        return counsellors.findByUsername(actor.username()).flatMap(c -> c == null
                ? Uni.createFrom().item(new Week(null, monday, List.of()))
                : entries(c, from, to, locale).map(entries -> new Week(c.id, monday, entries)));
    }

    public LocalDate today() {
        return clock.today();
    }

    /** Every source's entries of one counsellor overlapping [from, to), in time order. */
    private Uni<List<CalendarEntry>> entries(Counsellor c, Instant from, Instant to, Locale locale) {
        CalendarOwner owner = new CalendarOwner(c.id, c.fullName, c.username, c.homeDivision);
        Uni<List<CalendarEntry>> all = Uni.createFrom().item(new ArrayList<>());
        for (CalendarEntrySource source : sources) {
            all = all.flatMap(acc -> source.entries(owner, from, to, locale).map(found -> {
                acc.addAll(found);
                return acc;
            }));
        }
        return all.map(entries -> {
            entries.sort(Comparator.comparing(CalendarEntry::start).thenComparing(CalendarEntry::uid));
            return entries;
        });
    }

    /** A counsellor reads their own calendar; supervisors and admins those of the counsellors they govern. */
    static boolean mayRead(Actor actor, Counsellor c) {
        if (c.username != null && c.username.equals(actor.username())) {
            return true;
        }
        return (actor.hasRole(Role.ADMIN) || actor.hasRole(Role.RISK_SUPERVISOR)) && actor.governs(c.homeDivision);
    }
}

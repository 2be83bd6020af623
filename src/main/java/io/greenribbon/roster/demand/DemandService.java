package io.greenribbon.roster.demand;

import io.greenribbon.access.AccessDecision;
import io.greenribbon.counsellors.LocalClock;
import io.greenribbon.hotline.figures.HotlineFigures;
import io.greenribbon.problem.Messages;
import io.greenribbon.problem.ProblemException;
import io.greenribbon.roster.CoverageQuery;
import io.greenribbon.roster.RosterConfig;
import io.greenribbon.roster.RosterEligibility;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How many counsellors each hour of a week needs on a line, beside those rostered
 * ({@code GET /api/roster/demand}): the calls and handle times of the line's history, as the line's figures
 * define them ({@link HotlineFigures}, by hour), forecast by {@link WeeklyForecast}, turned into counsellors
 * by {@link ErlangC} at the line's {@link ServiceTarget}, and set beside the seats the roster fills
 * ({@link CoverageQuery#seats}) and the line's minimum.
 *
 * <p>The line's calls are those whose line division is the line's (a county line's calls that overflowed to
 * the city's queue count on the county's line, where they were offered). Counts only: no caller and no
 * counsellor is named.
 */
@ApplicationScoped
public class DemandService {

    private static final double SECONDS_AN_HOUR = 3600;

    private final HotlineFigures figures;
    private final CoverageQuery coverage;
    private final TargetRepository targets;
    private final RosterEligibility eligibility;
    private final AccessDecision access;
    private final LocalClock clock;
    private final RosterConfig config;

    public DemandService(HotlineFigures figures, CoverageQuery coverage, TargetRepository targets,
                         RosterEligibility eligibility, AccessDecision access, LocalClock clock, RosterConfig config) {
        this.figures = figures;
        this.coverage = coverage;
        this.targets = targets;
        this.eligibility = eligibility;
        this.access = access;
        this.clock = clock;
        this.config = config;
    }

    /** The forecast week containing {@code week} (a date; none: next week) on the line {@code line}. */
    public Uni<DemandReport> demand(String line, String week, Locale locale) {
        access.requireGoverns(line);
        LocalDate monday = monday(week, locale);
        int weeks = config.forecastWeeks();
        Instant from = monday.minusWeeks(weeks).atStartOfDay(clock.zone()).toInstant();
        Instant start = monday.atStartOfDay(clock.zone()).toInstant();
        Instant end = monday.plusWeeks(1).atStartOfDay(clock.zone()).toInstant();
        return requireLine(line, locale)
                .flatMap(x -> target(line))
                .flatMap(target -> figures.measure(line, from, start, HotlineFigures.By.LINE_DIVISION,
                                HotlineFigures.By.HOUR)
                        .map(rows -> rows.stream().filter(r -> line.equals(r.lineDivision()))
                                .map(r -> new WeeklyForecast.HourCalls(r.periodStart(), r.measures().offered(),
                                        r.measures().answeredWithHandleTime(), r.measures().handleMsOfAnswered()))
                                .toList())
                        .flatMap(history -> coverage.seats(line, start, end, clock.zone(),
                                        config.cityLineMinimumSeats())
                                .map(seats -> report(line, monday, weeks, target, WeeklyForecast.forecast(monday,
                                        weeks, history, config.defaultHandleTime().toSeconds()), seats))));
    }

    /** The line's service-level target, its own or the default. */
    public Uni<TargetView> target(String line, Locale locale) {
        access.requireGoverns(line);
        return requireLine(line, locale).flatMap(x -> target(line));
    }

    /** Sets the line's own service-level target. */
    public Uni<TargetView> setTarget(String line, ServiceTarget target, Locale locale) {
        access.requireGoverns(line);
        return requireLine(line, locale)
                .flatMap(x -> targets.save(line, target, access.actor().username()))
                .flatMap(x -> target(line));
    }

    private Uni<TargetView> target(String line) {
        return targets.find(line).map(own -> own == null
                ? new TargetView(line, config.defaultAnsweredShare(), figures.serviceLevelSeconds(), false)
                : new TargetView(line, own.answeredShare(), own.withinSeconds(), true));
    }

    private Uni<Void> requireLine(String line, Locale locale) {
        return Panache.withSession(() -> eligibility.requireLine(line, "division", locale));
    }

    private LocalDate monday(String week, Locale locale) {
        LocalDate day;
        if (week == null || week.isBlank()) {
            day = clock.today().plusWeeks(1);
        } else {
            try {
                day = LocalDate.parse(week.trim());
            } catch (DateTimeParseException e) {
                throw ProblemException.invalid("week", Messages.text(locale, "roster.invalid.date"));
            }
        }
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private DemandReport report(String line, LocalDate monday, int weeks, TargetView target,
                                List<WeeklyForecast.HourForecast> forecast, List<CoverageQuery.Shortfall> seats) {
        Map<Instant, CoverageQuery.Shortfall> byHour = new HashMap<>();
        seats.forEach(s -> byHour.put(s.hourStart(), s));
        ServiceTarget goal = new ServiceTarget(target.answeredShare(), target.withinSeconds());
        List<DemandHour> hours = new ArrayList<>(forecast.size());
        double calls = 0;
        int short_ = 0;
        for (WeeklyForecast.HourForecast f : forecast) {
            ZonedDateTime local = f.start().atZone(clock.zone());
            CoverageQuery.Shortfall s = byHour.get(local.toInstant());
            int minimum = s == null ? 0 : s.required();
            int rostered = s == null ? 0 : s.staffed();
            double erlangs = ErlangC.erlangs(f.calls(), SECONDS_AN_HOUR, f.handleSeconds());
            int needed = ErlangC.agentsFor(erlangs, f.handleSeconds(), goal);
            int missing = Math.max(0, Math.max(needed, minimum) - rostered);
            Double level = erlangs == 0 ? null : Math.round(ErlangC.serviceLevel(rostered, erlangs,
                    f.handleSeconds(), goal.withinSeconds()) * 10000.0) / 10000.0;
            hours.add(new DemandHour(local.toOffsetDateTime(), local.getDayOfWeek(), local.getHour(),
                    round(f.calls()), round(f.handleSeconds()), round(erlangs), needed, minimum, rostered, missing,
                    level));
            calls += f.calls();
            if (missing > 0) {
                short_++;
            }
        }
        return new DemandReport(line, monday, weeks, target, round(calls), short_, hours);
    }

    private static double round(double value) {
        return Math.round(value * 100.0) / 100.0;
    }
}

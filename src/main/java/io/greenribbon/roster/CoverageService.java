package io.greenribbon.roster;

import io.greenribbon.access.AccessDecision;
import io.greenribbon.counsellors.LocalClock;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Locale;

/** {@code GET /api/roster/coverage}: every hour below minimum staffing, for the lines of one's jurisdiction. */
@ApplicationScoped
public class CoverageService {

    private final CoverageQuery query;
    private final AccessDecision access;
    private final LocalClock clock;
    private final RosterConfig config;

    public CoverageService(CoverageQuery query, AccessDecision access, LocalClock clock, RosterConfig config) {
        this.query = query;
        this.access = access;
        this.clock = clock;
        this.config = config;
    }

    public Uni<CoverageReport> coverage(String division, String from, String to, Locale locale) {
        String scope = division == null ? access.jurisdiction() : division;
        access.requireGoverns(scope);
        Window window = Window.of(from, to, clock, config, locale).wholeHours();
        long hours = Duration.between(window.from(), window.to()).toHours();
        return query.lines(scope).flatMap(lines -> query.gaps(scope, window.from(), window.to(), clock.zone(),
                        config.cityLineMinimumSeats())
                .map(rows -> new CoverageReport(scope, RosterTimes.local(window.from(), clock.zone()),
                        RosterTimes.local(window.to(), clock.zone()), lines, hours * lines.size(),
                        rows.stream().map(r -> {
                            ZonedDateTime local = r.hourStart().atZone(clock.zone());
                            return new CoverageGap(r.line(), local.toOffsetDateTime(),
                                    local.plusHours(1).toOffsetDateTime(), local.getDayOfWeek(), local.getHour(),
                                    r.required(), r.staffed(), r.required() - r.staffed());
                        }).toList())));
    }
}

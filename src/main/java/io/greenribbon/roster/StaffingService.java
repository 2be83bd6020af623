package io.greenribbon.roster;

import io.greenribbon.access.AccessDecision;
import io.greenribbon.problem.Messages;
import io.greenribbon.problem.ProblemException;
import io.greenribbon.problem.ProblemType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Minimum staffing per line, hour of day and day of week. */
@ApplicationScoped
public class StaffingService {

    private final StaffingRepository repository;
    private final RosterEligibility eligibility;
    private final AccessDecision access;
    private final RosterConfig config;

    public StaffingService(StaffingRepository repository, RosterEligibility eligibility, AccessDecision access,
                           RosterConfig config) {
        this.repository = repository;
        this.eligibility = eligibility;
        this.access = access;
        this.config = config;
    }

    public int defaultSeats(String line) {
        return line.length() == 4 ? config.cityLineMinimumSeats() : 0;
    }

    public Uni<StaffingView> get(String line) {
        access.requireGoverns(line);
        return repository.find(line).map(seats -> view(line, seats));
    }

    public Uni<StaffingView> replace(String line, StaffingRules rules, Locale locale) {
        access.requireGoverns(line);
        ProblemException invalid = new ProblemException(ProblemType.VALIDATION, "problem.validation.detail");
        Map<Integer, Integer> seats = new HashMap<>();
        for (int i = 0; i < rules.rules().size(); i++) {
            StaffingRules.Rule rule = rules.rules().get(i);
            if (rule.toHour() <= rule.fromHour()) {
                invalid.field("rules[" + i + "].toHour", Messages.text(locale, "roster.invalid.hours"));
                continue;
            }
            if (rule.seats() < defaultSeats(line) && line.length() == 4) {
                invalid.field("rules[" + i + "].seats", Messages.text(locale, "roster.invalid.seats-12356",
                        config.cityLineMinimumSeats()));
                continue;
            }
            for (DayOfWeek day : rule.days()) {
                for (int hour = rule.fromHour(); hour < rule.toHour(); hour++) {
                    seats.merge(day.getValue() * 100 + hour, rule.seats(), Math::max);
                }
            }
        }
        if (!invalid.errors().isEmpty()) {
            throw invalid;
        }
        return io.quarkus.hibernate.reactive.panache.Panache.withSession(() -> eligibility.requireLine(line, "division", locale))
                .flatMap(x -> repository.replace(line, seats))
                .map(x -> view(line, seats));
    }

    private StaffingView view(String line, Map<Integer, Integer> seats) {
        List<StaffingView.HourMinimum> hours = new ArrayList<>(168);
        for (DayOfWeek day : DayOfWeek.values()) {
            for (int hour = 0; hour < 24; hour++) {
                Integer n = seats.get(day.getValue() * 100 + hour);
                hours.add(new StaffingView.HourMinimum(day, hour, n == null ? defaultSeats(line) : n, n != null));
            }
        }
        return new StaffingView(line, defaultSeats(line), hours);
    }
}

package io.greenribbon.roster;

import io.greenribbon.access.AccessDecision;
import io.greenribbon.counsellors.LocalClock;
import io.greenribbon.problem.Messages;
import io.greenribbon.problem.ProblemException;
import io.greenribbon.problem.ProblemType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Weekly patterns, and applying one to a range of dates: every shift or none. Shifts the pattern already
 * made for those dates are left as they are (so applying twice adds nothing); any other overlap rejects
 * the whole application with a list of every conflict.
 */
@ApplicationScoped
public class PatternService {

    private final PatternRepository patterns;
    private final PatternEntryRepository entries;
    private final ShiftRepository shifts;
    private final RosterEligibility eligibility;
    private final AccessDecision access;
    private final LocalClock clock;
    private final RosterConfig config;

    public PatternService(PatternRepository patterns, PatternEntryRepository entries, ShiftRepository shifts,
                          RosterEligibility eligibility, AccessDecision access, LocalClock clock,
                          RosterConfig config) {
        this.patterns = patterns;
        this.entries = entries;
        this.shifts = shifts;
        this.eligibility = eligibility;
        this.access = access;
        this.clock = clock;
        this.config = config;
    }

    @WithSession
    public Uni<List<PatternView>> list(String division) {
        String scope = division == null ? access.jurisdiction() : division;
        access.requireGoverns(scope);
        return patterns.findUnder(scope).flatMap(found -> {
            Uni<List<PatternView>> views = Uni.createFrom().item(new ArrayList<>());
            for (RosterPattern p : found) {
                views = views.flatMap(acc -> entries.findByPattern(p.id).map(es -> {
                    acc.add(PatternView.of(p, es));
                    return acc;
                }));
            }
            return views;
        });
    }

    @WithSession
    public Uni<PatternView> get(long id) {
        return governed(id).flatMap(p -> entries.findByPattern(p.id).map(es -> PatternView.of(p, es)));
    }

    public Uni<PatternView> create(PatternInput in, Locale locale) {
        access.requireGoverns(in.lineDivision());
        List<PatternInput.Parsed> list = in.parsed(locale);
        ProblemException invalid = new ProblemException(ProblemType.VALIDATION, "problem.validation.detail");
        for (int i = 0; i < list.size(); i++) {
            PatternInput.Parsed a = list.get(i);
            if (a.start().equals(a.end())) {
                invalid.field("entries[" + i + "].end", Messages.text(locale, "roster.invalid.end-before-start"));
            }
            for (int j = 0; j < i; j++) {
                PatternInput.Parsed b = list.get(j);
                if (a.counsellorId().equals(b.counsellorId()) && WeeklyShapes.overlap(a.day().getValue(), a.start(),
                        a.end(), b.day().getValue(), b.start(), b.end())) {
                    invalid.field("entries[" + i + "]", Messages.text(locale, "roster.invalid.pattern-overlap", j));
                }
            }
        }
        if (!invalid.errors().isEmpty()) {
            throw invalid;
        }
        String actor = access.actor().username();
        return Panache.withTransaction(() -> eligibility.requireLine(in.lineDivision(), "lineDivision", locale)
                .flatMap(x -> checkCounsellors(in.lineDivision(), list, locale))
                .flatMap(x -> {
                    RosterPattern p = new RosterPattern();
                    p.lineDivision = in.lineDivision();
                    p.name = in.name().trim();
                    p.createdBy = actor;
                    return patterns.persist(p).flatMap(saved -> {
                        List<PatternEntry> rows = list.stream().map(e -> {
                            PatternEntry row = new PatternEntry();
                            row.patternId = p.id;
                            row.counsellorId = e.counsellorId();
                            row.dayOfWeek = (short) e.day().getValue();
                            row.startTime = e.start();
                            row.endTime = e.end();
                            return row;
                        }).toList();
                        return entries.persist(rows).flatMap(y -> entries.flush()).map(y -> PatternView.of(p, rows));
                    });
                }));
    }

    public Uni<PatternApplication.Result> apply(long id, PatternApplication range, Locale locale) {
        if (range.to().isBefore(range.from())) {
            throw ProblemException.invalid("to", Messages.text(locale, "roster.invalid.end-before-start"));
        }
        if (range.to().isAfter(range.from().plus(config.maxPatternRange()))) {
            throw ProblemException.invalid("to", Messages.text(locale, "roster.invalid.window",
                    config.maxPatternRange()));
        }
        String actor = access.actor().username();
        return Panache.withTransaction(() -> governed(id).flatMap(p -> entries.findByPattern(p.id)
                        .flatMap(es -> checkEntries(p, es, locale).replaceWith(es))
                        .flatMap(es -> place(p, es, range, actor))))
                .onFailure().transform(RosterFailures::translate);
    }

    private Uni<PatternApplication.Result> place(RosterPattern p, List<PatternEntry> es, PatternApplication range,
                                                 String actor) {
        List<Shift> candidates = new ArrayList<>();
        for (LocalDate date = range.from(); !date.isAfter(range.to()); date = date.plusDays(1)) {
            for (PatternEntry e : es) {
                if (e.dayOfWeek == date.getDayOfWeek().getValue()) {
                    Shift s = new Shift();
                    s.counsellorId = e.counsellorId;
                    s.lineDivision = p.lineDivision;
                    s.startsAt = WeeklyShapes.start(date, e.startTime, clock.zone()).toInstant();
                    s.endsAt = WeeklyShapes.end(date, e.startTime, e.endTime, clock.zone()).toInstant();
                    s.patternId = p.id;
                    s.createdBy = actor;
                    s.updatedAt = OffsetDateTime.now();
                    candidates.add(s);
                }
            }
        }
        Instant from = range.from().atStartOfDay(clock.zone()).toInstant();
        Instant to = range.to().plusDays(2).atStartOfDay(clock.zone()).toInstant();
        List<Long> counsellorIds = es.stream().map(e -> e.counsellorId).distinct().toList();
        return shifts.findOverlapping(counsellorIds, from, to).flatMap(existing -> {
            List<Shift> fresh = new ArrayList<>();
            List<Map<String, Object>> conflicts = new ArrayList<>();
            for (Shift c : candidates) {
                List<Shift> clashes = existing.stream().filter(e -> e.counsellorId.equals(c.counsellorId)
                        && e.overlaps(c.startsAt, c.endsAt)).toList();
                boolean same = clashes.size() == 1 && clashes.get(0).startsAt.equals(c.startsAt)
                        && clashes.get(0).endsAt.equals(c.endsAt) && clashes.get(0).lineDivision.equals(c.lineDivision);
                if (clashes.isEmpty()) {
                    fresh.add(c);
                } else if (!same) {
                    Map<String, Object> conflict = new LinkedHashMap<>();
                    conflict.put("counsellorId", c.counsellorId);
                    conflict.put("start", RosterTimes.local(c.startsAt, clock.zone()));
                    conflict.put("conflictingShiftId", clashes.get(0).id);
                    conflicts.add(conflict);
                }
            }
            if (!conflicts.isEmpty()) {
                return Uni.createFrom().failure(ProblemException.conflict("roster.conflict.pattern",
                        conflicts.size()).with("conflicts", conflicts));
            }
            int already = candidates.size() - fresh.size();
            return (fresh.isEmpty() ? Uni.createFrom().voidItem() : shifts.persist(fresh))
                    .flatMap(x -> shifts.flush())
                    .map(x -> new PatternApplication.Result(fresh.size(), already));
        });
    }

    private Uni<Void> checkCounsellors(String line, List<PatternInput.Parsed> list, Locale locale) {
        Uni<Void> checked = Uni.createFrom().voidItem();
        for (int i = 0; i < list.size(); i++) {
            String field = "entries[" + i + "].counsellorId";
            Long counsellorId = list.get(i).counsellorId();
            checked = checked.flatMap(x -> eligibility.requireCounsellor(counsellorId, line, field, locale)
                    .replaceWithVoid());
        }
        return checked;
    }

    private Uni<Void> checkEntries(RosterPattern p, List<PatternEntry> es, Locale locale) {
        Uni<Void> checked = Uni.createFrom().voidItem();
        for (int i = 0; i < es.size(); i++) {
            String field = "entries[" + i + "].counsellorId";
            Long counsellorId = es.get(i).counsellorId;
            checked = checked.flatMap(x -> eligibility.requireCounsellor(counsellorId, p.lineDivision, field, locale)
                    .replaceWithVoid());
        }
        return checked;
    }

    private Uni<RosterPattern> governed(long id) {
        return patterns.findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("roster.pattern.not-found", id))
                .invoke(p -> {
                    if (!access.governs(p.lineDivision)) {
                        throw ProblemException.notFound("roster.pattern.not-found", id);
                    }
                });
    }
}

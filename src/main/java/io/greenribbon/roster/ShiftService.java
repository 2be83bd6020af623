package io.greenribbon.roster;

import io.greenribbon.access.AccessDecision;
import io.greenribbon.counsellors.Counsellor;
import io.greenribbon.counsellors.CounsellorRepository;
import io.greenribbon.counsellors.LocalClock;
import io.greenribbon.problem.Messages;
import io.greenribbon.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/**
 * Planning and changing shifts. Admins plan the lines of their jurisdiction; anyone with roster rights
 * reads the lines they can see. A counsellor's shifts never overlap: checked here for a clear answer,
 * guaranteed by the database's exclusion constraint for every race the check cannot see.
 */
@ApplicationScoped
public class ShiftService {

    private static final Duration LONGEST = Duration.ofHours(24);

    private final ShiftRepository shifts;
    private final ShiftChangeRepository changes;
    private final CounsellorRepository counsellors;
    private final RosterEligibility eligibility;
    private final AccessDecision access;
    private final LocalClock clock;
    private final RosterConfig config;

    public ShiftService(ShiftRepository shifts, ShiftChangeRepository changes, CounsellorRepository counsellors,
                        RosterEligibility eligibility, AccessDecision access, LocalClock clock, RosterConfig config) {
        this.shifts = shifts;
        this.changes = changes;
        this.counsellors = counsellors;
        this.eligibility = eligibility;
        this.access = access;
        this.clock = clock;
        this.config = config;
    }

    @WithSession
    public Uni<List<ShiftView>> list(String division, Long counsellorId, String from, String to,
                                     boolean includeCancelled, Locale locale) {
        LineScope scope = LineScope.of(access.jurisdiction());
        String lines = division == null ? access.jurisdiction() : division;
        if (!lines.startsWith(scope.subtree()) && !scope.subtree().startsWith(lines)) {
            throw ProblemException.outOfJurisdiction(lines);
        }
        Window window = Window.of(from, to, clock, config, locale);
        return shifts.search(LineScope.of(lines), scope, counsellorId, window.from(), window.to(), includeCancelled)
                .map(list -> list.stream().map(h -> ShiftView.of(h.shift(), h.counsellor(), clock.zone())).toList());
    }

    @WithSession
    public Uni<ShiftView> get(long id) {
        return visible(id).flatMap(s -> counsellors.findById(s.counsellorId).map(c -> ShiftView.of(s, c, clock.zone())));
    }

    public Uni<ShiftView> create(ShiftInput in, Locale locale) {
        Instant start = RosterTimes.required("start", in.start(), clock.zone(), locale);
        Instant end = RosterTimes.required("end", in.end(), clock.zone(), locale);
        if (!end.isAfter(start)) {
            throw ProblemException.invalid("end", Messages.text(locale, "roster.invalid.end-before-start"));
        }
        if (Duration.between(start, end).compareTo(LONGEST) > 0) {
            throw ProblemException.invalid("end", Messages.text(locale, "roster.invalid.too-long"));
        }
        access.requireGoverns(in.lineDivision());
        String actor = access.actor().username();
        return Panache.withTransaction(() -> eligibility.requireLine(in.lineDivision(), "lineDivision", locale)
                .flatMap(x -> eligibility.requireCounsellor(in.counsellorId(), in.lineDivision(), "counsellorId",
                        locale))
                .flatMap(c -> shifts.findOverlapping(c.id, start, end).flatMap(existing -> {
                    if (!existing.isEmpty()) {
                        return Uni.createFrom().failure(overlap(existing.get(0)));
                    }
                    Shift s = new Shift();
                    s.counsellorId = c.id;
                    s.lineDivision = in.lineDivision();
                    s.startsAt = start;
                    s.endsAt = end;
                    s.createdBy = actor;
                    s.updatedAt = OffsetDateTime.now();
                    return shifts.persistAndFlush(s).map(x -> ShiftView.of(s, c, clock.zone()));
                }))).onFailure().transform(RosterFailures::translate);
    }

    /** Cancels a shift that has not ended, keeping it (and the reason) on record. */
    public Uni<ShiftView> cancel(long id, String reason, Locale locale) {
        String why = requireReason(reason, locale);
        String actor = access.actor().username();
        return Panache.withTransaction(() -> changeable(id).flatMap(s -> {
            s.status = ShiftStatus.CANCELLED;
            s.cancelReason = why;
            s.updatedAt = OffsetDateTime.now();
            return changes.persist(ShiftChange.of(s, ShiftChange.Kind.CANCEL, null, why, actor))
                    .flatMap(x -> counsellors.findById(s.counsellorId))
                    .flatMap(c -> shifts.flush().map(x -> ShiftView.of(s, c, clock.zone())));
        }));
    }

    /** Gives a shift to another counsellor (who covers it). */
    public Uni<ShiftView> reassign(long id, Long counsellorId, String reason, Locale locale) {
        String why = requireReason(reason, locale);
        if (counsellorId == null) {
            throw ProblemException.invalid("counsellorId", Messages.text(locale, "roster.invalid.required"));
        }
        String actor = access.actor().username();
        return Panache.withTransaction(() -> changeable(id).flatMap(s -> eligibility.requireCounsellor(counsellorId,
                s.lineDivision, "counsellorId", locale).flatMap(c -> shifts.findOverlapping(c.id, s.startsAt,
                s.endsAt).flatMap(existing -> {
                    if (existing.stream().anyMatch(e -> !e.id.equals(s.id))) {
                        return Uni.createFrom().failure(overlap(existing.get(0)));
                    }
                    ShiftChange change = ShiftChange.of(s, ShiftChange.Kind.REASSIGN, c.id, why, actor);
                    s.counsellorId = c.id;
                    s.updatedAt = OffsetDateTime.now();
                    return changes.persist(change).flatMap(x -> shifts.flush())
                            .map(x -> ShiftView.of(s, c, clock.zone()));
                })))).onFailure().transform(RosterFailures::translate);
    }

    /**
     * Two counsellors exchange shifts. The overlap rule is checked at commit, so that the exchange may
     * pass through a moment where one counsellor holds both.
     */
    public Uni<List<ShiftView>> swap(long id, Long otherId, String reason, Locale locale) {
        String why = requireReason(reason, locale);
        if (otherId == null || otherId == id) {
            throw ProblemException.invalid("withShiftId", Messages.text(locale, "roster.invalid.swap-other"));
        }
        String actor = access.actor().username();
        return Panache.withTransaction(() -> changeable(id).flatMap(a -> changeable(otherId)
                        .flatMap(b -> exchange(a, b, why, actor, locale))))
                .onFailure().transform(RosterFailures::translate);
    }

    private Uni<List<ShiftView>> exchange(Shift a, Shift b, String why, String actor, Locale locale) {
        Uni<Counsellor> takesA = eligibility.requireCounsellor(b.counsellorId, a.lineDivision, "withShiftId", locale);
        return takesA.flatMap(cb -> eligibility.requireCounsellor(a.counsellorId, b.lineDivision, "withShiftId",
                locale).flatMap(ca -> deferOverlapCheck()
                .flatMap(x -> changes.persist(ShiftChange.of(a, ShiftChange.Kind.SWAP, cb.id, why, actor)))
                .flatMap(x -> changes.persist(ShiftChange.of(b, ShiftChange.Kind.SWAP, ca.id, why, actor)))
                .flatMap(x -> {
                    a.counsellorId = cb.id;
                    b.counsellorId = ca.id;
                    a.updatedAt = OffsetDateTime.now();
                    b.updatedAt = a.updatedAt;
                    return shifts.flush();
                })
                .map(x -> List.of(ShiftView.of(a, cb, clock.zone()), ShiftView.of(b, ca, clock.zone())))));
    }

    private static Uni<Integer> deferOverlapCheck() {
        return Panache.getSession().flatMap(session -> session
                .createNativeQuery("SET CONSTRAINTS " + RosterFailures.NO_OVERLAP + " DEFERRED").executeUpdate());
    }

    private Uni<Shift> visible(long id) {
        LineScope scope = LineScope.of(access.jurisdiction());
        return shifts.findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("roster.shift.not-found", id))
                .invoke(s -> {
                    if (!scope.shows(s.lineDivision)) {
                        throw ProblemException.notFound("roster.shift.not-found", id);
                    }
                });
    }

    /** A shift the account plans, still scheduled and not yet ended. */
    private Uni<Shift> changeable(long id) {
        return visible(id).invoke(s -> {
            access.requireGoverns(s.lineDivision);
            if (s.status == ShiftStatus.CANCELLED) {
                throw ProblemException.conflict("roster.conflict.cancelled", id);
            }
            if (!s.endsAt.isAfter(clock.now())) {
                throw ProblemException.conflict("roster.conflict.past", id);
            }
        });
    }

    private static String requireReason(String reason, Locale locale) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalid("reason", Messages.text(locale, "roster.invalid.reason"));
        }
        if (reason.length() > 500) {
            throw ProblemException.invalid("reason", Messages.text(locale, "roster.invalid.reason"));
        }
        return reason.trim();
    }

    static ProblemException overlap(Shift existing) {
        return ProblemException.conflict("roster.conflict.overlap", existing.id).with("conflictingShiftId",
                existing.id);
    }
}

package io.greenribbon.roster;

import io.greenribbon.counsellors.Counsellor;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class ShiftRepository implements PanacheRepository<Shift> {

    /** A shift with the counsellor who holds it. */
    public record Held(Shift shift, Counsellor counsellor) {
    }

    private static final String HELD = "select s, c from Shift s, Counsellor c where c.id = s.counsellorId"
            + " and s.status = io.greenribbon.roster.ShiftStatus.SCHEDULED";

    /** Scheduled shifts of a counsellor that overlap {@code [start, end)}. */
    public Uni<List<Shift>> findOverlapping(Long counsellorId, Instant start, Instant end) {
        return list("counsellorId = :c and status = io.greenribbon.roster.ShiftStatus.SCHEDULED"
                        + " and startsAt < :end and endsAt > :start order by startsAt",
                Parameters.with("c", counsellorId).and("start", start).and("end", end));
    }

    /** Scheduled shifts of these counsellors that overlap {@code [start, end)}. */
    public Uni<List<Shift>> findOverlapping(Collection<Long> counsellorIds, Instant start, Instant end) {
        return list("counsellorId in :c and status = io.greenribbon.roster.ShiftStatus.SCHEDULED"
                        + " and startsAt < :end and endsAt > :start order by startsAt",
                Parameters.with("c", counsellorIds).and("start", start).and("end", end));
    }

    public Uni<List<Held>> findHeldAt(String condition, Parameters parameters) {
        return getSession().flatMap(s -> {
            var q = s.createSelectionQuery(HELD + " and s.startsAt <= :at and s.endsAt > :at and " + condition
                    + " order by s.startsAt, c.fullName", Object[].class);
            parameters.map().forEach(q::setParameter);
            return q.getResultList();
        }).map(rows -> rows.stream().map(r -> new Held((Shift) r[0], (Counsellor) r[1])).toList());
    }

    /**
     * Shifts overlapping {@code [from, to)} on the lines {@code under} a division or on the divisions above it,
     * limited to what a scope shows, optionally of one counsellor, cancelled ones included on request.
     */
    public Uni<List<Held>> search(LineScope lines, LineScope scope, Long counsellorId, Instant from, Instant to,
                                  boolean includeCancelled) {
        StringBuilder hql = new StringBuilder("select s, c from Shift s, Counsellor c where c.id = s.counsellorId"
                + " and s.startsAt < :to and s.endsAt > :from"
                + " and (s.lineDivision like :lines or s.lineDivision in :linesAbove)"
                + " and (s.lineDivision like :scope or s.lineDivision in :scopeAbove)");
        if (counsellorId != null) {
            hql.append(" and s.counsellorId = :counsellor");
        }
        if (!includeCancelled) {
            hql.append(" and s.status = io.greenribbon.roster.ShiftStatus.SCHEDULED");
        }
        hql.append(" order by s.startsAt, s.lineDivision, c.fullName, s.id");
        return getSession().flatMap(s -> {
            var q = s.createSelectionQuery(hql.toString(), Object[].class)
                    .setParameter("from", from).setParameter("to", to)
                    .setParameter("lines", lines.subtree() + "%").setParameter("linesAbove", lines.above())
                    .setParameter("scope", scope.subtree() + "%").setParameter("scopeAbove", scope.above());
            if (counsellorId != null) {
                q.setParameter("counsellor", counsellorId);
            }
            return q.getResultList();
        }).map(rows -> rows.stream().map(r -> new Held((Shift) r[0], (Counsellor) r[1])).toList());
    }

    /** A counsellor's scheduled shifts overlapping {@code [from, to)}, for the calendar. */
    public Uni<List<Shift>> findForCalendar(Long counsellorId, Instant from, Instant to) {
        return list("counsellorId = :c and startsAt < :to and endsAt > :from order by startsAt",
                Parameters.with("c", counsellorId).and("from", from).and("to", to));
    }
}

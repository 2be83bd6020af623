package io.greenribbon.risk;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
class RiskCaseRepository implements PanacheRepository<RiskCase> {

    /** Cases of a status, within a division prefix (supervisors) or assigned to one account (counsellors). */
    Uni<List<RiskCase>> list(String divisionPrefix, String assignedTo, RiskCase.Status status, int limit) {
        String query = divisionPrefix != null ? "division like :prefix and status = :status"
                : "assignedCounsellor = :assigned and status = :status";
        Parameters params = Parameters.with("status", status);
        if (divisionPrefix != null) {
            params.and("prefix", divisionPrefix + "%");
        } else {
            params.and("assigned", assignedTo);
        }
        return find(query, Sort.descending("openedAt"), params).page(0, limit).list();
    }

    /**
     * One page of a jurisdiction's open cases in the inbox's order: those that must ring first (the rule of
     * {@link RiskAlerts#urgent}: unacknowledged, and imminent or gone past the division's supervisors), then
     * imminent, then unacknowledged ones, higher levels first, newest first. Ordered by the database before
     * the page is cut, so that an old case that must ring is never left beyond the page.
     */
    Uni<List<RiskCase>> inboxPage(String divisionPrefix, int offset, int size) {
        return find("""
                division like :prefix and status = :open
                order by case when %s then 0 else 1 end,
                         case when level = :imminent then 0 else 1 end,
                         case when acknowledgedAt is null then 0 else 1 end,
                         case level when :imminent then 0 when :high then 1 when :moderate then 2 else 3 end,
                         openedAt desc, id desc""".formatted(URGENT), inboxParameters(divisionPrefix)
                .and("high", RiskLevel.HIGH).and("moderate", RiskLevel.MODERATE))
                .range(offset, offset + size - 1).list();
    }

    /** How many open cases a jurisdiction has, and how many of them must ring. */
    Uni<InboxCounts> inboxCounts(String divisionPrefix) {
        return getSession().chain(session -> session.createSelectionQuery("""
                        select count(*), count(case when %s then 1 end) from RiskCase
                        where division like :prefix and status = :open""".formatted(URGENT), Object[].class)
                .setParameter("prefix", divisionPrefix + "%").setParameter("open", RiskCase.Status.OPEN)
                .setParameter("imminent", RiskLevel.IMMINENT).setParameter("supervisors", RiskCase.Stage.SUPERVISORS)
                .getSingleResult()
                .map(row -> new InboxCounts(((Number) row[0]).longValue(), ((Number) row[1]).longValue())));
    }

    record InboxCounts(long open, long urgent) {
    }

    /** {@link RiskAlerts#urgent} in HQL, for an open case. */
    private static final String URGENT = "acknowledgedAt is null and (level = :imminent or stage <> :supervisors)";

    private static Parameters inboxParameters(String divisionPrefix) {
        return Parameters.with("prefix", divisionPrefix + "%").and("open", RiskCase.Status.OPEN)
                .and("imminent", RiskLevel.IMMINENT).and("supervisors", RiskCase.Stage.SUPERVISORS);
    }

    /** The open case of a caller, by the keyed hash of the number. */
    Uni<RiskCase> openByCallerKey(String callerKey) {
        return find("callerKey = ?1 and status = ?2", callerKey, RiskCase.Status.OPEN).firstResult();
    }
}

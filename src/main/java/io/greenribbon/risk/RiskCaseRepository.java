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

    /** The open case of a caller, by the keyed hash of the number. */
    Uni<RiskCase> openByCallerKey(String callerKey) {
        return find("callerKey = ?1 and status = ?2", callerKey, RiskCase.Status.OPEN).firstResult();
    }
}

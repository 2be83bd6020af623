package io.greenribbon.risk;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

@ApplicationScoped
class DutyRepository implements PanacheRepository<RiskDuty> {

    /** Everyone on duty at {@code at} in a post for a division the case's division lies in, most local first. */
    Uni<List<RiskDuty>> onDutyCovering(String caseDivision, RiskDuty.Post post, Instant at) {
        return find("post = ?1 and locate(division, ?2) = 1 and startsAt <= ?3 and (endsAt is null or endsAt > ?3)",
                Sort.descending("division").and("startsAt"), post, caseDivision, at).list();
    }

    /** Duties that have not ended at {@code at}, within a division prefix. */
    Uni<List<RiskDuty>> current(String divisionPrefix, Instant at) {
        return find("division like ?1 and (endsAt is null or endsAt > ?2)", Sort.ascending("division", "post", "startsAt"),
                divisionPrefix + "%", at).list();
    }
}

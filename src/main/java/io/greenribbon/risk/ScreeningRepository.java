package io.greenribbon.risk;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
class ScreeningRepository implements PanacheRepository<RiskScreening> {

    /** The screening the account recorded under {@code requestKey} (visible to its screener), or null. */
    Uni<RiskScreening> byRequest(String screenedBy, String requestKey) {
        return find("screenedBy = ?1 and requestKey = ?2", screenedBy, requestKey).firstResult();
    }

    Uni<List<RiskScreening>> byCase(long caseId) {
        return list("caseId", Sort.ascending("screenedAt"), caseId);
    }
}

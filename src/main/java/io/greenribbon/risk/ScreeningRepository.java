package io.greenribbon.risk;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
class ScreeningRepository implements PanacheRepository<RiskScreening> {

    Uni<List<RiskScreening>> byCase(long caseId) {
        return list("caseId", Sort.ascending("screenedAt"), caseId);
    }
}

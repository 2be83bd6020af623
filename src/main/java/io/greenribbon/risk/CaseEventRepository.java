package io.greenribbon.risk;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
class CaseEventRepository implements PanacheRepository<RiskCaseEvent> {

    Uni<List<RiskCaseEvent>> byCase(long caseId) {
        return list("caseId", Sort.ascending("at", "id"), caseId);
    }
}

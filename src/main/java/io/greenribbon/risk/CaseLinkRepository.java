package io.greenribbon.risk;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
class CaseLinkRepository implements PanacheRepository<RiskCaseLink> {

    Uni<List<RiskCaseLink>> byCase(long caseId) {
        return list("caseId", Sort.ascending("linkedAt"), caseId);
    }

    Uni<Boolean> linked(long caseId, Long contactId, Long sessionId) {
        return (contactId != null ? count("caseId = ?1 and contactId = ?2", caseId, contactId)
                : count("caseId = ?1 and sessionId = ?2", caseId, sessionId)).map(n -> n > 0);
    }
}

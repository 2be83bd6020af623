package io.greenribbon.risk;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
class FollowUpRepository implements PanacheRepository<FollowUp> {

    Uni<List<FollowUp>> byCase(long caseId) {
        return list("caseId", Sort.ascending("dueAt"), caseId);
    }

    Uni<Long> open(long caseId) {
        return count("caseId = ?1 and status = ?2", caseId, FollowUp.Status.OPEN);
    }
}

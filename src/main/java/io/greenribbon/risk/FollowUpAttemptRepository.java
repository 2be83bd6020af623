package io.greenribbon.risk;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
class FollowUpAttemptRepository implements PanacheRepository<FollowUpAttempt> {

    Uni<List<FollowUpAttempt>> byCase(long caseId) {
        return list("caseId", Sort.ascending("at"), caseId);
    }
}

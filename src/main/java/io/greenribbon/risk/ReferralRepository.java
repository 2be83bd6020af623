package io.greenribbon.risk;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
class ReferralRepository implements PanacheRepository<Referral> {

    Uni<List<Referral>> byCase(long caseId) {
        return list("caseId", Sort.ascending("referredAt"), caseId);
    }

    Uni<Long> unconfirmed(long caseId) {
        return count("caseId = ?1 and outcome is null", caseId);
    }
}

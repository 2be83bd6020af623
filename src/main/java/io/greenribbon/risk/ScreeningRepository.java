package io.greenribbon.risk;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

@ApplicationScoped
class ScreeningRepository implements PanacheRepository<RiskScreening> {

    /** The screening the account recorded under {@code requestKey} (visible to its screener), or null. */
    Uni<RiskScreening> byRequest(String screenedBy, String requestKey) {
        return find("screenedBy = ?1 and requestKey = ?2", screenedBy, requestKey).firstResult();
    }

    Uni<List<RiskScreening>> byCase(long caseId) {
        return list("caseId", Sort.ascending("screenedAt"), caseId);
    }

    /** Which of the cases have a screening whose lowering waits for a supervisor. */
    Uni<Set<Long>> withPendingLowering(Collection<Long> caseIds) {
        if (caseIds.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return list("caseId in ?1 and lowering = ?2", caseIds, RiskScreening.Lowering.PENDING)
                .map(found -> {
                    Set<Long> cases = new HashSet<>();
                    found.forEach(s -> cases.add(s.caseId));
                    return cases;
                });
    }
}

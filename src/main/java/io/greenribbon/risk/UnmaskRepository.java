package io.greenribbon.risk;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
class UnmaskRepository implements PanacheRepository<UnmaskRequest> {

    Uni<List<UnmaskRequest>> byCase(long caseId) {
        return list("caseId", Sort.ascending("requestedAt"), caseId);
    }

    /** Requests waiting for a decision within a division prefix, or asked by one account. */
    Uni<List<UnmaskRequest>> open(String divisionPrefix, String requester, int limit) {
        return (divisionPrefix != null
                ? find("division like ?1 and status in ?2", Sort.ascending("requestedAt"), divisionPrefix + "%",
                        List.of(UnmaskRequest.Status.PENDING, UnmaskRequest.Status.APPROVED))
                : find("requestedBy = ?1 and status in ?2", Sort.ascending("requestedAt"), requester,
                        List.of(UnmaskRequest.Status.PENDING, UnmaskRequest.Status.APPROVED)))
                .page(0, limit).list();
    }
}

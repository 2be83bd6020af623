package io.greenribbon.risk;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
class BreakGlassRepository implements PanacheRepository<BreakGlass> {

    /** The account's break-the-glass access to the case that is still open at {@code now}. */
    Uni<Optional<BreakGlass>> activeGrant(String actor, long caseId, Instant now) {
        return find("actor = ?1 and caseId = ?2 and grantedAt <= ?3 and expiresAt > ?3 order by expiresAt desc",
                actor, caseId, now).firstResult().map(Optional::ofNullable);
    }

    /** Uses reviewed, within a division prefix, the latest granted first. */
    Uni<List<BreakGlass>> reviewed(String divisionPrefix, int limit) {
        return find("division like ?1 and reviewedAt is not null", Sort.descending("grantedAt"), divisionPrefix + "%")
                .page(0, limit).list();
    }

    /** Uses waiting for review, within a division prefix, oldest first. */
    Uni<List<BreakGlass>> unreviewed(String divisionPrefix, int limit) {
        return find("division like ?1 and reviewedAt is null", Sort.ascending("grantedAt"), divisionPrefix + "%")
                .page(0, limit).list();
    }
}

package io.greenribbon.counsellors;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

@ApplicationScoped
public class CredentialRepository implements PanacheRepository<Credential> {

    public Uni<List<Credential>> findByCounsellor(Long counsellorId) {
        return list("counsellorId = ?1 order by validFrom, id", counsellorId);
    }

    /** The credentials of these counsellors, grouped by counsellor. */
    public Uni<Map<Long, List<Credential>>> findByCounsellors(Collection<Long> counsellorIds) {
        if (counsellorIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return list("counsellorId in ?1 order by validFrom, id", counsellorIds)
                .map(list -> list.stream().collect(Collectors.groupingBy(c -> c.counsellorId)));
    }

    /** Credentials whose validity ends between {@code from} and {@code until} (both inclusive), in a scope. */
    public Uni<List<Object[]>> findExpiring(LocalDate from, LocalDate until, String subtree) {
        return getSession().flatMap(s -> s.createSelectionQuery(
                        "select cr, c from Credential cr, Counsellor c where c.id = cr.counsellorId"
                                + " and cr.validUntil between :from and :until and c.homeDivision like :subtree"
                                + " and c.status <> io.greenribbon.counsellors.CounsellorStatus.LEFT"
                                + " order by cr.validUntil, c.fullName, cr.id", Object[].class)
                .setParameter("from", from).setParameter("until", until).setParameter("subtree", subtree + "%")
                .getResultList());
    }

    /**
     * Marks, once, every credential whose validity ends by {@code until} and has not been flagged yet. A
     * conditional update: replicas running it at the same moment flag each credential exactly once.
     */
    public Uni<Integer> flagExpiring(LocalDate until) {
        return update("expiryFlaggedAt = :now, updatedAt = :now where validUntil <= :until"
                        + " and expiryFlaggedAt is null",
                Parameters.with("now", java.time.OffsetDateTime.now()).and("until", until));
    }
}

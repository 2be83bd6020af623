package io.greenribbon.counsellors;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.List;

@ApplicationScoped
public class CounsellorRepository implements PanacheRepository<Counsellor> {

    private static final String CERTIFIED = "exists (from Credential cr where cr.counsellorId = c.id"
            + " and cr.validFrom <= :today and (cr.validUntil is null or cr.validUntil >= :today))";

    /** The pool member who signs in with this Keycloak account, or null. */
    public Uni<Counsellor> findByUsername(String username) {
        return find("username", username).firstResult();
    }

    /**
     * One page of the pool members a scope shows: those whose home lies in {@code scope.subtree} or is one
     * of {@code scope.ancestors}, narrowed by the filter, ordered by name.
     */
    public Uni<List<Counsellor>> search(CounsellorFilter filter, PoolScope scope, LocalDate today, int page,
                                        int size) {
        Query q = query(filter, scope, today);
        return find(q.hql + " order by c.fullName, c.id", q.parameters).page(page, size).list();
    }

    public Uni<Long> countMatching(CounsellorFilter filter, PoolScope scope, LocalDate today) {
        Query q = query(filter, scope, today);
        return count(q.hql, q.parameters);
    }

    private record Query(String hql, Parameters parameters) {
    }

    private static Query query(CounsellorFilter f, PoolScope scope, LocalDate today) {
        StringBuilder hql = new StringBuilder("from Counsellor c where (c.homeDivision like :subtree");
        Parameters p = Parameters.with("subtree", scope.subtree() + "%");
        if (!scope.ancestors().isEmpty()) {
            hql.append(" or c.homeDivision in :ancestors");
            p.and("ancestors", scope.ancestors());
        }
        hql.append(')');
        if (f.division() != null) {
            hql.append(" and c.homeDivision like :division");
            p.and("division", f.division() + "%");
        }
        if (f.kind() != null) {
            hql.append(" and c.kind = :kind");
            p.and("kind", f.kind());
        }
        if (f.status() != null) {
            hql.append(" and c.status = :status");
            p.and("status", f.status());
        }
        if (f.language() != null) {
            hql.append(" and array_contains(c.languages, :language)");
            p.and("language", f.language());
        }
        if (f.specialty() != null) {
            hql.append(" and array_contains(c.specialties, :specialty)");
            p.and("specialty", f.specialty().name());
        }
        if (f.certified() != null) {
            hql.append(f.certified() ? " and " : " and not ").append(CERTIFIED);
            p.and("today", today);
        }
        if (f.text() != null) {
            hql.append(" and c.fullName like :text escape '\\'");
            p.and("text", "%" + f.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return new Query(hql.toString(), p);
    }
}

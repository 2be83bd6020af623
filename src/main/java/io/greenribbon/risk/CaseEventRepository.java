package io.greenribbon.risk;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

@ApplicationScoped
class CaseEventRepository implements PanacheRepository<RiskCaseEvent> {

    Uni<List<RiskCaseEvent>> byCase(long caseId) {
        return list("caseId", Sort.ascending("at", "id"), caseId);
    }

    /** The latest event of each of {@code kinds} on each of the cases, by case, latest first. */
    Uni<Map<Long, List<RiskCaseEvent>>> latestOfKinds(Collection<Long> caseIds, Set<RiskCaseEvent.Kind> kinds) {
        if (caseIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return getSession().chain(s -> s.createNativeQuery("""
                        SELECT DISTINCT ON (case_id, kind) * FROM risk_case_event
                        WHERE case_id IN (:cases) AND kind IN (:kinds) ORDER BY case_id, kind, at DESC, id DESC""",
                        RiskCaseEvent.class)
                .setParameter("cases", caseIds)
                .setParameter("kinds", kinds.stream().map(Enum::name).toList())
                .getResultList())
                .map(found -> found.stream().sorted(Comparator.comparing((RiskCaseEvent e) -> e.at).reversed())
                        .collect(Collectors.groupingBy(e -> e.caseId, LinkedHashMap::new, Collectors.toList())));
    }
}

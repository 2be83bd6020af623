package io.greenribbon.risk;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Who is on duty for a case: the supervisors on shift for the most local division covering the case that
 * has any, the county lead of the case's county, the clinical lead of its city.
 */
@ApplicationScoped
class DutyRoster {

    private final DutyRepository duties;

    DutyRoster(DutyRepository duties) {
        this.duties = duties;
    }

    Uni<List<RiskDuty>> supervisors(String caseDivision, Instant at) {
        return duties.onDutyCovering(caseDivision, RiskDuty.Post.SUPERVISOR, at).map(all -> {
            if (all.isEmpty()) {
                return all;
            }
            int mostLocal = all.stream().mapToInt(d -> d.division.length()).max().orElseThrow();
            return all.stream().filter(d -> d.division.length() == mostLocal).toList();
        });
    }

    Uni<Optional<RiskDuty>> countyLead(String caseDivision, Instant at) {
        return lead(caseDivision, RiskDuty.Post.COUNTY_LEAD, 6, at);
    }

    Uni<Optional<RiskDuty>> clinicalLead(String caseDivision, Instant at) {
        return lead(caseDivision, RiskDuty.Post.CLINICAL_LEAD, 4, at);
    }

    private Uni<Optional<RiskDuty>> lead(String caseDivision, RiskDuty.Post post, int level, Instant at) {
        if (caseDivision.length() < level) {
            return Uni.createFrom().item(Optional.empty());
        }
        String division = caseDivision.substring(0, level);
        return duties.onDutyCovering(caseDivision, post, at)
                .map(all -> all.stream().filter(d -> d.division.equals(division)).findFirst());
    }
}

package io.greenribbon.risk;

import io.greenribbon.access.AccessDecision;
import io.greenribbon.audit.AuditEntry;
import io.greenribbon.audit.AuditLog;
import io.greenribbon.divisions.DivisionCodes;
import io.greenribbon.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The risk duty roster: who is on duty for which division in which post. It is staff scheduling, not risk
 * data: readable by the staff of the jurisdiction, kept by its supervisors and administrators.
 */
@ApplicationScoped
public class DutyService {

    public record Request(@NotNull @Pattern(regexp = DivisionCodes.REGEX) String division, @NotNull RiskDuty.Post post,
                          @NotNull @Size(min = 1, max = 255) String username,
                          @Pattern(regexp = "[0-9A-Za-z_-]{1,32}") String extension,
                          @NotNull Instant startsAt, Instant endsAt) {
    }

    public record View(long id, String division, RiskDuty.Post post, String username, String extension,
                       Instant startsAt, Instant endsAt, String createdBy) {

        static View of(RiskDuty d) {
            return new View(d.id, d.division, d.post, d.username, d.extension, d.startsAt, d.endsAt, d.createdBy);
        }
    }

    private final DutyRepository duties;
    private final AccessDecision access;
    private final AuditLog audit;
    private final Clock clock;

    public DutyService(DutyRepository duties, AccessDecision access, AuditLog audit, Clock clock) {
        this.duties = duties;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    private Uni<Void> audited(String action, Object id, String division) {
        return audit.append(AuditEntry.of(clock.instant(), access.actor(), action, "risk_duty", id, division, "ROSTER",
                AuditEntry.Outcome.ALLOWED, null));
    }

    /** Duties not yet ended, in {@code division} (default: one's own) and beneath it. */
    @WithSession
    public Uni<List<View>> current(String division) {
        String prefix = division != null ? division : access.jurisdiction();
        access.requireGoverns(prefix);
        return duties.current(prefix, clock.instant()).map(list -> list.stream().map(View::of).toList())
                .call(() -> audited("risk.duty.read", null, prefix));
    }

    @WithTransaction
    public Uni<View> add(Request r) {
        access.requireGoverns(r.division());
        if (r.endsAt() != null && !r.endsAt().isAfter(r.startsAt())) {
            throw ProblemException.invalid("endsAt", "must be after startsAt");
        }
        if (r.post() == RiskDuty.Post.COUNTY_LEAD && r.division().length() != 6) {
            throw ProblemException.invalid("division", "a county lead is on duty for a county (6 digits)");
        }
        if (r.post() == RiskDuty.Post.CLINICAL_LEAD && r.division().length() != 4) {
            throw ProblemException.invalid("division", "a clinical lead is on duty for a city (4 digits)");
        }
        RiskDuty d = new RiskDuty();
        d.division = r.division();
        d.post = r.post();
        d.username = r.username();
        d.extension = r.extension();
        d.startsAt = r.startsAt();
        d.endsAt = r.endsAt();
        d.createdBy = access.actor().username();
        return duties.persist(d).map(View::of).call(v -> audited("risk.duty.add", v.id(), v.division()));
    }

    /** Ends a duty now (a standing one, or a shift cut short). */
    @WithTransaction
    public Uni<View> end(long id) {
        return duties.findById(id).map(d -> {
            if (d == null) {
                throw ProblemException.notFound("risk.duty.not-found", id);
            }
            access.requireGoverns(d.division);
            Instant now = clock.instant();
            if (d.endsAt != null && !d.endsAt.isAfter(now)) {
                throw ProblemException.conflict("risk.duty.ended", id);
            }
            d.endsAt = now.isAfter(d.startsAt) ? now : d.startsAt.plusMillis(1);
            return View.of(d);
        }).call(v -> audited("risk.duty.end", v.id(), v.division()));
    }
}

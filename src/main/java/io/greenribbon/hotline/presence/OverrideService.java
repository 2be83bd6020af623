package io.greenribbon.hotline.presence;

import io.greenribbon.access.AccessDecision;
import io.greenribbon.access.Actor;
import io.greenribbon.counsellors.CounsellorRepository;
import io.greenribbon.hotline.HotlineProblems;
import io.greenribbon.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Supervisors' permissions for counsellors of their jurisdiction to take calls outside the roster. */
@ApplicationScoped
public class OverrideService {

    private static final Duration LONGEST = Duration.ofHours(24);

    private final ShiftOverrideRepository overrides;
    private final CounsellorRepository counsellors;
    private final AccessDecision access;

    public OverrideService(ShiftOverrideRepository overrides, CounsellorRepository counsellors,
                           AccessDecision access) {
        this.overrides = overrides;
        this.counsellors = counsellors;
        this.access = access;
    }

    @WithTransaction
    public Uni<OverrideView> grant(OverrideRequest request) {
        Actor supervisor = access.actor();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (!request.until().isAfter(now) || request.until().isAfter(now.plus(LONGEST))) {
            throw HotlineProblems.invalid("until", "hotline.override.until");
        }
        String line = request.lineDivision() != null ? request.lineDivision()
                : supervisor.division() == null ? null
                : supervisor.division().substring(0, Math.min(6, supervisor.division().length()));
        if (line == null || line.length() < 4) {
            throw HotlineProblems.invalid("lineDivision", "hotline.override.line-required");
        }
        access.requireGoverns(line);
        return counsellors.findByUsername(request.username()).flatMap(counsellor -> {
            if (counsellor == null) {
                throw ProblemException.notFound("hotline.override.unknown-counsellor", request.username());
            }
            access.requireGovernsOrHide(counsellor.homeDivision, "hotline.override.unknown-counsellor",
                    request.username());
            ShiftOverride o = new ShiftOverride();
            o.username = request.username();
            o.lineDivision = line;
            o.validFrom = now;
            o.validUntil = request.until();
            o.reason = request.reason().trim();
            o.grantedBy = supervisor.username();
            return overrides.persist(o).map(OverrideView::of);
        });
    }
}

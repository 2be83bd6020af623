package io.greenribbon.roster;

import io.greenribbon.access.AccessDecision;
import io.greenribbon.counsellors.Counsellor;
import io.greenribbon.counsellors.CounsellorRepository;
import io.greenribbon.counsellors.CounsellorStatus;
import io.greenribbon.counsellors.PoolScope;
import io.greenribbon.divisions.DivisionRepository;
import io.greenribbon.problem.Messages;
import io.greenribbon.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Locale;

/**
 * Who may sit on which line: an active pool member the planning account can see, kept by the line's
 * division, a division beneath it (a county's counsellor on the city line) or one above it (a city
 * counsellor on a county line).
 */
@ApplicationScoped
public class RosterEligibility {

    private final CounsellorRepository counsellors;
    private final DivisionRepository divisions;
    private final AccessDecision access;

    public RosterEligibility(CounsellorRepository counsellors, DivisionRepository divisions, AccessDecision access) {
        this.counsellors = counsellors;
        this.divisions = divisions;
        this.access = access;
    }

    public static boolean serves(Counsellor c, String line) {
        return c.homeDivision.startsWith(line) || line.startsWith(c.homeDivision);
    }

    public Uni<Void> requireLine(String line, String field, Locale locale) {
        return divisions.findById(line).invoke(d -> {
            if (d == null) {
                throw ProblemException.invalid(field, Messages.text(locale, "counsellor.invalid.division-unknown",
                        line));
            }
        }).replaceWithVoid();
    }

    public Uni<Counsellor> requireCounsellor(Long id, String line, String field, Locale locale) {
        PoolScope scope = PoolScope.of(access.jurisdiction());
        return counsellors.findById(id).invoke(c -> {
            if (c == null || !scope.shows(c.homeDivision)) {
                throw ProblemException.invalid(field, Messages.text(locale, "roster.invalid.counsellor-unknown", id));
            }
            if (c.status != CounsellorStatus.ACTIVE) {
                throw ProblemException.invalid(field, Messages.text(locale, "roster.invalid.counsellor-inactive",
                        c.fullName, c.status));
            }
            if (!serves(c, line)) {
                throw ProblemException.invalid(field, Messages.text(locale, "roster.invalid.counsellor-line",
                        c.fullName, c.homeDivision, line));
            }
        });
    }
}

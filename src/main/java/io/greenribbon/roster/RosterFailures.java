package io.greenribbon.roster;

import io.greenribbon.counsellors.DatabaseErrors;
import io.greenribbon.problem.ProblemException;

/** The roster's database rules, reported as the problems they are. */
final class RosterFailures {

    static final String NO_OVERLAP = "roster_shift_no_overlap";

    private RosterFailures() {
    }

    static Throwable translate(Throwable failure) {
        if ("23P01".equals(DatabaseErrors.sqlState(failure)) && NO_OVERLAP.equals(DatabaseErrors.constraint(failure))) {
            return ProblemException.conflict("roster.conflict.overlap-concurrent").with("constraint", NO_OVERLAP);
        }
        return failure;
    }
}

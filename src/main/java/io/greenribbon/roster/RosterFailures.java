package io.greenribbon.roster;

import io.greenribbon.problem.Failures;
import io.greenribbon.problem.ProblemException;

/** The roster's database rules, reported as the problems they are. */
final class RosterFailures {

    static final String NO_OVERLAP = "roster_shift_no_overlap";

    private RosterFailures() {
    }

    static Throwable translate(Throwable failure) {
        if ("23P01".equals(Failures.sqlState(failure)) && NO_OVERLAP.equals(Failures.constraint(failure))) {
            return ProblemException.conflict("roster.conflict.overlap-concurrent").with("constraint", NO_OVERLAP);
        }
        return failure;
    }
}

package io.greenribbon.hotline;

import io.greenribbon.problem.ProblemException;
import io.greenribbon.problem.ProblemType;

/** The hotline's own problem answers. */
public final class HotlineProblems {

    private HotlineProblems() {
    }

    /**
     * A 400 naming {@code field}: the localised detail says what is wrong, the field error carries the
     * message key as a stable code.
     */
    public static ProblemException invalid(String field, String detailKey, Object... args) {
        return new ProblemException(ProblemType.VALIDATION, detailKey, args).field(field, detailKey);
    }
}

package io.greenribbon.risk;

import io.greenribbon.problem.ProblemException;

/** The size of a list page: the requested one within 1..max, or max. */
final class Pages {

    static final int MAX = 200;

    private Pages() {
    }

    static int size(Integer limit) {
        if (limit == null) {
            return MAX;
        }
        if (limit < 1 || limit > MAX) {
            throw ProblemException.invalid("limit", "between 1 and " + MAX);
        }
        return limit;
    }
}

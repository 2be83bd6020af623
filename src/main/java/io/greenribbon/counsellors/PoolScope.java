package io.greenribbon.counsellors;

import io.greenribbon.divisions.DivisionCodes;

import java.util.List;

/**
 * Which pool members an account sees: those kept in its jurisdiction ({@code subtree}), and those kept by
 * the divisions above it ({@code ancestors}), since a city's pool also serves every county and a county's
 * pool every village. It manages only those in its own jurisdiction.
 */
public record PoolScope(String subtree, List<String> ancestors) {

    /** The scope of an account acting in {@code division}. */
    public static PoolScope of(String division) {
        List<String> above = DivisionCodes.pathTo(division).stream().filter(code -> !code.equals(division)).toList();
        return new PoolScope(division, above);
    }

    public boolean shows(String homeDivision) {
        return homeDivision.startsWith(subtree) || ancestors.contains(homeDivision);
    }

    /** Whether a filter division lies in what this scope shows. */
    public boolean reaches(String division) {
        return division.startsWith(subtree) || subtree.startsWith(division);
    }
}

package io.greenribbon.roster;

import io.greenribbon.divisions.DivisionCodes;

import java.util.List;

/**
 * A set of lines: those at or below {@code subtree}, and those of the divisions above it (a county's
 * people also answer the city's line). The list {@code above} is never empty, so it binds in an IN clause.
 */
public record LineScope(String subtree, List<String> above) {

    public static LineScope of(String division) {
        List<String> above = DivisionCodes.pathTo(division).stream().filter(c -> !c.equals(division)).toList();
        return new LineScope(division, above.isEmpty() ? List.of("-") : above);
    }

    public boolean shows(String line) {
        return line.startsWith(subtree) || above.contains(line);
    }
}

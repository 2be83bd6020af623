package io.greenribbon.divisions;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Facts of a division code that need no database. */
public final class DivisionCodes {

    /** 2, 4, 6, 9 or 12 digits. */
    public static final String REGEX = "^[0-9]{2}([0-9]{2}([0-9]{2}([0-9]{3}([0-9]{3})?)?)?)?$";
    private static final Pattern PATTERN = Pattern.compile(REGEX);

    private DivisionCodes() {
    }

    public static boolean isValid(String code) {
        return code != null && PATTERN.matcher(code).matches();
    }

    /** The codes from the province down to {@code code} itself. */
    public static List<String> pathTo(String code) {
        List<String> path = new ArrayList<>();
        for (DivisionLevel level : DivisionLevel.values()) {
            if (code.length() >= level.codeLength()) {
                path.add(code.substring(0, level.codeLength()));
            }
        }
        return path;
    }

    public static DivisionLevel levelOf(String code) {
        for (DivisionLevel level : DivisionLevel.values()) {
            if (code.length() == level.codeLength()) {
                return level;
            }
        }
        throw new IllegalArgumentException("Not a division code: " + code);
    }
}

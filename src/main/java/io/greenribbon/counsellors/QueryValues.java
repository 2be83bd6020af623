package io.greenribbon.counsellors;

import io.greenribbon.problem.Messages;
import io.greenribbon.problem.ProblemException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Reading enum and boolean query values, with a 400 naming the parameter for a value that is not allowed. */
public final class QueryValues {

    private QueryValues() {
    }

    public static <E extends Enum<E>> E enumValue(Class<E> type, String field, String raw, Locale locale) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, Messages.text(locale, "problem.validation.one-of",
                    Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))));
        }
    }

    public static Boolean booleanValue(String field, String raw, Locale locale) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.invalid(field, Messages.text(locale, "problem.validation.one-of",
                    "true, false"));
        };
    }
}

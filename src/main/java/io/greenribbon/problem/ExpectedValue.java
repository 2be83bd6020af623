package io.greenribbon.problem;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a value of a type must look like, for the problem naming a field or parameter whose value is not one:
 * a whole number within the type's range, one of an enumeration's constants, an ISO 8601 date or time.
 */
public record ExpectedValue(String messageKey, Object... args) {

    private static final Set<Class<?>> LONGS = Set.of(long.class, Long.class);
    private static final Set<Class<?>> INTS = Set.of(int.class, Integer.class, short.class, Short.class);

    public static ExpectedValue of(Class<?> type) {
        if (type == null) {
            return new ExpectedValue("problem.validation.unreadable-value");
        }
        if (LONGS.contains(type)) {
            return new ExpectedValue("problem.validation.not-a-whole-number", Long.MIN_VALUE, Long.MAX_VALUE);
        }
        if (INTS.contains(type)) {
            boolean isShort = type == short.class || type == Short.class;
            return new ExpectedValue("problem.validation.not-a-whole-number",
                    isShort ? Short.MIN_VALUE : Integer.MIN_VALUE, isShort ? Short.MAX_VALUE : Integer.MAX_VALUE);
        }
        if (type == boolean.class || type == Boolean.class) {
            return new ExpectedValue("problem.validation.one-of", "true, false");
        }
        if (type.isEnum()) {
            return new ExpectedValue("problem.validation.one-of", Arrays.stream(type.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", ")));
        }
        if (type == OffsetDateTime.class || type == Instant.class) {
            return new ExpectedValue("problem.validation.not-a-date-time");
        }
        if (type == LocalDate.class) {
            return new ExpectedValue("problem.validation.not-a-date");
        }
        if (type == LocalTime.class) {
            return new ExpectedValue("problem.validation.not-a-time");
        }
        return new ExpectedValue("problem.validation.unreadable-value");
    }

    /** A 400 naming {@code field} with this expectation, in the caller's language. */
    public ProblemException at(String field) {
        Object[] texts = Arrays.stream(args).map(String::valueOf).toArray();
        return new ProblemException(ProblemType.VALIDATION, "problem.validation.detail").fieldText(field, messageKey, texts);
    }
}

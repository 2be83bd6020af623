package io.greenribbon.problem;

/** One offending field of a request: its path (for example {@code shifts[2].start}) and what is wrong. */
public record FieldError(String field, String message) {
}

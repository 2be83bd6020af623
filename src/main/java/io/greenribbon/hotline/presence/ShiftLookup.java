package io.greenribbon.hotline.presence;

import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.util.Optional;

/**
 * Whether an account is on a hotline shift of the roster now, and on which line. Called inside a
 * Hibernate Reactive session (the caller's transaction).
 */
public interface ShiftLookup {

    /** The division of the line the account's current shift serves, or empty when it has no shift at {@code at}. */
    Uni<Optional<String>> shiftLine(String username, Instant at);

    /** The account's shift at {@code at}, with its line and end, or empty. */
    Uni<Optional<io.greenribbon.roster.OnShift>> currentShift(String username, Instant at);
}

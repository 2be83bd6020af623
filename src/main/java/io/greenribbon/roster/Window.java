package io.greenribbon.roster;

import io.greenribbon.counsellors.LocalClock;
import io.greenribbon.problem.Messages;
import io.greenribbon.problem.ProblemException;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * A range of time a list or a coverage query looks at: from the start of the current hour for the
 * configured default window unless the client names {@code from} and {@code to} (end exclusive).
 */
record Window(Instant from, Instant to) {

    static Window of(String fromParam, String toParam, LocalClock clock, RosterConfig config, Locale locale) {
        Instant from = RosterTimes.instant("from", fromParam, clock.zone(), locale);
        if (from == null) {
            from = clock.now().truncatedTo(ChronoUnit.HOURS);
        }
        Instant to = RosterTimes.instant("to", toParam, clock.zone(), locale);
        if (to == null) {
            to = from.atZone(clock.zone()).plus(config.defaultWindow()).toInstant();
        }
        if (!to.isAfter(from)) {
            throw ProblemException.invalid("to", Messages.text(locale, "roster.invalid.end-before-start"));
        }
        if (to.isAfter(from.atZone(clock.zone()).plus(config.maxWindow()).toInstant())) {
            throw ProblemException.invalid("to", Messages.text(locale, "roster.invalid.window", config.maxWindow()));
        }
        return new Window(from, to);
    }

    /** The same window widened to whole hours, as coverage counts them. */
    Window wholeHours() {
        Instant start = from.truncatedTo(ChronoUnit.HOURS);
        Instant end = to.truncatedTo(ChronoUnit.HOURS);
        return new Window(start, end.isBefore(to) ? end.plus(1, ChronoUnit.HOURS) : end);
    }
}

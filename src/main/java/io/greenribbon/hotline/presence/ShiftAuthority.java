package io.greenribbon.hotline.presence;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Decides whether a counsellor may take calls now, and on which line: a supervisor's override (the later,
 * explicit decision, e.g. to help another line), or else a shift on the roster. Needs a session.
 */
@ApplicationScoped
public class ShiftAuthority {

    private final ShiftLookup roster;
    private final ShiftOverrideRepository overrides;

    public ShiftAuthority(ShiftLookup roster, ShiftOverrideRepository overrides) {
        this.roster = roster;
        this.overrides = overrides;
    }

    /** The division of the line the counsellor serves at {@code at}, or empty when neither override nor roster allow it. */
    public Uni<Optional<String>> lineFor(String username, Instant at) {
        return overrides.findValid(username, at.atOffset(ZoneOffset.UTC)).flatMap(o -> o != null
                ? Uni.createFrom().item(Optional.of(o.lineDivision))
                : roster.shiftLine(username, at));
    }
}

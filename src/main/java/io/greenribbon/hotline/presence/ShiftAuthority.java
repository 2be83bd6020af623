package io.greenribbon.hotline.presence;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Decides whether a counsellor may take calls now, and on which line: a rostered shift, or else a
 * supervisor's override. Needs a session.
 */
@ApplicationScoped
public class ShiftAuthority {

    private final ShiftLookup roster;
    private final ShiftOverrideRepository overrides;

    public ShiftAuthority(ShiftLookup roster, ShiftOverrideRepository overrides) {
        this.roster = roster;
        this.overrides = overrides;
    }

    /** The division of the line the counsellor serves at {@code at}, or empty when neither roster nor override allow it. */
    public Uni<Optional<String>> lineFor(String username, Instant at) {
        return roster.shiftLine(username, at).flatMap(shift -> shift.isPresent()
                ? Uni.createFrom().item(shift)
                : overrides.findValid(username, at.atOffset(ZoneOffset.UTC))
                        .map(o -> Optional.ofNullable(o).map(valid -> valid.lineDivision)));
    }
}

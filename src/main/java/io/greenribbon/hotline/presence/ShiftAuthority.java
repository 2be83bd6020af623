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

    /**
     * Why a counsellor may take calls at a moment: a supervisor's override (who granted it, until when) or a
     * shift of the roster (until when), and on which line.
     */
    public record Standing(Kind kind, String lineDivision, Instant until, String grantedBy) {
        public enum Kind { OVERRIDE, SHIFT }
    }

    /** The counsellor's standing at {@code at}, or empty when neither an override nor the roster allows calls. */
    public Uni<Optional<Standing>> standing(String username, Instant at) {
        return overrides.findValid(username, at.atOffset(ZoneOffset.UTC)).flatMap(o -> o != null
                ? Uni.createFrom().item(Optional.of(new Standing(Standing.Kind.OVERRIDE, o.lineDivision,
                        o.validUntil.toInstant(), o.grantedBy)))
                : roster.currentShift(username, at).map(shift -> shift.map(s ->
                        new Standing(Standing.Kind.SHIFT, s.lineDivision(), s.endsAt(), null))));
    }

    /** The division of the line the counsellor serves at {@code at}, or empty when neither override nor roster allow it. */
    public Uni<Optional<String>> lineFor(String username, Instant at) {
        return overrides.findValid(username, at.atOffset(ZoneOffset.UTC)).flatMap(o -> o != null
                ? Uni.createFrom().item(Optional.of(o.lineDivision))
                : roster.shiftLine(username, at));
    }
}

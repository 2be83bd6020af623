package io.greenribbon.hotline.presence;

import io.greenribbon.roster.OnShift;
import io.greenribbon.roster.RosterService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Optional;

/** The roster's answer: the line of the counsellor's shift at that moment. */
@ApplicationScoped
public class RosterShiftLookup implements ShiftLookup {

    private final RosterService roster;

    public RosterShiftLookup(RosterService roster) {
        this.roster = roster;
    }

    @Override
    public Uni<Optional<String>> shiftLine(String username, Instant at) {
        return roster.currentShiftOf(username, at).map(shift -> shift.map(OnShift::lineDivision));
    }

    @Override
    public Uni<Optional<OnShift>> currentShift(String username, Instant at) {
        return roster.currentShiftOf(username, at);
    }
}

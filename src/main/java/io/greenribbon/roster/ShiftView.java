package io.greenribbon.roster;

import io.greenribbon.counsellors.Counsellor;

import java.time.OffsetDateTime;
import java.time.ZoneId;

/** A shift as the API shows it, times in the local offset (+08:00). */
public record ShiftView(Long id, Long counsellorId, String counsellorName, String lineDivision, OffsetDateTime start,
                        OffsetDateTime end, ShiftStatus status, String cancelReason, Long patternId, int version) {

    static ShiftView of(Shift s, Counsellor c, ZoneId zone) {
        return new ShiftView(s.id, s.counsellorId, c == null ? null : c.fullName, s.lineDivision,
                RosterTimes.local(s.startsAt, zone), RosterTimes.local(s.endsAt, zone), s.status, s.cancelReason,
                s.patternId, s.version);
    }
}

package io.greenribbon.roster;

import java.time.Instant;

/**
 * A counsellor on shift: which shift, who (pool id, Keycloak username when the counsellor has one, name),
 * on which line, and from when to when (end exclusive).
 */
public record OnShift(long shiftId, long counsellorId, String username, String counsellorName, String lineDivision,
                      Instant startsAt, Instant endsAt) {

    static OnShift of(ShiftRepository.Held held) {
        return new OnShift(held.shift().id, held.counsellor().id, held.counsellor().username,
                held.counsellor().fullName, held.shift().lineDivision, held.shift().startsAt, held.shift().endsAt);
    }
}

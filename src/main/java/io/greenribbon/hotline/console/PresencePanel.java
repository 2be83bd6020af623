package io.greenribbon.hotline.console;

import io.greenribbon.hotline.presence.PresenceView;
import io.greenribbon.hotline.presence.ShiftAuthority;
import io.greenribbon.telephony.Pbx;

import java.util.List;

/**
 * The counsellor's presence as the desk shows it: the service's state, why they may take calls now (a shift
 * or a supervisor's override) and what the PBX's queues really hold for their phone.
 *
 * @param standing null when neither a shift nor an override lets them take calls now
 * @param pbx      null when the PBX could not be asked (link down or no answer in time)
 */
public record PresencePanel(PresenceView presence, ShiftAuthority.Standing standing, List<Pbx.QueueMemberState> pbx) {

    public boolean pbxKnown() {
        return pbx != null;
    }

    /** Whether the PBX agrees: in the queues the service put the phone in, paused exactly when it should be. */
    public boolean pbxAgrees() {
        if (pbx == null) {
            return false;
        }
        boolean offline = presence.queues().isEmpty();
        if (offline) {
            return pbx.isEmpty();
        }
        boolean paused = presence.state() != io.greenribbon.hotline.presence.PresenceState.AVAILABLE;
        return pbx.stream().map(Pbx.QueueMemberState::queue).toList().containsAll(presence.queues())
                && pbx.stream().allMatch(m -> m.paused() == paused);
    }
}

package io.greenribbon.hotline.presence;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A counsellor's presence as the API shows it. {@code pbxSynced} is false when Asterisk could not be told
 * yet (the PBX link is down): the service's state stands, and Asterisk follows when the link is back.
 * {@code wrapUpContactId} is the contact whose form ends the wrap-up.
 */
public record PresenceView(String username, String extension, PresenceState state, String pauseReason,
                           OffsetDateTime since, OffsetDateTime signedInAt, OffsetDateTime wrapUpUntil,
                           String lineDivision, List<String> queues, Long inCallContactId, Boolean pbxSynced,
                           Long wrapUpContactId) {

    static PresenceView of(Presence p, MemberTarget target, Boolean pbxSynced) {
        return new PresenceView(p.username, p.extension, p.state, p.pauseReason, p.stateSince, p.signedInAt,
                p.wrapUpUntil, p.queueDivision, target.queues(), p.inCallContactId, pbxSynced, p.wrapUpContactId);
    }

    /** The contact the counsellor is on now, or is writing the form of: the one the desk shows. */
    public Long currentContactId() {
        return inCallContactId != null ? inCallContactId : state == PresenceState.WRAP_UP ? wrapUpContactId : null;
    }
}

package io.greenribbon.hotline.calls;

import io.greenribbon.hotline.contacts.ContactSource;
import io.greenribbon.hotline.contacts.NewContact;
import io.greenribbon.hotline.lines.LineConfig;
import io.greenribbon.hotline.lines.LineDirectory;

import java.time.Instant;
import java.util.Optional;

/**
 * The contact of a call that reached a hotline queue without the route script (the dialplan failed open):
 * filed under the line whose tier-1 queue it is, else the division the queue's name gives.
 */
final class FailOpenContact {

    private FailOpenContact() {
    }

    /** Empty when {@code queue} is not a hotline queue. */
    static Optional<NewContact> inQueue(LineDirectory lines, String queue, String uniqueId, String linkedId,
                                        Optional<CallerIdentity.Identity> caller, Instant offeredAt) {
        Optional<LineConfig> line = lines.forQueue(queue);
        return line.map(LineConfig::divisionCode).or(() -> lines.divisionOfQueue(queue)).map(division ->
                new NewContact(uniqueId, linkedId, line.map(LineConfig::id).orElse(null), division,
                        ContactSource.FAIL_OPEN, caller.map(CallerIdentity.Identity::key).orElse(null),
                        caller.map(CallerIdentity.Identity::sealedNumber).orElse(null), null, false, null, 0, null,
                        line.map(LineConfig::tier1Queue).orElse(queue), line.map(LineConfig::tier2Queue).orElse(null),
                        offeredAt));
    }
}

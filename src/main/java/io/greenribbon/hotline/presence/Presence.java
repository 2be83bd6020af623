package io.greenribbon.hotline.presence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;

/** A counsellor's presence on the line. The service owns it; Asterisk's queues follow it. */
@Entity
@Table(name = "hotline_presence")
public class Presence {

    @Id
    public String username;

    /** The phone the counsellor signed in with (the account's {@code extension} claim). */
    public String extension;

    /** The account's division. */
    @Column(name = "division_code")
    public String divisionCode;

    /** The line whose queues the counsellor serves while signed in; null when offline. */
    @Column(name = "queue_division")
    public String queueDivision;

    @Enumerated(EnumType.STRING)
    public PresenceState state = PresenceState.OFFLINE;

    @Column(name = "pause_reason")
    public String pauseReason;

    @Column(name = "state_since")
    public OffsetDateTime stateSince;

    @Column(name = "signed_in_at")
    public OffsetDateTime signedInAt;

    @Column(name = "wrap_up_until")
    public OffsetDateTime wrapUpUntil;

    @Column(name = "wrap_up_contact_id")
    public Long wrapUpContactId;

    /** The contact the counsellor is talking on now, if any. */
    @Column(name = "in_call_contact_id")
    public Long inCallContactId;

    @Version
    public int version;

    /** Whether the counsellor can take a call now: available and not already talking. */
    public boolean free() {
        return state == PresenceState.AVAILABLE && inCallContactId == null;
    }
}

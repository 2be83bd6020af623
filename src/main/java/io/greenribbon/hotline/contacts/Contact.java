package io.greenribbon.hotline.contacts;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * One call that reached a line, whether or not anyone filled a form: when and how it was handled, and
 * later the counsellor's record. Rows are created by SQL only ({@link ContactRepository}), keyed by the
 * caller's channel, so a replayed event or a repeated AGI request never makes a second contact. Calls update
 * their own columns by SQL too; Hibernate writes only the columns it changed (the form), so the two never
 * overwrite each other.
 */
@Entity
@org.hibernate.annotations.DynamicUpdate
@Table(name = "hotline_contact")
public class Contact {

    @Id
    public Long id;

    /** The caller's channel Uniqueid in Asterisk. */
    @Column(name = "call_uniqueid")
    public String callUniqueId;

    @Column(name = "linked_id")
    public String linkedId;

    @Column(name = "line_id")
    public String lineId;

    /** The division of the line called: whose contact it is for supervisors and reports. */
    @Column(name = "division_code")
    public String divisionCode;

    @Enumerated(EnumType.STRING)
    public ContactSource source;

    /** HMAC of the normalised caller number; null when withheld. */
    @Column(name = "caller_key")
    public String callerKey;

    /** The caller number, sealed; opened only inside the service (callbacks, rescue). */
    @Column(name = "caller_number_sealed")
    public String callerNumberSealed;

    /** The number a forwarded call came through (e.g. the 12356 platform), sealed. */
    @Column(name = "redirecting_number_sealed")
    public String redirectingNumberSealed;

    public int priority;

    @Enumerated(EnumType.STRING)
    @Column(name = "risk_reason")
    public RiskReason riskReason;

    @Column(name = "repeat_caller")
    public boolean repeatCaller;

    @Column(name = "preferred_username")
    public String preferredUsername;

    @Column(name = "tier1_queue")
    public String tier1Queue;

    @Column(name = "tier2_queue")
    public String tier2Queue;

    @Enumerated(EnumType.STRING)
    public ContactStatus status;

    @Enumerated(EnumType.STRING)
    public ContactOutcome outcome;

    @Column(name = "offered_at")
    public OffsetDateTime offeredAt;

    @Column(name = "queued_at")
    public OffsetDateTime queuedAt;

    @Column(name = "queue_wait_ms")
    public Integer queueWaitMs;

    @Column(name = "ring_ms")
    public Integer ringMs;

    @Column(name = "answered_at")
    public OffsetDateTime answeredAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "answered_via")
    public AnsweredVia answeredVia;

    @Column(name = "answered_queue")
    public String answeredQueue;

    @Column(name = "talk_ms")
    public Integer talkMs;

    @Column(name = "ended_at")
    public OffsetDateTime endedAt;

    @Column(name = "end_estimated")
    public boolean endEstimated;

    @Column(name = "wrap_up_ended_at")
    public OffsetDateTime wrapUpEndedAt;

    @Column(name = "missed_count")
    public int missedCount;

    @Column(name = "counsellor_username")
    public String counsellorUsername;

    @Column(name = "counsellor_division")
    public String counsellorDivision;

    @Convert(converter = ProblemCategoriesConverter.class)
    public Set<ProblemCategory> problems = EnumSet.noneOf(ProblemCategory.class);

    @Column(name = "notes_sealed")
    public String notesSealed;

    @Column(name = "flag_repeat")
    public boolean flagRepeat;

    @Column(name = "flag_difficult")
    public boolean flagDifficult;

    @Column(name = "flag_high_crisis")
    public boolean flagHighCrisis;

    @Column(name = "callback_requested")
    public boolean callbackRequested;

    @Column(name = "form_saved_at")
    public OffsetDateTime formSavedAt;

    @Column(name = "form_saved_by")
    public String formSavedBy;

    @Version
    public int version;
}

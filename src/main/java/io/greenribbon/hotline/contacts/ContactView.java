package io.greenribbon.hotline.contacts;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/**
 * One contact with its times, its timeline and the counsellor's record. The caller's number is not part
 * of it: {@code callerWithheld} and {@code forwarded} only say whether there was one.
 */
public record ContactView(long id, String lineId, String divisionCode, ContactSource source, ContactStatus status,
                          ContactOutcome outcome, int priority, RiskReason riskReason, boolean repeatCaller,
                          boolean callerWithheld, boolean forwarded, OffsetDateTime offeredAt, OffsetDateTime queuedAt,
                          Integer queueWaitMs, Integer ringMs, OffsetDateTime answeredAt, AnsweredVia answeredVia,
                          String answeredQueue, Integer talkMs, OffsetDateTime endedAt, boolean endEstimated,
                          int missedCount, String counsellorUsername, Form form,
                          List<ContactRepository.TimelineEntry> timeline, int version) {

    /** The counsellor's record of the call (12356 form). */
    public record Form(Set<ProblemCategory> problems, String notes, boolean repeatCaller, boolean difficult,
                       boolean highCrisis, boolean callbackRequested, OffsetDateTime savedAt, String savedBy) {
    }

    static ContactView of(Contact c, String notes, List<ContactRepository.TimelineEntry> timeline) {
        return new ContactView(c.id, c.lineId, c.divisionCode, c.source, c.status, c.outcome, c.priority, c.riskReason,
                c.repeatCaller, c.callerKey == null, c.redirectingNumberSealed != null, c.offeredAt, c.queuedAt,
                c.queueWaitMs, c.ringMs, c.answeredAt, c.answeredVia, c.answeredQueue, c.talkMs, c.endedAt,
                c.endEstimated, c.missedCount, c.counsellorUsername,
                new Form(c.problems, notes, c.flagRepeat, c.flagDifficult, c.flagHighCrisis, c.callbackRequested,
                        c.formSavedAt, c.formSavedBy), timeline, c.version);
    }
}

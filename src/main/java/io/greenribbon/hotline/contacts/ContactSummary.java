package io.greenribbon.hotline.contacts;

import java.time.OffsetDateTime;
import java.util.Set;

/** A contact in a list: what happened and whether the form is done; no caller identity. */
public record ContactSummary(long id, String lineId, String divisionCode, ContactSource source, ContactStatus status,
                             ContactOutcome outcome, OffsetDateTime offeredAt, OffsetDateTime answeredAt,
                             OffsetDateTime endedAt, Integer queueWaitMs, Integer talkMs, String counsellorUsername,
                             int priority, RiskReason riskReason, boolean repeatCaller, boolean formSaved,
                             Set<ProblemCategory> problems) {

    static ContactSummary of(Contact c) {
        return new ContactSummary(c.id, c.lineId, c.divisionCode, c.source, c.status, c.outcome, c.offeredAt,
                c.answeredAt, c.endedAt, c.queueWaitMs, c.talkMs, c.counsellorUsername, c.priority, c.riskReason,
                c.repeatCaller, c.formSavedAt != null, c.problems);
    }
}

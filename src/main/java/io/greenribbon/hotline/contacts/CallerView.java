package io.greenribbon.hotline.contacts;

import java.time.OffsetDateTime;

/**
 * "Who is calling", for the counsellor on the call: how often this caller called before and when last,
 * and whether an active risk case exists (with its id and level only when the counsellor may see it).
 */
public record CallerView(long contactId, boolean callerWithheld, boolean repeatCaller, long priorContacts,
                         OffsetDateTime lastContactAt, RiskCase riskCase) {

    /** The caller's active risk case as the risk capability lets this counsellor see it. */
    public record RiskCase(String visibility, Long caseId, String level) {
    }
}

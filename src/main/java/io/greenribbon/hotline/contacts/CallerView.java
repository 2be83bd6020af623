package io.greenribbon.hotline.contacts;

import io.greenribbon.risk.CallerCaseAccess;
import io.greenribbon.risk.RiskLevel;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * "Who is calling", for the counsellor on the call: how often this caller called before and when last,
 * and whether an active risk case exists, as the risk capability lets this counsellor see it (null when
 * there is none).
 */
public record CallerView(long contactId, boolean callerWithheld, boolean repeatCaller, long priorContacts,
                         OffsetDateTime lastContactAt, RiskCase riskCase) {

    /** The caller's active case: FULL, BREAK_GLASS_AVAILABLE (reason needed) or BREAK_GLASS_ACTIVE. */
    public record RiskCase(CallerCaseAccess.Visibility visibility, Long caseId, RiskLevel level,
                           Instant breakGlassUntil) {

        static RiskCase of(CallerCaseAccess.CallerCase c) {
            return c == null || c.visibility() == CallerCaseAccess.Visibility.NONE ? null
                    : new RiskCase(c.visibility(), c.caseId(), c.level(), c.breakGlassUntil());
        }
    }
}

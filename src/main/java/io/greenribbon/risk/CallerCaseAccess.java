package io.greenribbon.risk;

import io.greenribbon.access.Actor;
import io.smallrye.mutiny.Uni;

import java.time.Instant;

/**
 * For the hotline's caller panel: what the counsellor on the line may know of the caller's open risk case.
 * Decided by the risk access-decision point and audited like every other read of risk data.
 */
public interface CallerCaseAccess {

    /**
     * @param counsellor the account on the live call
     * @param callerKey  the keyed hash of the caller's number on that call
     * @param contactId  the hotline contact of that call
     */
    Uni<CallerCase> activeCaseFor(Actor counsellor, String callerKey, long contactId);

    /**
     * @param visibility what the counsellor may see
     * @param caseId     the case, when it exists and the counsellor may know of it (all but NONE)
     * @param level      the case's level, likewise
     * @param breakGlassUntil when an active break-the-glass access ends (BREAK_GLASS_ACTIVE only)
     */
    record CallerCase(Visibility visibility, Long caseId, RiskLevel level, Instant breakGlassUntil) {

        public static CallerCase none() {
            return new CallerCase(Visibility.NONE, null, null, null);
        }
    }

    enum Visibility {
        /** The caller has no open case. */
        NONE,
        /** The counsellor may open the case: it is assigned to them, or they supervise its division. */
        FULL,
        /**
         * The caller has an open case the counsellor is not assigned to: its safety plan opens only after
         * the counsellor states a reason ({@code POST /api/risk/cases/{id}/break-glass}).
         */
        BREAK_GLASS_AVAILABLE,
        /** The counsellor broke the glass for this case and the access window is still open. */
        BREAK_GLASS_ACTIVE
    }
}

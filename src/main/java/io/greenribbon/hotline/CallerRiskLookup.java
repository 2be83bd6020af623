package io.greenribbon.hotline;

import io.smallrye.mutiny.Uni;

import java.util.Optional;

/**
 * Tells the route script whether a caller has an open high-risk case, so that the call is raised above
 * everyone waiting and goes first to the case's counsellor. Implemented by the risk capability.
 *
 * <p>It is called inside the route's one short transaction while the caller waits in silence: one
 * indexed query at most, no remote call.
 */
public interface CallerRiskLookup {

    /** An open high-risk (or imminent) case of the caller, and the counsellor assigned to it (may be null). */
    record OpenCase(long caseId, String assignedCounsellor) {
    }

    /** The caller's open high-risk case, if any; {@code callerKey} is the contact's caller key (HMAC). */
    Uni<Optional<OpenCase>> openHighRiskCase(String callerKey);
}

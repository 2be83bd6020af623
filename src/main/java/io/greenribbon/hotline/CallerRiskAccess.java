package io.greenribbon.hotline;

import io.greenribbon.access.Actor;
import io.smallrye.mutiny.Uni;

import java.util.Optional;

/**
 * Tells the counsellor taking a call whether the caller has an active risk case. The risk capability
 * implements it and decides what the counsellor may see: the case itself when it is assigned to them (or
 * they supervise it), or only that a case exists, which they may open through break-the-glass.
 */
public interface CallerRiskAccess {

    /**
     * An active case of the caller. {@code caseId} and {@code level} are null when {@code viewer} may not
     * see the case without breaking the glass.
     */
    record ActiveCase(boolean visible, Long caseId, String level) {
    }

    Uni<Optional<ActiveCase>> activeCase(String callerKey, Actor viewer);
}

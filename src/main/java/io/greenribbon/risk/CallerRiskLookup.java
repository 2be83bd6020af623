package io.greenribbon.risk;

import io.smallrye.mutiny.Uni;

import java.util.Optional;

/**
 * For the hotline's queue routing only: whether a caller has an open high-risk case, and which counsellor
 * it is assigned to (so that the call can be offered to that counsellor first and queued with priority).
 * A routing decision reads nothing else and is not audited; it reveals no case id, note or identity.
 */
public interface CallerRiskLookup {

    /**
     * The open case at level {@link RiskLevel#HIGH} or above of the caller with this keyed hash
     * ({@code io.greenribbon.crypto.KeyedHash} of the normalised caller number), if any.
     */
    Uni<Optional<CallerRisk>> openHighRiskCase(String callerKey);

    /**
     * @param level              the case's current level (HIGH or IMMINENT)
     * @param assignedCounsellor the username of the counsellor the case is assigned to
     * @param division           the division the case belongs to
     */
    record CallerRisk(RiskLevel level, String assignedCounsellor, String division) {
    }
}

package io.greenribbon.risk;

import io.greenribbon.divisions.DivisionCodes;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A C-SSRS screening for one hotline contact or one room session.
 *
 * @param division       where the contact or session belongs (default: the screener's division)
 * @param caseId         an open case of the same person to add the screening to
 * @param imminent       the counsellor declares imminent risk (with {@code imminentBasis})
 * @param level          the level the counsellor sets, when not the computed one: higher needs a reason,
 *                       lower needs a reason and a risk supervisor's approval
 * @param openCase       for a moderate level: open a case (default per configuration)
 * @param note           narrative note (sealed at rest)
 * @param subject        how to reach the person for follow-up, as far as they agreed (sealed at rest)
 * @param requestKey     made once per form (or request) by the client: the same key again records nothing
 *                       more and answers the screening recorded the first time
 */
public record ScreeningRequest(
        @Positive Long contactId,
        @Positive Long sessionId,
        @Positive Long caseId,
        @Pattern(regexp = DivisionCodes.REGEX) String division,
        @NotNull @Valid Cssrs.Answers answers,
        boolean imminent,
        RiskScreening.ImminentBasis imminentBasis,
        RiskLevel level,
        @Size(max = 2000) String reason,
        Boolean openCase,
        @Size(max = 10000) String note,
        @Valid Subject subject,
        @Size(min = 8, max = 64) @Pattern(regexp = "^[A-Za-z0-9_-]+$") String requestKey) {

    /** What the person agreed to leave for follow-up. */
    public record Subject(@Size(max = 100) String alias, @Size(max = 40) String phone,
                          @Size(max = 500) String howToReach) {
    }
}

package io.greenribbon.risk;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.util.Set;

/** Request bodies of the case actions. */
public final class CaseRequests {

    private CaseRequests() {
    }

    /** A manual escalation to the next step; {@code reason} is a short code (no names). */
    public record Escalate(@Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_-]*") String reason) {
    }

    /**
     * An emergency referral.
     *
     * @param service   110 (police), 119 (fire) or 120 (ambulance)
     * @param shared    what was told to the emergency service
     * @param note      what was said, in words (sealed)
     * @param reference the dispatcher's incident number, if given
     */
    public record Refer(@NotNull @Pattern(regexp = "110|119|120") String service,
                        @NotEmpty Set<Referral.Shared> shared,
                        @Size(max = 4000) String note,
                        @Size(max = 64) String reference) {
    }

    /** Whether the emergency services reached the person, for one referral. */
    public record Outcome(@NotNull @Positive Long referralId, @NotNull Referral.Outcome outcome,
                          @Size(max = 4000) String note) {
    }

    public record Close(@NotNull RiskCase.CloseReason reason, @Size(max = 4000) String note) {
    }

    /**
     * Bring a supervisor into the counsellor's live call.
     *
     * @param supervisor the supervisor to call (default: who acknowledged the case, else the one on duty)
     */
    public record JoinCall(@NotNull SupervisorPager.JoinMode mode, @Size(max = 255) String supervisor) {
    }

    /** A supervisor joins the live call of the case's person from their own phone. */
    public record SuperviseCall(@NotNull SupervisorPager.JoinMode mode) {
    }
}

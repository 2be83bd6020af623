package io.greenribbon.risk;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "greenribbon.risk")
public interface RiskConfig {

    /** How long supervisors have to acknowledge a high-risk case before it escalates a step. */
    @WithDefault("PT10M")
    Duration acknowledgeWithin();

    /** The same for an imminent-risk case. */
    @WithDefault("PT3M")
    Duration imminentAcknowledgeWithin();

    /** How often an emergency referral without a recorded outcome alerts again. */
    @WithDefault("PT5M")
    Duration referralRealertEvery();

    /** When the first follow-up after a high-risk contact may start (the window opens). */
    @WithDefault("PT24H")
    Duration firstFollowUpFrom();

    /** When the first follow-up after a high-risk contact is due (an overdue one alerts the supervisor). */
    @WithDefault("PT48H")
    Duration firstFollowUpDue();

    /** Unanswered attempts after which a follow-up counts as lost (3 to 5). */
    @WithDefault("4")
    int followUpAttempts();

    /** How long a break-the-glass access lasts. */
    @WithDefault("PT30M")
    Duration breakGlassFor();

    /** How long an unmasking request stays open for approval, and an approval for disclosure. */
    @WithDefault("PT30M")
    Duration unmaskValidFor();

    /** Whether a moderate screening opens a case when the counsellor does not say. */
    @WithDefault("false")
    boolean moderateOpensCase();

    /** How often each replica sweeps for due deadlines ({@code off} to stop; tests sweep by hand). */
    @WithDefault("5s")
    String sweepEvery();

    /** Deadlines one sweep claims at most (the rest wait for the next sweep). */
    @WithDefault("50")
    int sweepBatch();
}

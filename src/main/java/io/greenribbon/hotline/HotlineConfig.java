package io.greenribbon.hotline;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of the aid line: routing, presence, contacts and callbacks. */
@ConfigMapping(prefix = "greenribbon.hotline")
public interface HotlineConfig {

    /** How long a counsellor stays in wrap-up after a call unless the contact form is saved sooner. */
    @WithDefault("PT2M")
    Duration wrapUp();

    /** The pause reason recorded when a counsellor's phone rang and was not answered. */
    @WithDefault("missed")
    String missedReason();

    /** The pause reason Asterisk's app_queue reports for an automatic pause. */
    @WithDefault("Auto-Pause")
    String asteriskAutoPauseReason();

    /** The pause reason shown in Asterisk while a counsellor is in wrap-up. */
    @WithDefault("wrap-up")
    String wrapUpReason();

    /** QUEUE_PRIO of a call at risk (pressed 1, or an open high-risk case); others get 0. */
    @WithDefault("10")
    int raisedPriority();

    /** The sound file that asks "if you are thinking of ending your life now, press 1". */
    @WithDefault("greenribbon/press-1-if-in-danger")
    String pressOnePrompt();

    /** How long to wait for the key after the press-1 prompt. */
    @WithDefault("PT5S")
    Duration pressOneTimeout();

    /**
     * How long the route script waits for the contact it asked to open, from the end of the confidentiality
     * notice (from asking, when the dialplan names no notice); past it the script fails and the dialplan puts
     * the caller through on the line's defaults.
     */
    @WithDefault("PT3S")
    Duration routeDecisionTimeout();

    /**
     * Threads that open the contacts of calls (ContactOpener): each runs one statement at a time, for all the
     * calls waiting by then, and holds one database connection meanwhile.
     */
    @WithDefault("4")
    int routeOpeners();

    /** How long the caller's own counsellor rings before the call goes to the queues. */
    @WithDefault("PT20S")
    Duration preferredWait();

    /** A counsellor who answered this caller within this period counts as the caller's own counsellor. */
    @WithDefault("P30D")
    Duration ownCounsellorWindow();

    /** An abandon within this wait is a short abandon (reported apart: misdials, second thoughts). */
    @WithDefault("PT5S")
    Duration shortAbandon();

    /** The service-level threshold: the share of calls answered within it is the service level. */
    @WithDefault("PT20S")
    Duration serviceLevelThreshold();

    /** Queue names are this prefix and a division code (tier 1: the county, tier 2: the city). */
    @WithDefault("hl-")
    String queuePrefix();

    /** Counsellors' phones are this technology prefix and the account's extension. */
    @WithDefault("PJSIP/")
    String phoneTechnology();

    /** The time zone the wallboard's day and the roster are counted in. */
    @WithDefault("Asia/Shanghai")
    String timeZone();

    /** How often every replica reloads the line configuration (another replica may have changed it). */
    @WithDefault("30s")
    String lineRefreshEvery();

    /** How often wrap-ups that ran out are ended. */
    @WithDefault("5s")
    String wrapUpSweepEvery();

    /** How often the leading replica re-applies presence to Asterisk, in case a command was lost. */
    @WithDefault("60s")
    String resyncEvery();

    /**
     * The division a call recovered from a CDR is filed under when neither the CDR nor the counsellor who
     * answered tells the line (the city this PBX serves).
     */
    @WithDefault("1301")
    String recoveredDivision();

    /** How far back CDRs are read to recover calls the service did not see. */
    @WithDefault("P2D")
    Duration cdrLookBack();

    /** The dialplan context an Originate for a callback continues in; its extension is the number to dial. */
    @WithDefault("hotline-callback")
    String callbackContext();

    /** How long the counsellor's phone rings for a callback. */
    @WithDefault("PT30S")
    Duration callbackRingTimeout();

    /** How often the wallboard is pushed to consoles while something changes. */
    @WithDefault("2s")
    String wallboardPushEvery();
}

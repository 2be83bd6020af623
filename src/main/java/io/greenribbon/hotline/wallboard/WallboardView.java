package io.greenribbon.hotline.wallboard;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * The line's figures for one division since local midnight, and the counsellors by state now. Counts
 * only: no caller and no counsellor is named.
 *
 * <p>Offered counts calls that reached a queue or a counsellor's phone; callers who hung up during the
 * greeting are counted apart ({@code endedBeforeQueue}). Rates are shares of the offered
 * calls without the short abandons (misdials and second thoughts are reported apart): answer rate,
 * in-area answer rate (answered by the caller's own county or own counsellor), and service level (answered
 * within the threshold). ASA is the mean wait of answered calls.
 */
public record WallboardView(String division, OffsetDateTime from, OffsetDateTime at, long offered, long answered,
                            long abandoned, long shortAbandoned, long endedBeforeQueue, long backup, long raisedForRisk, Double answerRate,
                            Double inAreaAnswerRate, Double asaSeconds, Double serviceLevel,
                            int serviceLevelSeconds, long waitingNow, long talkingNow, Map<String, Long> agents,
                            Map<String, Long> pausedByReason) {
}

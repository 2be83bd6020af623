package io.greenribbon.hotline.figures;

import java.util.Map;

/**
 * What the calls to a division's lines over a period were about and how they were raised, beside their
 * {@link CallMeasures}: the one definition of the 12356 report's call figures and of the callbacks. Counts
 * over the same calls as {@link CallMeasures} (every contact whose line answered in the period), except the
 * callbacks, which count the callers put on the callback list in the period.
 *
 * <p>Invariants (the constructor refuses anything else): {@code pressedOne + openCase} is the
 * {@link CallMeasures#raisedForRisk()} of the same calls; every flag count and every problem category count is
 * at most {@code formsSaved}; {@code callbacksReached <= callbacksAsked}; {@code callbacksRequested <= callbacksAsked}.
 *
 * @param received           every call that reached a line (as {@link CallMeasures#received()})
 * @param pressedOne         calls whose caller pressed 1 at the "in danger" prompt (priority raised)
 * @param openCase           calls whose caller has an open high-risk case (priority raised by routing)
 * @param repeatCallers      calls the service recognised as a repeat caller's (routing, from the caller's key)
 * @param formsSaved         calls whose contact form the counsellor saved
 * @param highCrisis         saved forms marked high crisis (高度危机来电)
 * @param difficult          saved forms marked difficult (困难来电)
 * @param repeatFlagged      saved forms marked repeat call (反复来电) by the counsellor
 * @param problems           saved forms by problem category (a form may name several; categories without one are 0)
 * @param callbacksAsked     callers put on the callback list in the period (abandoned, unanswered, or asked for)
 * @param callbacksRequested of those, the ones a counsellor asked for on the form
 * @param callbacksReached   of those, the ones a counsellor reached since
 */
public record ContactProfile(long received, long pressedOne, long openCase, long repeatCallers, long formsSaved,
                             long highCrisis, long difficult, long repeatFlagged, Map<String, Long> problems,
                             long callbacksAsked, long callbacksRequested, long callbacksReached) {

    /** The problem categories of the 12356 form, in the form's order. */
    public static final java.util.List<String> CATEGORIES = java.util.List.of("HEALTH", "MENTAL_ILLNESS", "EMOTION",
            "SEX", "LOVE", "MARRIAGE", "FAMILY", "CHILD_EDUCATION", "OTHER");

    public ContactProfile {
        problems = Map.copyOf(problems);
        if (pressedOne < 0 || openCase < 0 || repeatCallers > received || formsSaved > received
                || highCrisis > formsSaved || difficult > formsSaved || repeatFlagged > formsSaved
                || problems.values().stream().anyMatch(n -> n < 0 || n > formsSaved)
                || callbacksReached > callbacksAsked || callbacksRequested > callbacksAsked
                || pressedOne + openCase > received) {
            throw new IllegalArgumentException("Contact figures that do not add up");
        }
    }

    /** Calls raised for risk: pressed 1 or an open case ({@link CallMeasures#raisedForRisk()}). */
    public long raisedForRisk() {
        return pressedOne + openCase;
    }

    /** {@code callbacksReached / callbacksAsked}, to four decimals; null when nobody was to be called back. */
    public Double callbackCompletionRate() {
        return callbacksAsked == 0 ? null : Math.round(callbacksReached * 10000.0 / callbacksAsked) / 10000.0;
    }
}

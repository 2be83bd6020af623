package io.greenribbon.hotline.figures;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rates derived from the call counts, and the identities the counts must keep. */
class CallMeasuresTest {

    /** Counts from fates, as the database counts them: the identities hold by construction. */
    private static CallMeasures counts(long answered, long backup, long abandoned, long shortAbandoned,
                                       long unanswered, long waiting, long endedBeforeQueue, long inGreeting,
                                       long inArea, long withinLevel, long knownWait, long waitMs, long risk) {
        return counts(answered, backup, abandoned, shortAbandoned, unanswered, waiting, endedBeforeQueue, inGreeting,
                inArea, withinLevel, knownWait, waitMs, 0, 0, risk);
    }

    private static CallMeasures counts(long answered, long backup, long abandoned, long shortAbandoned,
                                       long unanswered, long waiting, long endedBeforeQueue, long inGreeting,
                                       long inArea, long withinLevel, long knownWait, long waitMs, long handled,
                                       long handleMs, long risk) {
        long offered = answered + backup + abandoned + shortAbandoned + unanswered + waiting;
        return new CallMeasures(offered + endedBeforeQueue + inGreeting, offered, answered, backup, abandoned,
                shortAbandoned, unanswered, waiting, endedBeforeQueue, inGreeting, inArea, withinLevel, knownWait,
                waitMs, handled, handleMs, risk);
    }

    @Test
    void noCallsGiveNoRatesRatherThanNaN() {
        CallMeasures none = CallMeasures.ZERO;
        assertThat(none.answerable()).isZero();
        assertThat(none.answerRate()).isNull();
        assertThat(none.inAreaAnswerRate()).isNull();
        assertThat(none.serviceLevel()).isNull();
        assertThat(none.abandonRate()).isNull();
        assertThat(none.asaSeconds()).isNull();
        assertThat(none.averageHandleSeconds()).isNull();
    }

    @Test
    void callsNotYetAnswerableGiveNoRates() {
        // Only a short abandon, a caller waiting, one who hung up in the notice and one hearing it now.
        CallMeasures m = counts(0, 0, 0, 1, 0, 1, 1, 1, 0, 0, 0, 0, 0);
        assertThat(m.offered()).isEqualTo(2);
        assertThat(m.received()).isEqualTo(4);
        assertThat(m.answerable()).isZero();
        assertThat(m.answerRate()).isNull();
        assertThat(m.serviceLevel()).isNull();
    }

    @Test
    void ratesAreSharesOfTheAnswerableCalls() {
        // 6 answered (4 in area, 3 within the level, 5 with a known wait of 50 s in all), 1 by the backup line,
        // 2 abandoned, 1 unanswered; short abandons and a caller still waiting are left out of the base.
        CallMeasures m = counts(6, 1, 2, 3, 1, 1, 2, 0, 4, 3, 5, 50_000, 2);
        assertThat(m.offered()).isEqualTo(14);
        assertThat(m.answerable()).isEqualTo(10);
        assertThat(m.answerRate()).isEqualTo(0.6);
        assertThat(m.inAreaAnswerRate()).isEqualTo(0.4);
        assertThat(m.serviceLevel()).isEqualTo(0.3);
        assertThat(m.abandonRate()).isEqualTo(0.2);
        assertThat(m.asaSeconds()).isEqualTo(10.0);
    }

    @Test
    void ratesAreRoundedToFourDecimalsAndAsaToOne() {
        CallMeasures m = counts(2, 0, 1, 0, 0, 0, 0, 0, 1, 1, 2, 12_345, 0);
        assertThat(m.answerRate()).isEqualTo(0.6667);
        assertThat(m.inAreaAnswerRate()).isEqualTo(0.3333);
        assertThat(m.asaSeconds()).isEqualTo(6.2);
    }

    @Test
    void averageHandleTimeIsTheMeanOfTheCallsWhoseHandleTimeIsKnown() {
        // 3 answered, 2 of them ended with their wrap-up over: 95 s and 125 s of talk and wrap-up.
        CallMeasures m = counts(3, 0, 0, 0, 0, 0, 0, 0, 3, 3, 3, 6_000, 2, 220_000, 0);
        assertThat(m.averageHandleSeconds()).isEqualTo(110.0);
        assertThat(counts(3, 0, 0, 0, 0, 0, 0, 0, 3, 3, 3, 6_000, 0, 0, 0).averageHandleSeconds()).isNull();
    }

    @Test
    void answersWithoutAKnownWaitDoNotCountInAsa() {
        CallMeasures m = counts(2, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0);
        assertThat(m.answerRate()).isEqualTo(1.0);
        assertThat(m.asaSeconds()).isNull();
        assertThat(m.serviceLevel()).isEqualTo(0.0);
    }

    @Test
    void figuresThatDoNotAddUpAreRefused() {
        // The wallboard's former mistake: answered by the backup line counted as answered, but not as offered.
        assertThatThrownBy(() -> new CallMeasures(3, 2, 3, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("do not add up");
        assertThatThrownBy(() -> new CallMeasures(1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0))
                .as("more answered in area than answered").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CallMeasures(1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0))
                .as("within the level without a known wait").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CallMeasures(1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 1000, 0))
                .as("more handled than answered").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CallMeasures(0, -1, 0, 0, 0, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("below zero");
    }

    /** Any counts the fates can give, summed in any grouping: identities kept, every rate within 0 to 1. */
    @Test
    void everyRateStaysWithinZeroAndOneAndSumsKeepTheIdentities() {
        Random random = new Random(20261207);
        CallMeasures total = CallMeasures.ZERO;
        for (int i = 0; i < 2000; i++) {
            long answered = random.nextInt(5);
            long inArea = answered == 0 ? 0 : random.nextInt((int) answered + 1);
            long known = answered == 0 ? 0 : random.nextInt((int) answered + 1);
            long within = known == 0 ? 0 : random.nextInt((int) known + 1);
            long handled = answered == 0 ? 0 : random.nextInt((int) answered + 1);
            CallMeasures m = counts(answered, random.nextInt(3), random.nextInt(3), random.nextInt(3),
                    random.nextInt(2), random.nextInt(2), random.nextInt(3), random.nextInt(2), inArea, within, known,
                    known * random.nextInt(60_000), handled, handled * random.nextInt(600_000),
                    answered == 0 ? 0 : random.nextInt(2));
            total = total.plus(m);
            for (CallMeasures x : new CallMeasures[]{m, total}) {
                for (Double rate : new Double[]{x.answerRate(), x.inAreaAnswerRate(), x.serviceLevel(), x.abandonRate()}) {
                    assertThat(rate == null ? x.answerable() == 0 : rate >= 0 && rate <= 1).isTrue();
                }
                assertThat(x.answered()).isLessThanOrEqualTo(x.offered());
            }
        }
        assertThat(total.answerable()).isPositive();
    }
}

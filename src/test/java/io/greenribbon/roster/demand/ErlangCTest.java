package io.greenribbon.roster.demand;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Erlang C against published worked examples, and the properties the staffing forecast relies on. */
class ErlangCTest {

    private static final ServiceTarget EIGHTY_IN_TWENTY = new ServiceTarget(0.8, 20);

    /**
     * The Erlang C calculator of personal.telefonica.terra.es/web/vr/erlang/eng/mcerlc.htm: "If in one hour
     * there are 600 calls with call length of 120 seconds, that is a traffic of 20 erlangs. For a target delay
     * probability of 15% the number of circuits needed are 26. The average delay is [...] 3 seconds per call.
     * If circuits are incremented to 30, delay is reduced to 2.5%."
     */
    @Test
    void twentyErlangsNeedTwentySixForAFifteenPercentChanceOfWaiting() {
        double erlangs = ErlangC.erlangs(600, 3600, 120);
        assertThat(erlangs).isEqualTo(20.0);
        assertThat(ErlangC.probabilityOfWaiting(25, erlangs)).isGreaterThan(0.15);
        assertThat(ErlangC.probabilityOfWaiting(26, erlangs)).isLessThanOrEqualTo(0.15);
        assertThat(ErlangC.averageSpeedOfAnswer(26, erlangs, 120)).isCloseTo(3.0, within(0.5));
        assertThat(ErlangC.probabilityOfWaiting(30, erlangs)).isCloseTo(0.025, within(0.0005));
    }

    /**
     * The Footbridge "Call Calc" application note (al911.org/qos_calc.htm), a 9-1-1 centre: "2 call takers
     * handling 60-second calls arriving at a rate of 30/hour shows that fewer than 8 percent of callers will
     * wait more than 10 seconds for answer. [...] If the calls actually take 60 seconds plus 20 seconds of
     * [...] record work the program shows that the QOS falls to 14 percent."
     */
    @Test
    void twoCallTakersLeaveFewerThanEightPercentWaitingOverTenSeconds() {
        double short_ = ErlangC.erlangs(30, 3600, 60);
        assertThat(1 - ErlangC.serviceLevel(2, short_, 60, 10)).isLessThan(0.08).isGreaterThan(0.07);
        double withWrapUp = ErlangC.erlangs(30, 3600, 80);
        assertThat(1 - ErlangC.serviceLevel(2, withWrapUp, 80, 10)).isCloseTo(0.14, within(0.005));
    }

    /**
     * The classic step-by-step example (Mitan's "The Erlang-C formula", repeated widely): 360 calls per half
     * hour of 4 minutes each, 55 agents, a 15 s target: 48 erlangs, occupancy 87.3%, a 24% chance of waiting,
     * an average speed of answer of 8.2 s and a service level of 84.6%.
     */
    @Test
    void threeHundredSixtyCallsAHalfHourWithFiftyFiveAgents() {
        double erlangs = ErlangC.erlangs(360, 1800, 240);
        assertThat(erlangs).isEqualTo(48.0);
        assertThat(erlangs / 55).isCloseTo(0.873, within(0.0005));
        assertThat(ErlangC.probabilityOfWaiting(55, erlangs)).isCloseTo(0.24, within(0.005));
        assertThat(ErlangC.averageSpeedOfAnswer(55, erlangs, 240)).isCloseTo(8.2, within(0.05));
        assertThat(ErlangC.serviceLevel(55, erlangs, 240, 15)).isCloseTo(0.846, within(0.001));
    }

    /**
     * Call Centre Helper's "Erlang C formula made simple": 100 calls per half hour, 180 s handle time, 80% in
     * 20 s: 10 erlangs; with 11 agents a call waits with probability 68.21% and 39% are answered in time; 14 are
     * the fewest that reach 80% (13 give 79.6%).
     */
    @Test
    void oneHundredCallsAHalfHourNeedFourteenForEightyInTwenty() {
        double erlangs = ErlangC.erlangs(100, 1800, 180);
        assertThat(erlangs).isEqualTo(10.0);
        assertThat(ErlangC.probabilityOfWaiting(11, erlangs)).isCloseTo(0.6821, within(0.00005));
        assertThat(ErlangC.serviceLevel(11, erlangs, 180, 20)).isCloseTo(0.39, within(0.001));
        assertThat(ErlangC.serviceLevel(13, erlangs, 180, 20)).isCloseTo(0.796, within(0.001));
        assertThat(ErlangC.agentsFor(erlangs, 180, EIGHTY_IN_TWENTY)).isEqualTo(14);
    }

    @Test
    void noCallsNeedNobodyAndTooFewCounsellorsNeverCatchUp() {
        assertThat(ErlangC.agentsFor(0, 600, EIGHTY_IN_TWENTY)).isZero();
        assertThat(ErlangC.probabilityOfWaiting(3, 3.0)).isEqualTo(1.0);
        assertThat(ErlangC.serviceLevel(3, 3.5, 600, 20)).isZero();
        // One call an hour of 15 minutes keeps a lone counsellor busy a quarter of the time: a quarter of the
        // callers would wait, so 80% in 20 s needs a second counsellor.
        assertThat(ErlangC.serviceLevel(1, 0.25, 900, 20)).isCloseTo(0.754, within(0.001));
        assertThat(ErlangC.agentsFor(ErlangC.erlangs(1, 3600, 900), 900, EIGHTY_IN_TWENTY)).isEqualTo(2);
    }

    @Test
    void aStricterTargetNeverNeedsFewerAndHugeTrafficStaysFinite() {
        for (double erlangs = 0.1; erlangs < 60; erlangs *= 1.7) {
            int eighty = ErlangC.agentsFor(erlangs, 600, EIGHTY_IN_TWENTY);
            int ninetyFive = ErlangC.agentsFor(erlangs, 600, new ServiceTarget(0.95, 20));
            assertThat(ninetyFive).isGreaterThanOrEqualTo(eighty).isGreaterThan((int) erlangs);
            assertThat(ErlangC.serviceLevel(eighty, erlangs, 600, 20)).isGreaterThanOrEqualTo(0.8);
            assertThat(ErlangC.serviceLevel(eighty - 1, erlangs, 600, 20)).isLessThan(0.8);
        }
        // A^N / N! would overflow a double here; the recurrence does not.
        double p = ErlangC.probabilityOfWaiting(1050, 1000);
        assertThat(p).isBetween(0.0, 1.0);
        assertThat(ErlangC.agentsFor(1000, 300, EIGHTY_IN_TWENTY)).isBetween(1001, 1100);
    }
}

package io.greenribbon.roster.demand;

/**
 * The Erlang C queue (M/M/N: calls arrive at random, handle times are exponential, every caller waits for
 * the next free counsellor, nobody hangs up): the probability that a call waits, the service level it gives
 * and the fewest counsellors that reach a target service level.
 *
 * <p>The probability of waiting is computed through Erlang B's recurrence
 * ({@code B(0) = 1, B(n) = A·B(n-1) / (n + A·B(n-1))}, then {@code C = N·B / (N - A·(1 - B))}): the textbook
 * formula's {@code A^N / N!} overflows a double from about 170 counsellors on, the recurrence never does.
 *
 * <p>Erlang C ignores abandons, so it asks for slightly more counsellors than a line whose callers give up
 * needs: on an aid line that errs on the side the caller would want.
 */
public final class ErlangC {

    private ErlangC() {
    }

    /**
     * The offered traffic in erlangs: {@code calls} arriving in {@code periodSeconds}, each holding a
     * counsellor {@code handleSeconds} on average.
     */
    public static double erlangs(double calls, double periodSeconds, double handleSeconds) {
        return calls * handleSeconds / periodSeconds;
    }

    /**
     * The probability that a call waits with {@code agents} counsellors and {@code erlangs} of traffic; 1 when
     * the counsellors cannot keep up ({@code agents <= erlangs}: the queue grows without end).
     */
    public static double probabilityOfWaiting(int agents, double erlangs) {
        if (erlangs < 0 || agents < 0) {
            throw new IllegalArgumentException("Negative traffic or counsellors: " + erlangs + ", " + agents);
        }
        if (erlangs == 0) {
            return 0;
        }
        if (agents <= erlangs) {
            return 1;
        }
        double blocking = 1;
        for (int n = 1; n <= agents; n++) {
            blocking = erlangs * blocking / (n + erlangs * blocking);
        }
        return agents * blocking / (agents - erlangs * (1 - blocking));
    }

    /**
     * The share of calls answered within {@code withinSeconds}:
     * {@code 1 - C · e^(-(N - A) · t / handle)}; 0 when the counsellors cannot keep up.
     */
    public static double serviceLevel(int agents, double erlangs, double handleSeconds, double withinSeconds) {
        if (erlangs == 0) {
            return 1;
        }
        if (agents <= erlangs) {
            return 0;
        }
        double waits = probabilityOfWaiting(agents, erlangs);
        return 1 - waits * Math.exp(-(agents - erlangs) * withinSeconds / handleSeconds);
    }

    /** The mean wait of all calls (average speed of answer), in seconds: {@code C · handle / (N - A)}. */
    public static double averageSpeedOfAnswer(int agents, double erlangs, double handleSeconds) {
        if (agents <= erlangs) {
            return Double.POSITIVE_INFINITY;
        }
        return probabilityOfWaiting(agents, erlangs) * handleSeconds / (agents - erlangs);
    }

    /**
     * The fewest counsellors with whom at least {@code answeredShare} of the calls are answered within
     * {@code withinSeconds}; 0 when no call is expected.
     */
    public static int agentsFor(double erlangs, double handleSeconds, ServiceTarget target) {
        if (erlangs <= 0) {
            return 0;
        }
        int agents = (int) Math.floor(erlangs) + 1;
        while (serviceLevel(agents, erlangs, handleSeconds, target.withinSeconds()) < target.answeredShare()) {
            agents++;
        }
        return agents;
    }
}

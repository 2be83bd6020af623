package io.greenribbon.hotline.figures;

/**
 * The aid line's call figures for a set of calls (a division's lines over a period [from, to), by
 * {@code offered_at}, the moment the line answered the call): the one definition of each figure, for the
 * wallboard and for every report. The counts are sums over the calls' {@link CallFate fates}, so they add
 * up by construction and sum across divisions and periods ({@link #plus}); the rates derive from them and
 * stay within [0, 1].
 *
 * <p>Two identities hold (the constructor refuses anything else):
 * <pre>
 * received = offered + endedBeforeQueue + inGreeting
 * offered  = answered + answeredByBackup + abandoned + shortAbandoned + unanswered + waiting
 * </pre>
 *
 * @param received                   every call that reached a line (every contact)
 * @param offered                    calls put through to be answered: a queue, the caller's own counsellor's
 *                                   phone, or the backup line when no tier took them ({@link CallFate})
 * @param answered                   offered calls a counsellor answered (the county's or the city's queue, or
 *                                   the caller's own counsellor), whatever followed (a transfer included)
 * @param answeredByBackup           offered calls no counsellor answered and the provincial backup line did
 * @param abandoned                  offered calls whose caller hung up before any answer, after the
 *                                   short-abandon time (counted from when the call was put through)
 * @param shortAbandoned             offered calls whose caller hung up within the short-abandon time (5 s):
 *                                   misdials and second thoughts, reported apart and left out of the rates
 * @param unanswered                 offered calls that ended unanswered without the caller hanging up first
 *                                   (even the backup line did not answer)
 * @param waiting                    offered calls not answered yet, still going on
 * @param endedBeforeQueue           calls that ended before being put through (hung up during the notice or
 *                                   the press-1 prompt); not offered
 * @param inGreeting                 calls still in the notice or the press-1 prompt; not offered yet
 * @param answeredInArea             answered calls taken in the line's own area: in the line's tier-1 queue
 *                                   (the county's on a county line, the city's on the city line and 12356),
 *                                   or by the caller's own counsellor when that counsellor belongs to the
 *                                   line's division
 * @param answeredWithinServiceLevel answered calls whose wait was at most the service-level threshold
 * @param answeredWithKnownWait      answered calls whose wait is known (not those the service only learnt of
 *                                   afterwards, from a reconciliation or the CDRs)
 * @param waitMsOfAnswered           the sum of those waits, in milliseconds: from being put through to the
 *                                   answer
 * @param answeredWithHandleTime     answered calls that ended and whose handle time is known: the talk and the
 *                                   counsellor's wrap-up after it (from the call's end until the contact form was
 *                                   saved, the wrap-up time ran out or the counsellor changed state; none when the
 *                                   counsellor was not available when the call ended). Not those the service learnt
 *                                   of only afterwards, nor those whose wrap-up still runs
 * @param handleMsOfAnswered         the sum of those handle times, in milliseconds
 * @param raisedForRisk              calls raised for risk (the caller pressed 1, or has an open high-risk case)
 */
public record CallMeasures(long received, long offered, long answered, long answeredByBackup, long abandoned,
                           long shortAbandoned, long unanswered, long waiting, long endedBeforeQueue,
                           long inGreeting, long answeredInArea, long answeredWithinServiceLevel,
                           long answeredWithKnownWait, long waitMsOfAnswered, long answeredWithHandleTime,
                           long handleMsOfAnswered, long raisedForRisk) {

    public static final CallMeasures ZERO = new CallMeasures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public CallMeasures {
        long[] all = {received, offered, answered, answeredByBackup, abandoned, shortAbandoned, unanswered, waiting,
                endedBeforeQueue, inGreeting, answeredInArea, answeredWithinServiceLevel, answeredWithKnownWait,
                waitMsOfAnswered, answeredWithHandleTime, handleMsOfAnswered, raisedForRisk};
        for (long n : all) {
            if (n < 0) {
                throw new IllegalArgumentException("A call figure below zero: " + java.util.Arrays.toString(all));
            }
        }
        if (offered != answered + answeredByBackup + abandoned + shortAbandoned + unanswered + waiting
                || received != offered + endedBeforeQueue + inGreeting
                || answeredInArea > answered || answeredWithinServiceLevel > answeredWithKnownWait
                || answeredWithKnownWait > answered || answeredWithHandleTime > answered
                || raisedForRisk > received) {
            throw new IllegalArgumentException("Call figures that do not add up: " + java.util.Arrays.toString(all));
        }
    }

    /** The figures of two disjoint sets of calls together (two counties, two days). */
    public CallMeasures plus(CallMeasures o) {
        return new CallMeasures(received + o.received, offered + o.offered, answered + o.answered,
                answeredByBackup + o.answeredByBackup, abandoned + o.abandoned, shortAbandoned + o.shortAbandoned,
                unanswered + o.unanswered, waiting + o.waiting, endedBeforeQueue + o.endedBeforeQueue,
                inGreeting + o.inGreeting, answeredInArea + o.answeredInArea,
                answeredWithinServiceLevel + o.answeredWithinServiceLevel,
                answeredWithKnownWait + o.answeredWithKnownWait, waitMsOfAnswered + o.waitMsOfAnswered,
                answeredWithHandleTime + o.answeredWithHandleTime, handleMsOfAnswered + o.handleMsOfAnswered,
                raisedForRisk + o.raisedForRisk);
    }

    /**
     * The base of every rate: offered calls whose fate is known, short abandons left out
     * ({@code answered + answeredByBackup + abandoned + unanswered}).
     */
    public long answerable() {
        return offered - shortAbandoned - waiting;
    }

    /** Answer rate (接通率): {@code answered / answerable}; null when no call is answerable. */
    public Double answerRate() {
        return share(answered);
    }

    /** In-area answer rate: {@code answeredInArea / answerable}; null when no call is answerable. */
    public Double inAreaAnswerRate() {
        return share(answeredInArea);
    }

    /**
     * Service level: {@code answeredWithinServiceLevel / answerable}, the share of the answerable calls a
     * counsellor answered within the threshold (an abandoned or backup call counts against it); null when
     * no call is answerable.
     */
    public Double serviceLevel() {
        return share(answeredWithinServiceLevel);
    }

    /** Abandon rate: {@code abandoned / answerable}; null when no call is answerable. */
    public Double abandonRate() {
        return share(abandoned);
    }

    /**
     * Average speed of answer, in seconds (one decimal): {@code waitMsOfAnswered / answeredWithKnownWait};
     * null when no answered call has a known wait.
     */
    public Double asaSeconds() {
        return answeredWithKnownWait == 0 ? null
                : Math.round(waitMsOfAnswered / (double) answeredWithKnownWait / 100.0) / 10.0;
    }

    /**
     * Average handle time, in seconds (one decimal): {@code handleMsOfAnswered / answeredWithHandleTime}; null
     * when no answered call has a known handle time.
     */
    public Double averageHandleSeconds() {
        return answeredWithHandleTime == 0 ? null
                : Math.round(handleMsOfAnswered / (double) answeredWithHandleTime / 100.0) / 10.0;
    }

    /** {@code part / answerable}, to four decimals; null (not NaN) when nothing is answerable. */
    private Double share(long part) {
        long base = answerable();
        return base == 0 ? null : Math.round(part * 10000.0 / base) / 10000.0;
    }
}

package io.greenribbon.hotline.wallboard;

/** Summable figures of one division (so that counties add up to their city). */
record Tally(long offered, long answered, long abandoned, long shortAbandoned, long endedBeforeQueue, long backup,
             long raised, long answeredInArea, long answeredWithinLevel, long answeredWithKnownWait,
             long waitMsOfAnswered, long waitingNow, long talkingNow) {

    static final Tally ZERO = new Tally(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    Tally plus(Tally o) {
        return new Tally(offered + o.offered, answered + o.answered, abandoned + o.abandoned,
                shortAbandoned + o.shortAbandoned, endedBeforeQueue + o.endedBeforeQueue, backup + o.backup,
                raised + o.raised,
                answeredInArea + o.answeredInArea, answeredWithinLevel + o.answeredWithinLevel,
                answeredWithKnownWait + o.answeredWithKnownWait,
                waitMsOfAnswered + o.waitMsOfAnswered, waitingNow + o.waitingNow, talkingNow + o.talkingNow);
    }

    Double answerRate() {
        return share(answered);
    }

    Double inAreaRate() {
        return share(answeredInArea);
    }

    Double serviceLevel() {
        return share(answeredWithinLevel);
    }

    Double asaSeconds() {
        return answeredWithKnownWait == 0 ? null
                : Math.round(waitMsOfAnswered / (double) answeredWithKnownWait / 100.0) / 10.0;
    }

    private Double share(long part) {
        long base = offered - shortAbandoned;
        return base <= 0 ? null : Math.round(part * 10000.0 / base) / 10000.0;
    }
}

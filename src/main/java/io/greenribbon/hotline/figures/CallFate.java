package io.greenribbon.hotline.figures;

/**
 * What became of one call (one contact), for counting: every contact has exactly one fate, decided in this
 * order, so that the figures built on the fates add up by construction ({@link CallMeasures}).
 *
 * <p>A call is <em>put through</em> once it was offered to someone who could answer it: it joined a queue
 * (the county's or the city's tier), the caller's own counsellor's phone rang, or (no tier taking it) the
 * provincial backup line was dialled; the contact's {@code queued_at} is that moment. An answer implies it
 * (a call the service only learnt of afterwards, from its CDRs, may have no {@code queued_at}).
 */
public enum CallFate {
    /** A counsellor answered it: in the county's or the city's queue, or the caller's own counsellor. */
    ANSWERED,
    /** Put through, no counsellor answered, and the provincial backup line did. */
    BACKUP,
    /** Put through and not answered yet: the caller is still waiting (a queue, a phone ringing, the backup line ringing). */
    WAITING,
    /** Put through, and the caller hung up before anyone answered, after the short-abandon time. */
    ABANDONED,
    /** Put through, and the caller hung up within the short-abandon time (misdials, second thoughts). */
    SHORT_ABANDON,
    /** Put through, and the call ended unanswered without the caller hanging up first (even the backup line failed). */
    UNANSWERED,
    /** The call ended before it was put through: the caller hung up during the notice or the press-1 prompt. */
    ENDED_BEFORE_QUEUE,
    /** Still before being put through: the caller hears the notice or the press-1 prompt now. */
    IN_GREETING;

    /**
     * The fate of the contact {@code c} (an alias of {@code hotline_contact}) as an SQL expression: the one
     * definition every figure uses.
     */
    public static String of(String c) {
        return """
                CASE
                  WHEN %1$s.answered_via IN ('TIER1', 'TIER2', 'PREFERRED') THEN 'ANSWERED'
                  WHEN %1$s.answered_via = 'BACKUP' THEN 'BACKUP'
                  WHEN %1$s.queued_at IS NULL THEN CASE WHEN %1$s.status = 'CLOSED' THEN 'ENDED_BEFORE_QUEUE' ELSE 'IN_GREETING' END
                  WHEN %1$s.status = 'OPEN' THEN 'WAITING'
                  WHEN %1$s.outcome = 'SHORT_ABANDON' THEN 'SHORT_ABANDON'
                  WHEN %1$s.outcome = 'UNANSWERED' THEN 'UNANSWERED'
                  ELSE 'ABANDONED'
                END""".formatted(c);
    }

    /** Whether a call of this fate was put through (counts as offered). */
    public boolean putThrough() {
        return this != ENDED_BEFORE_QUEUE && this != IN_GREETING;
    }
}

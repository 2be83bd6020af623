package io.greenribbon.hotline.figures;

import io.greenribbon.hotline.Sql;

/**
 * The one aggregate that computes {@link CallMeasures} in the database: a column per component, in the
 * record's order, each a count (or sum) of contacts filtered by their {@link CallFate fate}. Any query over
 * {@code hotline_contact c} that selects {@link #fate} as {@code f.fate} can use it, grouped however it
 * likes. Parameter {@code :level} is the service-level threshold in milliseconds.
 */
final class MeasuresSql {

    /** The lateral join that gives each contact {@code c} its fate {@code f.fate}. */
    static final String FATE = "CROSS JOIN LATERAL (SELECT " + CallFate.of("c") + " AS fate) f";

    private static final String PUT_THROUGH = "f.fate IN ('ANSWERED', 'BACKUP', 'WAITING', 'ABANDONED', "
            + "'SHORT_ABANDON', 'UNANSWERED')";

    /** Answered in the line's own area: its tier-1 queue, or the caller's own counsellor of the line's division. */
    private static final String IN_AREA = "(c.answered_via = 'TIER1' OR (c.answered_via = 'PREFERRED' "
            + "AND c.counsellor_division LIKE c.division_code || '%'))";

    /** An answered call that ended, with its talk and its wrap-up known: its handle time is known. */
    private static final String HANDLED = "f.fate = 'ANSWERED' AND c.status = 'CLOSED' AND c.talk_ms IS NOT NULL "
            + "AND c.wrap_up_ms IS NOT NULL";

    /** The aggregate columns, in the order of {@link CallMeasures}' components. */
    static final String COLUMNS = String.join(",\n", new String[]{
            "count(*)",
            "count(*) FILTER (WHERE " + PUT_THROUGH + ")",
            "count(*) FILTER (WHERE f.fate = 'ANSWERED')",
            "count(*) FILTER (WHERE f.fate = 'BACKUP')",
            "count(*) FILTER (WHERE f.fate = 'ABANDONED')",
            "count(*) FILTER (WHERE f.fate = 'SHORT_ABANDON')",
            "count(*) FILTER (WHERE f.fate = 'UNANSWERED')",
            "count(*) FILTER (WHERE f.fate = 'WAITING')",
            "count(*) FILTER (WHERE f.fate = 'ENDED_BEFORE_QUEUE')",
            "count(*) FILTER (WHERE f.fate = 'IN_GREETING')",
            "count(*) FILTER (WHERE f.fate = 'ANSWERED' AND " + IN_AREA + ")",
            "count(*) FILTER (WHERE f.fate = 'ANSWERED' AND c.queue_wait_ms <= :level)",
            "count(*) FILTER (WHERE f.fate = 'ANSWERED' AND c.queue_wait_ms IS NOT NULL)",
            "coalesce(sum(c.queue_wait_ms) FILTER (WHERE f.fate = 'ANSWERED'), 0)",
            "count(*) FILTER (WHERE " + HANDLED + ")",
            "coalesce(sum(c.talk_ms + c.wrap_up_ms) FILTER (WHERE " + HANDLED + "), 0)",
            "count(*) FILTER (WHERE c.risk_reason IS NOT NULL)"});

    /** How many columns {@link #COLUMNS} has. */
    static final int WIDTH = CallMeasures.class.getRecordComponents().length;

    private MeasuresSql() {
    }

    /** The measures in a row's columns from {@code offset} on. */
    static CallMeasures measures(Object[] row, int offset) {
        long[] n = new long[WIDTH];
        for (int i = 0; i < WIDTH; i++) {
            n[i] = Sql.number(row[offset + i]);
        }
        return new CallMeasures(n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7], n[8], n[9], n[10], n[11], n[12],
                n[13], n[14], n[15], n[16]);
    }
}

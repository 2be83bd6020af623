package io.greenribbon.oversight;

import java.util.List;

/**
 * Counts of records by division, as SQL pieces a {@link Breakdowns} groups however a table needs (by child
 * division, by exact division and month): the records' table and joins, the column holding each record's
 * division code, the time that places it in a period, any further condition, and one aggregate per column.
 * Parameters {@code :prefix}, {@code :from}, {@code :to} and {@code :zone} are bound by the breakdown.
 */
public record CountQuery(String from, String division, String time, String where, List<String> counts) {

    /** The statement grouping by {@code key} and {@code bucket} (SQL expressions), index-friendly on the prefix. */
    String grouped(String key, String bucket) {
        return "SELECT " + key + ", " + bucket + ", " + String.join(", ", counts)
                + " FROM " + from
                + " WHERE " + division + " LIKE :prefix AND " + time + " >= :from AND " + time + " < :to"
                + (where == null ? "" : " AND " + where)
                + " GROUP BY 1, 2";
    }
}

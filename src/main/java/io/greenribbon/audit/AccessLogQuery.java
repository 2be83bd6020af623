package io.greenribbon.audit;

import io.greenribbon.problem.ProblemException;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The filters of the access log ({@code GET /api/audit/access} and the access review), parsed and checked:
 * one record ({@code type:id}) or one kind of record, the account that acted, a period, a division within
 * the reader's jurisdiction (entries about records there or by accounts there), and the page.
 */
public record AccessLogQuery(String recordType, String recordId, String actor, OffsetDateTime from, OffsetDateTime to,
                             String division, long before, int limit) {

    private static final Pattern RECORD = Pattern.compile("([a-z_]{1,64}):([0-9A-Za-z_-]{1,64})");
    private static final Pattern KIND = Pattern.compile("[a-z_]{1,64}");
    private static final Pattern DIVISION = Pattern.compile("[0-9]{2,12}");

    public static AccessLogQuery parse(String record, String kind, String actor, String from, String to, String division,
                                       Long before, Integer limit, int maxRows) {
        String type = blank(kind) ? null : kind.trim();
        if (type != null && !KIND.matcher(type).matches()) {
            throw ProblemException.invalid("kind", "a record type, for example risk_case");
        }
        String id = null;
        if (!blank(record)) {
            var m = RECORD.matcher(record);
            if (!m.matches()) {
                throw ProblemException.invalid("record", "type:id, for example risk_case:17");
            }
            if (type != null && !type.equals(m.group(1))) {
                throw ProblemException.invalid("kind", "the type of record, " + m.group(1));
            }
            type = m.group(1);
            id = m.group(2);
        }
        OffsetDateTime start = instant("from", from);
        OffsetDateTime end = instant("to", to);
        if (start != null && end != null && !end.isAfter(start)) {
            throw ProblemException.invalid("to", "must be after from");
        }
        String place = blank(division) ? null : division.trim();
        if (place != null && !DIVISION.matcher(place).matches()) {
            throw ProblemException.invalid("division", "a division code of 2 to 12 digits");
        }
        if (limit != null && (limit < 1 || limit > maxRows)) {
            throw ProblemException.invalid("limit", "between 1 and " + maxRows);
        }
        if (before != null && before < 1) {
            throw ProblemException.invalid("before", "a positive sequence number");
        }
        return new AccessLogQuery(type, id, blank(actor) ? null : actor.trim(), start, end, place,
                before == null ? Long.MAX_VALUE : before, limit == null ? maxRows : limit);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static OffsetDateTime instant(String field, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "an ISO-8601 date-time with offset, e.g. 2026-11-26T08:00:00+08:00");
        }
    }

    /** The same filters, from the entry before {@code seq} on, {@code rows} at a time. */
    AccessLogQuery page(long beforeSeq, int rows) {
        return new AccessLogQuery(recordType, recordId, actor, from, to, division, beforeSeq, rows);
    }

    /** A short, identity-free description for the audit entry of the query itself. */
    String describe() {
        return "record=" + (recordType == null ? "" : recordType + (recordId == null ? "" : ":" + recordId))
                + ";actor=" + (actor == null ? "" : actor) + ";from=" + (from == null ? "" : from)
                + ";to=" + (to == null ? "" : to) + ";division=" + (division == null ? "" : division);
    }
}

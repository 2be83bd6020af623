package io.greenribbon.audit;

import io.greenribbon.problem.ProblemException;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** The filters of {@code GET /api/audit/access}, parsed and checked. */
record AccessLogQuery(String recordType, String recordId, String actor, OffsetDateTime from, OffsetDateTime to,
                      long before, int limit) {

    private static final Pattern RECORD = Pattern.compile("([a-z_]{1,64}):([0-9A-Za-z_-]{1,64})");

    static AccessLogQuery parse(String record, String actor, String from, String to, Long before, Integer limit,
                                int maxRows) {
        String type = null;
        String id = null;
        if (record != null && !record.isBlank()) {
            var m = RECORD.matcher(record);
            if (!m.matches()) {
                throw ProblemException.invalid("record", "type:id, for example risk_case:17");
            }
            type = m.group(1);
            id = m.group(2);
        }
        OffsetDateTime start = instant("from", from);
        OffsetDateTime end = instant("to", to);
        if (start != null && end != null && !end.isAfter(start)) {
            throw ProblemException.invalid("to", "must be after from");
        }
        if (limit != null && (limit < 1 || limit > maxRows)) {
            throw ProblemException.invalid("limit", "between 1 and " + maxRows);
        }
        if (before != null && before < 1) {
            throw ProblemException.invalid("before", "a positive sequence number");
        }
        return new AccessLogQuery(type, id, actor == null || actor.isBlank() ? null : actor.trim(), start, end,
                before == null ? Long.MAX_VALUE : before, limit == null ? maxRows : limit);
    }

    private static OffsetDateTime instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "an ISO-8601 date-time with offset, e.g. 2026-11-26T08:00:00+08:00");
        }
    }

    /** A short, identity-free description for the audit entry of the query itself. */
    String describe() {
        return "record=" + (recordType == null ? "" : recordType + ":" + recordId) + ";actor=" + (actor == null ? "" : actor)
                + ";from=" + (from == null ? "" : from) + ";to=" + (to == null ? "" : to);
    }
}

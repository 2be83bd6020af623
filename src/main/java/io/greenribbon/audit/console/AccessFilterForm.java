package io.greenribbon.audit.console;

import io.greenribbon.audit.AccessLogQuery;
import io.greenribbon.web.FormErrors;
import jakarta.ws.rs.core.MultivaluedMap;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The access review's filters as the page's form sends them: a period of whole days in the service area's
 * time zone (both days included), the account that acted, the kind of record, a division of the reader's
 * jurisdiction, and the page ({@code before}). Turned into the API's own query, checked by the same rules.
 */
public record AccessFilterForm(String from, String to, String actor, String kind, String division, String before) {

    static AccessFilterForm of(MultivaluedMap<String, String> params) {
        return new AccessFilterForm(value(params, "from"), value(params, "to"), value(params, "actor"),
                value(params, "kind"), value(params, "division"), value(params, "before"));
    }

    private static String value(MultivaluedMap<String, String> params, String name) {
        String v = params.getFirst(name);
        return v == null ? "" : v.strip();
    }

    /** The query these filters ask for; the fields a reader must correct as {@link FormErrors}. */
    AccessLogQuery query(ZoneId zone, int rows) {
        FormErrors errors = new FormErrors();
        LocalDate start = day("from", from, errors);
        LocalDate end = day("to", to, errors);
        if (start != null && end != null && end.isBefore(start)) {
            errors.add("to", "access-review.error.to-before-from");
        }
        if (actor.length() > 255) {
            errors.add("actor", "access-review.error.actor");
        }
        Long page = null;
        if (!before.isEmpty()) {
            try {
                page = Long.parseLong(before);
            } catch (NumberFormatException e) {
                errors.add("before", "access-review.error.before");
            }
        }
        if (errors.any()) {
            throw errors;
        }
        return AccessLogQuery.parse(null, kind, actor, instant(start, zone), instant(end == null ? null : end.plusDays(1), zone),
                division, page, rows, rows);
    }

    private static LocalDate day(String field, String value, FormErrors errors) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(field, "access-review.error.date");
            return null;
        }
    }

    private static String instant(LocalDate day, ZoneId zone) {
        return day == null ? null : OffsetDateTime.of(day.atStartOfDay(), zone.getRules().getOffset(day.atStartOfDay()))
                .toString();
    }

    /** The filters as a query string, without the page (for the export and the first page). */
    public String filters() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("from", from);
        values.put("to", to);
        values.put("actor", actor);
        values.put("kind", kind);
        values.put("division", division);
        StringBuilder out = new StringBuilder();
        values.forEach((name, value) -> {
            if (!value.isEmpty()) {
                out.append(out.isEmpty() ? "" : "&").append(name).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return out.toString();
    }

    /** The query string of the page after the entry {@code seq}. */
    public String next(long seq) {
        String f = filters();
        return (f.isEmpty() ? "" : f + "&") + "before=" + seq;
    }

    /** Whether any filter is set. */
    public boolean any() {
        return !filters().isEmpty();
    }
}

package io.greenribbon.audit;

import io.greenribbon.problem.Messages;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The access log as CSV for a spreadsheet: UTF-8 with a byte-order mark (so that Excel reads Chinese
 * correctly), RFC 4180 quoting, headers in the reader's language, times in the service area's zone. A
 * value that a spreadsheet would run as a formula is written as text.
 */
public final class AccessLogCsv {

    static final List<String> COLUMNS = List.of("seq", "at", "actor", "actor-roles", "actor-division", "action",
            "record-type", "record-id", "record-division", "purpose", "outcome", "detail");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private AccessLogCsv() {
    }

    public static byte[] write(List<AccessLogView.Item> items, Locale locale, ZoneId zone) {
        StringBuilder out = new StringBuilder(128 * (items.size() + 1)).append('\uFEFF');
        row(out, COLUMNS.stream().map(c -> "at".equals(c) ? Messages.text(locale, "audit.csv.at", zone.getId())
                : Messages.text(locale, "audit.csv." + c)).toList());
        for (AccessLogView.Item i : items) {
            row(out, java.util.Arrays.asList(Long.toString(i.seq()), TIME.format(i.at().atZone(zone)), i.actor(),
                    i.actorRoles(), i.actorDivision(), i.action(), i.recordType(), i.recordId(), i.recordDivision(),
                    i.purpose(), i.outcome(), i.detail()));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void row(StringBuilder out, List<String> values) {
        for (int n = 0; n < values.size(); n++) {
            if (n > 0) {
                out.append(',');
            }
            out.append(field(values.get(n)));
        }
        out.append("\r\n");
    }

    static String field(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}

package io.greenribbon.oversight;

import io.greenribbon.problem.Messages;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Figure tables as CSV for Excel: UTF-8 with a byte order mark (without it Excel reads Chinese as mojibake),
 * CRLF line ends, a header row in the reader's language (message keys {@code oversight.csv.*} and
 * {@code oversight.column.*}), fields quoted as RFC 4180 asks, and text that a spreadsheet would run as a formula
 * defused with a leading apostrophe. Hidden counts are written as shown ("&lt;5").
 */
public final class OversightCsv {

    public static final String MEDIA_TYPE = "text/csv; charset=UTF-8";
    private static final String BOM = "\uFEFF";

    private OversightCsv() {
    }

    /** {@code table} with a key and a name column first. */
    public static byte[] of(FigureTable table, Locale locale) {
        List<String> header = new ArrayList<>();
        header.add(Messages.text(locale, "oversight.csv.key"));
        header.add(Messages.text(locale, "oversight.csv.name"));
        table.columns().forEach(c -> header.add(Messages.text(locale, "oversight.column." + c)));
        List<List<String>> lines = new ArrayList<>();
        lines.add(header);
        for (FigureTable.Row row : table.rows()) {
            List<String> line = new ArrayList<>();
            line.add(row.key());
            line.add(rowName(row, locale));
            line.addAll(row.shown());
            lines.add(line);
        }
        return write(lines);
    }

    /** The name of a row; the part of a division filed at the division itself has none of its own. */
    static String rowName(FigureTable.Row row, Locale locale) {
        if (row.name() != null) {
            return row.name();
        }
        return row.key().endsWith("#") ? Messages.text(locale, "oversight.row.direct") : "";
    }

    /** Lines of fields as CSV bytes. */
    public static byte[] write(List<List<String>> lines) {
        StringBuilder out = new StringBuilder(BOM);
        for (List<String> line : lines) {
            for (int i = 0; i < line.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(field(line.get(i)));
            }
            out.append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String field(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !v.matches("-?[0-9.]+")) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            v = '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}

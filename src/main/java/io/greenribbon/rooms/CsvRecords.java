package io.greenribbon.rooms;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records with the line each starts on: fields separated by commas, optionally quoted with
 * {@code "}, quotes doubled inside quotes, quoted fields may span lines; CRLF or LF line ends; a
 * leading byte-order mark is ignored; blank lines are skipped.
 */
public final class CsvRecords {

    public record Record(int line, List<String> fields) {
    }

    /** A quote left open at the end of the text. */
    public static final class Unterminated extends RuntimeException {
        private final int line;

        Unterminated(int line) {
            super("Unterminated quoted field starting on line " + line);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    private CsvRecords() {
    }

    public static List<Record> parse(String text) {
        List<Record> records = new ArrayList<>();
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        int quoteLine = 0;
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
                quoteLine = line;
                any = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any || !field.isEmpty()) {
                    fields.add(field.toString());
                    records.add(new Record(recordLine, List.copyOf(fields)));
                }
                fields.clear();
                field.setLength(0);
                any = false;
                line++;
                recordLine = line;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new Unterminated(quoteLine);
        }
        if (any || !field.isEmpty()) {
            fields.add(field.toString());
            records.add(new Record(recordLine, List.copyOf(fields)));
        }
        return records;
    }
}

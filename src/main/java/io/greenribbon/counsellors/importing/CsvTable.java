package io.greenribbon.counsellors.importing;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 comma-separated values with the line each record starts on, so that a report can name it.
 * Spreadsheets in China often save CSV as GB18030 (GBK) rather than UTF-8: bytes that are not valid UTF-8
 * are read as GB18030.
 */
final class CsvTable {

    record Record(int line, List<String> cells) {
    }

    static final class SyntaxException extends Exception {
        final int line;

        SyntaxException(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    private CsvTable() {
    }

    static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("GB18030"));
        }
    }

    /** The records of {@code text}, blank lines left out. */
    static List<Record> parse(String text) throws SyntaxException {
        List<Record> records = new ArrayList<>();
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        int line = 1;
        int n = text.length();
        while (i < n) {
            int recordLine = line;
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            boolean wasQuoted = false;
            boolean endOfRecord = false;
            while (i < n && !endOfRecord) {
                char ch = text.charAt(i++);
                if (quoted) {
                    if (ch == '"') {
                        if (i < n && text.charAt(i) == '"') {
                            cell.append('"');
                            i++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        if (ch == '\n') {
                            line++;
                        }
                        cell.append(ch);
                    }
                } else if (ch == '"') {
                    if (cell.toString().isBlank() && !wasQuoted) {
                        cell.setLength(0);
                        quoted = true;
                        wasQuoted = true;
                    } else {
                        throw new SyntaxException(line, "quote");
                    }
                } else if (ch == ',') {
                    cells.add(cell.toString());
                    cell.setLength(0);
                    wasQuoted = false;
                } else if (ch == '\r' || ch == '\n') {
                    if (ch == '\r' && i < n && text.charAt(i) == '\n') {
                        i++;
                    }
                    line++;
                    endOfRecord = true;
                } else if (wasQuoted && !Character.isWhitespace(ch)) {
                    throw new SyntaxException(line, "quote");
                } else {
                    cell.append(ch);
                }
            }
            if (quoted) {
                throw new SyntaxException(recordLine, "unterminated");
            }
            cells.add(cell.toString());
            if (!(cells.size() == 1 && cells.get(0).isBlank())) {
                records.add(new Record(recordLine, cells));
            }
        }
        return records;
    }
}

package io.greenribbon.counsellors.calendar;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * RFC 5545 text: CRLF line ends, lines folded at 75 octets without splitting a UTF-8 character, TEXT values
 * escaped, times in UTC so that no VTIMEZONE is needed.
 */
final class ICalendarWriter {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final StringBuilder out = new StringBuilder();

    static String write(String name, String zone, List<CalendarEntry> entries, Instant stamp) {
        ICalendarWriter w = new ICalendarWriter();
        w.line("BEGIN:VCALENDAR");
        w.line("VERSION:2.0");
        w.line("PRODID:-//greenribbon//counsellor calendar//ZH");
        w.line("CALSCALE:GREGORIAN");
        w.line("X-WR-CALNAME:" + text(name));
        w.line("X-WR-TIMEZONE:" + zone);
        for (CalendarEntry e : entries) {
            w.line("BEGIN:VEVENT");
            w.line("UID:" + text(e.uid()));
            w.line("DTSTAMP:" + UTC.format(stamp));
            w.line("DTSTART:" + UTC.format(e.start()));
            w.line("DTEND:" + UTC.format(e.end()));
            w.line("SEQUENCE:" + e.sequence());
            w.line("STATUS:" + e.status().name());
            w.line("SUMMARY:" + text(e.summary()));
            if (e.description() != null) {
                w.line("DESCRIPTION:" + text(e.description()));
            }
            if (e.location() != null) {
                w.line("LOCATION:" + text(e.location()));
            }
            w.line("TRANSP:" + (e.status() == CalendarEntry.Status.CANCELLED ? "TRANSPARENT" : "OPAQUE"));
            w.line("END:VEVENT");
        }
        w.line("END:VCALENDAR");
        return w.out.toString();
    }

    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }

    /** Appends one content line, folded: continuation lines start with a space and hold at most 74 octets. */
    private void line(String content) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}

package io.greenribbon.rooms;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A half-open interval of time, [start, end). */
public record Span(Instant start, Instant end) {

    public boolean overlaps(Span other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    /** What is left of {@code spans} once {@code busy} is taken out. */
    public static List<Span> minus(List<Span> spans, List<Span> busy) {
        List<Span> sortedBusy = busy.stream().sorted(Comparator.comparing(Span::start)).toList();
        List<Span> free = new ArrayList<>();
        for (Span span : spans) {
            Instant cursor = span.start;
            for (Span b : sortedBusy) {
                if (!b.overlaps(span) || !b.end.isAfter(cursor)) {
                    continue;
                }
                if (b.start.isAfter(cursor)) {
                    free.add(new Span(cursor, b.start));
                }
                cursor = b.end;
            }
            if (cursor.isBefore(span.end)) {
                free.add(new Span(cursor, span.end));
            }
        }
        return free;
    }
}

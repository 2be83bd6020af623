package io.greenribbon.roster;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

public record PatternView(Long id, String lineDivision, String name, List<Entry> entries) {

    public record Entry(Long counsellorId, DayOfWeek day, LocalTime start, LocalTime end) {
    }

    static PatternView of(RosterPattern p, List<PatternEntry> entries) {
        return new PatternView(p.id, p.lineDivision, p.name, entries.stream().map(e -> new Entry(e.counsellorId,
                DayOfWeek.of(e.dayOfWeek), e.startTime, e.endTime)).toList());
    }
}

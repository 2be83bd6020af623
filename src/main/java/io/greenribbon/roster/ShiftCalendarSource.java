package io.greenribbon.roster;

import io.greenribbon.counsellors.calendar.CalendarEntry;
import io.greenribbon.counsellors.calendar.CalendarEntrySource;
import io.greenribbon.counsellors.calendar.CalendarOwner;
import io.greenribbon.divisions.Division;
import io.greenribbon.divisions.DivisionRepository;
import io.greenribbon.problem.Messages;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The counsellor's hotline shifts, cancelled ones included as cancelled. */
@ApplicationScoped
public class ShiftCalendarSource implements CalendarEntrySource {

    private final ShiftRepository shifts;
    private final DivisionRepository divisions;

    public ShiftCalendarSource(ShiftRepository shifts, DivisionRepository divisions) {
        this.shifts = shifts;
        this.divisions = divisions;
    }

    @Override
    public Uni<List<CalendarEntry>> entries(CalendarOwner owner, Instant from, Instant to, Locale locale) {
        return shifts.findForCalendar(owner.counsellorId(), from, to).flatMap(list -> {
            List<String> lines = list.stream().map(s -> s.lineDivision).distinct().toList();
            Uni<List<Division>> names = lines.isEmpty() ? Uni.createFrom().item(List.of())
                    : divisions.findAllByCode(lines);
            return names.map(found -> {
                Map<String, String> byCode = found.stream().collect(Collectors.toMap(d -> d.code,
                        d -> locale.getLanguage().equals("en") && d.nameEn != null ? d.nameEn : d.name));
                return list.stream().map(s -> {
                    String line = byCode.getOrDefault(s.lineDivision, s.lineDivision);
                    boolean cancelled = s.status == ShiftStatus.CANCELLED;
                    return new CalendarEntry("shift-" + s.id + "@greenribbon", s.startsAt, s.endsAt,
                            Messages.text(locale, cancelled ? "calendar.shift.cancelled" : "calendar.shift", line),
                            cancelled ? s.cancelReason : Messages.text(locale, "calendar.shift.description", line),
                            line, cancelled ? CalendarEntry.Status.CANCELLED : CalendarEntry.Status.CONFIRMED,
                            s.version);
                }).toList();
            });
        });
    }
}

package io.greenribbon.rooms;

import io.greenribbon.problem.FieldError;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The rules on a room's hours that Bean Validation cannot say: order of times, no overlaps. */
@ApplicationScoped
public class RoomValidation {

    private final RequestTexts texts;

    public RoomValidation(RequestTexts texts) {
        this.texts = texts;
    }

    /** The offending fields of a room's hours, named under {@code prefix} (empty for a request body). */
    public List<FieldError> hours(String prefix, List<RoomRequests.WeeklyHours> weekly,
                                  List<RoomRequests.DatedHours> dated) {
        List<FieldError> errors = new ArrayList<>();
        Map<DayOfWeek, List<OpeningHours.Window>> byDay = new EnumMap<>(DayOfWeek.class);
        for (int i = 0; weekly != null && i < weekly.size(); i++) {
            RoomRequests.WeeklyHours h = weekly.get(i);
            if (!h.opens().isBefore(h.closes())) {
                errors.add(new FieldError(prefix + "weeklyHours[" + i + "].closes", texts.text("rooms.hours.order")));
                continue;
            }
            List<OpeningHours.Window> day = byDay.computeIfAbsent(h.day(), d -> new ArrayList<>());
            day.add(new OpeningHours.Window(h.opens(), h.closes()));
            if (OpeningHours.overlapping(day)) {
                errors.add(new FieldError(prefix + "weeklyHours[" + i + "]", texts.text("rooms.hours.overlap")));
                day.remove(day.size() - 1);
            }
        }
        for (int i = 0; dated != null && i < dated.size(); i++) {
            RoomRequests.DatedHours d = dated.get(i);
            String field = prefix + "datedHours[" + i + "]";
            if ((d.opens() == null) != (d.closes() == null)) {
                errors.add(new FieldError(field + ".closes", texts.text("rooms.hours.both-times")));
            } else if (d.opens() == null && d.kind() == RoomDatedHours.Kind.OPEN) {
                errors.add(new FieldError(field + ".opens", texts.text("rooms.hours.opening-needs-times")));
            } else if (d.opens() != null && !d.opens().isBefore(d.closes())) {
                errors.add(new FieldError(field + ".closes", texts.text("rooms.hours.order")));
            }
        }
        return errors;
    }
}

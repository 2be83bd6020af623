package io.greenribbon.rooms;

import io.greenribbon.problem.FieldError;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The room import format: a header line, then one room per line. Columns (any order, names as below):
 * {@code division,name,address,capacity} (required), {@code step_free} (true/false), {@code
 * accessibility_note}, {@code facilities} (PRIVATE;SOUNDPROOF;PHONE_LINK;VIDEO_LINK), {@code
 * weekly_hours} (for example {@code MON-FRI 08:30-12:00 14:00-17:30; SAT 09:00-12:00}), {@code staff}
 * (usernames separated by ;), {@code status} (OPEN or SUSPENDED).
 */
public final class RoomCsv {

    public static final List<String> REQUIRED = List.of("division", "name", "address", "capacity");
    public static final List<String> OPTIONAL =
            List.of("step_free", "accessibility_note", "facilities", "weekly_hours", "staff", "status");

    /** One parsed line: the room it describes, or the errors that keep it from being read. */
    public record Row(int line, RoomRequests.Create room, List<FieldError> errors) {
    }

    private static final Pattern DAYS = Pattern.compile("^(MON|TUE|WED|THU|FRI|SAT|SUN)(?:-(MON|TUE|WED|THU|FRI|SAT|SUN))?$");
    private static final Pattern TIMES = Pattern.compile("^([0-2][0-9]:[0-5][0-9])-([0-2][0-9]:[0-5][0-9])$");

    private final Function<String, String> texts;

    /** @param texts the message for a key, in the caller's language */
    public RoomCsv(Function<String, String> texts) {
        this.texts = texts;
    }

    /** The column index of each known header name; unknown or missing required columns are errors. */
    public Map<String, Integer> header(CsvRecords.Record header, List<FieldError> errors) {
        Map<String, Integer> columns = new TreeMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String name = header.fields().get(i).trim().toLowerCase(Locale.ROOT);
            if (!REQUIRED.contains(name) && !OPTIONAL.contains(name)) {
                errors.add(error(header.line(), name, "rooms.import.unknown-column"));
            } else if (columns.putIfAbsent(name, i) != null) {
                errors.add(error(header.line(), name, "rooms.import.duplicate-column"));
            }
        }
        for (String required : REQUIRED) {
            if (!columns.containsKey(required)) {
                errors.add(error(header.line(), required, "rooms.import.missing-column"));
            }
        }
        return columns;
    }

    /** Reads one line of a file whose header has {@code width} columns. */
    public Row row(CsvRecords.Record record, Map<String, Integer> columns, int width) {
        List<FieldError> errors = new ArrayList<>();
        int line = record.line();
        if (record.fields().size() != width) {
            errors.add(error(line, "*", "rooms.import.field-count"));
            return new Row(line, null, errors);
        }
        String division = value(record, columns, "division");
        if (division == null || !division.matches(RoomRequests.VILLAGE_CODE)) {
            errors.add(error(line, "division", "rooms.import.village-code"));
        }
        String name = value(record, columns, "name");
        if (name == null || name.length() > 100) {
            errors.add(error(line, "name", "rooms.import.name"));
        }
        String address = value(record, columns, "address");
        if (address == null || address.length() > 300) {
            errors.add(error(line, "address", "rooms.import.address"));
        }
        Integer capacity = null;
        try {
            capacity = Integer.valueOf(value(record, columns, "capacity"));
            if (capacity < 1 || capacity > 200) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            errors.add(error(line, "capacity", "rooms.import.capacity"));
        }
        Boolean stepFree = columns.containsKey("step_free") ? bool(value(record, columns, "step_free"), line, errors) : null;
        String note = value(record, columns, "accessibility_note");
        if (note != null && note.length() > 300) {
            errors.add(error(line, "accessibility_note", "rooms.import.note"));
        }
        // A column the file leaves out leaves that part of an existing room as it is.
        Set<Facility> facilities = columns.containsKey("facilities")
                ? facilities(value(record, columns, "facilities"), line, errors) : null;
        List<RoomRequests.WeeklyHours> weekly = columns.containsKey("weekly_hours")
                ? weekly(value(record, columns, "weekly_hours"), line, errors) : null;
        List<String> staff = columns.containsKey("staff") ? list(value(record, columns, "staff")) : null;
        if (staff != null && staff.stream().anyMatch(s -> s.length() > 255)) {
            errors.add(error(line, "staff", "rooms.import.staff"));
        }
        RoomStatus status = columns.containsKey("status") ? RoomStatus.OPEN : null;
        String statusText = value(record, columns, "status");
        if (statusText != null) {
            try {
                status = RoomStatus.valueOf(statusText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(error(line, "status", "rooms.import.status"));
            }
        }
        if (!errors.isEmpty()) {
            return new Row(line, null, errors);
        }
        return new Row(line, new RoomRequests.Create(division, name, address, capacity, stepFree, note, facilities,
                status, weekly, null, staff), errors);
    }

    public FieldError error(int line, String column, String key) {
        return new FieldError("lines[" + line + "]." + column, texts.apply(key));
    }

    private static String value(CsvRecords.Record record, Map<String, Integer> columns, String name) {
        Integer index = columns.get(name);
        if (index == null || index >= record.fields().size()) {
            return null;
        }
        String v = record.fields().get(index).trim();
        return v.isEmpty() ? null : v;
    }

    private Boolean bool(String v, int line, List<FieldError> errors) {
        if (v == null) {
            return false;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1", "是" -> true;
            case "false", "no", "n", "0", "否" -> false;
            default -> {
                errors.add(error(line, "step_free", "rooms.import.boolean"));
                yield null;
            }
        };
    }

    private Set<Facility> facilities(String v, int line, List<FieldError> errors) {
        Set<Facility> set = EnumSet.noneOf(Facility.class);
        for (String item : list(v)) {
            try {
                set.add(Facility.valueOf(item.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                errors.add(error(line, "facilities", "rooms.import.facility"));
            }
        }
        return set;
    }

    /** {@code MON-FRI 08:30-12:00 14:00-17:30; SAT 09:00-12:00}; days may also be listed, {@code MON,WED}. */
    List<RoomRequests.WeeklyHours> weekly(String v, int line, List<FieldError> errors) {
        List<RoomRequests.WeeklyHours> hours = new ArrayList<>();
        for (String part : list(v)) {
            String[] tokens = part.trim().split("\\s+");
            List<DayOfWeek> days = days(tokens[0]);
            if (days.isEmpty() || tokens.length < 2) {
                errors.add(error(line, "weekly_hours", "rooms.import.weekly-hours"));
                continue;
            }
            for (int t = 1; t < tokens.length; t++) {
                Matcher m = TIMES.matcher(tokens[t]);
                try {
                    if (!m.matches()) {
                        throw new DateTimeParseException("times", tokens[t], 0);
                    }
                    LocalTime opens = LocalTime.parse(m.group(1));
                    LocalTime closes = LocalTime.parse(m.group(2));
                    days.forEach(day -> hours.add(new RoomRequests.WeeklyHours(day, opens, closes)));
                } catch (DateTimeParseException e) {
                    errors.add(error(line, "weekly_hours", "rooms.import.weekly-hours"));
                }
            }
        }
        return hours;
    }

    private static List<DayOfWeek> days(String text) {
        List<DayOfWeek> days = new ArrayList<>();
        for (String item : text.toUpperCase(Locale.ROOT).split(",")) {
            Matcher m = DAYS.matcher(item);
            if (!m.matches()) {
                return List.of();
            }
            DayOfWeek first = day(m.group(1));
            DayOfWeek last = m.group(2) == null ? first : day(m.group(2));
            if (last.compareTo(first) < 0) {
                return List.of();
            }
            for (int d = first.getValue(); d <= last.getValue(); d++) {
                days.add(DayOfWeek.of(d));
            }
        }
        return days;
    }

    private static DayOfWeek day(String abbreviation) {
        return switch (abbreviation) {
            case "MON" -> DayOfWeek.MONDAY;
            case "TUE" -> DayOfWeek.TUESDAY;
            case "WED" -> DayOfWeek.WEDNESDAY;
            case "THU" -> DayOfWeek.THURSDAY;
            case "FRI" -> DayOfWeek.FRIDAY;
            case "SAT" -> DayOfWeek.SATURDAY;
            default -> DayOfWeek.SUNDAY;
        };
    }

    private static List<String> list(String v) {
        if (v == null) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        for (String item : v.split("[;|]")) {
            if (!item.isBlank()) {
                items.add(item.trim());
            }
        }
        return items;
    }
}

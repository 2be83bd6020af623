package io.greenribbon.rooms.console;

import io.greenribbon.rooms.booking.BookingMode;
import io.greenribbon.rooms.booking.BookingRequests;
import io.greenribbon.rooms.booking.SlotSuggestions;
import io.greenribbon.web.FormErrors;
import io.greenribbon.web.PageText;
import jakarta.ws.rs.core.MultivaluedMap;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

/**
 * The booking form as the room staff filled it in: when (a date, a start and an end in the rooms' time),
 * the counsellor (and the filters that found them), the client's code, the mode, a purpose and how many
 * weeks. {@code key} is the booking's idempotency key, made when the form opened; {@code clientKey} that of
 * registering a new client from the form. Values are kept as typed, so a form with errors shows them again.
 */
public record BookingForm(String key, String clientKey, String date, String start, String end, String language,
                          String specialty, String counsellor, String clientCode, String mode, String purpose,
                          String weeks) {

    private static final String KEY = "^[A-Za-z0-9_-]{8,64}$";
    private static final String CODE = "^[0-9A-Z]{4}-[0-9A-Z]{4}$";

    /** A form opened now on a slot (keys made now). */
    public static BookingForm opened(String date, String start, String end, String counsellor, String clientCode) {
        return new BookingForm(PageText.formKey(), PageText.formKey(), text(date), text(start), text(end), "", "",
                text(counsellor), text(clientCode).toUpperCase(), BookingMode.IN_PERSON.name(), "", "1");
    }

    public static BookingForm of(MultivaluedMap<String, String> f) {
        return new BookingForm(key(f.getFirst("key")), key(f.getFirst("clientKey")), text(f.getFirst("date")),
                text(f.getFirst("start")), text(f.getFirst("end")), text(f.getFirst("language")),
                text(f.getFirst("specialty")), text(f.getFirst("counsellor")),
                text(f.getFirst("clientCode")).toUpperCase(), text(f.getFirst("mode")), text(f.getFirst("purpose")),
                text(f.getFirst("weeks")).isEmpty() ? "1" : text(f.getFirst("weeks")));
    }

    /** The same choice at a suggested slot, as a form of its own (a new key: one tap books it once). */
    public BookingForm at(SlotSuggestions.Suggestion slot) {
        return new BookingForm(PageText.formKey(), clientKey, slot.start().toLocalDate().toString(),
                slot.start().toLocalTime().toString(), slot.end().toLocalTime().toString(), language, specialty,
                counsellor, clientCode, mode, purpose, weeks);
    }

    public BookingForm withClient(String code) {
        return new BookingForm(key, clientKey, date, start, end, language, specialty, counsellor, code, mode, purpose,
                weeks);
    }

    /** What the form itself can tell is missing or unreadable (the booking rules are the service's). */
    public FormErrors check(int maxWeeks) {
        FormErrors errors = timeErrors();
        if (counsellorId() == null) {
            errors.add("counsellor", "book.error.counsellor");
        }
        if (!clientCode.matches(CODE)) {
            errors.add("clientCode", "book.error.client-code");
        }
        if (modeValue() == null) {
            errors.add("mode", "book.error.mode");
        }
        if (weekCount() < 1 || weekCount() > maxWeeks) {
            errors.add("weeks", "book.error.weeks");
        }
        if (purpose.length() > 500) {
            errors.add("purpose", "book.error.purpose");
        }
        return errors;
    }

    /** Whether date, start and end can be read, the end after the start. */
    public FormErrors timeErrors() {
        FormErrors errors = new FormErrors();
        if (day() == null) {
            errors.add("date", "book.error.date");
        }
        if (time(start) == null) {
            errors.add("start", "book.error.time");
        }
        if (time(end) == null) {
            errors.add("end", "book.error.time");
        } else if (time(start) != null && !time(end).isAfter(time(start))) {
            errors.add("end", "book.error.end-after-start");
        }
        return errors;
    }

    public boolean timesReadable() {
        return !timeErrors().any();
    }

    public OffsetDateTime startAt(ZoneId zone) {
        return day().atTime(time(start)).atZone(zone).toOffsetDateTime();
    }

    public OffsetDateTime endAt(ZoneId zone) {
        return day().atTime(time(end)).atZone(zone).toOffsetDateTime();
    }

    public BookingRequests.Create request(long roomId, long clientId, ZoneId zone) {
        return new BookingRequests.Create(roomId, counsellorId(), clientId, startAt(zone), endAt(zone), modeValue(),
                purpose.isBlank() ? null : purpose, weekCount());
    }

    public Long counsellorId() {
        try {
            return counsellor.isEmpty() ? null : Long.valueOf(counsellor);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public BookingMode modeValue() {
        return Arrays.stream(BookingMode.values()).filter(m -> m.name().equals(mode)).findFirst().orElse(null);
    }

    public int weekCount() {
        try {
            return Integer.parseInt(weeks);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public String languageOrNull() {
        return language.isEmpty() ? null : language;
    }

    public String specialtyOrNull() {
        return specialty.isEmpty() ? null : specialty;
    }

    public boolean chose(Object counsellorId) {
        return counsellor.equals(String.valueOf(counsellorId));
    }

    LocalDate day() {
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static LocalTime time(String value) {
        try {
            return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String key(String value) {
        return value != null && value.matches(KEY) ? value : PageText.formKey();
    }

    static String text(String value) {
        return value == null ? "" : value.strip();
    }
}

package io.greenribbon.rooms.console;

import io.greenribbon.rooms.booking.BookingRequests;
import io.greenribbon.rooms.booking.BookingView;
import io.greenribbon.rooms.booking.SlotSuggestions;
import io.greenribbon.web.FormErrors;
import io.greenribbon.web.PageText;
import jakarta.ws.rs.core.MultivaluedMap;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * Moving a booked session: a new date, start and end in the rooms' time, optionally another counsellor, and
 * why. The booking keeps its history; {@code key} is made when the form opens, so it moves once.
 */
public record RescheduleForm(String key, String date, String start, String end, String counsellor, String reason) {

    public static RescheduleForm opened(BookingView b) {
        return new RescheduleForm(PageText.formKey(), b.start().toLocalDate().toString(),
                b.start().toLocalTime().toString(), b.end().toLocalTime().toString(), String.valueOf(b.counsellorId()), "");
    }

    public static RescheduleForm of(MultivaluedMap<String, String> f) {
        return new RescheduleForm(BookingForm.key(f.getFirst("key")), BookingForm.text(f.getFirst("date")),
                BookingForm.text(f.getFirst("start")), BookingForm.text(f.getFirst("end")),
                BookingForm.text(f.getFirst("counsellor")), BookingForm.text(f.getFirst("reason")));
    }

    /** The same move to a suggested slot, as a form of its own (a new key). */
    public RescheduleForm at(SlotSuggestions.Suggestion slot) {
        return new RescheduleForm(PageText.formKey(), slot.start().toLocalDate().toString(),
                slot.start().toLocalTime().toString(), slot.end().toLocalTime().toString(), counsellor, reason);
    }

    public FormErrors check() {
        FormErrors errors = new FormErrors();
        if (day() == null) {
            errors.add("date", "book.error.date");
        }
        if (BookingForm.time(start) == null) {
            errors.add("start", "book.error.time");
        }
        if (BookingForm.time(end) == null) {
            errors.add("end", "book.error.time");
        } else if (BookingForm.time(start) != null && !BookingForm.time(end).isAfter(BookingForm.time(start))) {
            errors.add("end", "book.error.end-after-start");
        }
        if (reason.length() > 500) {
            errors.add("reason", "book.error.purpose");
        }
        return errors;
    }

    public BookingRequests.Reschedule request(ZoneId zone) {
        Long counsellorId;
        try {
            counsellorId = counsellor.isEmpty() ? null : Long.valueOf(counsellor);
        } catch (NumberFormatException e) {
            counsellorId = null;
        }
        return new BookingRequests.Reschedule(at(start, zone), at(end, zone), counsellorId,
                reason.isBlank() ? null : reason);
    }

    public boolean timesReadable() {
        return day() != null && BookingForm.time(start) != null && BookingForm.time(end) != null
                && BookingForm.time(end).isAfter(BookingForm.time(start));
    }

    public boolean chose(Object counsellorId) {
        return counsellor.equals(String.valueOf(counsellorId));
    }

    OffsetDateTime at(String time, ZoneId zone) {
        LocalTime t = BookingForm.time(time);
        return day().atTime(t).atZone(zone).toOffsetDateTime();
    }

    private LocalDate day() {
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

package io.greenribbon.rooms.console;

import io.greenribbon.problem.Messages;
import io.greenribbon.problem.ProblemException;
import io.greenribbon.rooms.booking.BookingConflicts;
import io.greenribbon.rooms.booking.SlotSuggestions;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * What the database refused, in words, with the bookings in the way, and the slots the server offers instead,
 * each with a form of its own ({@code F}: the booking form or the reschedule form at that slot).
 */
public record SlotConflict<F>(String detail, List<BookingConflicts.Collision> collisions, List<Offer<F>> offers) {

    public record Offer<F>(SlotSuggestions.Suggestion slot, F form) {
    }

    /** From a booking conflict's problem ({@code conflicts} and {@code suggestions}, as the API sends them). */
    @SuppressWarnings("unchecked")
    static <F> SlotConflict<F> of(ProblemException failure, Locale locale, Function<SlotSuggestions.Suggestion, F> formAt) {
        List<BookingConflicts.Collision> collisions =
                (List<BookingConflicts.Collision>) failure.properties().getOrDefault("conflicts", List.of());
        List<SlotSuggestions.Suggestion> slots =
                (List<SlotSuggestions.Suggestion>) failure.properties().getOrDefault("suggestions", List.of());
        return new SlotConflict<>(Messages.text(locale, failure.detailKey(), failure.detailArgs()), collisions,
                slots.stream().map(slot -> new Offer<>(slot, formAt.apply(slot))).toList());
    }
}

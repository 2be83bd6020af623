package io.greenribbon.rooms.console;

import io.greenribbon.problem.FieldError;
import io.greenribbon.problem.ProblemException;
import io.greenribbon.problem.ProblemType;
import io.greenribbon.rooms.AvailabilityService;
import io.greenribbon.rooms.Room;
import io.greenribbon.rooms.RoomsConfig;
import io.greenribbon.rooms.Span;
import io.greenribbon.rooms.booking.BookingMode;
import io.greenribbon.rooms.booking.BookingQueries;
import io.greenribbon.rooms.booking.BookingService;
import io.greenribbon.rooms.booking.BookingView;
import io.greenribbon.rooms.client.ClientService;
import io.greenribbon.web.FormErrors;
import io.greenribbon.web.PageContext;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

import java.util.Arrays;
import java.util.List;

/**
 * The booking screen's work, through the services the API uses: the counsellors free then
 * ({@link AvailabilityService}), the client by the code on their card or registered on the spot
 * ({@link ClientService}), the booking itself ({@link BookingService}, once per form key). A refusal comes back
 * as the screen to show: the fields the rules name, or what collides with which booking and the next free
 * slots for the same choice, each a form of its own.
 */
@ApplicationScoped
public class BookingDesk {

    /** The booking screen: the form, who is free then, what is wrong, what collides, a client just registered. */
    public record Screen(Room room, BookingForm form, AvailabilityService.CounsellorChoices choices, FormErrors errors,
                         SlotConflict<BookingForm> conflict, Registered registered) {

        public List<BookingMode> modes() {
            return Arrays.stream(BookingMode.values())
                    .filter(m -> m.needs() == null || room.facilities().contains(m.needs())).toList();
        }

        public int status() {
            return conflict != null ? 409 : errors.any() ? 422 : 200;
        }

        /** Where the form (and each offered slot's) is sent. */
        public String action() {
            return "/console/rooms/" + room.id + "/book";
        }
    }

    /** A client registered from the form; {@code again}: the same form sent twice, registered once. */
    public record Registered(String code, boolean again) {
    }

    /** A booking made; {@code replayed}: this form had booked it already (a double tap, a resend). */
    public record Booked(BookingView booking, boolean replayed) {
    }

    private static final AvailabilityService.CounsellorChoices NONE =
            new AvailabilityService.CounsellorChoices(List.of(), List.of());

    private final RoomWeeks rooms;
    private final AvailabilityService availability;
    private final ClientService clients;
    private final BookingService bookings;
    private final BookingQueries queries;
    private final Validator validator;
    private final PageContext page;
    private final RoomsConfig config;

    public BookingDesk(RoomWeeks rooms, AvailabilityService availability, ClientService clients,
                       BookingService bookings, BookingQueries queries, Validator validator, PageContext page,
                       RoomsConfig config) {
        this.rooms = rooms;
        this.availability = availability;
        this.clients = clients;
        this.bookings = bookings;
        this.queries = queries;
        this.validator = validator;
        this.page = page;
        this.config = config;
    }

    /** The form as it stands, with the counsellors free at its time. */
    public Uni<Screen> open(long roomId, BookingForm form) {
        return screen(roomId, form, new FormErrors(), null, null);
    }

    /** Books from the form: what was booked, or the screen again with what is wrong (422) or what collides (409). */
    public Uni<Object> book(long roomId, BookingForm form) {
        FormErrors errors = form.check(config.seriesMaxWeeks());
        if (errors.any()) {
            return screen(roomId, form, errors, null, null).map(s -> s);
        }
        return Panache.withSession(() -> rooms.keptRoom(roomId))
                .flatMap(room -> clients.findByCode(form.clientCode()))
                .flatMap(client -> bookings.create(form.request(roomId, client.id(), config.zone()), form.key()))
                .flatMap(outcome -> queries.get(outcome.resourceId()).map(view -> (Object) new Booked(view, outcome.replayed())))
                .onFailure(ProblemException.class).recoverWithUni(failure -> refused(roomId, form, (ProblemException) failure));
    }

    /** Registers a new client in the room's village (once per form) and puts their code into the form. */
    public Uni<Screen> registerClient(long roomId, BookingForm form, ClientService.Contact contact) {
        FormErrors errors = new FormErrors();
        validator.validate(contact).forEach(v -> errors.add("contact" + capitalized(v.getPropertyPath().toString()),
                "book.error.contact-" + v.getPropertyPath()));
        if (errors.any()) {
            return screen(roomId, form, errors, null, null);
        }
        return Panache.withSession(() -> rooms.keptRoom(roomId))
                .flatMap(room -> clients.register(room.divisionCode, contact, form.clientKey()))
                .flatMap(r -> screen(roomId, form.withClient(r.client().code()), new FormErrors(), null,
                        new Registered(r.client().code(), r.replayed())));
    }

    private Uni<Object> refused(long roomId, BookingForm form, ProblemException failure) {
        FormErrors errors = new FormErrors();
        if (failure.type() == ProblemType.VALIDATION) {
            failure.errors().forEach(e -> errors.add(formField(e), e.message()));
            return screen(roomId, form, errors, null, null).map(s -> s);
        }
        if (failure.type() == ProblemType.NOT_FOUND && "clients.code-not-found".equals(failure.detailKey())) {
            return screen(roomId, form, errors.add("clientCode", "book.error.client-unknown"), null, null).map(s -> s);
        }
        if (failure.type() == ProblemType.IDEMPOTENCY_KEY_REUSED) {
            BookingForm fresh = new BookingForm(BookingForm.key(null), form.clientKey(), form.date(), form.start(),
                    form.end(), form.language(), form.specialty(), form.counsellor(), form.clientCode(), form.mode(),
                    form.purpose(), form.weeks());
            return screen(roomId, fresh, errors.add("form", "book.error.form-used"), null, null).map(s -> s);
        }
        if (failure.type() == ProblemType.BOOKING_CONFLICT) {
            return screen(roomId, form, errors, SlotConflict.of(failure, page.locale(), form::at), null).map(s -> s);
        }
        return Uni.createFrom().failure(failure);
    }


    private Uni<Screen> screen(long roomId, BookingForm form, FormErrors errors, SlotConflict<BookingForm> conflict, Registered registered) {
        return Panache.withSession(() -> rooms.keptRoom(roomId).flatMap(room -> !form.timesReadable()
                ? Uni.createFrom().item(new Screen(room, form, NONE, errors, conflict, registered))
                : availability.freeCounsellors(room, new Span(form.startAt(config.zone()).toInstant(),
                                form.endAt(config.zone()).toInstant()), form.languageOrNull(), form.specialtyOrNull())
                        .map(choices -> new Screen(room, form, choices, errors, conflict, registered))));
    }

    /** The form's field for a field the booking rules name ({@code weeks[3].start} is the start, of week 3). */
    static String formField(FieldError error) {
        String field = error.field().replaceFirst("^weeks\\[\\d+]\\.", "");
        return switch (field) {
            case "counsellorId" -> "counsellor";
            case "clientId" -> "clientCode";
            case "roomId" -> "form";
            case "start", "end", "mode", "weeks", "purpose" -> field;
            default -> "form";
        };
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}

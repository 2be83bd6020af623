package io.greenribbon.rooms.console;

import io.greenribbon.problem.Messages;
import io.greenribbon.problem.ProblemException;
import io.greenribbon.problem.ProblemType;
import io.greenribbon.rooms.AvailabilityService;
import io.greenribbon.rooms.IdempotencyStore;
import io.greenribbon.rooms.RoomsConfig;
import io.greenribbon.rooms.Span;
import io.greenribbon.rooms.booking.BookingLifecycle;
import io.greenribbon.rooms.booking.BookingQueries;
import io.greenribbon.rooms.booking.BookingRequests;
import io.greenribbon.rooms.booking.BookingStep;
import io.greenribbon.rooms.booking.BookingView;
import io.greenribbon.web.FormErrors;
import io.greenribbon.web.PageContext;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * One tap on the day, through {@link BookingLifecycle} as the API takes the steps: check in, no-show,
 * complete, cancel with a reason, reschedule keeping the history. Each step's form carries a key made when
 * it opened, so a step sent twice is taken once, and the screen says it was done already; so it does when a
 * colleague took the same step meanwhile.
 */
@ApplicationScoped
public class SessionDesk {

    /** A booking with the steps it allows now, and what the last step asked for came to. */
    public record Detail(BookingView booking, Set<BookingStep> allowed, Notice notice) {

        public boolean allows(String step) {
            return BookingStep.ofPath(step).map(allowed::contains).orElse(false);
        }

        public boolean quickStep() {
            return allows("check-in") || allows("complete") || allows("no-show");
        }

        /** As a session of its room's week (the card the week shows). */
        public RoomWeek.Session session() {
            return new RoomWeek.Session(booking, allowed);
        }
    }

    /**
     * What a step came to: done now; done already ({@code already}: by this form before, or by someone
     * meanwhile, {@code by} at {@code at}); or refused, in words.
     */
    public record Notice(BookingStep step, boolean already, String by, java.time.OffsetDateTime at, String refusal) {
    }

    /** The reschedule screen: the form, who is free then, what is wrong, what collides. */
    public record Move(BookingView booking, RescheduleForm form, AvailabilityService.CounsellorChoices choices,
                       FormErrors errors, SlotConflict<RescheduleForm> conflict) {

        public int status() {
            return conflict != null ? 409 : errors.any() ? 422 : 200;
        }

        /** Where the form (and each offered slot's) is sent. */
        public String action() {
            return "/console/bookings/" + booking.id() + "/reschedule";
        }
    }

    private final BookingQueries queries;
    private final BookingLifecycle lifecycle;
    private final RoomWeeks rooms;
    private final AvailabilityService availability;
    private final PageContext page;
    private final RoomsConfig config;

    public SessionDesk(BookingQueries queries, BookingLifecycle lifecycle, RoomWeeks rooms,
                       AvailabilityService availability, PageContext page, RoomsConfig config) {
        this.queries = queries;
        this.lifecycle = lifecycle;
        this.rooms = rooms;
        this.availability = availability;
        this.page = page;
        this.config = config;
    }

    public Uni<Detail> detail(long id) {
        return detail(id, null);
    }

    /** Check in, no-show or complete. */
    public Uni<Detail> take(long id, BookingStep step, String key) {
        Uni<IdempotencyStore.Outcome> taken = switch (step) {
            case CHECK_IN -> lifecycle.checkIn(id, key);
            case COMPLETE -> lifecycle.complete(id, key);
            case NO_SHOW -> lifecycle.noShow(id, key);
            default -> throw new IllegalArgumentException(step.name());
        };
        return done(id, step, taken);
    }

    public Uni<Detail> cancel(long id, String reason, String key) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            return detail(id, new Notice(BookingStep.CANCEL, false, null, null,
                    Messages.text(page.locale(), "session.error.cancel-reason")));
        }
        return done(id, BookingStep.CANCEL, lifecycle.cancel(id, new BookingRequests.Cancel(reason.strip()), key));
    }

    /** The reschedule screen opened on the booking's present time. */
    public Uni<Move> moving(long id) {
        return queries.get(id).flatMap(b -> move(b, RescheduleForm.opened(b), new FormErrors(), null));
    }

    /** Moves the booking: its page with the notice, or the reschedule screen with what is wrong or collides. */
    public Uni<Object> reschedule(long id, RescheduleForm form) {
        FormErrors errors = form.check();
        if (errors.any()) {
            return queries.get(id).flatMap(b -> move(b, form, errors, null)).map(m -> m);
        }
        return done(id, BookingStep.RESCHEDULE, lifecycle.reschedule(id, form.request(config.zone()), form.key()))
                .map(d -> (Object) d)
                .onFailure(ProblemException.class).recoverWithUni(failure -> {
                    ProblemException p = (ProblemException) failure;
                    if (p.type() == ProblemType.VALIDATION) {
                        FormErrors found = new FormErrors();
                        p.errors().forEach(e -> found.add(switch (e.field()) {
                            case "start", "end" -> e.field();
                            case "counsellorId" -> "counsellor";
                            default -> "form";
                        }, e.message()));
                        return queries.get(id).flatMap(b -> move(b, form, found, null)).map(m -> m);
                    }
                    if (p.type() == ProblemType.BOOKING_CONFLICT) {
                        return queries.get(id).flatMap(b -> move(b, form, new FormErrors(), SlotConflict.of(p, page.locale(), form::at))).map(m -> m);
                    }
                    return Uni.createFrom().failure(p);
                });
    }

    /**
     * The booking after a step: done now, done already (the same form again, or a colleague's step that
     * left the booking where this one would), or refused in words.
     */
    private Uni<Detail> done(long id, BookingStep step, Uni<IdempotencyStore.Outcome> taken) {
        return taken.flatMap(outcome -> detail(id, null).map(d -> new Detail(d.booking(), d.allowed(),
                        outcome.replayed() ? already(d.booking(), step) : new Notice(step, false, null, null, null))))
                .onFailure(ProblemException.class).recoverWithUni(failure -> {
                    ProblemException p = (ProblemException) failure;
                    if (p.type() != ProblemType.BOOKING_STATE || step == BookingStep.RESCHEDULE) {
                        return Uni.createFrom().failure(p);
                    }
                    String refusal = Messages.text(page.locale(), p.detailKey(), p.detailArgs());
                    return detail(id, null).map(d -> new Detail(d.booking(), d.allowed(),
                            d.booking().status() == step.leadsTo() ? already(d.booking(), step)
                                    : new Notice(step, false, null, null, refusal)));
                });
    }

    /** Who took the step and when, from the booking's history. */
    private static Notice already(BookingView b, BookingStep step) {
        return b.history() == null ? new Notice(step, true, null, null, null) : b.history().stream()
                .filter(h -> h.kind() == step.records()).max(Comparator.comparing(BookingView.HistoryEntry::at))
                .map(h -> new Notice(step, true, h.actor(), h.at(), null))
                .orElse(new Notice(step, true, null, null, null));
    }

    private Uni<Detail> detail(long id, Notice notice) {
        return queries.get(id).map(b -> new Detail(b, lifecycle.allowed(b), notice));
    }

    private Uni<Move> move(BookingView b, RescheduleForm form, FormErrors errors, SlotConflict<RescheduleForm> conflict) {
        return Panache.withSession(() -> rooms.keptRoom(b.roomId()).flatMap(room -> !form.timesReadable()
                ? Uni.createFrom().item(new Move(b, form,
                withOwn(new AvailabilityService.CounsellorChoices(List.of(), List.of()), b), errors, conflict))
                : availability.freeCounsellors(room, new Span(form.at(form.start(), config.zone()).toInstant(),
                        form.at(form.end(), config.zone()).toInstant()), null, null)
                .map(choices -> new Move(b, form, withOwn(choices, b), errors, conflict))));
    }

    /** The booking's own counsellor stays a choice (their own session is no obstacle to moving it). */
    private static AvailabilityService.CounsellorChoices withOwn(AvailabilityService.CounsellorChoices choices, BookingView b) {
        if (choices.free().stream().anyMatch(c -> c.id().equals(b.counsellorId()))) {
            return choices;
        }
        List<AvailabilityService.FreeCounsellor> free = new java.util.ArrayList<>();
        free.add(new AvailabilityService.FreeCounsellor(b.counsellorId(), b.counsellorName(), List.of(), List.of()));
        free.addAll(choices.free());
        return new AvailabilityService.CounsellorChoices(free, choices.languages());
    }

}

package io.greenribbon.rooms.booking;

import io.greenribbon.problem.Failures;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greenribbon.problem.ProblemException;
import io.greenribbon.rooms.IdempotencyStore;
import io.greenribbon.rooms.IdempotencyStore.Outcome;
import io.greenribbon.rooms.RequestTexts;
import io.greenribbon.rooms.RoomsConfig;
import io.greenribbon.rooms.Span;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Books sessions: one, or a weekly series all or nothing. The rules are checked first; the database's
 * exclusion constraints then decide every race, and a refusal becomes a 409 naming what collides. With
 * an idempotency key, the answer is stored in the same transaction, so a retry never books twice.
 */
@ApplicationScoped
public class BookingService {

    private final BookingInsert insert;
    private final BookingParties parties;
    private final BookingRules rules;
    private final BookingConflicts conflicts;
    private final IdempotencyStore idempotency;
    private final RoomsConfig config;
    private final ObjectMapper json;
    private final RequestTexts texts;

    public BookingService(BookingParties parties, BookingRules rules, BookingConflicts conflicts,
                          IdempotencyStore idempotency, RoomsConfig config, ObjectMapper json, RequestTexts texts,
                          BookingInsert insert) {
        this.insert = insert;
        this.parties = parties;
        this.rules = rules;
        this.conflicts = conflicts;
        this.idempotency = idempotency;
        this.config = config;
        this.json = json;
        this.texts = texts;
    }

    public Uni<Outcome> create(BookingRequests.Create request, String idempotencyKey) {
        if (request.weekCount() > config.seriesMaxWeeks()) {
            throw ProblemException.invalid("weeks", texts.text("bookings.rule.series-weeks", config.seriesMaxWeeks()));
        }
        String actor = parties.actor().username();
        List<Span> sessions = sessions(request);
        return Uni.createFrom().deferred(() -> Panache.withTransaction(() -> idempotency.once(actor, idempotencyKey,
                        "booking.create", request, () -> book(request, sessions, actor))))
                .onFailure(BookingService::isTransient).retry().atMost(3)
                .onFailure(BookingConflicts::isOverlap).recoverWithUni(e -> conflicts.explain(e, sessions,
                        request.roomId(), request.counsellorId(), request.clientId(), null));
    }

    private Uni<Outcome> book(BookingRequests.Create request, List<Span> sessions, String actor) {
        return parties.load(request.roomId(), request.counsellorId(), request.clientId(), sessions)
                .flatMap(p -> {
                    List<BookingRules.Violation> violations = new ArrayList<>(rules.parties(p.room(), request.mode(),
                            p.counsellor()));
                    for (int i = 0; i < sessions.size(); i++) {
                        violations.addAll(rules.times(sessions.get(i), p.hours(),
                                sessions.size() == 1 ? "" : "weeks[" + (i + 1) + "]."));
                    }
                    BookingRules.requireNone(violations);
                    return persist(request, sessions, actor, p);
                });
    }

    private Uni<Outcome> persist(BookingRequests.Create request, List<Span> sessions, String actor,
                                 BookingParties.Loaded p) {
        OffsetDateTime now = rules.now().atOffset(ZoneOffset.UTC);
        Uni<BookingSeries> series = Uni.createFrom().nullItem();
        if (sessions.size() > 1) {
            BookingSeries s = new BookingSeries();
            s.weeks = sessions.size();
            s.createdBy = actor;
            s.createdAt = now;
            // Written before the bookings that refer to it.
            series = Panache.getSession().flatMap(session -> session.persist(s).call(session::flush)).replaceWith(s);
        }
        return series.flatMap(s -> {
            List<Booking> booked = new ArrayList<>();
            for (int i = 0; i < sessions.size(); i++) {
                Booking b = new Booking();
                b.roomId = p.room().id;
                b.counsellorId = p.counsellor().id;
                b.clientId = p.client().id;
                b.startsAt = sessions.get(i).start().atOffset(ZoneOffset.UTC);
                b.endsAt = sessions.get(i).end().atOffset(ZoneOffset.UTC);
                b.mode = request.mode();
                b.purpose = request.purpose() == null || request.purpose().isBlank() ? null : request.purpose().trim();
                b.seriesId = s == null ? null : s.id;
                b.seriesWeek = s == null ? null : i + 1;
                b.createdBy = actor;
                b.createdAt = now;
                b.updatedAt = now;
                booked.add(b);
            }
            // The insert is where the exclusion constraints speak.
            return insert.insert(booked, actor, now).map(v -> outcome(booked, s, p));
        });
    }

    private Outcome outcome(List<Booking> booked, BookingSeries series, BookingParties.Loaded p) {
        List<BookingView> views = booked.stream()
                .map(b -> BookingView.of(b, p.room(), p.counsellor(), p.client(), config.zone(), null)).toList();
        Object body = series == null ? views.get(0) : new BookingView.Series(series.id, series.weeks, views);
        try {
            return Outcome.of(201, json.writeValueAsString(body), booked.get(0).id);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The sessions a request asks for: the same local time every week, for the weeks asked. */
    List<Span> sessions(BookingRequests.Create request) {
        List<Span> sessions = new ArrayList<>();
        ZonedDateTime start = request.start().atZoneSameInstant(config.zone());
        ZonedDateTime end = request.end().atZoneSameInstant(config.zone());
        for (int week = 0; week < request.weekCount(); week++) {
            sessions.add(new Span(start.plusWeeks(week).toInstant(), end.plusWeeks(week).toInstant()));
        }
        return sessions;
    }

    /** Deadlocks and serialization failures between concurrent series: the whole transaction is retried. */
    static boolean isTransient(Throwable failure) {
        String state = Failures.sqlState(failure);
        return "40P01".equals(state) || "40001".equals(state);
    }
}

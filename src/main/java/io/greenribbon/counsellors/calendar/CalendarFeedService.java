package io.greenribbon.counsellors.calendar;

import io.greenribbon.access.AccessDecision;
import io.greenribbon.access.Actor;
import io.greenribbon.access.Role;
import io.greenribbon.counsellors.Counsellor;
import io.greenribbon.counsellors.CounsellorRepository;
import io.greenribbon.problem.ProblemException;
import io.greenribbon.web.LanguagePreferences;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Calendar subscriptions: a secret address per counsellor that a calendar app polls without signing in (it
 * cannot send a bearer token), as scheduling products offer ("secret address in iCal format"). The token is
 * 256 random bits; only its SHA-256 is stored, so the address is shown once, when it is made. Making a new
 * one replaces the old, which stops working at once; turning it off deletes it. Only the counsellor makes
 * their own; they, or an admin who governs them, may turn it off; supervisors and admins who may read the
 * calendar see whether one is on. The feed is the counsellor's own calendar without the entries' descriptions.
 */
@ApplicationScoped
public class CalendarFeedService {

    /** Whether a counsellor's subscription is on, since when, and when a calendar app last fetched it. */
    public record Status(Long counsellorId, boolean active, OffsetDateTime createdAt, OffsetDateTime lastFetchedAt) {
    }

    /** A subscription just made: its token, shown this once. */
    public record Created(long counsellorId, String token, OffsetDateTime createdAt) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final CalendarFeedRepository feeds;
    private final CounsellorRepository counsellors;
    private final CounsellorCalendarService calendars;
    private final LanguagePreferences languages;
    private final AccessDecision access;

    public CalendarFeedService(CalendarFeedRepository feeds, CounsellorRepository counsellors,
                               CounsellorCalendarService calendars, LanguagePreferences languages, AccessDecision access) {
        this.feeds = feeds;
        this.counsellors = counsellors;
        this.calendars = calendars;
        this.languages = languages;
        this.access = access;
    }

    @WithSession
    public Uni<Status> status(long counsellorId) {
        return readable(counsellorId).flatMap(this::status);
    }

    /** Makes (or replaces) the counsellor's own subscription. */
    @WithTransaction
    public Uni<Created> create(long counsellorId) {
        return readable(counsellorId).flatMap(c -> {
            if (!own(c)) {
                throw ProblemException.forbidden("calendar.feed.own-only");
            }
            return replace(c);
        });
    }

    /** Turns the subscription off: the counsellor, or an admin who governs them. */
    @WithTransaction
    public Uni<Status> revoke(long counsellorId) {
        return readable(counsellorId).flatMap(c -> {
            Actor actor = access.actor();
            if (!own(c) && !(actor.hasRole(Role.ADMIN) && actor.governs(c.homeDivision))) {
                throw ProblemException.forbidden("calendar.feed.own-or-admin");
            }
            return feeds.deleteById(c.id).replaceWith(new Status(c.id, false, null, null));
        });
    }

    /** The signed-in counsellor's own subscription (no pool record: a status without a counsellor). */
    @WithSession
    public Uni<Status> ownStatus() {
        return counsellors.findByUsername(access.actor().username()).flatMap(c -> c == null
                ? Uni.createFrom().item(new Status(null, false, null, null)) : status(c));
    }

    @WithTransaction
    public Uni<Created> createOwn() {
        return ownCounsellor().flatMap(this::replace);
    }

    @WithTransaction
    public Uni<Status> revokeOwn() {
        return ownCounsellor().flatMap(c -> feeds.deleteById(c.id).replaceWith(new Status(c.id, false, null, null)));
    }

    /**
     * The calendar behind a token, in the counsellor's console language; not found for a token that is not
     * (or no longer) anyone's. Records when it was fetched.
     */
    public Uni<String> feed(String token) {
        String hash = hash(token);
        return Panache.withTransaction(() -> feeds.findByTokenHash(hash)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("calendar.feed.not-found"))
                .flatMap(feed -> {
                    feed.lastFetchedAt = OffsetDateTime.now(ZoneOffset.UTC);
                    return counsellors.findById(feed.counsellorId);
                })
                .flatMap(c -> (c.username == null ? Uni.createFrom().item(io.greenribbon.problem.Messages.DEFAULT)
                        : languages.stored(c.username)).flatMap(locale -> calendars.subscription(c, locale))));
    }

    private Uni<Status> status(Counsellor c) {
        return feeds.findById(c.id).map(f -> f == null ? new Status(c.id, false, null, null)
                : new Status(c.id, true, f.createdAt, f.lastFetchedAt));
    }

    private Uni<Created> replace(Counsellor c) {
        String token = newToken();
        return feeds.deleteById(c.id).call(deleted -> feeds.flush()).flatMap(deleted -> {
            CalendarFeed feed = new CalendarFeed();
            feed.counsellorId = c.id;
            feed.tokenHash = hash(token);
            feed.createdBy = access.actor().username();
            feed.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
            return feeds.persistAndFlush(feed).map(saved -> new Created(c.id, token, saved.createdAt));
        });
    }

    /** A counsellor whose calendar the account may read; not found otherwise (existence stays hidden). */
    private Uni<Counsellor> readable(long id) {
        return counsellors.findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("counsellor.not-found", id))
                .invoke(c -> {
                    if (!CounsellorCalendarService.mayRead(access.actor(), c)) {
                        throw ProblemException.notFound("counsellor.not-found", id);
                    }
                });
    }

    private Uni<Counsellor> ownCounsellor() {
        return counsellors.findByUsername(access.actor().username())
                .onItem().ifNull().failWith(() -> ProblemException.notFound("calendar.feed.no-pool-record"));
    }

    private boolean own(Counsellor c) {
        return c.username != null && c.username.equals(access.actor().username());
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The stored form of a token: its SHA-256 (the token has 256 random bits, so no key is needed). */
    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.greenribbon.hotline.presence;

import io.greenribbon.access.Actor;
import io.greenribbon.hotline.HotlineConfig;
import io.greenribbon.hotline.HotlineProblems;
import io.greenribbon.hotline.contacts.CallLedger;
import io.greenribbon.hotline.wallboard.WallboardFeed;
import io.greenribbon.problem.Failures;
import io.greenribbon.problem.ProblemException;
import io.greenribbon.problem.ProblemType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The counsellors' presence on the line, as they set it (sign in, pause, sign out) and as calls change it
 * (a missed ring pauses, a finished call starts wrap-up). Each change commits first and is then pushed to
 * Asterisk's queues; the database is the authority.
 */
@ApplicationScoped
public class PresenceService {

    /** Who changed a presence when no person did. */
    public static final String SERVICE_ACTOR = "service";

    private final PresenceRepository presences;
    private final ShiftAuthority shifts;
    private final MemberTargets targets;
    private final MemberSync sync;
    private final WallboardFeed wallboard;
    private final HotlineConfig config;
    private final CallLedger contacts;

    public PresenceService(PresenceRepository presences, ShiftAuthority shifts, MemberTargets targets,
                           MemberSync sync, WallboardFeed wallboard, HotlineConfig config, CallLedger contacts) {
        this.contacts = contacts;
        this.wallboard = wallboard;
        this.presences = presences;
        this.shifts = shifts;
        this.targets = targets;
        this.sync = sync;
        this.config = config;
    }

    /** A change that committed, with the queues the counsellor leaves, to push to Asterisk. */
    record Changed(Presence presence, List<String> leaving) {
    }

    public Uni<PresenceView> mine(Actor actor) {
        return Panache.withSession(() -> presences.findById(actor.username())).map(p -> {
            Presence presence = p != null ? p : offline(actor);
            return PresenceView.of(presence, targets.of(presence), null);
        });
    }

    /** The counsellor's own request: available, paused with a reason, or offline. */
    public Uni<PresenceView> change(Actor actor, PresenceRequest request) {
        String extension = actor.extension();
        if (actor.division() == null) {
            return Uni.createFrom().failure(ProblemException.forbidden("problem.forbidden.no-division"));
        }
        if (extension == null || extension.isBlank()) {
            return Uni.createFrom().failure(ProblemException.conflict("hotline.presence.no-extension"));
        }
        if (request.state() == PresenceState.WRAP_UP) {
            return Uni.createFrom().failure(HotlineProblems.invalid("state", "hotline.presence.wrap-up-is-automatic"));
        }
        if (request.state() == PresenceState.PAUSED && request.reason() == null) {
            return Uni.createFrom().failure(HotlineProblems.invalid("reason", "hotline.presence.reason-required"));
        }
        return Panache.withTransaction(() -> presences.findForUpdate(actor.username())
                        .flatMap(existing -> transition(actor, existing, request)))
                .onFailure(e -> "23505".equals(Failures.sqlState(e)))
                .transform(e -> ProblemException.conflict("hotline.presence.extension-taken", extension))
                .chain(changed -> push(changed)
                        .map(synced -> PresenceView.of(changed.presence(), targets.of(changed.presence()), synced)));
    }

    private Uni<Changed> transition(Actor actor, Presence existing, PresenceRequest request) {
        boolean create = existing == null;
        Presence p = create ? offline(actor) : existing;
        if (p.state != PresenceState.OFFLINE && !p.extension.equals(actor.extension())) {
            throw ProblemException.conflict("hotline.presence.extension-changed", p.extension);
        }
        List<String> before = p.queueDivision == null ? List.of() : targets.queuesOf(p.queueDivision);
        Instant now = Instant.now();
        Uni<Optional<String>> line = request.state() == PresenceState.OFFLINE
                ? Uni.createFrom().item(Optional.empty()) : shifts.lineFor(actor.username(), now);
        return line.flatMap(shiftLine -> {
            switch (request.state()) {
                case OFFLINE -> p.queueDivision = null;
                case AVAILABLE -> p.queueDivision = shiftLine.orElseThrow(() ->
                        new ProblemException(ProblemType.NOT_ON_SHIFT, "hotline.presence.not-on-shift"));
                case PAUSED -> p.queueDivision = shiftLine.or(() -> homeLine(actor.division())).orElseThrow(() ->
                        ProblemException.conflict("hotline.presence.no-line"));
                default -> throw new IllegalStateException();
            }
            if (p.state == PresenceState.OFFLINE && request.state() != PresenceState.OFFLINE) {
                p.extension = actor.extension();
                p.signedInAt = at(now);
            }
            p.divisionCode = actor.division();
            Uni<?> wrapUpOver = wrapUpOver(p, now);
            set(p, request.state(), request.state() == PresenceState.PAUSED ? request.reason() : null, now);
            List<String> after = p.queueDivision == null ? List.of() : targets.queuesOf(p.queueDivision);
            List<String> leaving = before.stream().filter(q -> !after.contains(q)).toList();
            Uni<Presence> saved = create ? presences.persist(p) : Uni.createFrom().item(p);
            return saved.call(() -> wrapUpOver).call(presences::flush)
                    .call(s -> presences.log(s.username, s.state, s.pauseReason, actor.username()))
                    .map(s -> new Changed(s, leaving));
        });
    }

    /** Pushes committed changes to Asterisk; true when Asterisk holds them now. */
    Uni<Boolean> push(Changed changed) {
        wallboard.touch();
        return sync.apply(targets.of(changed.presence()), changed.leaving());
    }

    /** Pushes without waiting (event handlers must not wait for Asterisk). */
    void pushLater(Changed changed) {
        if (changed != null) {
            push(changed).subscribe().with(ignored -> { }, ignored -> { });
        }
    }

    /**
     * A counsellor's phone rang and was not answered (or was busy): pause with reason "missed", so the
     * next call does not ring an empty desk. A counsellor already paused or in wrap-up stays as it is.
     */
    public Uni<Void> missed(String username) {
        return Panache.withTransaction(() -> presences.findForUpdate(username).flatMap(p -> {
            if (p == null || p.state != PresenceState.AVAILABLE) {
                return Uni.createFrom().nullItem();
            }
            set(p, PresenceState.PAUSED, config.missedReason(), Instant.now());
            return presences.log(username, p.state, p.pauseReason, SERVICE_ACTOR).replaceWith(new Changed(p, List.of()));
        })).invoke(this::pushLater).replaceWithVoid();
    }

    /** A counsellor took a call: it is busy with that contact until the call ends. */
    public Uni<Void> inCall(String username, long contactId) {
        return Panache.withTransaction(() -> presences.findForUpdate(username).invoke(p -> {
            if (p != null && p.state != PresenceState.OFFLINE) {
                p.inCallContactId = contactId;
            }
        })).replaceWithVoid();
    }

    /**
     * A counsellor's call ended: wrap-up until the contact form is saved or the wrap-up time runs out. A
     * counsellor who paused (or signed out) during the call keeps that state.
     */
    public Uni<Void> callEnded(String username, long contactId) {
        return Panache.withTransaction(() -> presences.findForUpdate(username).flatMap(p -> {
            if (p == null || p.inCallContactId == null && p.state != PresenceState.AVAILABLE) {
                return Uni.createFrom().nullItem();
            }
            if (p.inCallContactId != null && p.inCallContactId != contactId) {
                return Uni.createFrom().nullItem();
            }
            p.inCallContactId = null;
            Instant now = Instant.now();
            if (p.state != PresenceState.AVAILABLE) {
                // Paused or signed out during the call: no wrap-up follows it.
                return contacts.wrapUpEnded(contactId, now, Duration.ZERO).replaceWith((Changed) null);
            }
            set(p, PresenceState.WRAP_UP, null, now);
            p.wrapUpUntil = at(now.plus(config.wrapUp()));
            p.wrapUpContactId = contactId;
            return presences.log(username, p.state, null, SERVICE_ACTOR).replaceWith(new Changed(p, List.of()));
        })).invoke(this::pushLater).replaceWithVoid();
    }

    /** The contact form of the counsellor's last call was saved: wrap-up ends now. */
    public Uni<Void> formSaved(String username, long contactId) {
        return Panache.withTransaction(() -> presences.findForUpdate(username).flatMap(p -> {
            if (p == null || p.state != PresenceState.WRAP_UP || p.wrapUpContactId == null
                    || p.wrapUpContactId != contactId) {
                return Uni.createFrom().<Changed>nullItem();
            }
            return endWrapUp(p);
        })).invoke(this::pushLater).replaceWithVoid();
    }

    /** Ends the wrap-ups that ran out (any replica; rows another replica holds are skipped). */
    public Uni<Integer> endExpiredWrapUps() {
        return Panache.withTransaction(() -> presences.findExpiredWrapUps(at(Instant.now()), 100)
                .flatMap(expired -> {
                    Uni<List<Changed>> all = Uni.createFrom().item(new java.util.ArrayList<>());
                    for (Presence p : expired) {
                        all = all.call(list -> endWrapUp(p).invoke(list::add));
                    }
                    return all;
                })).invoke(list -> list.forEach(this::pushLater)).map(List::size);
    }

    /**
     * Asterisk reports a member's pause state. When it differs from the service's, Asterisk's own
     * Auto-Pause after a missed ring becomes "paused, missed"; anything else (someone at the Asterisk
     * console, a stale command) is put back as the service has it.
     */
    public Uni<Void> pauseSeen(String username, boolean paused, String reason) {
        return Panache.withSession(() -> presences.findById(username)).chain(p -> {
            if (p == null || p.state == PresenceState.OFFLINE) {
                return Uni.createFrom().voidItem();
            }
            MemberTarget target = targets.of(p);
            String seen = reason == null ? "" : reason;
            if (target.paused() == paused && (!paused || target.reason().equals(seen))) {
                return Uni.createFrom().voidItem();
            }
            if (paused && config.asteriskAutoPauseReason().equalsIgnoreCase(seen)) {
                return missed(username).chain(() -> reassert(username));
            }
            pushLater(new Changed(p, List.of()));
            return Uni.createFrom().voidItem();
        });
    }

    /**
     * Places one counsellor in this deployment's PBX's queues as the database has them, and takes them out of
     * {@code leaving} there: another deployment changed their presence ({@link PresenceRelay}). Completes once
     * the PBX holds it.
     */
    Uni<Void> placeHere(String username, List<String> leaving) {
        return Panache.withSession(() -> presences.findById(username)).chain(p -> p == null
                ? Uni.createFrom().voidItem()
                : sync.applyHere(targets.of(p), leaving).replaceWithVoid());
    }

    /** Pushes the service's state of one counsellor to Asterisk again. */
    public Uni<Void> reassert(String username) {
        return Panache.withSession(() -> presences.findById(username)).invoke(p -> {
            if (p != null) {
                pushLater(new Changed(p, List.of()));
            }
        }).replaceWithVoid();
    }

    /** What Asterisk's queues should hold now: every signed-in counsellor's target. */
    public Uni<List<MemberTarget>> desiredMembership() {
        return Panache.withSession(presences::findSignedIn).map(list -> list.stream().map(targets::of).toList());
    }

    private Uni<Changed> endWrapUp(Presence p) {
        Instant now = Instant.now();
        Uni<?> wrapUpOver = wrapUpOver(p, now);
        return wrapUpOver.chain(() -> shifts.lineFor(p.username, now)).flatMap(line -> {
            if (line.isPresent()) {
                set(p, PresenceState.AVAILABLE, null, now);
            } else {
                set(p, PresenceState.PAUSED, "shift-ended", now);
            }
            return presences.log(p.username, p.state, p.pauseReason, SERVICE_ACTOR).replaceWith(new Changed(p, List.of()));
        });
    }

    /**
     * What records that the counsellor's wrap-up ends now, if it is in one: the contact's after-call work
     * lasted from the wrap-up's start (on this clock) until now. Nothing when not in wrap-up.
     */
    private Uni<?> wrapUpOver(Presence p, Instant now) {
        if (p.state != PresenceState.WRAP_UP || p.wrapUpContactId == null || p.stateSince == null) {
            return Uni.createFrom().voidItem();
        }
        long contactId = p.wrapUpContactId;
        Duration wrapUp = Duration.between(p.stateSince.toInstant(), now);
        return contacts.wrapUpEnded(contactId, now, wrapUp);
    }

    private static void set(Presence p, PresenceState state, String reason, Instant now) {
        if (p.state != state || !java.util.Objects.equals(p.pauseReason, reason)) {
            p.stateSince = at(now);
        }
        p.state = state;
        p.pauseReason = state == PresenceState.PAUSED ? reason : null;
        if (state != PresenceState.WRAP_UP) {
            p.wrapUpUntil = null;
            p.wrapUpContactId = null;
        }
        if (state == PresenceState.OFFLINE) {
            p.inCallContactId = null;
            p.signedInAt = null;
        }
    }

    private static Presence offline(Actor actor) {
        Presence p = new Presence();
        p.username = actor.username();
        p.extension = actor.extension() != null ? actor.extension() : "";
        p.divisionCode = actor.division();
        p.state = PresenceState.OFFLINE;
        p.stateSince = at(Instant.now());
        return p;
    }

    /** The line a counsellor signed in paused serves until a shift says otherwise: its own county's. */
    private static Optional<String> homeLine(String division) {
        return division == null || division.length() < 4 ? Optional.empty()
                : Optional.of(division.substring(0, Math.min(6, division.length())));
    }

    static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}

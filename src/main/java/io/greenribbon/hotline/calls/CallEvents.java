package io.greenribbon.hotline.calls;

import io.greenribbon.console.Audience;
import io.greenribbon.console.ConsoleBroadcaster;
import io.greenribbon.hotline.HotlineConfig;
import io.greenribbon.hotline.callbacks.CallbackLedger;
import io.greenribbon.hotline.contacts.AnsweredVia;
import io.greenribbon.hotline.contacts.CallLedger;
import io.greenribbon.hotline.contacts.NewContact;
import io.greenribbon.hotline.lines.LineDirectory;
import io.greenribbon.hotline.presence.MemberTargets;
import io.greenribbon.hotline.presence.Presence;
import io.greenribbon.hotline.presence.PresenceRepository;
import io.greenribbon.hotline.presence.PresenceService;
import io.greenribbon.telephony.PbxEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * Turns the PBX's call events into contact records and presence changes. Every handler is one short
 * transaction and safe to replay; presence changes that follow a call event commit on their own after it.
 */
@ApplicationScoped
public class CallEvents {

    /** The console topic that tells a counsellor the contact of the call it just answered. */
    public static final String CALL_TOPIC = "hotline.call";

    private final CallLedger ledger;
    private final CallbackLedger callbacks;
    private final LineDirectory lines;
    private final PresenceRepository presences;
    private final PresenceService presence;
    private final MemberTargets targets;
    private final CallerIdentity identity;
    private final ConsoleBroadcaster consoles;
    private final HotlineConfig config;

    public CallEvents(CallLedger ledger, CallbackLedger callbacks, LineDirectory lines, PresenceRepository presences,
                      PresenceService presence, MemberTargets targets, CallerIdentity identity,
                      ConsoleBroadcaster consoles, HotlineConfig config) {
        this.identity = identity;
        this.consoles = consoles;
        this.ledger = ledger;
        this.callbacks = callbacks;
        this.lines = lines;
        this.presences = presences;
        this.presence = presence;
        this.targets = targets;
        this.config = config;
    }

    /** A caller joined a hotline queue; a call the service never routed (fail-open) gets its contact now. */
    public Uni<Void> joined(PbxEvent.CallerJoinedQueue e) {
        if (!targets.isHotlineQueue(e.queue())) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withTransaction(() -> ensureContact(e.uniqueId(), e.linkedId(), e.queue(), e.timestamp())
                .call(() -> ledger.queued(e.uniqueId(), e.timestamp()))
                .call(() -> ledger.timeline(e.uniqueId(), "QUEUED", e.timestamp(), e.queue(), null,
                        "position " + e.position()))).replaceWithVoid();
    }

    public Uni<Void> ringing(PbxEvent.MemberRinging e) {
        return Panache.withTransaction(() -> ledger.timeline(e.uniqueId(), "RINGING", e.timestamp(), e.queue(),
                e.memberName(), null)).replaceWithVoid();
    }

    /** A counsellor's phone rang out or was busy: the call moves on, the counsellor is paused "missed". */
    public Uni<Void> ringNoAnswer(PbxEvent.MemberRingNoAnswer e) {
        return Panache.withTransaction(() -> ledger.timeline(e.uniqueId(), "MISSED", e.timestamp(), e.queue(),
                        e.memberName(), "ring " + e.ringTime().toMillis() + " ms")
                .call(fresh -> fresh ? ledger.missed(e.uniqueId()) : Uni.createFrom().voidItem()))
                .chain(() -> presence.missed(e.memberName()));
    }

    public Uni<Void> connected(PbxEvent.MemberConnected e) {
        if (!targets.isHotlineQueue(e.queue())) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withTransaction(() -> ensureContact(e.uniqueId(), e.linkedId(), e.queue(), e.timestamp())
                        .flatMap(ref -> presences.findById(e.memberName()).flatMap(counsellor -> {
                            AnsweredVia via = e.queue().equals(ref.tier1Queue()) ? AnsweredVia.TIER1 : AnsweredVia.TIER2;
                            return ledger.answered(e.uniqueId(), e.timestamp(), via, e.queue(), e.ringTime(),
                                            e.memberName(), counsellor == null ? null : counsellor.divisionCode)
                                    .call(() -> ledger.timeline(e.uniqueId(), "CONNECTED", e.timestamp(), e.queue(),
                                            e.memberName(), "hold " + e.holdTime().toSeconds() + " s"))
                                    .replaceWith(ref.id());
                        })))
                .chain(id -> presence.inCall(e.memberName(), id).chain(() -> announce(e.memberName(), id)));
    }

    /**
     * Tells the counsellor's console which contact it is now talking on (ids only): the console then asks
     * who is calling ({@code GET /api/hotline/contacts/{id}/caller}), where access is decided.
     */
    private Uni<Void> announce(String username, long contactId) {
        return consoles.publish(CALL_TOPIC, java.util.Map.of("contactId", contactId),
                Audience.users(java.util.Set.of(username)));
    }

    /** The conversation with a queue member ended: talk time; the counsellor goes into wrap-up. */
    public Uni<Void> completed(PbxEvent.MemberCompleted e) {
        if (!targets.isHotlineQueue(e.queue())) {
            return Uni.createFrom().voidItem();
        }
        boolean transfer = e.reason() == PbxEvent.CompletionReason.TRANSFER;
        return Panache.withTransaction(() -> ledger.completed(e.uniqueId(), e.talkTime(), transfer)
                        .call(() -> ledger.timeline(e.uniqueId(), "COMPLETED", e.timestamp(), e.queue(), e.memberName(),
                                e.reason().name().toLowerCase()))
                        .chain(() -> ledger.find(e.uniqueId())))
                .chain(ref -> ref.isPresent() ? presence.callEnded(e.memberName(), ref.get().id())
                        : Uni.createFrom().voidItem());
    }

    /**
     * The caller left a queue unanswered. app_queue reports it as an abandon whether the caller hung up or
     * the tier's wait ran out or the tier emptied (transcript 10d), and the call may still be answered in the
     * next tier or by the backup line: only the timeline notes it. What became of the call is decided when
     * the caller's channel is gone ({@link #hungUp}).
     */
    public Uni<Void> leftQueue(PbxEvent.CallerAbandoned e) {
        return Panache.withTransaction(() -> ledger.timeline(e.uniqueId(), "LEFT_QUEUE", e.timestamp(), e.queue(), null,
                "hold " + e.holdTime().toSeconds() + " s")).replaceWithVoid();
    }

    public Uni<Void> transferred(PbxEvent.CallTransferred e) {
        if (!e.success()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withTransaction(() -> ledger.transferred(e.uniqueId())
                .call(() -> ledger.timeline(e.uniqueId(), "TRANSFERRED", e.timestamp(), null, null,
                        e.context() + "," + e.extension()))).replaceWithVoid();
    }

    /** The dialplan's own Dial: to the caller's own counsellor, or to the provincial backup line. */
    public Uni<Void> dialStarted(PbxEvent.DialStarted e) {
        return Panache.withTransaction(() -> ledger.find(e.uniqueId()).flatMap(ref -> {
            if (ref.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return destination(e.destChannel(), e.dialString()).flatMap(dest -> ledger.timeline(e.uniqueId(),
                            dest.counsellor() != null ? "PREFERRED_DIAL" : dest.backup() ? "BACKUP_DIAL" : "DIAL",
                            e.timestamp(), null, dest.counsellor(), e.dialString())
                    // The caller's own counsellor's phone, or the backup line when no tier took the call: the
                    // call is put through (offered), as a queue puts it through.
                    .call(() -> dest.counsellor() != null || dest.backup() ? ledger.queued(e.uniqueId(), e.timestamp())
                            : Uni.createFrom().voidItem())).replaceWithVoid();
        }));
    }

    public Uni<Void> dialResult(PbxEvent.DialResult e) {
        return Panache.withTransaction(() -> ledger.find(e.uniqueId()).flatMap(ref -> {
                    if (ref.isEmpty()) {
                        return Uni.createFrom().<Dialled>nullItem();
                    }
                    return destinationOfChannel(e.uniqueId(), e.destChannel()).flatMap(dest -> {
                        if (dest.counsellor() == null && !dest.backup()) {
                            return Uni.createFrom().<Dialled>nullItem();
                        }
                        Uni<?> recorded = e.answered()
                                ? ledger.answered(e.uniqueId(), e.timestamp(),
                                        dest.counsellor() != null ? AnsweredVia.PREFERRED : AnsweredVia.BACKUP, null,
                                        null, dest.counsellor(), dest.counsellorDivision())
                                : ledger.timeline(e.uniqueId(), (dest.backup() ? "BACKUP_" : "DIAL_") + e.dialStatus(),
                                        e.timestamp(), null, dest.counsellor(), e.destChannel());
                        return recorded.replaceWith(new Dialled(ref.get().id(), dest.counsellor(), e.answered(),
                                "NOANSWER".equals(e.dialStatus()) || "BUSY".equals(e.dialStatus())));
                    });
                }))
                .chain(d -> {
                    if (d == null || d.counsellor() == null) {
                        return Uni.createFrom().voidItem();
                    }
                    return d.answered() ? presence.inCall(d.counsellor(), d.contactId())
                            .chain(() -> announce(d.counsellor(), d.contactId()))
                            : d.missed() ? presence.missed(d.counsellor()) : Uni.createFrom().voidItem();
                });
    }

    /**
     * A channel is gone. When it is a caller's, the contact closes, the counsellor goes into wrap-up, and a
     * caller nobody answered is put on the callback list.
     */
    public Uni<Void> hungUp(PbxEvent.ChannelHungUp e) {
        return Panache.withTransaction(() -> ledger.find(e.uniqueId()).flatMap(ref -> {
                    if (ref.isEmpty()) {
                        return Uni.createFrom().<CallLedger.CallRef>nullItem();
                    }
                    return ledger.close(e.uniqueId(), e.timestamp(), false, config.shortAbandon())
                            .call(() -> ledger.timeline(e.uniqueId(), "HANGUP", e.timestamp(), null, null,
                                    "cause " + e.cause()))
                            .call(() -> callbacks.openFor(ref.get().id()))
                            .chain(() -> ledger.find(e.uniqueId())).map(Optional::orElseThrow);
                }))
                .chain(ref -> ref == null || ref.counsellorUsername() == null ? Uni.createFrom().voidItem()
                        : presence.callEnded(ref.counsellorUsername(), ref.id()));
    }

    /** A call detail record: fills in the caller of a contact the service only knew from queue events. */
    public Uni<Void> cdr(PbxEvent.CdrRecorded e) {
        return identity.of(e.source()).map(id -> Panache.withTransaction(() ->
                        ledger.identifyCaller(e.uniqueId(), id.key(), id.sealedNumber())).replaceWithVoid())
                .orElseGet(() -> Uni.createFrom().voidItem());
    }

    private record Dialled(long contactId, String counsellor, boolean answered, boolean missed) {
    }

    /** Where a Dial went: a counsellor's phone (which account), the backup line, or elsewhere. */
    private record Destination(String counsellor, String counsellorDivision, boolean backup) {
    }

    /**
     * Where a Dial goes. A phone is known by the channel Asterisk created for it: the DialString of the
     * dialplan's {@code Dial(PJSIP/counselor1)} is only {@code counselor1} (transcripts 06a, 08a). A number
     * through a trunk ({@code <number>@carrier}) is the provincial backup line: the hotline flow dials out
     * only there, and the number is the line's own backup number or, when the service did not route the
     * call, the dialplan's default one (transcripts 10a, 10b).
     */
    private Uni<Destination> destination(String destChannel, String dialString) {
        if (dialString != null && dialString.contains("@")) {
            return Uni.createFrom().item(new Destination(null, null, true));
        }
        return counsellorBehind(destChannel).map(c -> c.orElse(new Destination(null, null, false)));
    }

    /**
     * Where the channel of a Dial's result leads: a counsellor's phone, or (when the call's backup Dial
     * started) the backup line through the carrier trunk.
     */
    private Uni<Destination> destinationOfChannel(String uniqueId, String channel) {
        return counsellorBehind(channel).flatMap(c -> c.isPresent() ? Uni.createFrom().item(c.get())
                : ledger.hasEvent(uniqueId, "BACKUP_DIAL").map(backup -> new Destination(null, null, backup)));
    }

    private Uni<Optional<Destination>> counsellorBehind(String interfaceOrChannel) {
        Optional<String> extension = targets.extensionOf(interfaceOrChannel);
        if (extension.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return presences.findByExtension(extension.get()).map((Presence p) -> Optional.ofNullable(p)
                .map(found -> new Destination(found.username, found.divisionCode, false)));
    }

    /** The contact of a channel; a call that reached a queue without the route script gets one here. */
    private Uni<CallLedger.CallRef> ensureContact(String uniqueId, String linkedId, String queue,
                                                   java.time.Instant at) {
        return ledger.find(uniqueId).flatMap(found -> {
            if (found.isPresent()) {
                return Uni.createFrom().item(found.get());
            }
            NewContact contact = FailOpenContact.inQueue(lines, queue, uniqueId, linkedId, Optional.empty(), at)
                    .orElseThrow();
            return ledger.open(contact).chain(() -> ledger.find(uniqueId)).map(Optional::orElseThrow);
        });
    }
}

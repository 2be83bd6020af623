package io.greenribbon.hotline.calls;

import io.greenribbon.hotline.Blocking;
import io.greenribbon.hotline.callbacks.CallbackEvents;
import io.greenribbon.hotline.presence.PresenceService;
import io.greenribbon.hotline.wallboard.WallboardFeed;
import io.greenribbon.telephony.PbxEvent;
import io.greenribbon.telephony.PbxEventListener;
import io.greenribbon.telephony.journal.EventJournal;
import io.greenribbon.telephony.journal.EventLane;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.function.Supplier;

/**
 * The hotline's ear on the PBX: each event becomes contact and presence changes (on the dispatcher's one
 * thread, in Asterisk's order, on the leading replica only). A link coming up starts a reconciliation.
 * Events the database does not take (it is down) are held in the journal's lane {@value #LANE} and written,
 * in order, when it is back; a reconciliation follows once they all are.
 */
@ApplicationScoped
public class HotlineEventListener implements PbxEventListener {

    /** The journal lane of the hotline's call events. */
    public static final String LANE = "hotline";

    private final CallEvents calls;
    private final CallbackEvents callbacks;
    private final PresenceService presence;
    private final Reconciler reconciler;
    private final WallboardFeed wallboard;
    private final CdrCopies cdrCopies;
    private final EventJournal journal;

    public HotlineEventListener(CallEvents calls, CallbackEvents callbacks, PresenceService presence,
                                Reconciler reconciler, WallboardFeed wallboard, CdrCopies cdrCopies,
                                EventJournal journal) {
        this.calls = calls;
        this.callbacks = callbacks;
        this.presence = presence;
        this.reconciler = reconciler;
        this.wallboard = wallboard;
        this.cdrCopies = cdrCopies;
        this.journal = journal;
    }

    /** Opens the lane at start (after the lines are loaded): what a previous process held is written now. */
    void open(@Observes StartupEvent event) {
        lane();
    }

    private EventLane lane() {
        return journal.lane(LANE, this::record, reconciler::schedule);
    }

    @Override
    public void on(PbxEvent event) {
        if (event instanceof PbxEvent.PbxLinkUp up) {
            reconciler.linkUp(up.pbxRestarted());
            return;
        }
        if (event instanceof PbxEvent.PbxLinkDown) {
            reconciler.linkDown();
            return;
        }
        if (handlerFor(event) != null) {
            lane().deliver(event);
        }
    }

    /** Writes one event's consequences; throws when the database did not take them. */
    private void record(PbxEvent event) {
        Supplier<Uni<Void>> handler = handlerFor(event);
        if (handler != null) {
            Blocking.await(handler);
            wallboard.touch();
        }
    }

    private Supplier<Uni<Void>> handlerFor(PbxEvent event) {
        if (event instanceof PbxEvent.CallerJoinedQueue e) {
            return () -> calls.joined(e);
        } else if (event instanceof PbxEvent.MemberRinging e) {
            return () -> calls.ringing(e);
        } else if (event instanceof PbxEvent.MemberRingNoAnswer e) {
            return () -> calls.ringNoAnswer(e);
        } else if (event instanceof PbxEvent.MemberConnected e) {
            return () -> calls.connected(e);
        } else if (event instanceof PbxEvent.MemberCompleted e) {
            return () -> calls.completed(e);
        } else if (event instanceof PbxEvent.CallerAbandoned e) {
            return () -> calls.leftQueue(e);
        } else if (event instanceof PbxEvent.CallTransferred e) {
            return () -> calls.transferred(e);
        } else if (event instanceof PbxEvent.DialStarted e) {
            return () -> calls.dialStarted(e);
        } else if (event instanceof PbxEvent.DialResult e) {
            return () -> calls.dialResult(e).chain(() -> callbacks.dialResult(e));
        } else if (event instanceof PbxEvent.ChannelHungUp e) {
            return () -> calls.hungUp(e).chain(() -> callbacks.hungUp(e));
        } else if (event instanceof PbxEvent.CdrRecorded e) {
            return () -> calls.cdr(e).chain(() -> cdrCopies.keep(e));
        } else if (event instanceof PbxEvent.OriginateResult e) {
            return () -> callbacks.originateResult(e);
        } else if (event instanceof PbxEvent.MemberPauseChanged e) {
            return () -> presence.pauseSeen(e.memberName(), e.paused(), e.reason());
        }
        return null;
    }
}

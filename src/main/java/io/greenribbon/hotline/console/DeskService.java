package io.greenribbon.hotline.console;

import io.greenribbon.access.Actor;
import io.greenribbon.hotline.OnContext;
import io.greenribbon.hotline.presence.MemberTargets;
import io.greenribbon.hotline.presence.PresenceRequest;
import io.greenribbon.hotline.presence.PresenceService;
import io.greenribbon.hotline.presence.PresenceView;
import io.greenribbon.hotline.presence.ShiftAuthority;
import io.greenribbon.telephony.Pbx;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What the counsellor's desk shows of their presence, from the presence service, the roster and the PBX. */
@ApplicationScoped
public class DeskService {

    private static final Logger LOG = Logger.getLogger(DeskService.class);
    /** The desk does not wait longer than this for the PBX's own view: it shows "unknown" instead. */
    private static final Duration PBX_WAIT = Duration.ofSeconds(2);

    private final PresenceService presence;
    private final ShiftAuthority shifts;
    private final MemberTargets targets;
    private final Pbx pbx;

    public DeskService(PresenceService presence, ShiftAuthority shifts, MemberTargets targets, Pbx pbx) {
        this.presence = presence;
        this.shifts = shifts;
        this.targets = targets;
        this.pbx = pbx;
    }

    public Uni<PresenceView> presence(Actor actor) {
        return presence.mine(actor);
    }

    public Uni<PresencePanel> panel(Actor actor) {
        return presence.mine(actor).chain(view -> panel(actor, view));
    }

    public Uni<PresencePanel> change(Actor actor, PresenceRequest request) {
        // The change completes once the PBX has it, on the PBX's threads: back to the request's context first.
        return presence.change(actor, request).plug(OnContext.resume()).chain(view -> panel(actor, view));
    }

    private Uni<PresencePanel> panel(Actor actor, PresenceView view) {
        return Panache.withSession(() -> shifts.standing(actor.username(), Instant.now()))
                .chain(standing -> pbxView(actor).map(members -> new PresencePanel(view, standing.orElse(null), members)));
    }

    /** The queue memberships of the counsellor's phone as the PBX reports them, or null when it cannot say. */
    private Uni<List<Pbx.QueueMemberState>> pbxView(Actor actor) {
        if (actor.extension() == null || !pbx.linkUp()) {
            return Uni.createFrom().nullItem();
        }
        String member = targets.memberInterface(actor.extension());
        return pbx.queueStatus()
                .map(queues -> queues.stream().flatMap(q -> q.members().stream())
                        .filter(m -> m.memberInterface().equalsIgnoreCase(member)).toList())
                .ifNoItem().after(PBX_WAIT).fail()
                .onFailure().recoverWithItem(failure -> {
                    LOG.debugf("PBX view of %s unavailable: %s", actor.username(), failure.getMessage());
                    return null;
                })
                .plug(OnContext.resume());
    }
}

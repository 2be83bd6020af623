package io.greenribbon.hotline.presence;

import io.greenribbon.telephony.Pbx;
import io.greenribbon.telephony.pbx.PbxDirectory;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Makes Asterisk's queues follow the service's presence, one counsellor at a time: the commands for one
 * counsellor never interleave, and when the presence changes again while commands run, only the latest
 * target is applied next. Only this deployment's PBX's queues are commanded from here; a change for queues
 * another PBX of the province holds goes to that PBX's deployment ({@link PresenceRelay}). The periodic and
 * reconnect resynchronisation ({@link PresenceResync}) catches whatever a lost command left behind.
 */
@ApplicationScoped
public class MemberSync {

    private static final Logger LOG = Logger.getLogger(MemberSync.class);

    private final Pbx pbx;
    private final PbxDirectory directory;
    private final PresenceRelay relay;
    private final Map<String, Slot> slots = new HashMap<>();

    /** The latest target of one counsellor and whether commands for it are running. */
    private static final class Slot {
        MemberTarget latest;
        List<String> previousQueues = List.of();
        List<CompletableFuture<Boolean>> waiting = new ArrayList<>();
        boolean running;
    }

    public MemberSync(Pbx pbx, PbxDirectory directory, PresenceRelay relay) {
        this.pbx = pbx;
        this.directory = directory;
        this.relay = relay;
    }

    /**
     * Applies {@code target} to Asterisk. {@code leaving} are queues the counsellor was in before and must
     * leave (e.g. its former line's, or all of them when going offline). The queues of another PBX are handed
     * to its deployment.
     *
     * @return true once the PBXs hold this target (or a later one), or have been handed it; false when a
     * command failed
     */
    public Uni<Boolean> apply(MemberTarget target, List<String> leaving) {
        List<String> all = new ArrayList<>(target.queues());
        all.addAll(leaving);
        Map<String, List<String>> elsewhere = directory.elsewhere(all);
        Uni<Boolean> handedOver = Uni.createFrom().item(true);
        for (Map.Entry<String, List<String>> other : elsewhere.entrySet()) {
            List<String> theirLeaving = leaving.stream().filter(other.getValue()::contains).toList();
            handedOver = handedOver.chain(ok -> relay.handOver(other.getKey(), target.username(), theirLeaving)
                    .replaceWith(ok).onFailure().recoverWithItem(failure -> {
                        LOG.warnf("Queue membership of %s not handed to PBX %s (resynchronised there later): %s",
                                target.username(), other.getKey(), failure.getMessage());
                        return false;
                    }));
        }
        return handedOver.chain(ok -> applyHere(target, leaving).map(here -> ok && here));
    }

    /**
     * Applies {@code target} to this deployment's PBX only: its queues of the target and of {@code leaving}
     * (what another deployment handed over).
     */
    public Uni<Boolean> applyHere(MemberTarget fullTarget, List<String> fullLeaving) {
        MemberTarget target = fullTarget.within(directory::isMine);
        List<String> leaving = fullLeaving.stream().filter(directory::isMine).toList();
        if (target.offline() && leaving.isEmpty() && !fullTarget.offline()) {
            return Uni.createFrom().item(true);
        }
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        boolean start;
        synchronized (slots) {
            Slot slot = slots.computeIfAbsent(target.username(), u -> new Slot());
            slot.latest = target;
            slot.previousQueues = union(slot.previousQueues, leaving);
            slot.waiting.add(done);
            start = !slot.running;
            slot.running = true;
        }
        if (start) {
            next(target.username());
        }
        return Uni.createFrom().completionStage(done);
    }

    private void next(String username) {
        MemberTarget target;
        List<String> leaving;
        List<CompletableFuture<Boolean>> waiting;
        synchronized (slots) {
            Slot slot = slots.get(username);
            if (slot.waiting.isEmpty()) {
                slot.running = false;
                slots.remove(username);
                return;
            }
            target = slot.latest;
            leaving = slot.previousQueues.stream().filter(q -> !target.queues().contains(q)).toList();
            slot.previousQueues = List.of();
            waiting = slot.waiting;
            slot.waiting = new ArrayList<>();
        }
        commands(target, leaving).subscribe().with(
                ignored -> finish(username, waiting, true),
                failure -> {
                    LOG.warnf("Queue membership of %s not applied in Asterisk (resynchronised later): %s",
                            username, failure.getMessage());
                    finish(username, waiting, false);
                });
    }

    private void finish(String username, List<CompletableFuture<Boolean>> waiting, boolean ok) {
        waiting.forEach(f -> f.complete(ok));
        next(username);
    }

    /** The commands that take one counsellor's membership to {@code target}; each is idempotent. */
    Uni<Void> commands(MemberTarget target, List<String> leaving) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String queue : leaving) {
            chain = chain.chain(() -> pbx.queueRemove(queue, target.memberInterface()));
        }
        for (String queue : target.queues()) {
            chain = chain.chain(() -> pbx.queueAdd(queue, target.memberInterface(), target.username(), 0,
                    target.paused()));
        }
        if (!target.offline()) {
            chain = chain.chain(() -> pbx.queuePause(target.memberInterface(), Optional.empty(), target.paused(),
                    target.reason()));
        }
        return chain;
    }

    private static List<String> union(List<String> a, List<String> b) {
        Set<String> all = new java.util.LinkedHashSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}

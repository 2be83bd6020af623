package io.greenribbon.hotline.presence;

import io.greenribbon.telephony.Pbx;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Brings this deployment's PBX's hotline queues back to the service's presence after a reconnect, an Asterisk
 * restart, a service restart, or a lost command: adds missing members, removes strays, fixes pause
 * states and reasons. Only the queues the PBX has are its business: a counsellor whose queues are on another
 * PBX of the province is that PBX's deployment's to place.
 */
@ApplicationScoped
public class PresenceResync {

    private static final Logger LOG = Logger.getLogger(PresenceResync.class);

    private final Pbx pbx;
    private final MemberTargets targets;

    public PresenceResync(Pbx pbx, MemberTargets targets) {
        this.pbx = pbx;
        this.targets = targets;
    }

    /** What a resynchronisation changed, and the hotline queues the PBX has. */
    public record Report(int added, int removed, int repaused, Set<String> queues) {
        public Report {
            queues = Set.copyOf(queues);
        }

        public boolean changedAnything() {
            return added + removed + repaused > 0;
        }
    }

    /** Compares {@code desired} (every signed-in counsellor) with QueueStatus and sends the differences. */
    public Uni<Report> resync(List<MemberTarget> desired) {
        return pbx.queueStatus().chain(queues -> {
            Set<String> held = new TreeSet<>();
            Map<String, Pbx.QueueMemberState> actual = new HashMap<>();
            queues.stream().filter(q -> targets.isHotlineQueue(q.name())).forEach(q -> {
                held.add(q.name());
                q.members().forEach(m -> actual.put(key(m.queue(), m.memberInterface()), m));
            });
            List<Supplier<Uni<Void>>> commands = new ArrayList<>();
            int added = 0;
            int repaused = 0;
            for (MemberTarget target : desired) {
                for (String queue : target.queues()) {
                    if (!held.contains(queue)) {
                        continue;
                    }
                    Pbx.QueueMemberState member = actual.remove(key(queue, target.memberInterface()));
                    if (member == null) {
                        added++;
                        commands.add(() -> pbx.queueAdd(queue, target.memberInterface(), target.username(), 0,
                                target.paused()));
                        if (target.paused()) {
                            commands.add(() -> pbx.queuePause(target.memberInterface(), Optional.of(queue), true,
                                    target.reason()));
                        }
                    } else if (member.paused() != target.paused()
                            || (target.paused() && !target.reason().equals(member.pausedReason()))) {
                        repaused++;
                        commands.add(() -> pbx.queuePause(target.memberInterface(), Optional.of(queue),
                                target.paused(), target.reason()));
                    }
                }
            }
            actual.values().forEach(stray -> commands.add(() -> pbx.queueRemove(stray.queue(), stray.memberInterface())));
            Report report = new Report(added, actual.size(), repaused, held);
            return runAll(commands).replaceWith(report);
        }).invoke(report -> {
            if (report.changedAnything()) {
                LOG.infof("Hotline queues resynchronised: %d added, %d removed, %d pause states fixed",
                        report.added(), report.removed(), report.repaused());
            }
        });
    }

    /** Runs every command even when some fail; fails at the end with the first failure. */
    private static Uni<Void> runAll(List<Supplier<Uni<Void>>> commands) {
        Uni<Throwable> chain = Uni.createFrom().nullItem();
        for (Supplier<Uni<Void>> command : commands) {
            chain = chain.chain(first -> command.get().replaceWith(first)
                    .onFailure().recoverWithItem(failure -> first != null ? first : failure));
        }
        return chain.chain(first -> first == null ? Uni.createFrom().voidItem() : Uni.createFrom().failure(first));
    }

    private static String key(String queue, String memberInterface) {
        return queue + "|" + memberInterface;
    }
}

package io.greenribbon.hotline.wallboard;

import io.greenribbon.access.Permission;
import io.greenribbon.console.Audience;
import io.greenribbon.console.ConsoleBroadcaster;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The live wallboard on the consoles ({@code /ws/console}, topic {@value #TOPIC}): when calls or presence
 * changed, every few seconds each division's board goes to the consoles whose accounts may see it. Counts
 * only, as on {@code GET /api/hotline/wallboard}.
 */
@ApplicationScoped
public class WallboardFeed {

    public static final String TOPIC = "hotline.wallboard";
    private static final Logger LOG = Logger.getLogger(WallboardFeed.class);

    private final WallboardService wallboards;
    private final ConsoleBroadcaster broadcaster;
    private final AtomicBoolean dirty = new AtomicBoolean();

    public WallboardFeed(WallboardService wallboards, ConsoleBroadcaster broadcaster) {
        this.wallboards = wallboards;
        this.broadcaster = broadcaster;
    }

    /** Something the boards show changed; the next push sends them. */
    public void touch() {
        dirty.set(true);
    }

    @Scheduled(every = "${greenribbon.hotline.wallboard-push-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> push() {
        if (!dirty.getAndSet(false)) {
            return Uni.createFrom().voidItem();
        }
        return wallboards.snapshot("").chain(snapshot -> {
            Uni<Void> all = Uni.createFrom().voidItem();
            for (String division : divisions(snapshot)) {
                WallboardView board = snapshot.board(division, wallboards.serviceLevelSeconds());
                Audience audience = Audience.rolesGoverning(division,
                        Permission.HOTLINE_WALLBOARD.roles().toArray(String[]::new));
                all = all.chain(() -> broadcaster.publish(TOPIC, board, audience));
            }
            return all;
        }).onFailure().invoke(e -> {
            dirty.set(true);
            LOG.warnf("Wallboard not pushed (retried): %s", e.getMessage());
        }).onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Every line division with figures or counsellors, and the cities and provinces above them. */
    private static Set<String> divisions(WallboardService.Snapshot snapshot) {
        Set<String> divisions = new TreeSet<>();
        snapshot.measures().keySet().forEach(d -> addWithParents(divisions, d));
        snapshot.now().keySet().forEach(d -> addWithParents(divisions, d));
        snapshot.presence().forEach(row -> addWithParents(divisions, (String) row[0]));
        return divisions;
    }

    private static void addWithParents(Set<String> divisions, String division) {
        for (int length = 2; length <= division.length(); length += 2) {
            divisions.add(division.substring(0, length));
        }
    }
}

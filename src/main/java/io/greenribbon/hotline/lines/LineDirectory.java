package io.greenribbon.hotline.lines;

import io.greenribbon.hotline.Blocking;
import io.greenribbon.hotline.HotlineConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The active lines, held in memory so that routing a call needs no query for them. Every replica reloads
 * them periodically (another replica may have changed a line) and at once after a change of its own.
 */
@ApplicationScoped
public class LineDirectory {

    private static final Logger LOG = Logger.getLogger(LineDirectory.class);

    private final LineRepository lines;
    private final HotlineConfig config;
    private volatile Map<String, LineConfig> byId;

    public LineDirectory(LineRepository lines, HotlineConfig config) {
        this.lines = lines;
        this.config = config;
    }

    /** The line dialled, from memory; empty when unknown or when the lines are not loaded yet. */
    public Optional<LineConfig> cached(String lineId) {
        Map<String, LineConfig> snapshot = byId;
        return snapshot == null || lineId == null ? Optional.empty() : Optional.ofNullable(snapshot.get(lineId));
    }

    /** The line dialled; loads the lines first (in a session of its own) when they are not in memory yet. */
    public Uni<Optional<LineConfig>> find(String lineId) {
        return loaded().map(ignored -> cached(lineId));
    }

    /** Loads the lines when they are not in memory yet (right after a start whose first load failed). */
    public Uni<Void> loaded() {
        return byId != null ? Uni.createFrom().voidItem() : Panache.withSession(this::load).replaceWithVoid();
    }

    /**
     * The line whose tier-1 queue {@code queue} is (a county line before the 12356 line of the same
     * division), for calls the service only learns of from queue events.
     */
    public Optional<LineConfig> forQueue(String queue) {
        Map<String, LineConfig> snapshot = byId;
        if (snapshot == null || queue == null) {
            return Optional.empty();
        }
        return snapshot.values().stream().filter(line -> line.tier1Queue().equals(queue))
                .min(Comparator.comparing(LineConfig::forwarded12356).thenComparing(LineConfig::id));
    }

    /** The division a queue serves, from its name ({@code hl-130104} serves 130104). */
    public Optional<String> divisionOfQueue(String queue) {
        if (queue == null || !queue.startsWith(config.queuePrefix())) {
            return Optional.empty();
        }
        String division = queue.substring(config.queuePrefix().length());
        return division.matches("[0-9]{4}([0-9]{2})?") ? Optional.of(division) : Optional.empty();
    }

    /** Reloads every active line. Needs a session. */
    public Uni<Map<String, LineConfig>> load() {
        return lines.findActive().map(list -> {
            Map<String, LineConfig> loaded = list.stream().map(line -> LineConfig.of(line, config))
                    .collect(Collectors.toUnmodifiableMap(LineConfig::id, Function.identity()));
            byId = loaded;
            return loaded;
        });
    }

    /**
     * Loads the lines before the PBX link starts (AmiLink observes at priority 100), so that the first
     * events after a start file their calls under their lines; a database not reachable yet leaves it to
     * the periodic reload.
     */
    void loadAtStart(@Observes @Priority(50) StartupEvent event) {
        Blocking.await(this::refresh);
    }

    @Scheduled(every = "${greenribbon.hotline.line-refresh-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return Panache.withSession(this::load)
                .onFailure().invoke(e -> LOG.warnf("Could not reload the hotline lines: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}

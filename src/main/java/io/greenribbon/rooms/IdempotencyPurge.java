package io.greenribbon.rooms;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Forgets idempotency keys older than {@code greenribbon.rooms.idempotency-retention}, hourly. */
@ApplicationScoped
public class IdempotencyPurge {

    private static final Logger LOG = Logger.getLogger(IdempotencyPurge.class);

    private final IdempotencyStore store;
    private final RoomsConfig config;

    public IdempotencyPurge(IdempotencyStore store, RoomsConfig config) {
        this.store = store;
        this.config = config;
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purge() {
        return store.purge(OffsetDateTime.now(ZoneOffset.UTC).minus(config.idempotencyRetention()))
                .invoke(n -> {
                    if (n > 0) {
                        LOG.debugf("Forgot %d idempotency keys", n);
                    }
                })
                .replaceWithVoid();
    }
}

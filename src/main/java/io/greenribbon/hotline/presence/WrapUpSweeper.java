package io.greenribbon.hotline.presence;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Ends the wrap-ups whose time ran out without a saved form: the counsellor is available again. */
@ApplicationScoped
public class WrapUpSweeper {

    private static final Logger LOG = Logger.getLogger(WrapUpSweeper.class);

    private final PresenceService presence;

    public WrapUpSweeper(PresenceService presence) {
        this.presence = presence;
    }

    @Scheduled(every = "${greenribbon.hotline.wrap-up-sweep-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return presence.endExpiredWrapUps()
                .invoke(n -> {
                    if (n > 0) {
                        LOG.debugf("Ended %d wrap-ups that ran out", n);
                    }
                })
                .onFailure().invoke(e -> LOG.warnf("Wrap-up sweep failed (retried): %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }
}

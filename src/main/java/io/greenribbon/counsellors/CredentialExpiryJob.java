package io.greenribbon.counsellors;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Once a day, flags the credentials that run out soon. The flagging is one conditional UPDATE, so when
 * several replicas fire at once, each credential is still flagged exactly once; SKIP keeps a slow run on
 * one replica from overlapping its next.
 */
@ApplicationScoped
public class CredentialExpiryJob {

    private final CredentialExpiryService service;

    public CredentialExpiryJob(CredentialExpiryService service) {
        this.service = service;
    }

    @Scheduled(identity = "credential-expiry-check",
            cron = "${greenribbon.counsellors.expiry-check-cron:0 15 2 * * ?}",
            timeZone = "${greenribbon.counsellors.zone:Asia/Shanghai}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return service.flagExpiring().replaceWithVoid();
    }
}

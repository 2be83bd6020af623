package io.greenribbon.telephony.journal;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The journal in /q/health/ready: per lane, the events held now, since when, and whether they reach the
 * disk. Down only while a lane is full and drops events (the database has been down for long); holding
 * events while the database is down is what the journal is for.
 */
@Readiness
@ApplicationScoped
public class EventJournalReadiness implements HealthCheck {

    private final EventJournal journal;
    private final JournalConfig config;

    public EventJournalReadiness(EventJournal journal, JournalConfig config) {
        this.journal = journal;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder r = HealthCheckResponse.named("pbx-event-journal")
                .withData("directory", config.directory().toString());
        boolean full = false;
        for (EventLane lane : journal.lanes()) {
            int depth = lane.depth();
            r.withData(lane.name() + ".depth", depth);
            r.withData(lane.name() + ".durable", lane.durable());
            lane.oldest().ifPresent(at -> r.withData(lane.name() + ".oldest", at.toString()));
            if (depth >= config.maxEvents()) {
                full = true;
                r.withData(lane.name() + ".droppedFull", lane.droppedFull());
            }
        }
        return (full ? r.down() : r.up()).build();
    }
}

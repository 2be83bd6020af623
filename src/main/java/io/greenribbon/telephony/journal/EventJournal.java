package io.greenribbon.telephony.journal;

import io.greenribbon.telephony.TelephonyConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The journal of PBX events the database could not take (telephony/README.md, "When the database is
 * down"): one {@link EventLane} per consumer, each with its file in {@link JournalConfig#directory()}. A
 * lane opened by a new process first writes what the previous one held and did not write.
 */
@ApplicationScoped
public class EventJournal {

    private static final Logger LOG = Logger.getLogger(EventJournal.class);

    private final JournalConfig config;
    private final DatabaseOutage outage;
    private final MeterRegistry meters;
    private final String origin;
    private final PbxEventCodec codec = new PbxEventCodec();
    private final Map<String, EventLane> lanes = new ConcurrentHashMap<>();

    public EventJournal(JournalConfig config, DatabaseOutage outage, MeterRegistry meters, TelephonyConfig telephony) {
        this.config = config;
        this.outage = outage;
        this.meters = meters;
        this.origin = telephony.ami().host() + ":" + telephony.ami().port();
    }

    /**
     * The lane {@code name}, opened on the first call: events go to {@code recorder}; {@code drained} runs
     * whenever the lane has written every event it held. Later calls return the open lane.
     */
    public EventLane lane(String name, EventLane.Recorder recorder, Runnable drained) {
        return lanes.computeIfAbsent(name, n -> open(n, recorder, drained));
    }

    private EventLane open(String name, EventLane.Recorder recorder, Runnable drained) {
        Optional<JournalFile> file = Optional.empty();
        List<PbxEventCodec.Entry> leftOver = List.of();
        try {
            JournalFile opened = JournalFile.open(config.directory(), name, origin, codec);
            file = Optional.of(opened);
            leftOver = opened.leftOver();
            if (leftOver.isEmpty()) {
                opened.clear();
            }
        } catch (IOException | RuntimeException e) {
            LOG.errorf("The PBX event journal cannot use %s (%s): events the database does not take are held in "
                    + "memory only and are lost if the service stops", config.directory(), e.getMessage());
        }
        return new EventLane(name, recorder, drained, config, outage, file, leftOver, meters);
    }

    /** The lane {@code name}, if it was opened. */
    public Optional<EventLane> find(String name) {
        return Optional.ofNullable(lanes.get(name));
    }

    public Collection<EventLane> lanes() {
        return lanes.values();
    }

    /** Whether the lane {@code name} holds events not written yet. */
    public boolean holding(String name) {
        return find(name).map(lane -> lane.depth() > 0).orElse(false);
    }

    void stop(@Observes ShutdownEvent event) {
        lanes.values().forEach(EventLane::stop);
    }
}

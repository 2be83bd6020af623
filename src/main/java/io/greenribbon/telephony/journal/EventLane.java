package io.greenribbon.telephony.journal;

import io.greenribbon.telephony.PbxEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The PBX events of one consumer (the hotline's call records, the risk pages' outcomes), written to the
 * database in order. While the database is down an event is held instead: on disk (forced before it
 * counts as held) and in memory; from then on every later event of the lane is held behind it, and the
 * lane's own thread writes them, oldest first, once the database takes them again. Writing an event twice
 * (a crash between writing it and marking it written) must change nothing: the consumers' writes are
 * idempotent. Events come from one thread per lane (the PBX event dispatcher, or the consumer's own).
 */
public final class EventLane {

    /** Writes one event's consequences to the database; throws when it could not. Blocking. */
    @FunctionalInterface
    public interface Recorder {
        void record(PbxEvent event);
    }

    /** What the lane needs to know of the database ({@link DatabaseOutage}). */
    interface Database {
        /** Whether the failure means the database is down (or the connection it ran on was cut). */
        boolean down(Throwable failure);

        /** Whether the database answers now. */
        boolean reachable();
    }

    private static final Logger LOG = Logger.getLogger(EventLane.class);
    /** Tries of an event that fails while the database is up before it is given up. */
    private static final int ATTEMPTS = 3;

    private final String name;
    private final Recorder recorder;
    private final Runnable drained;
    private final JournalConfig config;
    private final Database database;
    private final Optional<JournalFile> file;
    private final Deque<PbxEventCodec.Entry> held = new ArrayDeque<>();
    private final Counter heldCount;
    private final Counter written;
    private final MeterRegistry meters;
    private final Thread writer;
    private long lastSeq;
    private long droppedFull;
    private volatile boolean stopped;

    EventLane(String name, Recorder recorder, Runnable drained, JournalConfig config, Database database,
              Optional<JournalFile> file, List<PbxEventCodec.Entry> leftOver, MeterRegistry meters) {
        this.name = name;
        this.recorder = recorder;
        this.drained = drained;
        this.config = config;
        this.database = database;
        this.file = file;
        this.meters = meters;
        this.heldCount = Counter.builder("greenribbon.journal.held").tag("lane", name)
                .description("PBX events held because the database did not take them").register(meters);
        this.written = Counter.builder("greenribbon.journal.written").tag("lane", name)
                .description("Held PBX events written to the database once it was back").register(meters);
        meters.gauge("greenribbon.journal.depth", List.of(io.micrometer.core.instrument.Tag.of("lane", name)), this,
                EventLane::depth);
        meters.gauge("greenribbon.journal.oldest.age.seconds", List.of(io.micrometer.core.instrument.Tag.of("lane", name)),
                this, lane -> lane.oldest().map(at -> Duration.between(at, Instant.now()).toMillis() / 1000.0).orElse(0.0));
        held.addAll(leftOver);
        lastSeq = leftOver.isEmpty() ? 0 : leftOver.get(leftOver.size() - 1).seq();
        if (!leftOver.isEmpty()) {
            LOG.warnf("%d PBX events of lane %s were held by an earlier process and not written yet: writing them now",
                    leftOver.size(), name);
        }
        this.writer = new Thread(this::writeHeld, "pbx-journal-" + name);
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Writes the event now, on the calling thread; holds it instead while earlier events of the lane wait
     * or when the database turns out to be down. A failure of the event itself is logged and the event is
     * dropped, as the reconciliation with the PBX catches up with what it missed.
     */
    public void deliver(PbxEvent event) {
        synchronized (this) {
            if (!held.isEmpty()) {
                holdLocked(event);
                return;
            }
        }
        try {
            recorder.record(event);
        } catch (RuntimeException e) {
            if (database.down(e)) {
                LOG.warnf("The database does not take PBX events (%s): holding them in %s until it is back",
                        e.getMessage(), file.map(JournalFile::path).map(Object::toString).orElse("memory"));
                hold(event);
            } else {
                LOG.errorf(e, "Could not record %s (a reconciliation will catch up)", event);
            }
        }
    }

    /** Holds the event behind the lane's others, without trying to write it now. */
    public synchronized void hold(PbxEvent event) {
        holdLocked(event);
    }

    private void holdLocked(PbxEvent event) {
        if (held.size() >= config.maxEvents()) {
            droppedFull++;
            dropped("full").increment();
            if (droppedFull == 1 || droppedFull % 1000 == 0) {
                LOG.errorf("The PBX event journal of lane %s is full (%d events): %d events dropped so far, the "
                        + "latest %s", name, held.size(), droppedFull, event);
            }
            return;
        }
        PbxEventCodec.Entry entry = new PbxEventCodec.Entry(++lastSeq, Instant.now(), event);
        file.ifPresent(f -> {
            try {
                f.append(entry);
            } catch (IOException e) {
                LOG.errorf("Could not write %s to the journal %s (%s): it is held in memory only", event, f.path(),
                        e.getMessage());
            }
        });
        held.addLast(entry);
        heldCount.increment();
        notifyAll();
    }

    /** The lane's thread: writes the held events, oldest first, as soon as the database takes them. */
    private void writeHeld() {
        int failures = 0;
        while (!stopped) {
            PbxEventCodec.Entry head;
            synchronized (this) {
                while (held.isEmpty() && !stopped) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (stopped) {
                    return;
                }
                head = held.peekFirst();
            }
            if (head.heldAt().isBefore(Instant.now().minus(config.maxAge()))) {
                LOG.errorf("Dropped the PBX event %s, held since %s, longer than %s", head.event(), head.heldAt(),
                        config.maxAge());
                remove(head, dropped("expired"));
                continue;
            }
            try {
                recorder.record(head.event());
                failures = 0;
                remove(head, written);
            } catch (RuntimeException e) {
                // Only a failure while the database answers counts against the event: an outage never does.
                if (database.reachable() && ++failures >= ATTEMPTS) {
                    LOG.errorf(e, "Gave up writing the held PBX event %s (a reconciliation will catch up)", head.event());
                    failures = 0;
                    remove(head, dropped("failed"));
                    continue;
                }
                pause(config.retryEvery());
            }
        }
    }

    private void remove(PbxEventCodec.Entry head, Counter counter) {
        boolean empty;
        synchronized (this) {
            held.pollFirst();
            empty = held.isEmpty();
            file.ifPresent(f -> {
                try {
                    if (empty) {
                        f.clear();
                    } else {
                        f.writtenUpTo(head.seq());
                    }
                } catch (IOException e) {
                    LOG.warnf("Could not mark %s written in %s (%s); it may be written again after a restart",
                            head.event(), f.path(), e.getMessage());
                }
            });
        }
        counter.increment();
        if (empty) {
            LOG.infof("Every held PBX event of lane %s is written", name);
            try {
                drained.run();
            } catch (RuntimeException e) {
                LOG.warnf("After the journal of lane %s was written: %s", name, e.getMessage());
            }
        }
    }

    private Counter dropped(String reason) {
        return Counter.builder("greenribbon.journal.dropped").tag("lane", name).tag("reason", reason)
                .description("PBX events neither written nor held (full), or given up (expired, failed)")
                .register(meters);
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }

    public String name() {
        return name;
    }

    /** Events held now. */
    public synchronized int depth() {
        return held.size();
    }

    /** When the oldest event held now was held. */
    public synchronized Optional<Instant> oldest() {
        return Optional.ofNullable(held.peekFirst()).map(PbxEventCodec.Entry::heldAt);
    }

    /** Whether held events reach the disk (false: the journal's directory could not be used). */
    public boolean durable() {
        return file.isPresent();
    }

    /** Events dropped because the lane was full since the service started. */
    public synchronized long droppedFull() {
        return droppedFull;
    }

    public long fileBytes() {
        return file.map(JournalFile::bytes).orElse(0L);
    }

    public Optional<String> path() {
        return file.map(f -> f.path().toString());
    }

    void stop() {
        stopped = true;
        writer.interrupt();
        file.ifPresent(f -> {
            try {
                f.close();
            } catch (IOException e) {
                LOG.debugf("Closing the journal %s: %s", f.path(), e.getMessage());
            }
        });
    }
}

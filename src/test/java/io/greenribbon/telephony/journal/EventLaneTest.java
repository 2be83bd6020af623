package io.greenribbon.telephony.journal;

import io.greenribbon.telephony.MemberStatus;
import io.greenribbon.telephony.PbxEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The journal of one lane on a real directory: events the database does not take are held on disk, in
 * order, written once it takes them again, and a process that starts after a crash writes what the last
 * one held. The "database" here is a recorder that refuses while {@link #down} is set.
 */
class EventLaneTest {

    private static final String ORIGIN = "pbx.example:5038";
    /** The call whose hang-up fails whenever it is written, database or not. */
    private static final String POISON = "9.9";

    @TempDir
    Path dir;

    private final AtomicBoolean down = new AtomicBoolean();
    private final List<PbxEvent> recorded = new CopyOnWriteArrayList<>();
    private final AtomicInteger drained = new AtomicInteger();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<EventLane> lanes = new ArrayList<>();
    private final PbxEventCodec codec = new PbxEventCodec();

    /** The database's answer while it is down, as the reactive client reports a refused connection. */
    static final class Unreachable extends RuntimeException {
        Unreachable() {
            super("Connection refused: 127.0.0.1/127.0.0.1:5432");
        }
    }

    @AfterEach
    void stopLanes() {
        lanes.forEach(EventLane::stop);
    }

    private EventLane lane(int maxEvents) throws IOException {
        JournalFile file = JournalFile.open(dir, "hotline", ORIGIN, codec);
        List<PbxEventCodec.Entry> leftOver = file.leftOver();
        EventLane lane = new EventLane("hotline", event -> {
            if (down.get()) {
                throw new Unreachable();
            }
            if (event instanceof PbxEvent.ChannelHungUp h && h.uniqueId().equals(POISON)) {
                throw new IllegalStateException("a failure of this event's own");
            }
            recorded.add(event);
        }, drained::incrementAndGet, config(maxEvents), database(), Optional.of(file), leftOver, meters);
        lanes.add(lane);
        return lane;
    }

    /** The "database": refuses while {@link #down} is set, and says so. */
    private EventLane.Database database() {
        return new EventLane.Database() {
            @Override
            public boolean down(Throwable failure) {
                return DatabaseOutage.lostConnection(failure);
            }

            @Override
            public boolean reachable() {
                return !down.get();
            }
        };
    }

    private static JournalConfig config(int maxEvents) {
        return new JournalConfig() {
            @Override
            public Path directory() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int maxEvents() {
                return maxEvents;
            }

            @Override
            public Duration maxAge() {
                return Duration.ofDays(2);
            }

            @Override
            public Duration retryEvery() {
                return Duration.ofMillis(20);
            }
        };
    }

    private static PbxEvent.MemberConnected connected(String uniqueId) {
        return new PbxEvent.MemberConnected(Instant.parse("2026-12-01T02:03:04.123456Z"), uniqueId, uniqueId,
                "hl-130110", "PJSIP/counselor1", "counsellor1", "PJSIP/counselor1-00000001", "1700000000.2",
                Duration.ofSeconds(7), Duration.ofMillis(1500));
    }

    private static PbxEvent.ChannelHungUp hungUp(String uniqueId) {
        return new PbxEvent.ChannelHungUp(Instant.parse("2026-12-01T02:04:00Z"), uniqueId, uniqueId,
                "PJSIP/carrier-00000001", 16, "Normal Clearing");
    }

    private Path file() {
        return dir.resolve("hotline.jsonl");
    }

    @Test
    void eventsTheDatabaseDoesNotTakeAreHeldOnDiskAndWrittenInOrderWhenItIsBack() throws IOException {
        EventLane lane = lane(100);
        lane.deliver(connected("1.1"));
        assertThat(recorded).containsExactly(connected("1.1"));
        assertThat(Files.exists(file())).as("nothing is held while the database takes every event").isFalse();

        down.set(true);
        lane.deliver(hungUp("1.1"));
        lane.deliver(connected("1.2"));
        assertThat(lane.depth()).isEqualTo(2);
        assertThat(Files.readAllLines(file())).hasSize(3).first().asString().contains(ORIGIN);

        down.set(false);
        // An event that arrives while older ones wait is held behind them, not written before them.
        lane.deliver(hungUp("1.2"));
        await().atMost(Duration.ofSeconds(5)).until(() -> lane.depth() == 0);
        assertThat(recorded).containsExactly(connected("1.1"), hungUp("1.1"), connected("1.2"), hungUp("1.2"));
        assertThat(drained).hasValue(1);
        assertThat(Files.exists(file())).as("a written journal goes").isFalse();
        assertThat(meters.get("greenribbon.journal.held").counter().count()).isEqualTo(3);
        assertThat(meters.get("greenribbon.journal.written").counter().count()).isEqualTo(3);
    }

    @Test
    void aProcessStartedAfterACrashWritesWhatTheLastOneHeldEvenAfterATornLine() throws IOException {
        down.set(true);
        EventLane before = lane(100);
        before.deliver(connected("2.1"));
        before.deliver(hungUp("2.1"));
        before.stop();
        lanes.clear();
        // The crash tore the line it was writing.
        Files.writeString(file(), "{\"seq\":3,\"heldAt\":\"2026-12", StandardOpenOption.APPEND);

        down.set(false);
        EventLane after = lane(100);
        await().atMost(Duration.ofSeconds(5)).until(() -> recorded.size() == 2 && after.depth() == 0);
        assertThat(recorded).containsExactly(connected("2.1"), hungUp("2.1"));
        assertThat(Files.exists(file())).isFalse();
    }

    @Test
    void onlyTheEventsNotMarkedWrittenAreWrittenAgain() throws IOException {
        try (JournalFile file = JournalFile.open(dir, "hotline", ORIGIN, codec)) {
            file.append(new PbxEventCodec.Entry(1, Instant.now(), connected("3.1")));
            file.append(new PbxEventCodec.Entry(2, Instant.now(), hungUp("3.1")));
            file.append(new PbxEventCodec.Entry(3, Instant.now(), connected("3.2")));
            file.writtenUpTo(2);
        }
        try (JournalFile file = JournalFile.open(dir, "hotline", ORIGIN, codec)) {
            assertThat(file.leftOver()).extracting(PbxEventCodec.Entry::event).containsExactly(connected("3.2"));
        }
    }

    @Test
    void aJournalOfAnotherPbxIsSetAsideNotReplayed() throws IOException {
        try (JournalFile other = JournalFile.open(dir, "hotline", "another-pbx:5038", codec)) {
            other.append(new PbxEventCodec.Entry(1, Instant.now(), connected("4.1")));
        }
        EventLane lane = lane(100);
        assertThat(lane.depth()).isZero();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("hotline.jsonl.")
                    && n.endsWith(".unused"));
        }
        assertThat(recorded).isEmpty();
    }

    @Test
    void aFullLaneDropsNewEventsAndCountsThem() throws IOException {
        down.set(true);
        EventLane lane = lane(2);
        lane.deliver(connected("5.1"));
        lane.deliver(hungUp("5.1"));
        lane.deliver(connected("5.2"));
        assertThat(lane.depth()).isEqualTo(2);
        assertThat(lane.droppedFull()).isEqualTo(1);
        assertThat(meters.get("greenribbon.journal.dropped").tag("reason", "full").counter().count()).isEqualTo(1);
    }

    @Test
    void aFailureOfTheEventItselfIsNotHeld() throws IOException {
        EventLane lane = new EventLane("risk-pages", event -> {
            throw new IllegalStateException("no such case");
        }, () -> { }, config(100), database(), Optional.empty(), List.of(), meters);
        lanes.add(lane);
        lane.deliver(connected("6.1"));
        assertThat(lane.depth()).isZero();
    }

    @Test
    void aHeldEventThatFailsWhileTheDatabaseAnswersIsGivenUpAndDoesNotHoldUpTheOthers() throws IOException {
        down.set(true);
        EventLane lane = lane(100);
        lane.deliver(hungUp(POISON));
        lane.deliver(connected("8.1"));
        down.set(false);
        await().atMost(Duration.ofSeconds(5)).until(() -> lane.depth() == 0);
        assertThat(recorded).containsExactly(connected("8.1"));
        assertThat(meters.get("greenribbon.journal.dropped").tag("reason", "failed").counter().count()).isEqualTo(1);
    }

    @Test
    void oneJournalDirectoryServesOneProcess() throws IOException {
        try (JournalFile first = JournalFile.open(dir, "hotline", ORIGIN, codec)) {
            assertThatThrownBy(() -> JournalFile.open(dir, "hotline", ORIGIN, codec)).isInstanceOf(IOException.class)
                    .hasMessageContaining("in use");
        }
    }

    @Test
    void everyKindOfEventReadsBackAsItWasHeld() throws IOException {
        Instant at = Instant.parse("2026-12-01T02:03:04.5Z");
        List<PbxEvent> events = List.of(connected("7.1"), hungUp("7.1"),
                new PbxEvent.CdrRecorded(at, "7.2", "13911180001", "s", "PJSIP/carrier-1", "PJSIP/counselor1-2", "Queue",
                        "hl-130110,,,,30", at.minusSeconds(60), Optional.of(at.minusSeconds(40)), at, Duration.ofSeconds(60),
                        Duration.ofSeconds(40), "ANSWERED", "hotline", "031160130110"),
                new PbxEvent.OriginateResult(at, "cb-1", false, 3, "PJSIP/counselor1", "risk-page", Optional.empty()),
                new PbxEvent.MemberStatusChanged(at, "hl-1301", "PJSIP/counselor1", "counsellor1", MemberStatus.RINGING,
                        false, true, "wrap-up"),
                new PbxEvent.MemberCompleted(at, "7.3", "7.3", "hl-1301", "PJSIP/counselor1", "counsellor1",
                        "PJSIP/counselor1-3", Duration.ofSeconds(3), Duration.ofSeconds(300),
                        PbxEvent.CompletionReason.TRANSFER));
        long seq = 0;
        for (PbxEvent event : events) {
            String line = codec.encode(new PbxEventCodec.Entry(++seq, at, event));
            assertThat(line).doesNotContain("\n");
            assertThat(codec.decode(line)).isEqualTo(new PbxEventCodec.Entry(seq, at, event));
        }
        assertThat(new String(codec.encode(new PbxEventCodec.Entry(1, at, events.get(0))).getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8)).contains("\"type\":\"MemberConnected\"");
    }
}

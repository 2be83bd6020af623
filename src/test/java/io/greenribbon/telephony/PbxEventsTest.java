package io.greenribbon.telephony;

import io.greenribbon.telephony.PbxEvent.CallerAbandoned;
import io.greenribbon.telephony.PbxEvent.CallerJoinedQueue;
import io.greenribbon.telephony.PbxEvent.CallerLeftQueue;
import io.greenribbon.telephony.PbxEvent.CdrRecorded;
import io.greenribbon.telephony.PbxEvent.ChannelHungUp;
import io.greenribbon.telephony.PbxEvent.DialResult;
import io.greenribbon.telephony.PbxEvent.DialStarted;
import io.greenribbon.telephony.PbxEvent.MemberCompleted;
import io.greenribbon.telephony.PbxEvent.MemberConnected;
import io.greenribbon.telephony.PbxEvent.MemberPauseChanged;
import io.greenribbon.telephony.PbxEvent.MemberRingNoAnswer;
import io.greenribbon.telephony.PbxEvent.MemberRinging;
import io.greenribbon.telephony.peer.CallScript;
import io.greenribbon.telephony.peer.PeerCall;
import io.greenribbon.testkit.LogCapture;
import io.greenribbon.testkit.TestPbx;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * AMI events of whole calls, from the test PBX through Asterisk-Java to the PbxEvent records the hotline
 * reads: an answered call, an abandon, a counsellor who does not answer and one who is busy. The calls go
 * through the real dialplan of telephony/ (Qiaoxi's line, its county queue, the city queue).
 */
@QuarkusTest
class PbxEventsTest {

    static final String LINE = "031160130104";
    static final String COUNTY = "hl-130104";
    static final String CITY = "hl-1301";
    static final String PHONE = "PJSIP/counselor1";

    @Inject
    Pbx pbx;

    @BeforeEach
    void counsellorAvailable() {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(pbx::linkUp);
        TestPbx.get().peer.phone("counselor1").reset().registered(true);
        pbx.queueAdd(COUNTY, PHONE, "counsellor1", 0, false).await().atMost(Duration.ofSeconds(5));
        pbx.queueAdd(CITY, PHONE, "counsellor1", 0, false).await().atMost(Duration.ofSeconds(5));
        pbx.queuePause(PHONE, Optional.empty(), false, "").await().atMost(Duration.ofSeconds(5));
    }

    @AfterEach
    void offline() {
        pbx.queueRemove(COUNTY, PHONE).await().atMost(Duration.ofSeconds(5));
        pbx.queueRemove(CITY, PHONE).await().atMost(Duration.ofSeconds(5));
        TestPbx.get().peer.phone("counselor1").reset();
    }

    @Test
    void anAnsweredCallIsReportedInOrderOnTheDispatcherThread() {
        TestPbx.get().peer.phone("counselor1").answersAfter(Duration.ofSeconds(3));
        PeerCall call = TestPbx.get().peer.call(CallScript.from("+8631166668888").to(LINE).talksFor(Duration.ofSeconds(20)));
        assertThat(call.awaitEnd(Duration.ofSeconds(30))).isTrue();
        String id = call.uniqueId();
        CdrRecorded cdr = RecordingListener.await(CdrRecorded.class, c -> id.equals(c.uniqueId()));
        // Asterisk posts the Cdr event before the two Hangup events (transcript 03): wait for both legs.
        RecordingListener.await(ChannelHungUp.class, h -> id.equals(h.uniqueId()));
        RecordingListener.await(ChannelHungUp.class, h -> id.equals(h.linkedId()) && !id.equals(h.uniqueId()));

        List<PbxEvent> events = RecordingListener.ofCall(id);
        assertThat(events).extracting(e -> e.getClass().getSimpleName()).containsSubsequence(
                "CallerJoinedQueue", "MemberRinging", "CallerLeftQueue", "MemberConnected", "MemberCompleted",
                "ChannelHungUp", "ChannelHungUp");
        CallerJoinedQueue joined = first(events, CallerJoinedQueue.class);
        assertThat(joined.queue()).isEqualTo(COUNTY);
        assertThat(joined.linkedId()).isEqualTo(id);
        MemberRinging ringing = first(events, MemberRinging.class);
        assertThat(ringing.memberInterface()).isEqualTo(PHONE);
        assertThat(ringing.memberName()).isEqualTo("counsellor1");
        assertThat(ringing.memberChannel()).startsWith("PJSIP/counselor1-");
        MemberConnected connected = first(events, MemberConnected.class);
        assertThat(connected.ringTime()).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
        MemberCompleted completed = first(events, MemberCompleted.class);
        assertThat(completed.reason()).isEqualTo(PbxEvent.CompletionReason.CALLER);
        assertThat(completed.talkTime()).isBetween(Duration.ofSeconds(19), Duration.ofSeconds(21));
        assertThat(cdr.disposition()).isEqualTo("ANSWERED");
        assertThat(cdr.destination()).isEqualTo("s");
        assertThat(cdr.lastApplication()).isEqualTo("Queue");
        assertThat(cdr.source()).isEqualTo("+8631166668888");
        assertThat(connected.timestamp()).isAfter(joined.timestamp());
        assertThat(RecordingListener.events).filteredOn(s -> s.event() == completed)
                .extracting(RecordingListener.Seen::thread).containsOnly("pbx-events");
    }

    @Test
    void aCallerWhoHangsUpWhileWaitingIsAnAbandon() {
        TestPbx.get().peer.phone("counselor1").doesNotAnswer();
        PeerCall call = TestPbx.get().peer.call(CallScript.from("+8613900000001").to(LINE)
                .waitsInQueueFor(Duration.ofSeconds(4)));
        assertThat(call.awaitEnd(Duration.ofSeconds(30))).isTrue();
        CallerAbandoned abandoned = RecordingListener.await(CallerAbandoned.class, a -> call.uniqueId().equals(a.uniqueId()));
        assertThat(abandoned.queue()).isEqualTo(COUNTY);
        assertThat(abandoned.holdTime()).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(5));
        assertThat(abandoned.originalPosition()).isEqualTo(1);
        RecordingListener.await(CallerLeftQueue.class, l -> call.uniqueId().equals(l.uniqueId()));
        RecordingListener.await(ChannelHungUp.class, h -> call.uniqueId().equals(h.uniqueId()));
    }

    @Test
    void aCounsellorWhoDoesNotAnswerIsAutoPausedEverywhereAndTheCallMovesOnToTheBackupLine() {
        TestPbx.get().peer.phone("counselor1").doesNotAnswer();
        PeerCall call;
        try (LogCapture log = LogCapture.start()) {
            call = TestPbx.get().peer.call(CallScript.from("+8613900000002").to(LINE).talksFor(Duration.ofSeconds(5)));
            assertThat(call.awaitEnd(Duration.ofSeconds(40))).isTrue();
            // A routine call (transcript 10d's): no WARNING or ERROR from Asterisk, none from the service.
            assertThat(call.logged()).as("the paused city tier is skipped before Queue()").isEmpty();
            assertThat(log.from("io.greenribbon")).isEmpty();
            assertThat(log.from("org.asteriskjava")).isEmpty();
        }
        String id = call.uniqueId();
        MemberRingNoAnswer rna = RecordingListener.await(MemberRingNoAnswer.class, r -> id.equals(r.uniqueId()));
        assertThat(rna.memberInterface()).isEqualTo(PHONE);
        assertThat(rna.ringTime()).isBetween(Duration.ofSeconds(14), Duration.ofSeconds(16));
        for (String queue : List.of(COUNTY, CITY)) {
            RecordingListener.await(MemberPauseChanged.class, p -> p.queue().equals(queue)
                    && p.memberInterface().equals(PHONE) && p.paused() && p.reason().equals("Auto-Pause")
                    && !p.timestamp().isBefore(rna.timestamp()));
        }
        // The route script sets the line's own backup number (the demo lines': 031112356); the dialplan's
        // global HOTLINE_BACKUP_NUMBER is only the default for when the service does not answer.
        assertThat(call.variable("HOTLINE_BACKUP")).isEqualTo("031112356");
        DialStarted backup = RecordingListener.await(DialStarted.class, d -> id.equals(d.uniqueId()));
        assertThat(backup.dialString()).isEqualTo("031112356@carrier");
        DialResult result = RecordingListener.await(DialResult.class, d -> id.equals(d.uniqueId()));
        assertThat(result.answered()).isTrue();
        // Every member paused: the city tier is skipped with the status Queue() would set (transcript 10d).
        assertThat(call.variable("QUEUESTATUS")).as("every member paused").isEqualTo("JOINEMPTY");
    }

    @Test
    void aBusyCounsellorIsAutoPausedWithoutRinging() {
        TestPbx.get().peer.phone("counselor1").isBusy();
        PeerCall call = TestPbx.get().peer.call(CallScript.from("+8613900000003").to(LINE).talksFor(Duration.ofSeconds(3)));
        assertThat(call.awaitEnd(Duration.ofSeconds(30))).isTrue();
        MemberRingNoAnswer busy = RecordingListener.await(MemberRingNoAnswer.class, r -> call.uniqueId().equals(r.uniqueId()));
        assertThat(busy.ringTime()).isEqualTo(Duration.ZERO);
        RecordingListener.await(MemberPauseChanged.class, p -> p.memberInterface().equals(PHONE) && p.paused()
                && !p.timestamp().isBefore(busy.timestamp()));
    }

    private static <T> T first(List<PbxEvent> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
    }
}

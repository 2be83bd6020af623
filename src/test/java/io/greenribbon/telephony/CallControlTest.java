package io.greenribbon.telephony;

import io.greenribbon.telephony.PbxEvent.CallTransferred;
import io.greenribbon.telephony.PbxEvent.CdrRecorded;
import io.greenribbon.telephony.PbxEvent.DialResult;
import io.greenribbon.telephony.PbxEvent.DialStarted;
import io.greenribbon.telephony.PbxEvent.MemberCompleted;
import io.greenribbon.telephony.PbxEvent.MemberConnected;
import io.greenribbon.telephony.PbxEvent.OriginateResult;
import io.greenribbon.telephony.peer.CallScript;
import io.greenribbon.telephony.peer.PeerCall;
import io.greenribbon.testkit.TestPbx;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls the service controls over AMI: callbacks (Originate, answered and failed) and bringing a
 * supervisor in (Redirect and BlindTransfer), with the caller's own number kept through every move.
 */
@QuarkusTest
class CallControlTest {

    private static final Duration LONG = Duration.ofSeconds(30);

    @Inject
    Pbx pbx;

    @BeforeEach
    void setUp() {
        Awaitility.await().atMost(LONG).until(pbx::linkUp);
        for (String phone : new String[]{"counselor1", "counselor2", "supervisor", "carrier"}) {
            TestPbx.get().peer.phone(phone).reset().registered(true);
        }
    }

    @AfterEach
    void tearDown() {
        pbx.queueRemove("hl-130104", "PJSIP/counselor1").await().atMost(Duration.ofSeconds(5));
        pbx.queueRemove("hl-1301", "PJSIP/counselor1").await().atMost(Duration.ofSeconds(5));
        TestPbx.get().peer.phone("counselor2").registered(true);
    }

    private Pbx.OriginateRequest callback(String phone, Duration timeout) {
        return new Pbx.OriginateRequest(phone, "hotline-callback", "13800138000", 1, "心理援助热线", "031160130100",
                timeout, Map.of("HOTLINE_CALL_ID", "c-callback-1"));
    }

    @Test
    void anAnsweredCallbackRingsTheCounsellorThenDialsTheCaller() {
        TestPbx.get().peer.phone("counselor1").answersAfter(Duration.ofSeconds(2), Duration.ofSeconds(10));
        TestPbx.get().peer.phone("carrier").answersAfter(Duration.ofSeconds(3));
        String id = pbx.originate(callback("PJSIP/counselor1", Duration.ofSeconds(30))).await().atMost(Duration.ofSeconds(5));
        OriginateResult result = RecordingListener.await(OriginateResult.class, r -> id.equals(r.correlationId()));
        assertThat(result.success()).isTrue();
        assertThat(result.reason()).isEqualTo(4);
        assertThat(result.uniqueId()).contains(id);
        assertThat(result.channel()).startsWith("PJSIP/counselor1-");
        assertThat(result.context()).as("what the call was for").isEqualTo("hotline-callback");
        DialStarted dial = RecordingListener.await(DialStarted.class, d -> id.equals(d.uniqueId()));
        assertThat(dial.dialString()).isEqualTo("13800138000@carrier");
        assertThat(RecordingListener.await(DialResult.class, d -> id.equals(d.uniqueId())).answered()).isTrue();
        CdrRecorded cdr = RecordingListener.await(CdrRecorded.class, c -> id.equals(c.uniqueId()));
        assertThat(cdr.source()).isEqualTo("031160130100");
        assertThat(cdr.destination()).isEqualTo("s");
    }

    @Test
    void callbacksThatFailSayWhy() {
        TestPbx.get().peer.phone("counselor2").registered(false);
        String unregistered = pbx.originate(callback("PJSIP/counselor2", Duration.ofSeconds(10)))
                .await().atMost(Duration.ofSeconds(5));
        OriginateResult noContact = RecordingListener.await(OriginateResult.class, r -> unregistered.equals(r.correlationId()));
        assertThat(noContact.success()).isFalse();
        assertThat(noContact.reason()).isZero();
        assertThat(noContact.uniqueId()).isEmpty();
        assertThat(noContact.context()).isEqualTo("hotline-callback");

        TestPbx.get().peer.phone("counselor1").isBusy();
        String busy = pbx.originate(callback("PJSIP/counselor1", Duration.ofSeconds(10))).await().atMost(Duration.ofSeconds(5));
        OriginateResult busyResult = RecordingListener.await(OriginateResult.class, r -> busy.equals(r.correlationId()));
        assertThat(busyResult.success()).isFalse();
        assertThat(busyResult.reason()).isZero();

        TestPbx.get().peer.phone("counselor1").doesNotAnswer();
        String unanswered = pbx.originate(callback("PJSIP/counselor1", Duration.ofSeconds(5))).await().atMost(Duration.ofSeconds(5));
        OriginateResult timeout = RecordingListener.await(OriginateResult.class, r -> unanswered.equals(r.correlationId()));
        assertThat(timeout.success()).isFalse();
        assertThat(timeout.reason()).isEqualTo(3);
        assertThat(timeout.uniqueId()).contains(unanswered);
    }

    @Test
    void aRedirectBringsTheSupervisorInAndTheCallerKeepsTheirNumber() {
        PeerCall call = connectedCall("+8613600000001");
        MemberConnected connected = RecordingListener.await(MemberConnected.class, c -> call.uniqueId().equals(c.uniqueId()));
        TestPbx.get().peer.phone("supervisor").answersAfter(Duration.ofSeconds(1));

        pbx.redirect(call.channelName(), "hotline-transfer", "supervisor", 1).await().atMost(Duration.ofSeconds(5));

        DialStarted toSupervisor = RecordingListener.await(DialStarted.class,
                d -> call.uniqueId().equals(d.uniqueId()) && d.dialString().equals("supervisor"));
        assertThat(toSupervisor.destChannel()).startsWith("PJSIP/supervisor-");
        assertThat(RecordingListener.await(DialResult.class, d -> toSupervisor.destUniqueId().equals(d.destUniqueId()))
                .answered()).isTrue();
        call.hangUp();
        assertThat(call.awaitEnd(LONG)).isTrue();
        MemberCompleted completed = RecordingListener.await(MemberCompleted.class, c -> call.uniqueId().equals(c.uniqueId()));
        assertThat(completed.reason()).isEqualTo(PbxEvent.CompletionReason.CALLER);
        assertThat(completed.memberInterface()).isEqualTo(connected.memberInterface());
        // The queue's segment, the Dial's, and the h extension's own (telephony/cdr.conf: endbeforehexten = no,
        // as transcripts 10a-10e show).
        assertThat(RecordingListener.awaitAll(CdrRecorded.class, c -> call.uniqueId().equals(c.uniqueId()), 3))
                .hasSize(3).allSatisfy(c -> assertThat(c.source()).isEqualTo("+8613600000001"))
                .extracting(CdrRecorded::lastApplication, CdrRecorded::destination)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Queue", "supervisor"),
                        org.assertj.core.groups.Tuple.tuple("Dial", "supervisor"),
                        org.assertj.core.groups.Tuple.tuple("NoOp", "h"));
        assertThat(call.variable("QUEUE_PRIO")).isEqualTo("10");
    }

    @Test
    void aBlindTransferFromTheCounsellorsChannelIsReportedAsATransfer() {
        PeerCall call = connectedCall("+8613600000002");
        MemberConnected connected = RecordingListener.await(MemberConnected.class, c -> call.uniqueId().equals(c.uniqueId()));
        TestPbx.get().peer.phone("supervisor").answersAfter(Duration.ofSeconds(1));

        pbx.blindTransfer(connected.memberChannel(), "hotline-transfer", "supervisor").await().atMost(Duration.ofSeconds(5));

        CallTransferred transferred = RecordingListener.await(CallTransferred.class, t -> call.uniqueId().equals(t.uniqueId()));
        assertThat(transferred.success()).isTrue();
        assertThat(transferred.transfererChannel()).isEqualTo(connected.memberChannel());
        assertThat(transferred.context()).isEqualTo("hotline-transfer");
        assertThat(transferred.extension()).isEqualTo("supervisor");
        MemberCompleted completed = RecordingListener.await(MemberCompleted.class, c -> call.uniqueId().equals(c.uniqueId()));
        assertThat(completed.reason()).isEqualTo(PbxEvent.CompletionReason.TRANSFER);
        RecordingListener.await(DialStarted.class, d -> call.uniqueId().equals(d.uniqueId()) && d.dialString().equals("supervisor"));
        call.hangUp();
        assertThat(call.awaitEnd(LONG)).isTrue();
    }

    private PeerCall connectedCall(String from) {
        pbx.queueAdd("hl-130104", "PJSIP/counselor1", "counsellor1", 0, false).await().atMost(Duration.ofSeconds(5));
        pbx.queuePause("PJSIP/counselor1", Optional.empty(), false, "").await().atMost(Duration.ofSeconds(5));
        TestPbx.get().peer.phone("counselor1").answersAfter(Duration.ofSeconds(1));
        PeerCall call = TestPbx.get().peer.call(CallScript.from(from).to("031160130104").talksFor(Duration.ofSeconds(300)));
        RecordingListener.await(MemberConnected.class, c -> call.uniqueId().equals(c.uniqueId()));
        return call;
    }
}

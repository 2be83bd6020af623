package io.greenribbon.telephony;

import io.greenribbon.telephony.agi.AgiServerLifecycle;
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

import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The FastAGI server against the test PBX (the Asterisk peer, over real sockets): sessions from start to
 * end, hang-ups during a command and while the service is idle, refusals, and the fail-open dialplan.
 */
@QuarkusTest
class AgiServerTest {

    private static final Duration END = Duration.ofSeconds(15);

    @Inject
    AgiServerLifecycle server;

    @BeforeEach
    void reset() {
        ProbeRoute.reset();
    }

    @AfterEach
    void restore() {
        TestPbx.get().peer.agiNetwork().connectFrom(null);
        server.maximumSessions(500);
        ProbeRoute.reset();
    }

    private static PeerCall probeCall(String number, CallScript script) {
        return TestPbx.get().peer.call(script.to(number).onTrunk("probe-trunk"));
    }

    @Test
    void aSessionSetsVariablesOnItsOwnThreadAndEndsNormally() {
        ProbeRoute.behaviour = call -> {
            call.setVariable("PROBE_RAN", "1");
            call.setInheritedVariable("PROBE_CALL", "c-42");
            call.setVariables(new java.util.LinkedHashMap<>(java.util.Map.of("PROBE_MANY", "hl-130104", "__PROBE_KEPT", "7")));
            call.setVariables(java.util.Map.of("PROBE_COMMA", "a,b"));
            ProbeRoute.seen.add("caller:" + call.callerNumber().orElse("-") + " dnid:" + call.dialledNumber()
                    + " unique:" + call.uniqueId() + " channel:" + call.channel());
        };
        PeerCall call = probeCall("9001", CallScript.from("+8631166668888"));
        assertThat(call.awaitEnd(END)).isTrue();
        assertThat(call.variable("PROBE_RAN")).isEqualTo("1");
        assertThat(call.variable("PROBE_CALL")).isEqualTo("c-42");
        assertThat(call.variable("PROBE_MANY")).isEqualTo("hl-130104");
        assertThat(call.variable("PROBE_KEPT")).isEqualTo("7");
        assertThat(call.variable("PROBE_COMMA")).as("set one by one").isEqualTo("a,b");
        assertThat(call.variable("AGISTATUS")).isEqualTo("SUCCESS");
        assertThat(call.variable("AJ_AGISTATUS")).isEqualTo("SUCCESS");
        assertThat(call.variable("PROBE_FAILOPEN")).isNull();
        assertThat(ProbeRoute.seen).anyMatch(s -> s.startsWith("thread:fastagi-"))
                .contains("args:[9001, +8631166668888]")
                .contains("caller:+8631166668888 dnid:9001 unique:" + call.uniqueId() + " channel:" + call.channelName());
    }

    @Test
    void askDigitReturnsTheKeyPressedOrNothing() {
        ProbeRoute.behaviour = call -> {
            ProbeRoute.seen.add("first:" + call.askDigit("greenribbon/press-1-if-in-danger", Duration.ofSeconds(5)));
            ProbeRoute.seen.add("second:" + call.askDigit("greenribbon/press-1-if-in-danger", Duration.ofMillis(300)));
        };
        PeerCall call = probeCall("9001", CallScript.from("+8613800000001").presses("1"));
        assertThat(call.awaitEnd(END)).isTrue();
        assertThat(ProbeRoute.seen).contains("first:Optional[1]", "second:Optional.empty");
    }

    @Test
    void callerHangingUpDuringACommandEndsTheSessionNormally() {
        ProbeRoute.behaviour = call -> {
            call.askDigit("greenribbon/press-1-if-in-danger", Duration.ofSeconds(30));
            ProbeRoute.seen.add("not reached");
        };
        PeerCall call = probeCall("9001", CallScript.from("+8613800000002").hangsUpWhileReading(Duration.ofSeconds(1)));
        assertThat(call.awaitEnd(END)).isTrue();
        assertThat(ProbeRoute.seen).contains("hungup-exception").doesNotContain("not reached");
        assertThat(call.variable("AGISTATUS")).isEqualTo("HANGUP");
        // Asterisk-Java still marks the script as finished normally: a hang-up is not a failure.
        assertThat(call.variable("AJ_AGISTATUS")).isEqualTo("SUCCESS");
    }

    @Test
    void callerHangingUpWhileTheServiceThinksIsSeenAndTheDeadChannelStillTakesVariables() {
        ProbeRoute.behaviour = call -> {
            ProbeRoute.seen.add("hungUp before:" + call.hungUp());
            Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10)).until(call::hungUp);
            ProbeRoute.seen.add("hungUp after:" + call.hungUp());
            call.setVariable("PROBE_AFTER", "1");
        };
        PeerCall call = probeCall("9001", CallScript.from("+8613800000003").hangsUpAfterAgiStart(Duration.ofSeconds(2)));
        assertThat(call.awaitEnd(END)).isTrue();
        assertThat(ProbeRoute.seen).contains("hungUp before:false", "hungUp after:true");
        assertThat(call.variable("PROBE_AFTER")).isEqualTo("1");
        assertThat(call.variable("AGISTATUS")).isEqualTo("HANGUP");
    }

    @Test
    void anUnknownScriptIsRefusedWithOneWarningAndTheDialplanFailsOpen() {
        fallsBackLoggingOnce("9002", "+8613800000004", "NOT_FOUND", "WARN");
    }

    @Test
    void aRouteThatRefusesTheCallLogsOneWarningAndLeavesTheDialplanToFallBack() {
        ProbeRoute.behaviour = call -> {
            throw new CallRefusedException("line 9001 is not a hotline line");
        };
        assertThat(fallsBackLoggingOnce("9001", "+8613800000005", "FAILED", "WARN").message())
                .contains("line 9001 is not a hotline line");
    }

    @Test
    void aRouteThatFailsLogsOneErrorAndLeavesTheDialplanToFallBack() {
        ProbeRoute.behaviour = call -> {
            throw new IllegalStateException("the probe broke");
        };
        fallsBackLoggingOnce("9001", "+8613800000009", "FAILED", "ERROR");
    }

    /**
     * A probe call whose session the service ends without a decision: the dialplan falls back on
     * AJ_AGISTATUS {@code status}, and the service logs one line of {@code level} naming the call, with no
     * second one from Asterisk-Java (which logs every script that throws, and every missing script, as an
     * ERROR). Returns that line.
     */
    private static LogCapture.Line fallsBackLoggingOnce(String number, String caller, String status, String level) {
        try (LogCapture log = LogCapture.start()) {
            PeerCall call = probeCall(number, CallScript.from(caller));
            assertThat(call.awaitEnd(END)).isTrue();
            assertThat(call.variable("AJ_AGISTATUS")).isEqualTo(status);
            assertThat(call.variable("PROBE_FAILOPEN")).isEqualTo("1");
            assertThat(log.mentioning(call.uniqueId())).extracting(LogCapture.Line::level).containsExactly(level);
            assertThat(log.from("org.asteriskjava")).as("nothing from Asterisk-Java besides").isEmpty();
            return log.mentioning(call.uniqueId()).get(0);
        }
    }

    @Test
    void aConnectionFromAnAddressThatIsNotAsteriskIsRefused() throws Exception {
        TestPbx.get().peer.agiNetwork().connectFrom(InetAddress.getByName("127.0.0.2"));
        PeerCall call = probeCall("9001", CallScript.from("+8613800000006"));
        assertThat(call.awaitEnd(END)).isTrue();
        assertThat(ProbeRoute.seen).isEmpty();
        assertThat(call.variable("AJ_AGISTATUS")).isNull();
        assertThat(call.variable("PROBE_FAILOPEN")).isEqualTo("1");
    }

    @Test
    void aFullPoolLeavesAjAgiStatusEmptyAndTheHotlineCallerStillReachesAHuman() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ProbeRoute.behaviour = call -> {
            ProbeRoute.seen.add("holding");
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        server.maximumSessions(1);
        PeerCall holder = probeCall("9001", CallScript.from("+8613800000007"));
        Awaitility.await().atMost(END).until(() -> ProbeRoute.seen.contains("holding"));

        PeerCall caller = TestPbx.get().peer.call(CallScript.from("+8613800000008").to("031160130104")
                .talksFor(Duration.ofSeconds(2)));
        assertThat(caller.awaitEnd(Duration.ofSeconds(30))).isTrue();
        release.countDown();
        assertThat(holder.awaitEnd(END)).isTrue();

        assertThat(caller.variable("AJ_AGISTATUS")).as("Asterisk-Java never ran the script").isNull();
        assertThat(caller.variable("HOTLINE_FAILOPEN")).isEqualTo("1");
        assertThat(Optional.ofNullable(caller.variable("DIALSTATUS")).orElse("")
                + Optional.ofNullable(caller.variable("MEMBERINTERFACE")).orElse(""))
                .as("answered by a counsellor or the backup line").containsAnyOf("ANSWER", "PJSIP/");
    }
}

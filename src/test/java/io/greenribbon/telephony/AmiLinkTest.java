package io.greenribbon.telephony;

import io.greenribbon.problem.ProblemException;
import io.greenribbon.problem.ProblemType;
import io.greenribbon.telephony.PbxEvent.PbxLinkDown;
import io.greenribbon.telephony.PbxEvent.PbxLinkUp;
import io.greenribbon.telephony.peer.CallScript;
import io.greenribbon.telephony.peer.PeerCall;
import io.greenribbon.testkit.TestPbx;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.hamcrest.Matchers.equalTo;

/**
 * The AMI link: up in readiness, a dropped link that Asterisk-Java re-establishes with the calls in
 * progress found again, an Asterisk restart, and commands that fail fast while the link is down.
 */
@QuarkusTest
class AmiLinkTest {

    private static final Duration LONG = Duration.ofSeconds(30);

    @Inject
    Pbx pbx;

    @BeforeEach
    void linkUp() {
        Awaitility.await().atMost(LONG).until(pbx::linkUp);
    }

    @Test
    void theLinkIsPartOfReadiness() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'asterisk-ami' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'asterisk-ami' }.data.eventLeader", equalTo(true))
                .body("checks.find { it.name == 'fastagi' }.status", equalTo("UP"));
    }

    @Test
    void onlyOneReplicaCanHoldTheEventLeadersLock() throws Exception {
        var db = io.greenribbon.testkit.TestInfrastructure.get().postgres;
        try (var c = db.superuser(io.greenribbon.testkit.PostgresServer.DATABASE);
             var rs = c.createStatement().executeQuery("SELECT pg_try_advisory_lock(4573038, hashtext('default'))")) {
            rs.next();
            assertThat(rs.getBoolean(1)).as("a second replica cannot lead while this one does").isFalse();
        }
    }

    @Test
    void aDroppedLinkReconnectsAndTheCallInProgressIsFoundAgain() {
        TestPbx.get().peer.phone("carrier").answersAfter(Duration.ofSeconds(1));
        PeerCall call = TestPbx.get().peer.call(CallScript.from("+8613700000001").to("031160130105")
                .talksFor(Duration.ofSeconds(120)));
        Awaitility.await().atMost(LONG).until(() -> "ANSWER".equals(call.variable("DIALSTATUS")));
        Instant dropped = Instant.now();

        TestPbx.get().peer.dropAmiConnections();
        RecordingListener.await(PbxLinkDown.class, d -> !d.timestamp().isBefore(dropped));
        PbxLinkUp up = RecordingListener.await(PbxLinkUp.class, u -> !u.timestamp().isBefore(dropped));
        assertThat(up.reconnect()).isTrue();
        assertThat(up.pbxRestarted()).isFalse();

        Awaitility.await().atMost(LONG).until(pbx::linkUp);
        List<Pbx.ActiveChannel> channels = pbx.activeChannels().await().atMost(Duration.ofSeconds(5));
        assertThat(channels).anySatisfy(c -> {
            assertThat(c.uniqueId()).isEqualTo(call.uniqueId());
            assertThat(c.channel()).isEqualTo(call.channelName());
            assertThat(c.application()).isEqualTo("Dial");
            assertThat(c.callerNumber()).isEqualTo("+8613700000001");
            assertThat(c.bridgeId()).isNotBlank();
        });
        assertThat(channels).anySatisfy(c -> assertThat(c.linkedId()).isEqualTo(call.uniqueId())
                .isNotEqualTo(c.uniqueId()));
        call.hangUp();
        assertThat(call.awaitEnd(LONG)).isTrue();
    }

    @Test
    void commandsFailFastWhileAsteriskIsDownAndAnAsteriskRestartIsReported() {
        Instant stopped = Instant.now();
        TestPbx.get().peer.stopAsterisk();
        try {
            RecordingListener.await(PbxLinkDown.class, d -> !d.timestamp().isBefore(stopped));
            given().when().get("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == 'asterisk-ami' }.status", equalTo("DOWN"));
            long t0 = System.nanoTime();
            Throwable failure = catchThrowable(() -> pbx.queuePause("PJSIP/counselor1", Optional.empty(), true, "break")
                    .await().atMost(Duration.ofSeconds(5)));
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(500));
            assertThat(failure).isInstanceOf(ProblemException.class);
            assertThat(((ProblemException) failure).type()).isEqualTo(ProblemType.PBX_UNAVAILABLE);
            assertThat(((ProblemException) failure).type().status()).isEqualTo(503);
        } finally {
            TestPbx.get().peer.startAgain();
        }
        PbxLinkUp up = RecordingListener.await(PbxLinkUp.class, u -> !u.timestamp().isBefore(stopped));
        assertThat(up.reconnect()).isTrue();
        assertThat(up.pbxRestarted()).isTrue();
        Awaitility.await().atMost(LONG).until(pbx::linkUp);
        assertThat(pbx.activeChannels().await().atMost(Duration.ofSeconds(5))).isEmpty();
    }

    @Test
    void queueMembershipCommandsAreIdempotentAndQueueStatusShowsThem() {
        String queue = "hl-130121";
        pbx.queueAdd(queue, "PJSIP/counselor2", "counsellor2", 0, false).await().atMost(Duration.ofSeconds(5));
        pbx.queueAdd(queue, "PJSIP/counselor2", "counsellor2", 0, false).await().atMost(Duration.ofSeconds(5));
        pbx.queuePause("PJSIP/counselor2", Optional.of(queue), true, "wrap-up").await().atMost(Duration.ofSeconds(5));
        Pbx.QueueState state = pbx.queueStatus().await().atMost(Duration.ofSeconds(5)).stream()
                .filter(q -> q.name().equals(queue)).findFirst().orElseThrow();
        assertThat(state.strategy()).isEqualTo("leastrecent");
        assertThat(state.members()).singleElement().satisfies(m -> {
            assertThat(m.memberInterface()).isEqualTo("PJSIP/counselor2");
            assertThat(m.memberName()).isEqualTo("counsellor2");
            assertThat(m.paused()).isTrue();
            assertThat(m.pausedReason()).isEqualTo("wrap-up");
            assertThat(m.status()).isEqualTo(MemberStatus.NOT_IN_USE);
        });
        pbx.queueRemove(queue, "PJSIP/counselor2").await().atMost(Duration.ofSeconds(5));
        pbx.queueRemove(queue, "PJSIP/counselor2").await().atMost(Duration.ofSeconds(5));
        Throwable rejected = catchThrowable(() -> pbx.queuePause("PJSIP/counselor2", Optional.of(queue), true, "x")
                .await().atMost(Duration.ofSeconds(5)));
        assertThat(rejected).isInstanceOf(PbxCommandRejected.class).hasMessage("Interface not found");
    }
}

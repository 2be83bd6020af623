package io.greenribbon.hotline;

import io.greenribbon.telephony.PbxEvent;
import io.greenribbon.telephony.RecordingListener;
import io.greenribbon.telephony.peer.CallScript;
import io.greenribbon.telephony.peer.PeerCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.quarkus.test.junit.QuarkusTest;

import java.time.Duration;

import static io.greenribbon.hotline.Hotline.QIAOXI_LINE;
import static io.greenribbon.hotline.Hotline.SOON;
import static io.greenribbon.hotline.Hotline.as;
import static io.greenribbon.hotline.Hotline.awaitClosed;
import static io.greenribbon.hotline.Hotline.call;
import static io.greenribbon.hotline.Hotline.peer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * Callers to call back, listed without their number and called from the counsellor's own phone: an AMI
 * Originate to the test PBX rings the phone, and once it answers the dialplan dials the caller through the
 * carrier trunk. The number leaves the service only in that Originate.
 */
@QuarkusTest
class CallbackResourceTest {

    @BeforeEach
    @AfterEach
    void reset() {
        Hotline.reset();
    }

    /** A caller on Qiaoxi's line who hangs up while asked "press 1": an abandon, to be called back. */
    private long abandonedCall(String caller) {
        PeerCall call = call(CallScript.from(caller).to(QIAOXI_LINE).hangsUpWhileReading(Duration.ofSeconds(2)));
        assertThat(call.awaitEnd(SOON)).isTrue();
        Object contactId = awaitClosed(call.uniqueId()).get("id");
        return (Long) await().atMost(SOON).until(
                () -> Db.value("SELECT id FROM hotline_callback WHERE contact_id = ?", contactId), id -> id != null);
    }

    private static String callbackStatus(String username, long id) {
        return as(username).get("/api/hotline/callbacks?status=all").then().statusCode(200)
                .extract().path("find { it.id == " + id + " }.status");
    }

    @Test
    void anAbandonedCallerIsCalledBackFromTheCounsellorsPhoneWithoutTheNumberLeavingTheService() {
        long id = abandonedCall("+8613911140001");
        String listing = as("counsellor1").get("/api/hotline/callbacks").then().statusCode(200)
                .body("id", hasItem((int) id))
                .body("find { it.id == " + id + " }.reason", equalTo("ABANDONED"))
                .body("find { it.id == " + id + " }.status", equalTo("OPEN"))
                .extract().asString();
        assertThat(listing).doesNotContain("13911140001").doesNotContain("11140001");
        as("counsellor2").get("/api/hotline/callbacks").then().statusCode(200).body("id", not(hasItem((int) id)));
        as("counsellor2").post("/api/hotline/callbacks/" + id + "/dial").then().statusCode(404);

        // counsellor1's phone rings 20 s (PBX time) before it answers; the caller answers after 3 s.
        peer().phone("counselor1").answersAfter(Duration.ofSeconds(20), Duration.ofSeconds(30));
        peer().phone("carrier").answersAfter(Duration.ofSeconds(3));
        String attempt = as("counsellor1").post("/api/hotline/callbacks/" + id + "/dial").then().statusCode(202)
                .body("extension", equalTo("counselor1")).extract().path("attemptId");
        assertThat(attempt).doesNotContain("13911140001");
        assertThat(callbackStatus("counsellor1", id)).isEqualTo("DIALLING");
        // A second counsellor cannot dial the same caller at the same time.
        as("supervisor1").post("/api/hotline/callbacks/" + id + "/dial").then().statusCode(409);

        PbxEvent.OriginateResult phone = RecordingListener.await(PbxEvent.OriginateResult.class,
                r -> attempt.equals(r.correlationId()));
        assertThat(phone.success()).isTrue();
        assertThat(phone.channel()).startsWith("PJSIP/counselor1-");
        // The counsellor's phone answered: the dialplan dials the caller's own number through the carrier.
        PbxEvent.DialStarted dial = RecordingListener.await(PbxEvent.DialStarted.class,
                d -> d.uniqueId().equals(phone.uniqueId().orElseThrow()));
        assertThat(dial.dialString()).isEqualTo("13911140001@carrier");
        await().atMost(SOON).until(() -> "REACHED".equals(callbackStatus("counsellor1", id)));
        as("counsellor1").get("/api/hotline/callbacks?status=all").then()
                .body("find { it.id == " + id + " }.lastOutcome", equalTo("CALLEE_ANSWERED"));
        as("counsellor1").get("/api/hotline/callbacks").then().body("id", not(hasItem((int) id)));
        as("counsellor1").post("/api/hotline/callbacks/" + id + "/dial").then().statusCode(409);
    }

    @Test
    void aPhoneThatDoesNotAnswerLeavesTheCallbackOpenForTheNextTry() {
        long id = abandonedCall("13911140002");
        peer().phone("supervisor").doesNotAnswer();
        String attempt = as("supervisor1").post("/api/hotline/callbacks/" + id + "/dial").then().statusCode(202)
                .extract().path("attemptId");
        PbxEvent.OriginateResult phone = RecordingListener.await(PbxEvent.OriginateResult.class,
                r -> attempt.equals(r.correlationId()));
        assertThat(phone.success()).isFalse();
        await().atMost(SOON).until(() -> "OPEN".equals(callbackStatus("supervisor1", id)));
        as("supervisor1").get("/api/hotline/callbacks").then()
                .body("find { it.id == " + id + " }.attempts", equalTo(1))
                .body("find { it.id == " + id + " }.lastOutcome", equalTo("PHONE_UNANSWERED"));
        // Nobody was dialled: the caller's number never reached the trunk.
        assertThat(RecordingListener.first(PbxEvent.DialStarted.class, d -> d.dialString() != null
                && d.dialString().startsWith("13911140002"))).isEmpty();

        peer().phone("supervisor").answersAfter(Duration.ofSeconds(2), Duration.ofSeconds(10));
        String again = as("supervisor1").post("/api/hotline/callbacks/" + id + "/dial").then().statusCode(202)
                .extract().path("attemptId");
        assertThat(RecordingListener.await(PbxEvent.OriginateResult.class, r -> again.equals(r.correlationId()))
                .channel()).startsWith("PJSIP/supervisor-");
    }

    @Test
    void withThePbxDownNothingIsDialledAndTheCallbackStaysOpen() {
        long id = abandonedCall("13911140003");
        peer().amiUnreachable();
        try {
            await().atMost(SOON).until(() -> !Hotline.pbx().linkUp());
            as("counsellor1").post("/api/hotline/callbacks/" + id + "/dial").then().statusCode(503)
                    .body("type", equalTo("urn:greenribbon:problem:pbx-unavailable"));
        } finally {
            peer().amiReachable();
        }
        await().atMost(SOON).until(() -> Hotline.pbx().linkUp());
        as("counsellor1").get("/api/hotline/callbacks").then()
                .body("find { it.id == " + id + " }.status", equalTo("OPEN"));
    }
}

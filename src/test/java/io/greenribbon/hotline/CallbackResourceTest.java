package io.greenribbon.hotline;

import io.greenribbon.hotline.calls.HotlineEventListener;
import io.greenribbon.hotline.routing.RouteScript;
import io.greenribbon.telephony.Pbx;
import io.greenribbon.telephony.PbxEvent;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static io.greenribbon.hotline.Hotline.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Callers to call back: listed without their number, called from the counsellor's own phone. */
@QuarkusTest
class CallbackResourceTest {

    @Inject
    RouteScript route;
    @Inject
    HotlineEventListener listener;
    @Inject
    FakePbx pbx;

    @BeforeEach
    void reset() {
        Hotline.resetPresence();
        pbx.reset();
    }

    private long abandonedCall(String line, String queue, String caller) {
        String uid = "1795689100." + UUID.randomUUID().toString().substring(0, 8);
        route.handle(FakeCallSession.call(uid, line, caller));
        PbxEvents call = new PbxEvents(uid, Instant.now());
        listener.on(call.joined(5, queue));
        listener.on(call.abandoned(25, queue, 20));
        listener.on(call.hungUp(25));
        return (Long) Db.value("SELECT cb.id FROM hotline_callback cb JOIN hotline_contact c ON c.id = cb.contact_id "
                + "WHERE c.call_uniqueid = ?", uid);
    }

    @Test
    void anAbandonedCallerIsCalledBackFromTheCounsellorsPhoneWithoutTheNumberLeavingTheService() {
        long id = abandonedCall(Hotline.QIAOXI_LINE, "hl-130104", "+86 139 1114 0001");
        String listing = as("counsellor1").get("/api/hotline/callbacks").then().statusCode(200)
                .body("id", hasItem((int) id))
                .body("find { it.id == " + id + " }.reason", equalTo("ABANDONED"))
                .body("find { it.id == " + id + " }.status", equalTo("OPEN"))
                .extract().asString();
        assertThat(listing).doesNotContain("13911140001").doesNotContain("11140001");
        as("counsellor2").get("/api/hotline/callbacks").then().statusCode(200).body("id", not(hasItem((int) id)));
        as("counsellor2").post("/api/hotline/callbacks/" + id + "/dial").then().statusCode(404);

        String attempt = as("counsellor1").post("/api/hotline/callbacks/" + id + "/dial").then().statusCode(202)
                .body("extension", equalTo("counselor1")).extract().path("attemptId");
        assertThat(attempt).doesNotContain("13911140001");
        Pbx.OriginateRequest originate = pbx.originates.get(0);
        assertThat(originate.channel()).isEqualTo("PJSIP/counselor1");
        assertThat(originate.context()).isEqualTo("hotline-callback");
        assertThat(originate.exten()).isEqualTo("13911140001");
        assertThat(originate.callerIdNumber()).isEqualTo(Hotline.QIAOXI_LINE);
        as("counsellor1").get("/api/hotline/callbacks").then()
                .body("find { it.id == " + id + " }.status", equalTo("DIALLING"));
        // A second counsellor cannot dial the same caller at the same time.
        as("supervisor1").post("/api/hotline/callbacks/" + id + "/dial").then().statusCode(409);

        Instant now = Instant.now();
        listener.on(new PbxEvent.OriginateResult(now, attempt, true, 4, "PJSIP/counselor1-00000010", Optional.of(attempt)));
        listener.on(new PbxEvent.DialResult(now.plusSeconds(6), attempt, attempt, "PJSIP/carrier-00000011",
                attempt + ".1", "ANSWER"));
        as("counsellor1").get("/api/hotline/callbacks?status=all").then()
                .body("find { it.id == " + id + " }.status", equalTo("REACHED"))
                .body("find { it.id == " + id + " }.lastOutcome", equalTo("CALLEE_ANSWERED"));
        as("counsellor1").get("/api/hotline/callbacks").then().body("id", not(hasItem((int) id)));
        as("counsellor1").post("/api/hotline/callbacks/" + id + "/dial").then().statusCode(409);
    }

    @Test
    void aPhoneThatDoesNotAnswerLeavesTheCallbackOpenForTheNextTry() {
        long id = abandonedCall(Hotline.QIAOXI_LINE, "hl-130104", "13911140002");
        String attempt = as("supervisor1").post("/api/hotline/callbacks/" + id + "/dial").then().statusCode(202)
                .extract().path("attemptId");
        listener.on(new PbxEvent.OriginateResult(Instant.now(), attempt, false, 3, "PJSIP/supervisor", Optional.empty()));
        as("supervisor1").get("/api/hotline/callbacks").then()
                .body("find { it.id == " + id + " }.status", equalTo("OPEN"))
                .body("find { it.id == " + id + " }.attempts", equalTo(1))
                .body("find { it.id == " + id + " }.lastOutcome", equalTo("PHONE_UNANSWERED"));
        as("supervisor1").post("/api/hotline/callbacks/" + id + "/dial").then().statusCode(202);
        assertThat(pbx.originates).hasSize(2).allSatisfy(o -> assertThat(o.channel()).isEqualTo("PJSIP/supervisor"));
    }

    @Test
    void withThePbxDownNothingIsDialledAndTheCallbackStaysOpen() {
        long id = abandonedCall(Hotline.QIAOXI_LINE, "hl-130104", "13911140003");
        pbx.linkUp(false);
        as("counsellor1").post("/api/hotline/callbacks/" + id + "/dial").then().statusCode(503);
        pbx.linkUp(true);
        as("counsellor1").get("/api/hotline/callbacks").then()
                .body("find { it.id == " + id + " }.status", equalTo("OPEN"));
    }
}

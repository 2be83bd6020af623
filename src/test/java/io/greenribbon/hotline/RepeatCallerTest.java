package io.greenribbon.hotline;

import io.greenribbon.risk.HotlineCalls;
import io.greenribbon.telephony.Pbx;
import io.greenribbon.telephony.peer.CallScript;
import io.greenribbon.telephony.peer.PeerCall;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.greenribbon.hotline.Hotline.QIAOXI_LINE;
import static io.greenribbon.hotline.Hotline.QIAOXI_QUEUE;
import static io.greenribbon.hotline.Hotline.SOON;
import static io.greenribbon.hotline.Hotline.XINHUA_LINE;
import static io.greenribbon.hotline.Hotline.awaitClosed;
import static io.greenribbon.hotline.Hotline.awaitContact;
import static io.greenribbon.hotline.Hotline.awaitPresence;
import static io.greenribbon.hotline.Hotline.call;
import static io.greenribbon.hotline.Hotline.membersOf;
import static io.greenribbon.hotline.Hotline.peer;
import static io.greenribbon.hotline.Hotline.queue;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A caller with an open high-risk case: raised above everyone waiting without being asked, and put through
 * to their own counsellor first when that counsellor is free. The open case is a real one: the risk
 * capability's own routing question ({@code risk_routing_flag}, which the route statement asks) finds it by
 * the caller's key, after counsellor1 screened an earlier call of this caller as high risk.
 */
@QuarkusTest
class RepeatCallerTest {

    private static final String CALLER = "13911110007";

    @Inject
    HotlineCalls calls;

    private static boolean caseOpen;

    /** counsellor1 (Qiaoxi) answered this caller before and screened them as high risk: an open case. */
    private void openCase() {
        long contact = calls.answered("counsellor1", CALLER);
        try {
            Hotline.as("counsellor1").body(Map.of("contactId", contact, "answers", Map.of("wishedDead", true,
                            "suicidalThoughts", true, "thoughtOfMethod", true, "intent", true, "planAndIntent", false,
                            "suicidalBehaviour", false)))
                    .post("/api/risk/screenings").then().statusCode(201);
        } finally {
            calls.hangUp(contact);
        }
    }

    @BeforeEach
    void setUp() {
        if (!caseOpen) {
            openCase();
            caseOpen = true;
        }
        Hotline.reset();
    }

    @AfterEach
    void tearDown() {
        Hotline.reset();
    }

    @Test
    void aCallerWithAnOpenCaseIsRaisedWithoutBeingAskedAndRingsTheirOwnFreeCounsellorFirst() {
        assertThat(calls.routingFlag(calls.callerKey(CALLER))).as("the risk feature's answer to routing: a real case")
                .contains(new HotlineCalls.RoutingFlag("HIGH", "counsellor1"));
        Hotline.available("counsellor1", "130104", "counselor1");
        Hotline.available("supervisor1", "130104", "supervisor");
        peer().phone("counselor1").answersAfter(Duration.ofSeconds(2));
        // The caller calls Xinhua's line, not their counsellor's county: the counsellor is still rung first.
        PeerCall call = call(CallScript.from(CALLER).to(XINHUA_LINE).talksFor(Duration.ofSeconds(30)));

        Map<String, Object> c = awaitContact(call.uniqueId(), x -> x.get("answered_at") != null);
        assertThat(call.variable("QUEUE_PRIO")).isEqualTo("10");
        assertThat(call.variable("HOTLINE_PREFERRED")).isEqualTo("PJSIP/counselor1");
        assertThat(c).containsEntry("risk_reason", "OPEN_CASE").containsEntry("priority", 10)
                .containsEntry("preferred_username", "counsellor1").containsEntry("answered_via", "PREFERRED")
                .containsEntry("counsellor_username", "counsellor1").containsEntry("division_code", "130105");
        long id = (Long) c.get("id");
        awaitPresence("counsellor1", p -> Long.valueOf(id).equals(p.get("in_call_contact_id")));
        assertThat(membersOf("PJSIP/supervisor")).noneMatch(Pbx.QueueMemberState::inCall);
        assertThat(call.awaitEnd(SOON)).isTrue();
        assertThat(awaitClosed(call.uniqueId())).containsEntry("outcome", "ANSWERED");
        awaitPresence("counsellor1", p -> "WRAP_UP".equals(p.get("state")));
    }

    @Test
    void withTheirCounsellorPausedTheCallerIsRaisedInTheQueueOnTheLineThatWouldHaveAsked() {
        Hotline.available("counsellor1", "130104", "counselor1");
        Hotline.signIn("counsellor1", "PAUSED", "break");
        Hotline.available("supervisor1", "130104", "supervisor");
        peer().phone("supervisor").answersAfter(Duration.ofSeconds(1));
        // Somebody already waits (the supervisor is busy with them): the raised caller goes ahead.
        PeerCall first = call(CallScript.from("13911110008").to(XINHUA_LINE).talksFor(Duration.ofSeconds(600)));
        awaitContact(first.uniqueId(), x -> x.get("answered_at") != null);
        PeerCall waiting = call(CallScript.from("13911110009").to(QIAOXI_LINE).presses("2"));
        awaitContact(waiting.uniqueId(), x -> x.get("queued_at") != null);

        PeerCall call = call(CallScript.from(CALLER).to(QIAOXI_LINE).presses("2"));
        Map<String, Object> c = awaitContact(call.uniqueId(), x -> x.get("queued_at") != null);
        assertThat(call.keyReads()).as("an open case needs no question").isZero();
        assertThat(call.variable("QUEUE_PRIO")).isEqualTo("10");
        assertThat(call.variable("HOTLINE_PREFERRED")).isNull();
        assertThat(c).containsEntry("risk_reason", "OPEN_CASE").containsEntry("preferred_username", null)
                .containsEntry("priority", 10);
        assertThat(queue(QIAOXI_QUEUE).callers()).extracting(Pbx.WaitingCaller::uniqueId)
                .containsExactly(call.uniqueId(), waiting.uniqueId());
    }
}

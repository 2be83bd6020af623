package io.greenribbon.hotline;

import io.greenribbon.telephony.Pbx;
import io.greenribbon.telephony.peer.CallScript;
import io.greenribbon.telephony.peer.PeerCall;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.greenribbon.hotline.Hotline.QIAOXI_LINE;
import static io.greenribbon.hotline.Hotline.QIAOXI_QUEUE;
import static io.greenribbon.hotline.Hotline.SOON;
import static io.greenribbon.hotline.Hotline.as;
import static io.greenribbon.hotline.Hotline.awaitClosed;
import static io.greenribbon.hotline.Hotline.awaitContact;
import static io.greenribbon.hotline.Hotline.awaitPresence;
import static io.greenribbon.hotline.Hotline.call;
import static io.greenribbon.hotline.Hotline.membersOf;
import static io.greenribbon.hotline.Hotline.peer;
import static io.greenribbon.hotline.Hotline.queue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * "If you are thinking of ending your life now, press 1": the key raises the call's QUEUE_PRIO above everyone
 * waiting, and rings the caller's own counsellor first when that counsellor is free.
 */
@QuarkusTest
class PriorityTest {

    @BeforeEach
    @AfterEach
    void reset() {
        Hotline.reset();
    }

    @Test
    void pressingOneRaisesTheCallAheadOfEveryoneWaiting() {
        Hotline.available("counsellor1", "130104", "counselor1");
        peer().phone("counselor1").answersAfter(Duration.ofSeconds(1));
        PeerCall talking = call(CallScript.from("13911110010").to(QIAOXI_LINE).presses("2").talksFor(Duration.ofSeconds(600)));
        awaitContact(talking.uniqueId(), c -> c.get("answered_at") != null);

        // counsellor1 is busy: two callers wait in Qiaoxi's queue, the second one pressed 1.
        PeerCall waiting = call(CallScript.from("13911110001").to(QIAOXI_LINE).presses("2").talksFor(Duration.ofSeconds(600)));
        awaitContact(waiting.uniqueId(), c -> c.get("queued_at") != null);
        PeerCall inDanger = call(CallScript.from("13911110002").to(QIAOXI_LINE).presses("1").talksFor(Duration.ofSeconds(60)));
        Map<String, Object> raised = awaitContact(inDanger.uniqueId(), c -> c.get("queued_at") != null);

        assertThat(inDanger.variable("QUEUE_PRIO")).isEqualTo("10");
        assertThat(waiting.variable("QUEUE_PRIO")).isEqualTo("0");
        assertThat(raised).containsEntry("priority", 10).containsEntry("risk_reason", "PRESSED_ONE");
        assertThat(Hotline.contact(waiting.uniqueId())).containsEntry("priority", 0).containsEntry("risk_reason", null);
        List<Pbx.WaitingCaller> callers = queue(QIAOXI_QUEUE).callers();
        assertThat(callers).extracting(Pbx.WaitingCaller::uniqueId).containsExactly(inDanger.uniqueId(), waiting.uniqueId());
        assertThat(callers).extracting(Pbx.WaitingCaller::priority).containsExactly(10, 0);
        assertThat(callers).extracting(Pbx.WaitingCaller::position).containsExactly(1, 2);

        // A colleague signs in: the raised caller is answered first, the other one still waits.
        peer().phone("supervisor").answersAfter(Duration.ofSeconds(1));
        Hotline.allowOnLine("supervisor1", "130104");
        Hotline.signIn("supervisor1", "AVAILABLE", null);
        Map<String, Object> answered = awaitContact(inDanger.uniqueId(), c -> c.get("answered_at") != null);
        assertThat(answered).containsEntry("counsellor_username", "supervisor1").containsEntry("answered_via", "TIER1");
        assertThat(Hotline.contact(waiting.uniqueId())).containsEntry("answered_at", null);
        assertThat(queue(QIAOXI_QUEUE).callers()).extracting(Pbx.WaitingCaller::uniqueId).containsExactly(waiting.uniqueId());
    }

    @Test
    void pressingOneRingsTheCallersOwnCounsellorFirstWhenFree() {
        String caller = "13911110005";
        Hotline.available("counsellor1", "130104", "counselor1");
        peer().phone("counselor1").answersAfter(Duration.ofSeconds(2), Duration.ofSeconds(30));
        PeerCall first = call(CallScript.from(caller).to(QIAOXI_LINE).presses("2"));
        assertThat(first.awaitEnd(SOON)).isTrue();
        long firstId = (Long) awaitClosed(first.uniqueId()).get("id");
        awaitPresence("counsellor1", p -> "WRAP_UP".equals(p.get("state")));
        as("counsellor1").body(Map.of("problems", List.of("EMOTION"))).patch("/api/hotline/contacts/" + firstId)
                .then().statusCode(200);

        // The same caller again, in danger: counsellor1, who answered them last time and is free, rings first.
        Hotline.available("supervisor1", "130104", "supervisor");
        peer().phone("counselor1").answersAfter(Duration.ofSeconds(3));
        PeerCall again = call(CallScript.from(caller).to(QIAOXI_LINE).presses("1").talksFor(Duration.ofSeconds(45)));
        Map<String, Object> c = awaitContact(again.uniqueId(), x -> x.get("answered_at") != null);
        assertThat(again.variable("HOTLINE_PREFERRED")).isEqualTo("PJSIP/counselor1");
        assertThat(again.variable("HOTLINE_PREFERRED_WAIT")).isEqualTo("20");
        assertThat(again.variable("QUEUE_PRIO")).isEqualTo("10");
        assertThat(c).containsEntry("answered_via", "PREFERRED").containsEntry("counsellor_username", "counsellor1")
                .containsEntry("preferred_username", "counsellor1").containsEntry("repeat_caller", true)
                .containsEntry("risk_reason", "PRESSED_ONE").containsEntry("priority", 10);
        long id = (Long) c.get("id");
        awaitPresence("counsellor1", p -> Long.valueOf(id).equals(p.get("in_call_contact_id")));
        // The queues never rang anyone for this call: the supervisor's phone stayed idle.
        assertThat(membersOf("PJSIP/supervisor")).noneMatch(Pbx.QueueMemberState::inCall);
        assertThat(again.awaitEnd(SOON)).isTrue();
        Map<String, Object> closed = awaitClosed(again.uniqueId());
        assertThat(closed).containsEntry("outcome", "ANSWERED");
        assertThat(((Number) closed.get("talk_ms")).longValue()).isBetween(44000L, 46000L);
        assertThat(Hotline.timeline(id)).containsSubsequence("PREFERRED_DIAL", "HANGUP").doesNotContain("QUEUED");
        awaitPresence("counsellor1", p -> "WRAP_UP".equals(p.get("state")));
        await().atMost(SOON).until(() -> Hotline.queueMembers().stream().noneMatch(Pbx.QueueMemberState::inCall));
    }
}

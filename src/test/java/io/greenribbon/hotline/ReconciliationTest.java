package io.greenribbon.hotline;

import io.greenribbon.hotline.calls.HotlineEventListener;
import io.greenribbon.hotline.routing.RouteScript;
import io.greenribbon.telephony.Pbx;
import io.greenribbon.telephony.PbxEvent;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * After the AMI link comes back (or the service restarts), the service puts its records and Asterisk's
 * queues back in line: calls that ended unseen are closed, answers it missed are recorded, queue members
 * follow presence again.
 */
@QuarkusTest
class ReconciliationTest {

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
        // Contacts other tests left open would be closed here too; close them first so this test sees its own.
        Db.update("UPDATE hotline_contact SET status = 'CLOSED', ended_at = now(), outcome = coalesce(outcome, 'ABANDONED') "
                + "WHERE status = 'OPEN'");
    }

    private String routed(String caller) {
        String uid = "1795689300." + UUID.randomUUID().toString().substring(0, 8);
        route.handle(FakeCallSession.call(uid, Hotline.QIAOXI_LINE, caller));
        return uid;
    }

    private static Map<String, Object> contact(String uid) {
        return Db.row("SELECT * FROM hotline_contact WHERE call_uniqueid = ?", uid);
    }

    @Test
    void aReconnectClosesCallsThatEndedUnseenRecordsMissedAnswersAndReappliesPresence() {
        Hotline.allowOnLine("counsellor1", "130104");
        Hotline.signIn("counsellor1", "AVAILABLE", null);
        String ended = routed("13911160001");
        String talking = routed("13911160002");
        listener.on(new PbxEvents(talking, Instant.now()).joined(5, "hl-130104"));

        // Meanwhile (link down): the first caller hung up, the second was answered by counsellor1;
        // Asterisk restarted its queues and someone added a member by hand.
        listener.on(new PbxEvent.PbxLinkDown(Instant.now()));
        pbx.reset();
        pbx.force(new FakePbx.Member("hl-130104", "PJSIP/ghost", "ghost", false, ""));
        pbx.channels.add(new Pbx.ActiveChannel("PJSIP/carrier-00000002", talking, talking, "hotline", "s", 12, "Up",
                "Queue", "hl-130104,,,,30", "13911160002", "12356", Duration.ofSeconds(40), "bridge-1"));
        pbx.channels.add(new Pbx.ActiveChannel("PJSIP/counselor1-00000003", talking + "1", talking, "hotline", "s", 1,
                "Up", "AppQueue", "(Outgoing Line)", "12356", "13911160002", Duration.ofSeconds(20), "bridge-1"));

        listener.on(new PbxEvent.PbxLinkUp(Instant.now(), true, false));

        await().atMost(Duration.ofSeconds(20)).until(() -> "CLOSED".equals(contact(ended).get("status")));
        assertThat(contact(ended)).containsEntry("end_estimated", true).containsEntry("answered_at", null);
        await().atMost(Duration.ofSeconds(20)).until(() -> contact(talking).get("answered_at") != null);
        assertThat(contact(talking)).containsEntry("status", "OPEN").containsEntry("counsellor_username", "counsellor1")
                .containsEntry("answered_via", "TIER1").containsEntry("queue_wait_ms", null);
        assertThat(Db.row("SELECT in_call_contact_id FROM hotline_presence WHERE username = 'counsellor1'"))
                .containsEntry("in_call_contact_id", contact(talking).get("id"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(pbx.member("hl-130104", "PJSIP/ghost")).isEmpty();
            assertThat(pbx.membersOf("PJSIP/counselor1")).extracting(FakePbx.Member::queue)
                    .containsExactlyInAnyOrder("hl-130104", "hl-1301");
        });

        // The talking call ends after the link is back: closed from the event, not estimated.
        listener.on(new PbxEvents(talking, Instant.now()).hungUp(1));
        assertThat(contact(talking)).containsEntry("status", "CLOSED").containsEntry("end_estimated", false)
                .containsEntry("outcome", "ANSWERED");
    }
}

package io.greenribbon.hotline;

import io.greenribbon.hotline.calls.HotlineEventListener;
import io.greenribbon.hotline.presence.WrapUpSweeperAccess;
import io.greenribbon.hotline.routing.RouteScript;
import io.greenribbon.telephony.PbxEvent;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.greenribbon.hotline.Hotline.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A call's life from the PBX's events, delivered as the telephony adapter delivers them: contact times
 * and outcomes, presence changes, and replays that change nothing.
 */
@QuarkusTest
class CallLifecycleTest {

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

    private String routed(String line, String caller) {
        String uid = "1795688700." + UUID.randomUUID().toString().substring(0, 8);
        route.handle(FakeCallSession.call(uid, line, caller));
        return uid;
    }

    private void deliver(PbxEvent... events) {
        for (PbxEvent e : events) {
            listener.on(e);
        }
    }

    private static Map<String, Object> contact(String uid) {
        return Db.row("SELECT * FROM hotline_contact WHERE call_uniqueid = ?", uid);
    }

    private static Map<String, Object> presence(String username) {
        return Db.row("SELECT * FROM hotline_presence WHERE username = ?", username);
    }

    @Test
    void anAnsweredCallIsTimedAndTheCounsellorWrapsUpUntilTheFormIsSaved() {
        Hotline.allowOnLine("counsellor1", "130104");
        Hotline.signIn("counsellor1", "AVAILABLE", null);
        String uid = routed(Hotline.QIAOXI_LINE, "13911120001");
        PbxEvents call = new PbxEvents(uid, Instant.now());
        PbxEvent[] events = {
                call.joined(6, "hl-130104"),
                call.ringing(7, "hl-130104", "counselor1", "counsellor1"),
                call.connected(9.5, "hl-130104", "counselor1", "counsellor1", 3, 2),
                call.completed(49.5, "hl-130104", "counselor1", "counsellor1", 40, PbxEvent.CompletionReason.CALLER),
                call.hungUp(49.6)};
        deliver(events);

        Map<String, Object> c = contact(uid);
        assertThat(c).containsEntry("status", "CLOSED").containsEntry("outcome", "ANSWERED")
                .containsEntry("answered_via", "TIER1").containsEntry("answered_queue", "hl-130104")
                .containsEntry("counsellor_username", "counsellor1").containsEntry("counsellor_division", "130104")
                .containsEntry("queue_wait_ms", 3500).containsEntry("ring_ms", 2000).containsEntry("talk_ms", 40000)
                .containsEntry("missed_count", 0).containsEntry("end_estimated", false);
        Map<String, Object> p = presence("counsellor1");
        assertThat(p).containsEntry("state", "WRAP_UP").containsEntry("wrap_up_contact_id", c.get("id"))
                .containsEntry("in_call_contact_id", null);
        await().until(() -> pbx.membersOf("PJSIP/counselor1").stream().allMatch(m -> m.paused() && "wrap-up".equals(m.reason())));

        // Replaying the whole call (a reconnect, a new leader) changes nothing.
        long timeline = (Long) Db.value("SELECT count(*) FROM hotline_contact_event WHERE contact_id = ?", c.get("id"));
        deliver(events);
        assertThat(contact(uid)).isEqualTo(c);
        assertThat(Db.value("SELECT count(*) FROM hotline_contact_event WHERE contact_id = ?", c.get("id"))).isEqualTo(timeline);

        as("counsellor1").body(Map.of("problems", List.of("EMOTION", "FAMILY"), "notes", "来电者情绪低落，约定明天回访"))
                .patch("/api/hotline/contacts/" + c.get("id")).then().statusCode(200);
        assertThat(presence("counsellor1")).containsEntry("state", "AVAILABLE");
        await().until(() -> pbx.membersOf("PJSIP/counselor1").stream().noneMatch(FakePbx.Member::paused));
    }

    @Test
    void wrapUpEndsByItselfWhenItsTimeRunsOut() {
        Hotline.allowOnLine("counsellor1", "130104");
        Hotline.signIn("counsellor1", "AVAILABLE", null);
        String uid = routed(Hotline.QIAOXI_LINE, "13911120002");
        PbxEvents call = new PbxEvents(uid, Instant.now());
        deliver(call.joined(6, "hl-1301"), call.connected(8, "hl-1301", "counselor1", "counsellor1", 2, 1),
                call.completed(20, "hl-1301", "counselor1", "counsellor1", 12, PbxEvent.CompletionReason.AGENT),
                call.hungUp(20));
        assertThat(contact(uid)).containsEntry("answered_via", "TIER2");
        assertThat(presence("counsellor1")).containsEntry("state", "WRAP_UP");

        Db.update("UPDATE hotline_presence SET wrap_up_until = now() - interval '1 second' WHERE username = 'counsellor1'");
        WrapUpSweeperAccess.sweepNow();
        assertThat(presence("counsellor1")).containsEntry("state", "AVAILABLE");
    }

    @Test
    void abandonsAreRecordedWithTheirWaitAndShortAbandonsApart() {
        String longWait = routed(Hotline.XINHUA_LINE, "13911120003");
        PbxEvents a = new PbxEvents(longWait, Instant.now());
        deliver(a.joined(6, "hl-130105"), a.abandoned(18, "hl-130105", 12), a.hungUp(18));
        assertThat(contact(longWait)).containsEntry("outcome", "ABANDONED").containsEntry("queue_wait_ms", 12000)
                .containsEntry("status", "CLOSED");
        assertThat(Db.rows("SELECT reason, status FROM hotline_callback WHERE contact_id = ?", contact(longWait).get("id")))
                .containsExactly(Map.of("reason", "ABANDONED", "status", "OPEN"));

        String quick = routed(Hotline.XINHUA_LINE, "13911120004");
        PbxEvents q = new PbxEvents(quick, Instant.now());
        deliver(q.joined(6, "hl-130105"), q.abandoned(9, "hl-130105", 3), q.hungUp(9));
        assertThat(contact(quick)).containsEntry("outcome", "SHORT_ABANDON").containsEntry("queue_wait_ms", 3000);
        assertThat(Db.rows("SELECT 1 FROM hotline_callback WHERE contact_id = ?", contact(quick).get("id"))).isEmpty();

        String greeting = routed(Hotline.XINHUA_LINE, "13911120005");
        deliver(new PbxEvents(greeting, Instant.now()).hungUp(2));
        assertThat(contact(greeting)).containsEntry("outcome", "SHORT_ABANDON").containsEntry("queued_at", null);
    }

    @Test
    void aMissedRingPausesTheCounsellorWithReasonMissedAndTheCallMovesOn() {
        Hotline.allowOnLine("counsellor1", "130104");
        Hotline.signIn("counsellor1", "AVAILABLE", null);
        String uid = routed(Hotline.QIAOXI_LINE, "13911120006");
        PbxEvents call = new PbxEvents(uid, Instant.now());
        PbxEvent.MemberRingNoAnswer missed = call.noAnswer(15, "hl-130104", "counselor1", "counsellor1", 8);
        // Asterisk's autopause pauses the member in every queue with its own reason.
        pbx.force(new FakePbx.Member("hl-130104", "PJSIP/counselor1", "counsellor1", true, "Auto-Pause"));
        pbx.force(new FakePbx.Member("hl-1301", "PJSIP/counselor1", "counsellor1", true, "Auto-Pause"));
        deliver(call.joined(6, "hl-130104"), call.ringing(7, "hl-130104", "counselor1", "counsellor1"), missed,
                call.autoPaused(15, "hl-130104", "counselor1", "counsellor1"));

        assertThat(presence("counsellor1")).containsEntry("state", "PAUSED").containsEntry("pause_reason", "missed");
        await().until(() -> pbx.membersOf("PJSIP/counselor1").stream().allMatch(m -> m.paused() && "missed".equals(m.reason())));
        deliver(missed);
        assertThat(contact(uid)).containsEntry("missed_count", 1).containsEntry("status", "OPEN");
        assertThat(Db.value("SELECT count(*) FROM hotline_contact_event e JOIN hotline_contact c ON c.id = e.contact_id "
                + "WHERE c.call_uniqueid = ? AND e.kind = 'MISSED'", uid)).isEqualTo(1L);
    }

    @Test
    void aCallTheServiceNeverRoutedGetsAFailOpenContactFromItsQueueEvents() {
        String uid = "1795688800." + UUID.randomUUID().toString().substring(0, 8);
        PbxEvents call = new PbxEvents(uid, Instant.now());
        deliver(call.joined(3, "hl-130105"), call.abandoned(30, "hl-130105", 27), call.cdr(30, "+8631166661234"),
                call.hungUp(30));
        assertThat(contact(uid)).containsEntry("source", "FAIL_OPEN").containsEntry("line_id", Hotline.XINHUA_LINE)
                .containsEntry("division_code", "130105").containsEntry("outcome", "ABANDONED")
                .containsEntry("status", "CLOSED");
        assertThat(contact(uid).get("caller_key")).isNotNull();
    }

    @Test
    void theOwnCounsellorsDirectRingAndTheBackupLineAreRecorded() {
        Hotline.allowOnLine("counsellor1", "130104");
        Hotline.signIn("counsellor1", "AVAILABLE", null);
        String preferred = routed(Hotline.QIAOXI_LINE, "13911120007");
        PbxEvents p = new PbxEvents(preferred, Instant.now());
        deliver(p.dial(6, "PJSIP/counselor1"), p.dialResult(10, "PJSIP/counselor1-0000000b", "ANSWER"), p.hungUp(70));
        assertThat(contact(preferred)).containsEntry("answered_via", "PREFERRED").containsEntry("queue_wait_ms", 4000)
                .containsEntry("counsellor_username", "counsellor1").containsEntry("talk_ms", 60000)
                .containsEntry("outcome", "ANSWERED");
        assertThat(presence("counsellor1")).containsEntry("state", "WRAP_UP");

        String backup = routed(Hotline.XINHUA_LINE, "13911120008");
        PbxEvents b = new PbxEvents(backup, Instant.now());
        deliver(b.joined(6, "hl-130105"), b.left(36, "hl-130105"), b.joined(36, "hl-1301"), b.left(126, "hl-1301"),
                b.dial(126, "PJSIP/031112356@carrier"), b.dialResult(130, "PJSIP/carrier-0000000c", "ANSWER"),
                b.hungUp(400));
        assertThat(contact(backup)).containsEntry("answered_via", "BACKUP").containsEntry("outcome", "BACKUP")
                .containsEntry("queue_wait_ms", 124000).containsEntry("counsellor_username", null);

        String nobody = routed(Hotline.XINHUA_LINE, "13911120009");
        PbxEvents n = new PbxEvents(nobody, Instant.now());
        deliver(n.joined(6, "hl-130105"), n.dial(126, "PJSIP/031112356@carrier"),
                n.dialResult(186, "PJSIP/carrier-0000000d", "NOANSWER"), n.hungUp(186));
        assertThat(contact(nobody)).containsEntry("outcome", "UNANSWERED");
        assertThat(Db.value("SELECT reason FROM hotline_callback WHERE contact_id = ?", contact(nobody).get("id")))
                .isEqualTo("UNANSWERED");
    }
}

package io.greenribbon.hotline;

import io.greenribbon.hotline.presence.WrapUpSweeperAccess;
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

import static io.greenribbon.hotline.Hotline.CITY_QUEUE;
import static io.greenribbon.hotline.Hotline.QIAOXI_LINE;
import static io.greenribbon.hotline.Hotline.QIAOXI_QUEUE;
import static io.greenribbon.hotline.Hotline.SOON;
import static io.greenribbon.hotline.Hotline.XINHUA_LINE;
import static io.greenribbon.hotline.Hotline.XINHUA_QUEUE;
import static io.greenribbon.hotline.Hotline.as;
import static io.greenribbon.hotline.Hotline.awaitClosed;
import static io.greenribbon.hotline.Hotline.awaitContact;
import static io.greenribbon.hotline.Hotline.awaitMembers;
import static io.greenribbon.hotline.Hotline.awaitPresence;
import static io.greenribbon.hotline.Hotline.call;
import static io.greenribbon.hotline.Hotline.membersOf;
import static io.greenribbon.hotline.Hotline.peer;
import static io.greenribbon.hotline.Hotline.presence;
import static io.greenribbon.hotline.Hotline.queue;
import static io.greenribbon.hotline.Hotline.timeline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A call's life on the aid line, end to end: calls placed on the test PBX run the repository's dialplan,
 * ask the service over FastAGI, wait in Asterisk's queues and ring the counsellors' phones; the service
 * records them from the AMI events. Each scenario checks the contact record, the counsellor's presence
 * and what Asterisk's queues hold. Times are the PBX's (its clock runs faster than real time).
 */
@QuarkusTest
class CallLifecycleTest {

    private static final String PHONE1 = "PJSIP/counselor1";
    private static final String PHONE2 = "PJSIP/counselor2";

    @BeforeEach
    @AfterEach
    void reset() {
        Hotline.reset();
    }

    private static long millis(Map<String, Object> contact, String column) {
        return ((Number) contact.get(column)).longValue();
    }

    @Test
    void anAnsweredCallIsTimedAndTheCounsellorWrapsUpUntilTheFormIsSaved() {
        Hotline.available("counsellor1", "130104", "counselor1");
        peer().phone("counselor1").answersAfter(Duration.ofSeconds(3));
        // Qiaoxi's line asks "press 1 if you are in danger now": this caller presses 2.
        PeerCall call = call(CallScript.from("13911120001").to(QIAOXI_LINE).presses("2")
                .talksFor(Duration.ofSeconds(40)));

        Map<String, Object> talking = awaitContact(call.uniqueId(), c -> c.get("answered_at") != null);
        long id = (Long) talking.get("id");
        assertThat(call.variable("HOTLINE_CALL_ID")).isEqualTo(Long.toString(id));
        awaitPresence("counsellor1", p -> Long.valueOf(id).equals(p.get("in_call_contact_id")));
        assertThat(membersOf(PHONE1)).allMatch(Pbx.QueueMemberState::inCall);

        assertThat(call.awaitEnd(SOON)).isTrue();
        Map<String, Object> c = awaitClosed(call.uniqueId());
        assertThat(c).containsEntry("outcome", "ANSWERED").containsEntry("source", "ROUTE")
                .containsEntry("answered_via", "TIER1").containsEntry("answered_queue", QIAOXI_QUEUE)
                .containsEntry("counsellor_username", "counsellor1").containsEntry("counsellor_division", "130104")
                .containsEntry("missed_count", 0).containsEntry("end_estimated", false).containsEntry("priority", 0);
        // Ringing took 3 s of the wait in the queue; the talk 40 s (Asterisk's AgentConnect/AgentComplete).
        assertThat(millis(c, "ring_ms")).isEqualTo(3000);
        assertThat(millis(c, "queue_wait_ms")).isCloseTo(3000, within(1000L));
        assertThat(millis(c, "talk_ms")).isCloseTo(40000, within(1000L));
        assertThat(timeline(id)).containsSubsequence("QUEUED", "RINGING", "CONNECTED", "COMPLETED", "HANGUP");

        // Wrap-up until the form is saved: paused in every queue with reason wrap-up.
        Map<String, Object> p = awaitPresence("counsellor1", x -> "WRAP_UP".equals(x.get("state")));
        assertThat(p).containsEntry("wrap_up_contact_id", id).containsEntry("in_call_contact_id", null);
        awaitMembers(PHONE1, m -> m.paused() && "wrap-up".equals(m.pausedReason()));

        as("counsellor1").body(Map.of("problems", List.of("EMOTION", "FAMILY"), "notes", "来电者情绪低落，约定明天回访"))
                .patch("/api/hotline/contacts/" + id).then().statusCode(200);
        assertThat(presence("counsellor1")).containsEntry("state", "AVAILABLE");
        awaitMembers(PHONE1, m -> !m.paused());
    }

    @Test
    void wrapUpEndsByItselfWhenItsTimeRunsOutAndACallAnsweredInTheCityCountsAsTierTwo() {
        Hotline.available("counsellor1", "130104", "counselor1");
        peer().phone("counselor1").answersAfter(Duration.ofSeconds(2), Duration.ofSeconds(12));
        // Nobody serves Xinhua: its county queue is skipped at once, the city queue rings counsellor1.
        PeerCall call = call(CallScript.from("13911120002").to(XINHUA_LINE));
        assertThat(call.awaitEnd(SOON)).isTrue();
        assertThat(call.variable("QUEUESTATUS")).as("Xinhua's queue had nobody").isEqualTo("JOINEMPTY");
        Map<String, Object> c = awaitClosed(call.uniqueId());
        assertThat(c).containsEntry("answered_via", "TIER2").containsEntry("answered_queue", CITY_QUEUE)
                .containsEntry("outcome", "ANSWERED").containsEntry("division_code", "130105");
        assertThat(millis(c, "talk_ms")).isCloseTo(12000, within(1000L));
        awaitPresence("counsellor1", p -> "WRAP_UP".equals(p.get("state")));
        awaitMembers(PHONE1, m -> m.paused() && "wrap-up".equals(m.pausedReason()));

        Db.update("UPDATE hotline_presence SET wrap_up_until = now() - interval '1 second' WHERE username = 'counsellor1'");
        WrapUpSweeperAccess.sweepNow();
        assertThat(presence("counsellor1")).containsEntry("state", "AVAILABLE");
        awaitMembers(PHONE1, m -> !m.paused());
    }

    @Test
    void abandonsInTheQueueAreRecordedWithTheirWaitAndShortAbandonsApart() {
        Hotline.available("counsellor2", "130105", "counselor2");
        peer().phone("counselor2").answersAfter(Duration.ofSeconds(1));
        PeerCall busy = call(CallScript.from("13911120010").to(XINHUA_LINE).talksFor(Duration.ofSeconds(600)));
        awaitContact(busy.uniqueId(), c -> c.get("answered_at") != null);

        // counsellor2 is talking: the next callers wait in Xinhua's queue (a busy counsellor still counts).
        PeerCall longWait = call(CallScript.from("13911120003").to(XINHUA_LINE).waitsInQueueFor(Duration.ofSeconds(12)));
        awaitContact(longWait.uniqueId(), c -> c.get("queued_at") != null);
        assertThat(queue(XINHUA_QUEUE).callers()).singleElement().satisfies(w -> {
            assertThat(w.uniqueId()).isEqualTo(longWait.uniqueId());
            assertThat(w.priority()).isZero();
        });
        assertThat(longWait.awaitEnd(SOON)).isTrue();
        Map<String, Object> abandoned = awaitClosed(longWait.uniqueId());
        assertThat(abandoned).containsEntry("outcome", "ABANDONED").containsEntry("answered_at", null);
        assertThat(millis(abandoned, "queue_wait_ms")).isCloseTo(12000, within(1000L));
        assertThat(Db.rows("SELECT reason, status FROM hotline_callback WHERE contact_id = ?", abandoned.get("id")))
                .containsExactly(Map.of("reason", "ABANDONED", "status", "OPEN"));

        PeerCall quick = call(CallScript.from("13911120004").to(XINHUA_LINE).waitsInQueueFor(Duration.ofSeconds(3)));
        assertThat(quick.awaitEnd(SOON)).isTrue();
        Map<String, Object> shortAbandon = awaitClosed(quick.uniqueId());
        assertThat(shortAbandon).containsEntry("outcome", "SHORT_ABANDON");
        assertThat(millis(shortAbandon, "queue_wait_ms")).isCloseTo(3000, within(1000L));
        assertThat(Db.rows("SELECT 1 FROM hotline_callback WHERE contact_id = ?", shortAbandon.get("id"))).isEmpty();

        assertThat(presence("counsellor2")).containsEntry("state", "AVAILABLE")
                .containsEntry("in_call_contact_id", Hotline.contact(busy.uniqueId()).get("id"));
        assertThat(queue(XINHUA_QUEUE).callers()).isEmpty();
        assertThat(membersOf(PHONE2)).allMatch(m -> m.inCall() && !m.paused());
    }

    @Test
    void aMissedRingPausesTheCounsellorWithReasonMissedAndTheCallMovesOnToTheNextTier() {
        Hotline.available("counsellor1", "130104", "counselor1");
        Hotline.available("counsellor2", "130105", "counselor2");
        peer().phone("counselor1").doesNotAnswer();
        peer().phone("counselor2").answersAfter(Duration.ofSeconds(2));
        PeerCall call = call(CallScript.from("13911120006").to(QIAOXI_LINE).presses("2").talksFor(Duration.ofSeconds(20)));

        // counsellor1's phone rings 15 s unanswered: Asterisk pauses it everywhere, the service says why.
        Map<String, Object> p = awaitPresence("counsellor1", x -> "PAUSED".equals(x.get("state")));
        assertThat(p).containsEntry("pause_reason", "missed");
        awaitMembers(PHONE1, m -> m.paused() && "missed".equals(m.pausedReason()));
        assertThat(membersOf(PHONE1)).hasSize(2);

        // The county queue has nobody left who can answer: the call goes on to the city, where counsellor2 answers.
        assertThat(call.awaitEnd(SOON)).isTrue();
        Map<String, Object> c = awaitClosed(call.uniqueId());
        assertThat(c).containsEntry("missed_count", 1).containsEntry("answered_via", "TIER2")
                .containsEntry("answered_queue", CITY_QUEUE).containsEntry("counsellor_username", "counsellor2")
                .containsEntry("outcome", "ANSWERED");
        assertThat(millis(c, "queue_wait_ms")).isCloseTo(17000, within(1500L));
        assertThat(timeline((Long) c.get("id"))).containsSubsequence("QUEUED", "RINGING", "MISSED", "QUEUED",
                "RINGING", "CONNECTED", "COMPLETED", "HANGUP");
        assertThat(Db.value("SELECT member FROM hotline_contact_event WHERE contact_id = ? AND kind = 'MISSED'",
                c.get("id"))).isEqualTo("counsellor1");
        assertThat(presence("counsellor1")).containsEntry("state", "PAUSED").containsEntry("pause_reason", "missed");
        awaitPresence("counsellor2", x -> "WRAP_UP".equals(x.get("state")));
    }

    @Test
    void withNobodyInTheCityTheBackupLineAnswersAndAnUnansweredCallerIsCalledBack() {
        peer().phone("carrier").answersAfter(Duration.ofSeconds(4));
        PeerCall backup = call(CallScript.from("13911120008").to(XINHUA_LINE).talksFor(Duration.ofSeconds(30)));
        assertThat(backup.awaitEnd(SOON)).isTrue();
        assertThat(backup.variable("QUEUESTATUS")).isEqualTo("JOINEMPTY");
        Map<String, Object> answered = awaitClosed(backup.uniqueId());
        assertThat(answered).containsEntry("answered_via", "BACKUP").containsEntry("outcome", "BACKUP")
                .containsEntry("counsellor_username", null);
        // Put through when the backup line was dialled (no tier took the call), answered 4 s later.
        assertThat(millis(answered, "queue_wait_ms")).isCloseTo(4000, within(1000L));
        assertThat(timeline((Long) answered.get("id"))).contains("BACKUP_DIAL");
        assertThat(millis(answered, "talk_ms")).isCloseTo(30000, within(1000L));

        peer().phone("carrier").doesNotAnswer();
        PeerCall nobody = call(CallScript.from("13911120009").to(XINHUA_LINE));
        assertThat(nobody.awaitEnd(SOON)).isTrue();
        assertThat(nobody.variable("DIALSTATUS")).isEqualTo("NOANSWER");
        Map<String, Object> unanswered = awaitClosed(nobody.uniqueId());
        assertThat(unanswered).containsEntry("outcome", "UNANSWERED").containsEntry("answered_at", null);
        assertThat(Db.value("SELECT reason FROM hotline_callback WHERE contact_id = ?", unanswered.get("id")))
                .isEqualTo("UNANSWERED");
    }

}

package io.greenribbon.hotline;

import io.greenribbon.crypto.KeyedHash;
import io.greenribbon.telephony.peer.CallScript;
import io.greenribbon.telephony.peer.PeerCall;
import io.greenribbon.testkit.PostgresServer;
import io.greenribbon.testkit.TestInfrastructure;
import io.greenribbon.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.greenribbon.hotline.Hotline.CITY_QUEUE;
import static io.greenribbon.hotline.Hotline.SOON;
import static io.greenribbon.hotline.Hotline.as;
import static io.greenribbon.hotline.Hotline.awaitClosed;
import static io.greenribbon.hotline.Hotline.awaitContact;
import static io.greenribbon.hotline.Hotline.awaitPresence;
import static io.greenribbon.hotline.Hotline.call;
import static io.greenribbon.hotline.Hotline.peer;
import static io.greenribbon.hotline.Hotline.timeline;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The database stops (an operator's {@code kill -INT} of the postmaster: every session cut) while calls go
 * on, and starts again on the same data. Routing fails open meanwhile; Asterisk cannot write its CDRs; the
 * AMI link stays up. Every call still ends with exactly one contact, right in every field, from the events
 * the service held in its journal while the database was down, and the wallboard counts each call once.
 * Luquan's line (130110) is this test's own: no other test calls it.
 */
@QuarkusTest
class DatabaseOutageTest {

    private static final String LUQUAN_LINE = "031160130110";
    private static final String LUQUAN = "130110";
    private static final String LUQUAN_QUEUE = "hl-130110";

    @Inject
    KeyedHash hash;

    private boolean databaseDown;

    @BeforeEach
    void reset() {
        Hotline.reset();
        Hotline.closeOpenContacts();
        Db.update("DELETE FROM hotline_callback WHERE division_code = '" + LUQUAN + "'");
        Db.update("DELETE FROM hotline_contact_event WHERE contact_id IN "
                + "(SELECT id FROM hotline_contact WHERE division_code = '" + LUQUAN + "')");
        Db.update("DELETE FROM hotline_contact WHERE division_code = '" + LUQUAN + "'");
        // Nor may the records of earlier calls to the line, whose contacts just went, be recovered again.
        Db.update("DELETE FROM asterisk_cdr WHERE userfield = '" + LUQUAN_LINE + "'");
        // Tokens come from Keycloak, whose database is on the same server: fetched while it is up.
        Tokens.of("official1");
        Tokens.of("counsellor1");
    }

    @AfterEach
    void restore() {
        if (databaseDown) {
            databaseBack();
        }
        Hotline.reset();
    }

    private void databaseDown() {
        TestInfrastructure.get().postgres.stop();
        databaseDown = true;
    }

    private void databaseBack() {
        TestInfrastructure.get().postgres.start();
        databaseDown = false;
        // Keycloak keeps its data on the same server, and its pool lends a connection the restart cut once
        // (a 500) before dropping it: the next test's sign-ins must find it recovered.
        await("Keycloak back with the database").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions().until(() -> Tokens.fresh("official1") != null);
    }

    /** The readiness report, which answers (503) while the database is down. */
    private static JsonPath readiness() {
        return given().get("/q/health/ready").jsonPath();
    }

    private static int heldCallEvents() {
        Object depth = readiness().get("checks.find { it.name == 'pbx-event-journal' }.data.'hotline.depth'");
        return depth == null ? 0 : ((Number) depth).intValue();
    }

    private static long count(String uniqueId) {
        return (Long) Db.value("SELECT count(*) FROM hotline_contact WHERE call_uniqueid = ?", uniqueId);
    }

    private static long millis(Map<String, Object> contact, String column) {
        return ((Number) contact.get(column)).longValue();
    }

    @Test
    void callsAcrossTheOutageEachEndWithOneContactAndTheWallboardCountsEachOnce() {
        Hotline.available("counsellor1", LUQUAN, "counselor1");
        peer().phone("counselor1").answersAfter(Duration.ofSeconds(1));
        peer().phone("carrier").answersAfter(Duration.ofSeconds(2));

        databaseDown();
        // Answered by counsellor1 and over before the database is back.
        PeerCall answered = call(CallScript.from("13911200001").to(LUQUAN_LINE).talksFor(Duration.ofSeconds(40)));
        await().atMost(SOON).until(() -> "PJSIP/counselor1".equals(answered.variable("MEMBERINTERFACE")));
        assertThat(answered.variable("HOTLINE_FAILOPEN")).as("the route could not open a contact").isEqualTo("1");
        // counsellor1 is talking: this caller waits and gives up.
        PeerCall abandoned = call(CallScript.from("13911200002").to(LUQUAN_LINE).waitsInQueueFor(Duration.ofSeconds(15)));
        assertThat(abandoned.awaitEnd(SOON)).isTrue();
        assertThat(answered.awaitEnd(SOON)).isTrue();
        // Answered by counsellor1 and still talking when the database is back, as the call issue 13 lost.
        PeerCall spanning = call(CallScript.from("13911200003").to(LUQUAN_LINE).talksFor(Duration.ofHours(1)));
        await().atMost(SOON).until(() -> "PJSIP/counselor1".equals(spanning.variable("MEMBERINTERFACE")));
        // counsellor1 is busy: this caller waits out Luquan's queue and the city's, and the backup line answers.
        PeerCall backup = call(CallScript.from("13911200004").to(LUQUAN_LINE).talksFor(Duration.ofSeconds(20)));
        assertThat(backup.awaitEnd(Duration.ofSeconds(30))).isTrue();
        assertThat(backup.variable("DIALSTATUS")).isEqualTo("ANSWER");
        assertThat(heldCallEvents()).as("the call events are held, not lost").isGreaterThan(10);
        assertThat(readiness().getBoolean("checks.find { it.name == 'asterisk-ami' }.data.eventLeaderHoldingOver"))
                .isTrue();

        assertThat(spanning.isOver()).isFalse();
        assertThat(peer().channels()).as("the spanning call's caller is still on the line").contains(spanning.channelName());
        databaseBack();

        Map<String, Object> a = awaitClosed(answered.uniqueId());
        assertThat(a).containsEntry("source", "FAIL_OPEN").containsEntry("outcome", "ANSWERED")
                .containsEntry("line_id", LUQUAN_LINE).containsEntry("answered_via", "TIER1")
                .containsEntry("answered_queue", LUQUAN_QUEUE).containsEntry("counsellor_username", "counsellor1")
                .containsEntry("end_estimated", false).containsEntry("ring_ms", 1000)
                .containsEntry("caller_key", hash.of("13911200001"));
        assertThat(millis(a, "talk_ms")).isCloseTo(40000, within(1000L));
        assertThat(timeline((Long) a.get("id"))).containsSubsequence("QUEUED", "RINGING", "CONNECTED", "COMPLETED",
                "HANGUP");

        Map<String, Object> b = awaitClosed(abandoned.uniqueId());
        assertThat(b).containsEntry("source", "FAIL_OPEN").containsEntry("outcome", "ABANDONED")
                .containsEntry("answered_at", null).containsEntry("caller_key", hash.of("13911200002"));
        assertThat(millis(b, "queue_wait_ms")).isCloseTo(15000, within(1000L));
        await().atMost(SOON).until(() -> "ABANDONED".equals(
                Db.value("SELECT reason FROM hotline_callback WHERE contact_id = ?", b.get("id"))));

        Map<String, Object> c = awaitClosed(backup.uniqueId());
        assertThat(c).containsEntry("source", "FAIL_OPEN").containsEntry("outcome", "BACKUP")
                .containsEntry("answered_via", "BACKUP").containsEntry("counsellor_username", null);
        assertThat(millis(c, "talk_ms")).isCloseTo(20000, within(1000L));
        assertThat(timeline((Long) c.get("id"))).contains("BACKUP_DIAL");

        // The call that spans the moment the database returned: its contact is open and answered now...
        Map<String, Object> d = awaitContact(spanning.uniqueId(), x -> x.get("answered_at") != null);
        assertThat(d).containsEntry("status", "OPEN").containsEntry("source", "FAIL_OPEN")
                .containsEntry("counsellor_username", "counsellor1");
        awaitPresence("counsellor1", p -> d.get("id").equals(p.get("in_call_contact_id")));
        // ... and it closes from its own events when it ends.
        spanning.hangUp();
        Map<String, Object> closed = awaitClosed(spanning.uniqueId());
        assertThat(closed).containsEntry("outcome", "ANSWERED").containsEntry("end_estimated", false)
                .containsEntry("caller_key", hash.of("13911200003"));
        // The first call's wrap-up began when its end was written (the database was back); the last call ends in it.
        awaitPresence("counsellor1", p -> "WRAP_UP".equals(p.get("state")) && p.get("in_call_contact_id") == null);

        for (PeerCall each : new PeerCall[] {answered, abandoned, backup, spanning}) {
            assertThat(count(each.uniqueId())).as("contacts of call %s", each.uniqueId()).isEqualTo(1);
        }
        assertThat(heldCallEvents()).isZero();
        as("official1").queryParam("division", LUQUAN).get("/api/hotline/wallboard").then().statusCode(200)
                .body("figures.offered", org.hamcrest.Matchers.equalTo(4))
                .body("figures.answered", org.hamcrest.Matchers.equalTo(2))
                .body("figures.abandoned", org.hamcrest.Matchers.equalTo(1))
                .body("figures.answeredByBackup", org.hamcrest.Matchers.equalTo(1))
                .body("talkingNow", org.hamcrest.Matchers.equalTo(0))
                .body("waitingNow", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void aCallThatReachesNoQueueIsRecoveredFromTheRecordAsteriskReportedOverAmi() {
        // Nobody is signed in: the fail-open call skips both queues and the backup line answers. It never
        // joins a queue, and cdr_pgsql cannot write its record: only the Cdr event of the AMI link is left.
        peer().phone("carrier").answersAfter(Duration.ofSeconds(2));
        databaseDown();
        PeerCall call = call(CallScript.from("13911200005").to(LUQUAN_LINE).talksFor(Duration.ofSeconds(25)));
        assertThat(call.awaitEnd(SOON)).isTrue();
        assertThat(call.variable("QUEUESTATUS")).isEqualTo("JOINEMPTY");
        databaseBack();

        Map<String, Object> c = awaitClosed(call.uniqueId());
        assertThat(c).containsEntry("source", "RECOVERED").containsEntry("outcome", "BACKUP")
                .containsEntry("answered_via", "BACKUP").containsEntry("line_id", LUQUAN_LINE)
                .containsEntry("division_code", LUQUAN).containsEntry("caller_key", hash.of("13911200005"));
        assertThat(count(call.uniqueId())).isEqualTo(1);
        // The record the service kept is the one Asterisk could not write, and no longer holds the number.
        // (Its records: the call's and the h extension's, cdr.conf's endbeforehexten = no.)
        await().atMost(SOON).until(() -> Db.rows("SELECT reconciled_at IS NOT NULL AND src = '' AS done FROM asterisk_cdr "
                + "WHERE uniqueid = ? AND from_ami_event", call.uniqueId()), rows -> rows.size() == 2
                && rows.stream().allMatch(r -> Boolean.TRUE.equals(r.get("done"))));
        assertThat(Db.value("SELECT count(*) FROM asterisk_cdr WHERE uniqueid = ? AND NOT from_ami_event",
                call.uniqueId())).isEqualTo(0L);
        // Each names the PBX that reported it (its Uniqueid's systemname prefix: none on the test PBX).
        assertThat(Db.value("SELECT count(*) FROM asterisk_cdr WHERE uniqueid = ? AND pbx_id = 'default'",
                call.uniqueId())).isEqualTo(2L);
    }

    @Test
    void aRingNobodyAnsweredDuringTheOutagePausesTheCounsellorOnceTheDatabaseIsBack() {
        Hotline.available("counsellor1", LUQUAN, "counselor1");
        peer().phone("counselor1").doesNotAnswer();
        peer().phone("carrier").answersAfter(Duration.ofSeconds(2));
        databaseDown();
        PeerCall call = call(CallScript.from("13911200006").to(LUQUAN_LINE).talksFor(Duration.ofSeconds(10)));
        assertThat(call.awaitEnd(SOON)).isTrue();
        // Asterisk paused the phone itself (autopause): the service's record follows once it can be written.
        assertThat(Hotline.membersOf("PJSIP/counselor1")).allMatch(m -> m.paused());
        databaseBack();

        Map<String, Object> c = awaitClosed(call.uniqueId());
        assertThat(c).containsEntry("missed_count", 1).containsEntry("outcome", "BACKUP");
        assertThat(timeline((Long) c.get("id"))).contains("MISSED");
        awaitPresence("counsellor1", p -> "PAUSED".equals(p.get("state")) && "missed".equals(p.get("pause_reason")));
        assertThat(Hotline.membersOf("PJSIP/counselor1")).extracting(m -> m.queue())
                .containsExactlyInAnyOrder(LUQUAN_QUEUE, CITY_QUEUE);
        assertThat(count(call.uniqueId())).isEqualTo(1);
    }
}

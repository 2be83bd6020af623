package io.greenribbon.hotline;

import io.greenribbon.telephony.peer.CallScript;
import io.greenribbon.telephony.peer.PeerCall;
import io.greenribbon.telephony.peer.PeerControlServer;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Map;

import static io.greenribbon.hotline.Hotline.SOON;
import static io.greenribbon.hotline.Hotline.as;
import static io.greenribbon.hotline.Hotline.awaitClosed;
import static io.greenribbon.hotline.Hotline.awaitContact;
import static io.greenribbon.hotline.Hotline.call;
import static io.greenribbon.hotline.Hotline.peer;
import static io.greenribbon.hotline.Hotline.timeline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;

/**
 * Calls that end at the provincial backup line close when the caller hangs up, as on a real Asterisk: the
 * test PBX ends the call with the events of transcripts 10a and 10b (the caller's hang-up, both leaving the
 * bridge, the caller's channel gone, then the backup leg's), and the contact is CLOSED, with its end and
 * outcome BACKUP, and no longer counts as a call going on. Pingshan county's line (130131) is called by no
 * other test.
 */
@QuarkusTest
class BackupLineTest {

    private static final String PINGSHAN_LINE = "031160130131";
    private static final String PINGSHAN = "130131";

    @BeforeEach
    @AfterEach
    void reset() {
        Hotline.reset();
        Hotline.forgetContactsOf(PINGSHAN);
    }

    @Test
    void aCallTheBackupLineAnswersClosesWhenTheCallerHangsUp() {
        peer().phone("carrier").answersAfter(Duration.ofSeconds(1));
        PeerCall call = call(CallScript.from("13911180001").to(PINGSHAN_LINE).talksFor(Duration.ofSeconds(5)));
        Map<String, Object> talking = awaitContact(call.uniqueId(), c -> "BACKUP".equals(c.get("answered_via")));
        assertThat(talking).containsEntry("status", "OPEN").containsEntry("outcome", "BACKUP");

        assertThat(call.awaitEnd(SOON)).isTrue();
        assertThat(call.variable("QUEUESTATUS")).isEqualTo("JOINEMPTY");
        assertThat(call.variable("DIALSTATUS")).isEqualTo("ANSWER");
        Map<String, Object> c = awaitClosed(call.uniqueId());
        assertThat(c).containsEntry("outcome", "BACKUP").containsEntry("answered_via", "BACKUP")
                .containsEntry("end_estimated", false);
        assertThat(c.get("ended_at")).isNotNull();
        assertThat(((Timestamp) c.get("ended_at")).toInstant()).isAfter(((Timestamp) c.get("answered_at")).toInstant());
        assertThat(((Number) c.get("talk_ms")).longValue()).isCloseTo(5000, within(1000L));
        assertThat(timeline((Long) c.get("id"))).containsSubsequence("BACKUP_DIAL", "HANGUP");
        // Not a call going on any more.
        as("official1").queryParam("division", PINGSHAN).get("/api/hotline/wallboard").then().statusCode(200)
                .body("talkingNow", equalTo(0)).body("waitingNow", equalTo(0))
                .body("figures.answeredByBackup", equalTo(1)).body("figures.answered", equalTo(0))
                .body("figures.offered", equalTo(1)).body("figures.answerRate", equalTo(0.0f));
    }

    /**
     * The local stack's control endpoint, as the README has a person use it: the counsellor named to answer
     * is not signed in, so the backup line answers; the caller talks for talkSeconds and hangs up.
     */
    @Test
    void aCallPlacedOnTheLocalStacksControlEndpointEndsAtTheBackupLineAndCloses() throws Exception {
        try (PeerControlServer control = new PeerControlServer(peer(), 0)) {
            HttpResponse<String> placed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + control.port() + "/calls"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"from\":\"13911180002\",\"to\":\"" + PINGSHAN_LINE
                            + "\",\"answeredBy\":\"counselor1\",\"ringSeconds\":3,\"talkSeconds\":20}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(placed.statusCode()).isEqualTo(201);
            String uniqueId = placed.body().replaceAll("(?s).*\"uniqueId\" : \"([^\"]+)\".*", "$1");
            Map<String, Object> c = awaitClosed(uniqueId);
            assertThat(c).containsEntry("outcome", "BACKUP").containsEntry("answered_via", "BACKUP");
            assertThat(((Number) c.get("talk_ms")).longValue()).isCloseTo(20000, within(1000L));
        }
    }

    /**
     * The service refuses an unknown number, so the dialplan puts the caller through on its defaults: the
     * city's queue, whose only counsellor does not answer and is paused (app_queue's abandon when nobody in the tier can answer), then
     * the dialplan's own backup number, not the line's. The backup line's answer is still recorded as such.
     */
    @Test
    void aCallTheServiceDidNotRouteIsRecordedAsAnsweredByTheBackupLine() {
        Hotline.available("counsellor2", "1301", "counselor2");
        peer().phone("counselor2").doesNotAnswer();
        peer().phone("carrier").answersAfter(Duration.ofSeconds(1));
        PeerCall call = call(CallScript.from("13911180003").to("031160130198").talksFor(Duration.ofSeconds(5)));
        assertThat(call.awaitEnd(SOON)).isTrue();
        assertThat(call.variable("HOTLINE_FAILOPEN")).isEqualTo("1");
        assertThat(call.variable("QUEUESTATUS")).isEqualTo("LEAVEUNAVAIL");
        Map<String, Object> c = awaitClosed(call.uniqueId());
        assertThat(c).containsEntry("source", "FAIL_OPEN").containsEntry("outcome", "BACKUP")
                .containsEntry("answered_via", "BACKUP").containsEntry("missed_count", 1);
        assertThat(timeline((Long) c.get("id"))).containsSubsequence("QUEUED", "MISSED", "LEFT_QUEUE", "BACKUP_DIAL",
                "HANGUP");
        Db.update("DELETE FROM hotline_callback WHERE contact_id = ?", c.get("id"));
        Db.update("DELETE FROM hotline_contact_event WHERE contact_id = ?", c.get("id"));
        Db.update("DELETE FROM hotline_contact WHERE id = ?", c.get("id"));
    }
}

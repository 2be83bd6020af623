package io.greenribbon.hotline;

import io.greenribbon.telephony.peer.AsteriskPeer;
import io.greenribbon.telephony.peer.CallScript;
import io.greenribbon.telephony.peer.PeerCall;
import io.greenribbon.testkit.ChartEnvironment;
import io.greenribbon.testkit.PostgresServer;
import io.greenribbon.testkit.ServiceJvm;
import io.greenribbon.testkit.TestInfrastructure;
import io.greenribbon.testkit.TestPbx;
import io.greenribbon.testkit.Tokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static io.greenribbon.hotline.Hotline.CITY_QUEUE;
import static io.greenribbon.hotline.Hotline.QIAOXI_LINE;
import static io.greenribbon.hotline.Hotline.SOON;
import static io.greenribbon.hotline.Hotline.XINHUA_LINE;
import static io.greenribbon.hotline.Hotline.XINHUA_QUEUE;
import static io.greenribbon.hotline.Hotline.awaitClosed;
import static io.greenribbon.hotline.Hotline.awaitContact;
import static io.greenribbon.hotline.Hotline.awaitPresence;
import static io.greenribbon.hotline.Hotline.call;
import static io.greenribbon.hotline.Hotline.peer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service's JVM dies during calls and a new one starts, as when a pod is killed (SIGKILL: no shutdown
 * hook, no goodbye to Asterisk or PostgreSQL) and replaced. CdrRecoveryTest plays the same scenario inside
 * one JVM by cutting the links; here it is the packaged service (target/quarkus-app, prod profile) with only
 * the environment the Helm chart gives it. Asterisk (the peer) carries on meanwhile: a new caller fails open
 * into the queues, calls end, and its CDRs go to asterisk_cdr. And the database stops during a call, the JVM
 * holding that call's events in its journal is killed before the database is back (the container restarts,
 * the volume stays), and the new JVM writes them.
 */
class ServiceRestartIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final Duration STARTUP = Duration.ofMinutes(2);
    /** Longer than the test: every call ends when the test hangs it up (PBX time). */
    private static final Duration TALKS_ON = Duration.ofHours(1);
    private static final Duration RINGS = Duration.ofSeconds(1);
    /** The journal's directory, as the chart's volume: it outlives the JVM. */
    private static final Path JOURNAL = Path.of("target/service-restart-it/journal").toAbsolutePath();

    private static ServiceJvm service;

    @RegisterExtension
    static final TestWatcher PRINT_SERVICE_LOG_ON_FAILURE = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            System.out.println("---- the service's log (" + service.log() + "), last lines ----\n" + service.logTail(80));
        }
    };

    @BeforeAll
    static void deploy() throws IOException, SQLException {
        // A journal an aborted earlier run left would be replayed into this run's new database.
        if (Files.exists(JOURNAL)) {
            try (var files = Files.list(JOURNAL)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
        }
        TestPbx pbx = TestPbx.get();
        service = new ServiceJvm(JAR, new ChartEnvironment().deployment(pbx.peer.amiPort(), pbx.agiPort,
                Map.of("GREENRIBBON_JOURNAL_DIRECTORY", JOURNAL.toString())), Path.of("target/service-restart-it"));
        // The demo city goes in once the first JVM has made the schema, and before the JVM the scenario runs
        // with, which loads the hotline lines when it starts.
        service.start(STARTUP);
        service.stop();
        ChartEnvironment.loadDemoCity();
        service.start(STARTUP);
        awaitEventLeader();
    }

    @AfterAll
    static void stopService() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void callsGoOnWhileTheServiceJvmIsKilledAndTheirContactsAreRightAfterANewOneStarts() {
        available("counsellor1", "130104", "counselor1");
        available("counsellor2", "130105", "counselor2");
        peer().phone("counselor1").answersAfter(RINGS);
        peer().phone("counselor2").answersAfter(RINGS);
        PeerCall endsWhileDown = call(CallScript.from("13911180001").to(QIAOXI_LINE).presses("2").talksFor(TALKS_ON));
        assertThat(awaitContact(endsWhileDown.uniqueId(), c -> c.get("answered_at") != null))
                .containsEntry("source", "ROUTE").containsEntry("counsellor_username", "counsellor1");
        PeerCall goesOn = call(CallScript.from("13911180002").to(XINHUA_LINE).talksFor(TALKS_ON));
        assertThat(awaitContact(goesOn.uniqueId(), c -> c.get("answered_at") != null))
                .containsEntry("source", "ROUTE").containsEntry("counsellor_username", "counsellor2");

        service.kill();
        endsWhileDown.hangUp();
        assertThat(endsWhileDown.awaitEnd(SOON)).isTrue();
        // Asterisk loses counsellor2's memberships meanwhile (an operator, a reload): the new JVM puts them back.
        assertThat(peer().removeMember(XINHUA_QUEUE, "PJSIP/counselor2")).isTrue();
        assertThat(peer().removeMember(CITY_QUEUE, "PJSIP/counselor2")).isTrue();
        // Nothing listens on the FastAGI port: the dialplan fails open into Qiaoxi's queue, where counsellor1
        // is free again (nobody put them in wrap-up).
        peer().phone("counselor1").answersAfter(RINGS);
        PeerCall failsOpen = call(CallScript.from("13911180003").to(QIAOXI_LINE).talksFor(TALKS_ON));
        await().atMost(SOON).until(() -> "PJSIP/counselor1".equals(failsOpen.variable("MEMBERINTERFACE")));
        assertThat(failsOpen.variable("HOTLINE_FAILOPEN")).isEqualTo("1");

        service.start(STARTUP);

        // The call that ended while no JVM ran: closed at the end its CDR gives, not at an estimate.
        assertThat(awaitClosed(endsWhileDown.uniqueId())).containsEntry("outcome", "ANSWERED")
                .containsEntry("end_estimated", false).containsEntry("counsellor_username", "counsellor1");

        // The call that failed open and is still going gets its contact at once, and closes from its own hang-up.
        assertThat(awaitContact(failsOpen.uniqueId(), c -> c.get("answered_at") != null))
                .containsEntry("status", "OPEN").containsEntry("source", "FAIL_OPEN")
                .containsEntry("counsellor_username", "counsellor1").containsEntry("line_id", QIAOXI_LINE);

        // Presence is applied to Asterisk again.
        await().atMost(SOON).until(() -> member(XINHUA_QUEUE, "counselor2").isPresent()
                && member(CITY_QUEUE, "counselor2").isPresent());

        // The call that went on across the restart is still followed: it closes from its own events.
        assertThat(Hotline.contact(goesOn.uniqueId())).containsEntry("status", "OPEN");
        goesOn.hangUp();
        assertThat(awaitClosed(goesOn.uniqueId())).containsEntry("outcome", "ANSWERED")
                .containsEntry("end_estimated", false);
        awaitPresence("counsellor2", p -> "WRAP_UP".equals(p.get("state")));

        failsOpen.hangUp();
        assertThat(awaitClosed(failsOpen.uniqueId())).containsEntry("source", "FAIL_OPEN")
                .containsEntry("outcome", "ANSWERED").containsEntry("end_estimated", false);
    }

    @Test
    void callEventsHeldWhileTheDatabaseIsDownOutliveTheServiceJvmKilledBeforeItIsBack() {
        available("counsellor1", "130104", "counselor1");
        peer().phone("counselor1").answersAfter(RINGS);
        PostgresServer database = TestInfrastructure.get().postgres;
        PeerCall answered;
        database.stop();
        try {
            // The route cannot open a contact: the call fails open and counsellor1 answers. Its record
            // is only in the events the service holds (Asterisk cannot write its CDR either).
            answered = call(CallScript.from("13911180004").to(QIAOXI_LINE).talksFor(Duration.ofSeconds(20)));
            assertThat(answered.awaitEnd(SOON)).isTrue();
            assertThat(answered.variable("HOTLINE_FAILOPEN")).isEqualTo("1");
            await().atMost(SOON).until(() -> heldCallEvents() >= 5);
            service.kill();
            assertThat(JOURNAL.resolve("hotline.jsonl")).as("the held events are on disk").isNotEmptyFile();
        } finally {
            database.start();
        }
        service.start(STARTUP);

        // The new JVM writes what the killed one held: the call has its one contact, right in every field.
        assertThat(awaitClosed(answered.uniqueId())).containsEntry("source", "FAIL_OPEN")
                .containsEntry("outcome", "ANSWERED").containsEntry("counsellor_username", "counsellor1")
                .containsEntry("line_id", QIAOXI_LINE).containsEntry("end_estimated", false);
        assertThat(Db.value("SELECT count(*) FROM hotline_contact WHERE call_uniqueid = ?", answered.uniqueId()))
                .isEqualTo(1L);
        await().atMost(SOON).until(() -> heldCallEvents() == 0 && !Files.exists(JOURNAL.resolve("hotline.jsonl")));
        awaitEventLeader();
    }

    /** The call events the service's JVM holds now, from its readiness report (which answers 503 while the database is down). */
    private static int heldCallEvents() {
        Object depth = given().baseUri(service.baseUri().toString()).get("/q/health/ready").jsonPath()
                .get("checks.find { it.name == 'pbx-event-journal' }.data.'hotline.depth'");
        return depth == null ? 0 : ((Number) depth).intValue();
    }

    /** The JVM consumes the PBX's events: it holds the AMI leader lock (a killed JVM's goes with its connection). */
    private static void awaitEventLeader() {
        await().atMost(SOON).until(() -> Boolean.TRUE.equals(given().baseUri(service.baseUri().toString())
                .get("/q/health/ready").jsonPath().get("checks.find { it.name == 'asterisk-ami' }.data.eventLeader")));
    }

    // ---- hotline steps against the service's JVM ---------------------------------------------------------

    private static RequestSpecification as(String username) {
        return given().baseUri(service.baseUri().toString()).auth().oauth2(Tokens.of(username))
                .contentType(ContentType.JSON);
    }

    /** Signs {@code username} in on {@code lineDivision}, available, and waits until Asterisk's queues have it. */
    private static void available(String username, String lineDivision, String phone) {
        Hotline.allowOnLine(username, lineDivision);
        as(username).body(Map.of("state", "AVAILABLE")).put("/api/hotline/presence").then().statusCode(200);
        String countyQueue = "hl-" + lineDivision;
        await().atMost(SOON).until(() -> member(countyQueue, phone).filter(m -> !m.paused()).isPresent()
                && member(CITY_QUEUE, phone).filter(m -> !m.paused()).isPresent());
    }

    /** The phone's membership of the queue, as the PBX holds it now. */
    private static Optional<AsteriskPeer.MemberState> member(String queue, String phone) {
        return peer().members(queue).stream().filter(m -> m.iface().equals("PJSIP/" + phone)).findFirst();
    }
}

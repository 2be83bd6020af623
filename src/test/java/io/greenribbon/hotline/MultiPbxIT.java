package io.greenribbon.hotline;

import io.greenribbon.telephony.peer.AgiNetwork;
import io.greenribbon.telephony.peer.AsteriskPeer;
import io.greenribbon.telephony.peer.CallScript;
import io.greenribbon.telephony.peer.CdrWriter;
import io.greenribbon.telephony.peer.PeerCall;
import io.greenribbon.testkit.ChartEnvironment;
import io.greenribbon.testkit.FreePorts;
import io.greenribbon.testkit.PostgresServer;
import io.greenribbon.testkit.ServiceJvm;
import io.greenribbon.testkit.TestInfrastructure;
import io.greenribbon.testkit.TestPbx;
import io.greenribbon.testkit.Tokens;
import io.restassured.http.ContentType;
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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.greenribbon.hotline.Hotline.QIAOXI_LINE;
import static io.greenribbon.hotline.Hotline.SOON;
import static io.greenribbon.hotline.Hotline.awaitClosed;
import static io.greenribbon.hotline.Hotline.awaitContact;
import static io.greenribbon.hotline.Hotline.contact;
import static io.greenribbon.hotline.Hotline.findContact;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A province of two PBXs on one database, as the README plans it: Shijiazhuang's Asterisk (systemname
 * {@code pbx-a}, telephony/ as it is) and a second city's (Tangshan, 1302: the same configuration for its own
 * lines and queues, systemname {@code pbx-b}), each served by its own deployment of the packaged service in a
 * JVM of its own. Calls go on on both while each deployment loses sight of its PBX (one is killed and started
 * again, the other is cut off from its PBX and reconnects); every deployment reconciles, recovers from CDRs and
 * resynchronises only its own PBX's records, and every call ends with exactly one contact, of its own PBX. A
 * second deployment claiming a PBX that a live deployment serves, and a deployment pointed at a PBX of another
 * name, are refused.
 */
class MultiPbxIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final Duration STARTUP = Duration.ofMinutes(2);
    /** Longer than the test: such a call ends when the test hangs it up (PBX time). */
    private static final Duration TALKS_ON = Duration.ofHours(1);
    private static final Duration SHORT_TALK = Duration.ofSeconds(5);
    /** Tangshan's Guye district line and queues, on the second PBX. */
    private static final String GUYE_LINE = "031160130204";
    private static final String GUYE_QUEUE = "hl-130204";
    private static final String TANGSHAN_QUEUE = "hl-1302";
    /** A contact and a CDR of a third PBX, which neither deployment serves. */
    private static final String OTHER_PBX_CALL = "pbx-z-1796000000.1";
    private static final String OTHER_PBX_CDR_CALL = "pbx-z-1796000000.2";

    private static ChartEnvironment release;
    private static Pbx pbxA;
    private static Pbx pbxB;
    private static ServiceJvm serviceA;
    private static ServiceJvm serviceB;
    private static final List<ServiceJvm> JVMS = new ArrayList<>();
    private static final List<PeerCall> CALLS = new ArrayList<>();

    /** A PBX of the province: the peer, where its CDRs go, and the FastAGI port its dialplan asks. */
    private record Pbx(String id, AsteriskPeer peer, CdrWriter cdr, int agiPort) {
        String agiAddress() {
            return "127.0.0.1:" + agiPort;
        }
    }

    @RegisterExtension
    static final TestWatcher PRINT_SERVICE_LOGS_ON_FAILURE = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            for (ServiceJvm jvm : JVMS) {
                System.out.println("---- " + jvm.log() + ", last lines ----\n" + jvm.logTail(80));
            }
        }
    };

    @BeforeAll
    static void deploy() throws IOException, SQLException {
        release = new ChartEnvironment();
        pbxA = pbx("pbx-a", Path.of("telephony"));
        pbxB = pbx("pbx-b", secondCityConfiguration());
        serviceA = deployment(pbxA, "greenribbon-pbx-a", "1301");
        serviceB = deployment(pbxB, "greenribbon-pbx-b", "1302");
        // The first JVM makes the schema; the demo city, the second city and the records of a third PBX go in
        // then (the lines are reloaded every second).
        serviceA.start(STARTUP);
        ChartEnvironment.loadDemoCity();
        loadSecondCity();
        Hotline.resetPresence();
        recordsOfAThirdPbx();
        serviceB.start(STARTUP);
        awaitServing(serviceA, pbxA, pbxB);
        awaitServing(serviceB, pbxA, pbxB);
        Stream.of(pbxA, pbxB).forEach(p -> Stream.of("counselor1", "supervisor", "counselor2", "supervisor2")
                .forEach(phone -> p.peer().phone(phone).byDefault(Duration.ofSeconds(1), null)));
    }

    @AfterAll
    static void stopAll() {
        CALLS.forEach(PeerCall::hangUp);
        JVMS.forEach(ServiceJvm::close);
        for (Pbx pbx : new Pbx[]{pbxA, pbxB}) {
            if (pbx != null) {
                pbx.peer().close();
                pbx.cdr().close();
            }
        }
    }

    @Test
    void eachDeploymentReconcilesRecoversAndResyncsOnlyItsOwnPbx() {
        Map<String, Object> thirdPbxContact = contact(OTHER_PBX_CALL);
        // Presence: Shijiazhuang's counsellors through their own deployment; counsellor2, who serves Guye today,
        // through Shijiazhuang's deployment too: the change is handed to the deployment of the PBX holding
        // Guye's queues.
        available(serviceA, "counsellor1", "130104");
        available(serviceA, "supervisor1", "130104");
        available(serviceA, "counsellor2", "130204");
        available(serviceB, "supervisor2", "130204");
        awaitAvailable(pbxA, "hl-130104", "PJSIP/counselor1", "PJSIP/supervisor");
        awaitAvailable(pbxA, "hl-1301", "PJSIP/counselor1", "PJSIP/supervisor");
        awaitAvailable(pbxB, GUYE_QUEUE, "PJSIP/counselor2", "PJSIP/supervisor2");
        awaitAvailable(pbxB, TANGSHAN_QUEUE, "PJSIP/counselor2", "PJSIP/supervisor2");

        PeerCall a1 = answeredCall(pbxA, QIAOXI_LINE, "13911190001", TALKS_ON);
        PeerCall a2 = answeredCall(pbxA, QIAOXI_LINE, "13911190002", TALKS_ON);
        PeerCall b1 = answeredCall(pbxB, GUYE_LINE, "13911190011", TALKS_ON);
        PeerCall b2 = answeredCall(pbxB, GUYE_LINE, "13911190012", TALKS_ON);

        // Shijiazhuang's deployment dies. On its PBX a call ends, and another is answered (failing open) and
        // ends, unseen.
        serviceA.kill();
        a1.hangUp();
        assertThat(a1.awaitEnd(SOON)).isTrue();
        PeerCall a3 = call(pbxA, QIAOXI_LINE, "13911190003", SHORT_TALK);
        assertThat(a3.awaitEnd(SOON)).isTrue();
        assertThat(a3.variable("HOTLINE_FAILOPEN")).isEqualTo("1");

        // Tangshan's deployment loses its PBX (FastAGI refused, AMI cut) while the same happens there, and
        // reconnects: it reconciles and recovers its PBX's calls ...
        pbxB.peer().agiNetwork().fault(pbxB.agiAddress(), AgiNetwork.Fault.REFUSE);
        pbxB.peer().amiUnreachable();
        b1.hangUp();
        assertThat(b1.awaitEnd(SOON)).isTrue();
        PeerCall b3 = call(pbxB, GUYE_LINE, "13911190013", SHORT_TALK);
        assertThat(b3.awaitEnd(SOON)).isTrue();
        pbxB.peer().agiNetwork().heal(pbxB.agiAddress());
        pbxB.peer().amiReachable();
        assertThat(awaitClosed(b1.uniqueId())).containsEntry("outcome", "ANSWERED").containsEntry("end_estimated", false);
        assertThat(awaitClosed(b3.uniqueId())).containsEntry("source", "RECOVERED").containsEntry("outcome", "ANSWERED")
                .containsEntry("line_id", GUYE_LINE).containsEntry("pbx_id", "pbx-b");

        // ... and touches nothing of the other PBX's: the call still talking there stays open, the call that
        // ended there unseen stays for its own deployment to close, the unseen one for it to recover.
        assertThat(contact(a2.uniqueId())).containsEntry("status", "OPEN").containsEntry("ended_at", null);
        assertThat(contact(a1.uniqueId())).containsEntry("status", "OPEN");
        assertThat(findContact(a3.uniqueId())).isEmpty();

        // Shijiazhuang's deployment starts again and puts its own PBX's records right, and nothing of Tangshan's.
        serviceA.start(STARTUP);
        awaitServing(serviceA, pbxA, pbxB);
        assertThat(awaitClosed(a1.uniqueId())).containsEntry("outcome", "ANSWERED").containsEntry("end_estimated", false);
        assertThat(awaitClosed(a3.uniqueId())).containsEntry("source", "RECOVERED").containsEntry("outcome", "ANSWERED")
                .containsEntry("line_id", QIAOXI_LINE).containsEntry("pbx_id", "pbx-a");
        assertThat(contact(b2.uniqueId())).containsEntry("status", "OPEN").containsEntry("ended_at", null);
        // Its queues were put back as presence has them; no counsellor of the other PBX came into them.
        awaitMembership(pbxA, "hl-1301", "PJSIP/counselor1", "PJSIP/supervisor");
        awaitMembership(pbxB, TANGSHAN_QUEUE, "PJSIP/counselor2", "PJSIP/supervisor2");

        // The calls that went on end from their own events.
        a2.hangUp();
        b2.hangUp();
        assertThat(awaitClosed(a2.uniqueId())).containsEntry("outcome", "ANSWERED").containsEntry("end_estimated", false);
        assertThat(awaitClosed(b2.uniqueId())).containsEntry("outcome", "ANSWERED").containsEntry("end_estimated", false);

        // Every call has exactly one contact, of its own PBX, answered by a counsellor of that PBX's city.
        for (PeerCall call : List.of(a1, a2, a3)) {
            assertThat(call.uniqueId()).startsWith("pbx-a-");
            assertThat(contact(call.uniqueId())).containsEntry("pbx_id", "pbx-a").containsEntry("status", "CLOSED")
                    .extractingByKey("counsellor_username").isIn("counsellor1", "supervisor1");
        }
        for (PeerCall call : List.of(b1, b2, b3)) {
            assertThat(call.uniqueId()).startsWith("pbx-b-");
            assertThat(contact(call.uniqueId())).containsEntry("pbx_id", "pbx-b").containsEntry("status", "CLOSED")
                    .extractingByKey("counsellor_username").isIn("counsellor2", "supervisor2");
        }
        // The records of a PBX neither deployment serves are as they were.
        assertThat(contact(OTHER_PBX_CALL)).isEqualTo(thirdPbxContact);
        assertThat(findContact(OTHER_PBX_CDR_CALL)).isEmpty();
        assertThat(Db.value("SELECT reconciled_at FROM asterisk_cdr WHERE uniqueid = ?", OTHER_PBX_CDR_CALL)).isNull();
    }

    @Test
    void aSecondDeploymentForAServedPbxAndAPbxOfAnotherNameAreRefused() {
        int sessions = pbxB.peer().amiSessions();
        ServiceJvm copy = refused(pbxB, Map.of("GREENRIBBON_TELEPHONY_PBX_ID", "pbx-b",
                "GREENRIBBON_TELEPHONY_DEPLOYMENT_ID", "greenribbon-pbx-b-copy"), "copy");
        try {
            String readiness = compact(copy.awaitReadiness(STARTUP, body -> compact(body).contains("\"claim\":\"refused\"")));
            assertThat(readiness).contains("\"status\":\"DOWN\"", "served by deployment greenribbon-pbx-b");
            assertThat(copy.logText()).contains("PBX pbx-b is claimed by deployment greenribbon-pbx-b, whose claim is alive");
            assertThat(pbxB.peer().amiSessions()).as("the refused deployment never logs in").isEqualTo(sessions);
        } finally {
            copy.close();
        }

        ServiceJvm misdirected = refused(pbxB, Map.of("GREENRIBBON_TELEPHONY_PBX_ID", "pbx-c",
                "GREENRIBBON_TELEPHONY_DEPLOYMENT_ID", "greenribbon-pbx-c"), "misdirected");
        try {
            String readiness = compact(misdirected.awaitReadiness(STARTUP,
                    body -> body.contains("reports systemname 'pbx-b' but this deployment serves PBX 'pbx-c'")));
            assertThat(readiness).contains("\"status\":\"DOWN\"", "\"claim\":\"held\"");
            assertThat(misdirected.logText()).contains("Refusing the PBX at 127.0.0.1:" + pbxB.peer().amiPort());
        } finally {
            misdirected.close();
        }
        // The real deployment of PBX B serves it on.
        assertThat(given().baseUri(serviceB.baseUri().toString()).get("/q/health/ready").statusCode()).isEqualTo(200);
    }

    // ---- the province --------------------------------------------------------------------------------

    /** A PBX of the province: telephony/ (or a city's copy of it) with the test phones, under systemname {@code id}. */
    private static Pbx pbx(String id, Path config) {
        PostgresServer db = TestInfrastructure.get().postgres;
        int agiPort = FreePorts.one();
        CdrWriter cdr = new CdrWriter(db.jdbcUrl(PostgresServer.DATABASE), "postgres", "postgres", "asterisk_cdr",
                "asterisk_cdr", ZoneOffset.UTC);
        AsteriskPeer peer = AsteriskPeer.start(AsteriskPeer.options()
                .configDir(config)
                .extraConfig(Path.of("src/test/resources/telephony/test-pbx"))
                .systemName(id)
                .site("__GREENRIBBON_AGI_HOST__:4573", "127.0.0.1:" + agiPort)
                .site("__AMI_SECRET__", TestPbx.AMI_SECRET)
                .site("__AMI_BIND_ADDRESS__", "127.0.0.1")
                .site("__SERVICE_NETWORK__", "127.0.0.1/32")
                .site("__PROVINCE_BACKUP_NUMBER__", TestPbx.BACKUP_NUMBER)
                .site("__CARRIER_HOST__", "127.0.0.1")
                .speed(TestPbx.SPEED)
                .zone(ZoneOffset.UTC)
                .cdr(cdr));
        return new Pbx(id, peer, cdr, agiPort);
    }

    /** The deployment of one PBX, configured as the chart configures the PBX's entry of telephony.pbxs. */
    private static ServiceJvm deployment(Pbx pbx, String deploymentId, String city) {
        Map<String, String> extra = Map.of(
                "GREENRIBBON_TELEPHONY_PBX_ID", pbx.id(),
                "GREENRIBBON_TELEPHONY_DEPLOYMENT_ID", deploymentId,
                "GREENRIBBON_HOTLINE_RECOVERED_DIVISION", city,
                // Quicker than a production deployment: the claim and the other PBXs' queues are seen each second.
                "GREENRIBBON_TELEPHONY_LEADER_CHECK_INTERVAL", "1S",
                "GREENRIBBON_HOTLINE_LINE_REFRESH_EVERY", "1s",
                "GREENRIBBON_JOURNAL_DIRECTORY", journal(deploymentId));
        ServiceJvm jvm = new ServiceJvm(JAR, release.deployment(pbx.peer().amiPort(), pbx.agiPort(), extra),
                Path.of("target/multi-pbx-it/" + deploymentId));
        JVMS.add(jvm);
        return jvm;
    }

    /**
     * The event journal's directory of one deployment's JVM (the chart's volume; one process per directory),
     * emptied: a journal an aborted earlier run left would be replayed into this run's new database.
     */
    private static String journal(String name) {
        Path dir = Path.of("target/multi-pbx-it/" + name + "/journal").toAbsolutePath();
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return dir.toString();
    }

    /** A deployment expected to be refused, pointed at {@code pbx}. */
    private static ServiceJvm refused(Pbx pbx, Map<String, String> identity, String name) {
        Map<String, String> extra = new java.util.HashMap<>(identity);
        extra.put("GREENRIBBON_TELEPHONY_LEADER_CHECK_INTERVAL", "1S");
        extra.put("GREENRIBBON_JOURNAL_DIRECTORY", journal(name));
        ServiceJvm jvm = new ServiceJvm(JAR, release.deployment(pbx.peer().amiPort(), FreePorts.one(), extra),
                Path.of("target/multi-pbx-it/" + name));
        JVMS.add(jvm);
        jvm.launch();
        return jvm;
    }

    /**
     * Tangshan (1302): telephony/ with the city's code in its lines and queues (031160130204 is Guye's line,
     * hl-130204 its queue, hl-1302 the city's).
     */
    private static Path secondCityConfiguration() throws IOException {
        Path dir = Path.of("target/multi-pbx-it/pbx-b-config");
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(Path.of("telephony"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file);
                String name = file.getFileName().toString();
                if (name.equals("extensions.conf") || name.equals("queues.conf")) {
                    text = text.replace("1301", "1302");
                }
                Files.writeString(dir.resolve(name), text);
            }
        }
        return dir;
    }

    private static void loadSecondCity() {
        Db.update("INSERT INTO division (code, name, name_en) VALUES ('1302', '唐山市', 'Tangshan'), "
                + "('130204', '古冶区', 'Guye District') ON CONFLICT (code) DO NOTHING");
        Db.update("INSERT INTO hotline_line (id, name, division_code, asks_press_one, tier1_wait_seconds, "
                + "tier2_wait_seconds, backup_number, forwarded_12356) VALUES (?, '古冶区心理援助热线', '130204', false, "
                + "30, 90, '031512356', false) ON CONFLICT (id) DO NOTHING", GUYE_LINE);
    }

    /** An open contact and an unreconciled CDR of a PBX neither deployment serves. */
    private static void recordsOfAThirdPbx() {
        Db.update("INSERT INTO hotline_contact (call_uniqueid, linked_id, line_id, division_code, source, offered_at) "
                + "VALUES (?, ?, ?, '130104', 'ROUTE', now() - interval '1 minute') ON CONFLICT DO NOTHING",
                OTHER_PBX_CALL, OTHER_PBX_CALL, QIAOXI_LINE);
        Db.update("INSERT INTO asterisk_cdr (calldate, answer, \"end\", src, dst, dcontext, channel, dstchannel, "
                + "lastapp, lastdata, duration, billsec, disposition, uniqueid, linkedid, userfield) VALUES "
                + "(now() AT TIME ZONE 'UTC' - interval '2 minutes', now() AT TIME ZONE 'UTC' - interval '2 minutes', "
                + "now() AT TIME ZONE 'UTC' - interval '1 minute', '13911190099', 's', 'hotline', 'PJSIP/carrier-00000001', "
                + "'PJSIP/counselor1-00000002', 'Queue', 'hl-130104,,,,30', 60, 60, 'ANSWERED', ?, ?, ?)",
                OTHER_PBX_CDR_CALL, OTHER_PBX_CDR_CALL, QIAOXI_LINE);
    }

    /** Ready, leading its PBX's events, and knowing which queues each PBX holds. */
    private static void awaitServing(ServiceJvm service, Pbx... pbxs) {
        service.awaitReadiness(SOON, body -> compact(body).contains("\"eventLeader\":true") && Stream.of(pbxs)
                .allMatch(p -> compact(body).matches("(?s).*\"knownPbxs\":\"[^\"]*\\b" + p.id() + "\\b.*")));
    }

    /** Readiness JSON without the blanks around its colons. */
    private static String compact(String json) {
        return json.replaceAll("\"\\s*:\\s*", "\":");
    }

    // ---- the hotline, through a deployment -----------------------------------------------------------------

    /** Signs {@code username} in through {@code service}, available on {@code lineDivision}'s line. */
    private static void available(ServiceJvm service, String username, String lineDivision) {
        Hotline.allowOnLine(username, lineDivision);
        given().baseUri(service.baseUri().toString()).auth().oauth2(Tokens.of(username)).contentType(ContentType.JSON)
                .body(Map.of("state", "AVAILABLE")).put("/api/hotline/presence").then().statusCode(200);
    }

    /** Waits until {@code queue} of {@code pbx} holds exactly {@code phones}, unpaused. */
    private static void awaitAvailable(Pbx pbx, String queue, String... phones) {
        await().atMost(SOON).until(() -> pbx.peer().members(queue).stream()
                .filter(m -> !m.paused()).map(AsteriskPeer.MemberState::iface).sorted().toList(),
                members -> members.equals(Stream.of(phones).sorted().toList()));
    }

    /** Waits until {@code queue} of {@code pbx} holds exactly {@code phones}, paused or not. */
    private static void awaitMembership(Pbx pbx, String queue, String... phones) {
        await().atMost(SOON).until(() -> pbx.peer().members(queue).stream()
                .map(AsteriskPeer.MemberState::iface).sorted().toList(),
                members -> members.equals(Stream.of(phones).sorted().toList()));
    }

    private static PeerCall call(Pbx pbx, String line, String from, Duration talk) {
        PeerCall call = pbx.peer().call(CallScript.from(from).to(line).presses("2").talksFor(talk));
        CALLS.add(call);
        return call;
    }

    /** A call a counsellor answers, whose contact says so. */
    private static PeerCall answeredCall(Pbx pbx, String line, String from, Duration talk) {
        PeerCall call = call(pbx, line, from, talk);
        assertThat(awaitContact(call.uniqueId(), c -> c.get("answered_at") != null))
                .containsEntry("source", "ROUTE").containsEntry("pbx_id", pbx.id());
        return call;
    }
}

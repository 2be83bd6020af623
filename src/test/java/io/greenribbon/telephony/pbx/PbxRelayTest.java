package io.greenribbon.telephony.pbx;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.greenribbon.crypto.FieldCipher;
import io.greenribbon.hotline.Db;
import io.greenribbon.hotline.Hotline;
import io.greenribbon.telephony.Pbx;
import io.greenribbon.telephony.PbxEvent;
import io.greenribbon.telephony.RecordingListener;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Commands between the deployments of a province's PBXs, from both ends: what this deployment hands to the
 * deployment of another PBX (written sealed, for that PBX only), and what another deployment hands to this
 * one, carried out on the test PBX by the event leader.
 */
@QuarkusTest
class PbxRelayTest {

    private static final String ELSEWHERE = "pbx-elsewhere";
    private static final Duration SOON = Duration.ofSeconds(20);

    @Inject
    PbxRelay relay;

    @Inject
    PbxOriginates originates;

    @Inject
    FieldCipher cipher;

    @Inject
    ObjectMapper json;

    @BeforeEach
    @AfterEach
    void reset() {
        Db.update("DELETE FROM telephony_pbx WHERE pbx_id = ?", ELSEWHERE);
        Db.update("UPDATE telephony_pbx SET queues = array_append(queues, 'hl-130105') "
                + "WHERE pbx_id = 'default' AND NOT 'hl-130105' = ANY (queues)");
        Db.update("DELETE FROM telephony_pbx_command");
        // The directory forgets the other PBX before the next test signs anyone in.
        await().atMost(SOON).until(() -> !given().get("/q/health/ready").jsonPath()
                .getString("checks.find { it.name == 'asterisk-ami' }.data.knownPbxs").contains(ELSEWHERE));
        Hotline.reset();
    }

    @Test
    void aPresenceChangeForQueuesOfAnotherPbxIsHandedToItsDeployment() {
        // Another PBX holds Xinhua's queue, and the test PBX does not (as if its queues.conf had moved there;
        // the next report of the test PBX's queues puts it back).
        Db.update("UPDATE telephony_pbx SET queues = array_remove(queues, 'hl-130105') WHERE pbx_id = 'default'");
        Db.update("INSERT INTO telephony_pbx (pbx_id, deployment_id, claimed_at, renewed_at, queues) "
                + "VALUES (?, 'greenribbon-elsewhere', now(), now(), '{hl-130105}')", ELSEWHERE);
        await().atMost(SOON).until(() -> given().get("/q/health/ready").jsonPath()
                .getString("checks.find { it.name == 'asterisk-ami' }.data.knownPbxs").contains(ELSEWHERE));

        Hotline.allowOnLine("counsellor2", "130105");
        Hotline.signIn("counsellor2", "AVAILABLE", null);

        // This PBX's share (the city queue) is placed here; Xinhua's queue is left to the other deployment.
        await().atMost(SOON).until(() -> Hotline.membersOf("PJSIP/counselor2").stream()
                .map(Pbx.QueueMemberState::queue).toList().equals(java.util.List.of(Hotline.CITY_QUEUE)));
        Map<String, Object> command = Db.row("SELECT kind, payload FROM telephony_pbx_command WHERE pbx_id = ?", ELSEWHERE);
        assertThat(command.get("kind")).isEqualTo("presence");
        assertThat(cipher.open((String) command.get("payload"), "telephony_pbx_command.payload"))
                .contains("\"username\":\"counsellor2\"");
    }

    @Test
    void aPresenceChangeAnotherDeploymentHandsOverIsPlacedInThisPbxsQueues() {
        Hotline.allowOnLine("counsellor1", "130104");
        Db.update("INSERT INTO hotline_presence (username, extension, division_code, queue_division, state, signed_in_at) "
                + "VALUES ('counsellor1', 'counselor1', '130104', '130104', 'AVAILABLE', now()) ON CONFLICT (username) DO "
                + "UPDATE SET extension = 'counselor1', queue_division = '130104', state = 'AVAILABLE', signed_in_at = now()");

        relay.send("default", "presence", "{\"username\":\"counsellor1\",\"leaving\":[]}").await().atMost(SOON);

        await().atMost(SOON).until(() -> Hotline.membersOf("PJSIP/counselor1").stream().filter(m -> !m.paused())
                .map(Pbx.QueueMemberState::queue).sorted().toList()
                .equals(java.util.List.of(Hotline.CITY_QUEUE, Hotline.QIAOXI_QUEUE)));
    }

    @Test
    void aCallForAPhoneOnAnotherPbxGoesSealedToThatPbxsDeployment() {
        String id = originates.originate(ELSEWHERE, request("PJSIP/counselor1", "13800138000")).await().atMost(SOON);

        Map<String, Object> command = Db.row("SELECT kind, payload FROM telephony_pbx_command WHERE pbx_id = ?", ELSEWHERE);
        assertThat(command.get("kind")).isEqualTo("originate");
        assertThat((String) command.get("payload")).doesNotContain("13800138000");
        assertThat(cipher.open((String) command.get("payload"), "telephony_pbx_command.payload"))
                .contains(id, "13800138000", "PJSIP/counselor1");
    }

    @Test
    void aCallAnotherDeploymentHandsOverIsPlacedHereAndOneTakenTooLateIsReportedFailed() throws Exception {
        String placed = "gr-" + UUID.randomUUID();
        relay.send("default", "originate", json.writeValueAsString(new PbxOriginates.Relayed(placed,
                request("PJSIP/supervisor", "s")))).await().atMost(SOON);
        PbxEvent.OriginateResult result = RecordingListener.await(PbxEvent.OriginateResult.class,
                r -> r.correlationId().equals(placed));
        assertThat(result.success()).isTrue();
        assertThat(result.uniqueId()).contains(placed);

        String late = "gr-" + UUID.randomUUID();
        Db.update("INSERT INTO telephony_pbx_command (id, pbx_id, kind, payload, created_at) "
                        + "VALUES (?, 'default', 'originate', ?, now() - interval '1 minute')", UUID.randomUUID().toString(),
                cipher.seal(json.writeValueAsString(new PbxOriginates.Relayed(late, request("PJSIP/supervisor", "s"))),
                        "telephony_pbx_command.payload"));
        PbxEvent.OriginateResult tooLate = RecordingListener.await(PbxEvent.OriginateResult.class,
                r -> r.correlationId().equals(late));
        assertThat(tooLate.success()).isFalse();
        assertThat(tooLate.failure()).contains(PbxEvent.OriginateFailure.NOT_REACHED);
        assertThat(tooLate.uniqueId()).as("no channel was made").isEmpty();
        assertThat(Hotline.peer().channels()).noneMatch(c -> c.contains(late));
    }

    /** A page of the risk-page context (answers, plays, hangs up), or a callback to {@code exten}. */
    private static Pbx.OriginateRequest request(String channel, String exten) {
        boolean page = exten.equals("s");
        return new Pbx.OriginateRequest(channel, page ? "risk-page" : "hotline-callback", exten, 1, "relay test", "risk",
                Duration.ofSeconds(20), page ? Map.of("GR_RISK_CASE", "1", "GR_RISK_LEVEL", "HIGH") : Map.of());
    }
}

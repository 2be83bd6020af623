package io.greenribbon.telephony.pbx;

import io.greenribbon.hotline.Db;
import io.greenribbon.telephony.Pbx;
import io.greenribbon.telephony.ami.AmiLeadership;
import io.greenribbon.testkit.TestPbx;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Another deployment claims this deployment's PBX (the test PBX, "default") and keeps its claim alive: this
 * deployment stands down (no AMI session, no commands, not ready, a clear reason) until that claim goes
 * unrenewed for claim-expires-after (2 s in tests), then takes the PBX back.
 */
@QuarkusTest
class PbxClaimTest {

    private static final Duration LONG = Duration.ofSeconds(30);

    @Inject
    Pbx pbx;

    @Inject
    PbxClaim claim;

    @Inject
    AmiLeadership leadership;

    @Test
    void aLiveClaimOfAnotherDeploymentMakesThisOneStandDownUntilItLapses() throws InterruptedException {
        await().atMost(LONG).until(pbx::linkUp);
        assertThat(claim.state()).isEqualTo(PbxClaim.State.HELD);

        intruderRenews();
        await().atMost(LONG).until(() -> claim.state() == PbxClaim.State.REFUSED);
        await().atMost(LONG).until(() -> !pbx.linkUp() && TestPbx.get().peer.amiSessions() == 0);
        await().atMost(LONG).until(() -> !leadership.leader());
        // Standing down lets go of the leader lock: its connection went back to the pool, not to PostgreSQL, and
        // an idle pooled session still holding it would keep this deployment from leading again.
        assertThat(leaderLocksHeld()).isZero();
        for (int i = 0; i < 8; i++) {
            // The intruder stays alive for a while: this deployment keeps out.
            intruderRenews();
            Thread.sleep(300);
            assertThat(claim.state()).isEqualTo(PbxClaim.State.REFUSED);
            assertThat(TestPbx.get().peer.amiSessions()).isZero();
        }
        given().when().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'asterisk-ami' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'asterisk-ami' }.data.claim", equalTo("refused"))
                .body("checks.find { it.name == 'asterisk-ami' }.data.problem",
                        containsString("PBX default is served by deployment intruder"));

        // The intruder is gone: its claim lapses, and this deployment serves its PBX again.
        await().atMost(LONG).until(() -> claim.state() == PbxClaim.State.HELD);
        await().atMost(LONG).until(pbx::linkUp);
        await().atMost(LONG).until(leadership::leader);
        assertThat(leaderLocksHeld()).isEqualTo(1L);
        assertThat(Db.value("SELECT deployment_id FROM telephony_pbx WHERE pbx_id = 'default'")).isEqualTo("greenribbon");
        given().when().get("/q/health/ready").then().statusCode(200);
    }

    private static long leaderLocksHeld() {
        return ((Number) Db.value("""
                SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 2
                   AND objid = cast(hashtext('default') AS oid)""")).longValue();
    }

    private static void intruderRenews() {
        Db.update("UPDATE telephony_pbx SET deployment_id = 'intruder', renewed_at = now() WHERE pbx_id = 'default'");
    }
}

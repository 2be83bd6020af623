package io.greenribbon.hotline;

import io.greenribbon.telephony.Pbx;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import static io.greenribbon.hotline.Hotline.as;
import static io.greenribbon.hotline.Hotline.awaitMembers;
import static io.greenribbon.hotline.Hotline.membersOf;
import static io.greenribbon.hotline.Hotline.pbx;
import static io.greenribbon.hotline.Hotline.peer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Presence through the API, with real tokens, and Asterisk's queues (QueueStatus over AMI, from the test
 * PBX) following every change, also after the AMI link was down.
 */
@QuarkusTest
class PresenceResourceTest {

    private static final String PHONE = "PJSIP/counselor1";

    @BeforeEach
    @AfterEach
    void reset() {
        Hotline.reset();
    }

    @Test
    void aCounsellorWithoutShiftOrOverrideMayNotGoAvailableButMaySignInPaused() {
        as("counsellor1").get("/api/hotline/presence").then().statusCode(200)
                .body("state", equalTo("OFFLINE")).body("extension", equalTo("counselor1"));

        as("counsellor1").body(Map.of("state", "AVAILABLE")).put("/api/hotline/presence")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:greenribbon:problem:not-on-shift"));
        assertThat(membersOf(PHONE)).isEmpty();

        as("counsellor1").body(Map.of("state", "PAUSED", "reason", "training")).put("/api/hotline/presence")
                .then().statusCode(200).body("state", equalTo("PAUSED")).body("pauseReason", equalTo("training"))
                .body("queues", contains("hl-130104", "hl-1301")).body("pbxSynced", equalTo(true));
        assertThat(membersOf(PHONE)).hasSize(2).allSatisfy(m -> {
            assertThat(m.paused()).isTrue();
            assertThat(m.pausedReason()).isEqualTo("training");
            assertThat(m.memberName()).isEqualTo("counsellor1");
        });
        assertThat(membersOf(PHONE)).extracting(Pbx.QueueMemberState::queue)
                .containsExactlyInAnyOrder("hl-130104", "hl-1301");
    }

    @Test
    void aSupervisorsOverrideLetsTheCounsellorGoAvailableAndAsteriskFollowsEveryChange() {
        as("supervisor1").body(Map.of("username", "counsellor1", "until",
                        OffsetDateTime.now(ZoneOffset.UTC).plusHours(2).toString(), "reason", "colleague ill"))
                .post("/api/hotline/presence/overrides")
                .then().statusCode(201).body("lineDivision", equalTo("130104")).body("grantedBy", equalTo("supervisor1"));

        as("counsellor1").body(Map.of("state", "AVAILABLE")).put("/api/hotline/presence")
                .then().statusCode(200).body("state", equalTo("AVAILABLE")).body("pauseReason", nullValue())
                .body("lineDivision", equalTo("130104")).body("pbxSynced", equalTo(true));
        assertThat(membersOf(PHONE)).extracting(Pbx.QueueMemberState::queue)
                .containsExactlyInAnyOrder("hl-130104", "hl-1301");
        assertThat(membersOf(PHONE)).noneMatch(Pbx.QueueMemberState::paused);

        as("counsellor1").body(Map.of("state", "PAUSED", "reason", "break")).put("/api/hotline/presence")
                .then().statusCode(200).body("state", equalTo("PAUSED"));
        assertThat(membersOf(PHONE)).hasSize(2).allMatch(m -> m.paused() && m.pausedReason().equals("break"));

        as("counsellor1").body(Map.of("state", "OFFLINE")).put("/api/hotline/presence")
                .then().statusCode(200).body("state", equalTo("OFFLINE"));
        assertThat(membersOf(PHONE)).isEmpty();

        assertThat(Db.rows("SELECT state, reason, actor FROM hotline_presence_change WHERE username = 'counsellor1' "
                + "ORDER BY id DESC LIMIT 3")).extracting(r -> r.get("state"))
                .containsExactly("OFFLINE", "PAUSED", "AVAILABLE");
    }

    @Test
    void aShiftOnTheRosterLetsTheCounsellorGoAvailableOnItsLine() {
        Db.update("INSERT INTO roster_shift (counsellor_id, line_division, starts_at, ends_at, created_by) "
                + "SELECT id, '130105', now() - interval '1 minute', now() + interval '50 minutes', 'test' "
                + "FROM counsellor WHERE username = 'counsellor1'");
        as("counsellor1").body(Map.of("state", "AVAILABLE")).put("/api/hotline/presence")
                .then().statusCode(200).body("state", equalTo("AVAILABLE")).body("lineDivision", equalTo("130105"))
                .body("queues", contains("hl-130105", "hl-1301"));
        assertThat(membersOf(PHONE)).extracting(Pbx.QueueMemberState::queue)
                .containsExactlyInAnyOrder("hl-130105", "hl-1301");
    }

    @Test
    void badRequestsNameTheFieldAndChangeNothing() {
        Hotline.allowOnLine("counsellor1", "130104");
        as("counsellor1").body(Map.of("state", "PAUSED")).put("/api/hotline/presence")
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
        as("counsellor1").body(Map.of("state", "WRAP_UP")).put("/api/hotline/presence")
                .then().statusCode(400).body("errors[0].field", equalTo("state"));
        as("counsellor1").body(Map.of("state", "SLEEPING")).put("/api/hotline/presence")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("state"));
        as("counsellor1").get("/api/hotline/presence").then().body("state", equalTo("OFFLINE"));
        assertThat(membersOf(PHONE)).isEmpty();
    }

    @Test
    void whileTheAmiLinkIsDownTheServiceStateStandsAndAsteriskIsToldOnceItIsBack() {
        Hotline.allowOnLine("counsellor1", "130104");
        peer().amiUnreachable();
        try {
            await().atMost(Hotline.SOON).until(() -> !pbx().linkUp());
            as("counsellor1").body(Map.of("state", "AVAILABLE")).put("/api/hotline/presence")
                    .then().statusCode(200).body("state", equalTo("AVAILABLE")).body("pbxSynced", equalTo(false));
        } finally {
            peer().amiReachable();
        }
        await().atMost(Hotline.SOON).until(() -> pbx().linkUp());
        // The reconnect's resynchronisation puts the counsellor in the county and city queues, unpaused.
        awaitMembers(PHONE, m -> !m.paused());
        assertThat(membersOf(PHONE)).extracting(Pbx.QueueMemberState::queue)
                .containsExactlyInAnyOrder("hl-130104", "hl-1301");
        as("counsellor1").get("/api/hotline/presence").then().body("state", equalTo("AVAILABLE"));
    }

    @Test
    void onlyCounsellorsAndSupervisorsHavePresenceAndOnlySupervisorsGrantOverrides() {
        as("staff1").get("/api/hotline/presence").then().statusCode(403);
        as("official1").body(Map.of("state", "PAUSED", "reason", "x")).put("/api/hotline/presence").then().statusCode(403);
        as("counsellor1").body(Map.of("username", "counsellor1", "until",
                        OffsetDateTime.now(ZoneOffset.UTC).plusHours(1).toString(), "reason", "me"))
                .post("/api/hotline/presence/overrides").then().statusCode(403);
        // A Qiaoxi supervisor cannot let a Xinhua counsellor in: to it, that counsellor does not exist.
        as("supervisor1").body(Map.of("username", "counsellor2", "until",
                        OffsetDateTime.now(ZoneOffset.UTC).plusHours(1).toString(), "reason", "help"))
                .post("/api/hotline/presence/overrides").then().statusCode(404);
        as("supervisor1").body(Map.of("username", "counsellor1", "until",
                        OffsetDateTime.now(ZoneOffset.UTC).plusHours(30).toString(), "reason", "too long"))
                .post("/api/hotline/presence/overrides").then().statusCode(400).body("errors[0].field", equalTo("until"));
        assertThat(Db.value("SELECT count(*) FROM hotline_shift_override")).isEqualTo(0L);
    }
}

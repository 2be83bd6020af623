package io.greenribbon.risk;

import com.fasterxml.jackson.databind.JsonNode;
import io.greenribbon.console.ConsoleClient;
import io.greenribbon.testkit.ControlledClock;
import io.greenribbon.testkit.Databases;
import io.greenribbon.testkit.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.greenribbon.risk.RiskApi.get;
import static io.greenribbon.risk.RiskApi.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

/** Escalation timelines on the controlled clock: deadlines in the database, fired by sweeps. */
@QuarkusTest
class EscalationTimelineTest {

    private static final Duration ACK = Duration.ofMinutes(10);
    private static final Duration REALERT = Duration.ofMinutes(5);

    @Inject
    ControlledClock clock;

    @org.junit.jupiter.api.AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Inject
    DeadlineSweeper sweeper;

    @TestHTTPResource("/ws/console")
    URI console;

    private URI ws() {
        return URI.create(console.toString().replaceFirst("^http", "ws"));
    }

    /** Sweeps until nothing is due (a sweep takes one batch). */
    private void sweepAll() {
        while (sweepOnce(50) > 0) {
            // next batch
        }
    }

    /** One sweep as a replica's scheduler runs it: on a Vert.x context of its own. */
    private int sweepOnce(int limit) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> sweeper.sweep(limit));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonPath detail(long id) {
        return get("supervisor1", "/api/risk/cases/" + id).statusCode(200).extract().jsonPath();
    }

    private static List<String> kinds(long id) {
        return detail(id).getList("timeline.kind");
    }

    private static void awaitBackendGone(int pid) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
            try (Connection c = Databases.asApp();
                 PreparedStatement q = c.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE pid = ?")) {
                q.setInt(1, pid);
                try (ResultSet r = q.executeQuery()) {
                    r.next();
                    return r.getLong(1) == 0;
                }
            }
        });
    }

    private static long count(long id, String kind) {
        return kinds(id).stream().filter(kind::equals).count();
    }

    @Test
    void acknowledgedInTimeTheCaseDoesNotEscalate() {
        long id = RiskApi.openCase("counsellor1", false);
        clock.advance(Duration.ofMinutes(6));
        post("supervisor3", "/api/risk/cases/" + id + "/acknowledge", null).statusCode(200);
        clock.advance(Duration.ofMinutes(6));
        sweepAll();
        JsonPath after = detail(id);
        assertThat(after.getString("summary.stage")).isEqualTo("SUPERVISORS");
        assertThat(after.getString("summary.acknowledgedBy")).isEqualTo("supervisor3");
        assertThat(after.getList("timeline.kind")).doesNotContain("ESCALATED");
        assertThat(after.getList("pending.kind")).doesNotContain("ACKNOWLEDGE");
    }

    @Test
    void missedTwiceItEscalatesToTheCountyLeadThenTheClinicalLeadEachStepTimestamped() {
        try (ConsoleClient county = ConsoleClient.connect(ws(), Tokens.of("countylead1"));
             ConsoleClient clinical = ConsoleClient.connect(ws(), Tokens.of("clinicallead1"))) {
            county.next("console.ready", 10);
            clinical.next("console.ready", 10);
            long id = RiskApi.openCase("counsellor1", false);
            Instant opened = Instant.parse(detail(id).getString("summary.openedAt"));

            clock.advance(ACK.minusSeconds(30));
            sweepAll();
            assertThat(detail(id).getString("summary.stage")).isEqualTo("SUPERVISORS");

            clock.advance(Duration.ofSeconds(31));
            Instant firstMiss = clock.instant();
            sweepAll();
            Instant firstSwept = clock.instant();
            JsonNode toCounty = alertFor(county, id);
            assertThat(toCounty.path("payload").path("reason").asText()).isEqualTo("ESCALATED");
            assertThat(toCounty.path("payload").path("stage").asText()).isEqualTo("COUNTY_LEAD");

            clock.advance(ACK);
            Instant secondMiss = clock.instant();
            sweepAll();
            Instant secondSwept = clock.instant();
            assertThat(alertFor(clinical, id).path("payload").path("stage").asText()).isEqualTo("CLINICAL_LEAD");

            JsonPath after = detail(id);
            assertThat(after.getString("summary.stage")).isEqualTo("CLINICAL_LEAD");
            List<Map<String, Object>> escalations = after.getList("timeline.findAll { it.kind == 'ESCALATED' }");
            assertThat(escalations).hasSize(2);
            assertThat((String) escalations.get(0).get("detail")).contains("stage=COUNTY_LEAD", "to=countylead1", "manual=false");
            assertThat((String) escalations.get(1).get("detail")).contains("stage=CLINICAL_LEAD", "to=clinicallead1");
            Instant at1 = Instant.parse((String) escalations.get(0).get("at"));
            Instant at2 = Instant.parse((String) escalations.get(1).get("at"));
            assertThat(at1).isAfterOrEqualTo(opened.plus(ACK)).isBetween(firstMiss, firstSwept);
            assertThat(at2).isAfterOrEqualTo(at1.plus(ACK)).isBetween(secondMiss, secondSwept);
            // The leads' phones were called too (without an exchange here, the failure is on the timeline).
            assertThat(after.getList("timeline.findAll { it.kind == 'PAGED' || it.kind == 'PAGE_FAILED' }.detail", String.class))
                    .anyMatch(d -> d.contains("to=countylead1")).anyMatch(d -> d.contains("to=clinicallead1"));

            // Past the clinical lead, everyone in the chain is alerted again until someone acknowledges.
            clock.advance(ACK);
            sweepAll();
            assertThat(count(id, "REALERTED")).isEqualTo(1);
            post("clinicallead1", "/api/risk/cases/" + id + "/acknowledge", null).statusCode(200);
            clock.advance(ACK);
            sweepAll();
            assertThat(count(id, "REALERTED")).isEqualTo(1);
        }
    }

    private static JsonNode alertFor(ConsoleClient client, long caseId) {
        while (true) {
            JsonNode message = client.next("risk.alert", 10);
            if (message.path("payload").path("caseId").asLong() == caseId) {
                return message;
            }
        }
    }

    @Test
    void imminentAlertsEverySupervisorOnDutyAtOnceAndAConfirmedReferralLetsTheCaseClose() {
        try (ConsoleClient s1 = ConsoleClient.connect(ws(), Tokens.of("supervisor1"));
             ConsoleClient s3 = ConsoleClient.connect(ws(), Tokens.of("supervisor3"));
             ConsoleClient xinhua = ConsoleClient.connect(ws(), Tokens.of("supervisor2"))) {
            s1.next("console.ready", 10);
            s3.next("console.ready", 10);
            xinhua.next("console.ready", 10);
            long id = RiskApi.openCase("counsellor1", true);
            for (ConsoleClient c : List.of(s1, s3)) {
                JsonNode alert = alertFor(c, id);
                assertThat(alert.path("payload").path("level").asText()).isEqualTo("IMMINENT");
                assertThat(alert.path("payload").has("note")).isFalse();
            }
            assertThat(detail(id).getList("timeline.findAll { it.kind == 'PAGED' || it.kind == 'PAGE_FAILED' }.detail", String.class))
                    .anyMatch(d -> d.contains("to=supervisor1")).anyMatch(d -> d.contains("to=supervisor3"));

            long referral = post("counsellor1", "/api/risk/cases/" + id + "/emergency-referral",
                    Map.of("service", "120", "shared", List.of("LOCATION", "SITUATION"), "note", "地址：某小区3号楼",
                            "reference", "A-20261126-17"))
                    .statusCode(201).extract().jsonPath().getLong("id");
            alertFor(s1, id);
            clock.advance(REALERT.plusSeconds(1));
            sweepAll();
            assertThat(alertFor(s3, id).path("payload").path("reason").asText()).isEqualTo("EMERGENCY_REFERRAL");
            assertThat(alertFor(s3, id).path("payload").path("reason").asText()).isEqualTo("REFERRAL_UNCONFIRMED");

            post("supervisor1", "/api/risk/cases/" + id + "/acknowledge", null).statusCode(200);
            completeFollowUps(id);
            post("supervisor1", "/api/risk/cases/" + id + "/close", Map.of("reason", "LINKED_TO_CARE"))
                    .statusCode(409).body("type", equalTo("urn:greenribbon:problem:conflict"));

            post("counsellor1", "/api/risk/cases/" + id + "/confirm-outcome",
                    Map.of("referralId", referral, "outcome", "REACHED", "note", "120 arrived, taken to hospital"))
                    .statusCode(200).body("outcome", equalTo("REACHED"));
            long realerts = count(id, "REFERRAL_UNCONFIRMED");
            clock.advance(REALERT.plusSeconds(1));
            sweepAll();
            assertThat(count(id, "REFERRAL_UNCONFIRMED")).isEqualTo(realerts);
            post("supervisor1", "/api/risk/cases/" + id + "/close", Map.of("reason", "LINKED_TO_CARE", "note", "in hospital care"))
                    .statusCode(200).body("status", equalTo("CLOSED"));
            assertThat(xinhua.received("risk.alert", id)).isFalse();
        }
    }

    @Test
    void anUnconfirmedReferralKeepsAlertingAndTheCaseCannotCloseEvenInTheDatabase() throws SQLException {
        long id = RiskApi.openCase("counsellor1", true);
        post("supervisor1", "/api/risk/cases/" + id + "/emergency-referral",
                Map.of("service", "110", "shared", List.of("LOCATION", "PHONE_NUMBER"))).statusCode(201);
        post("supervisor1", "/api/risk/cases/" + id + "/acknowledge", null).statusCode(200);
        completeFollowUps(id);
        for (int i = 1; i <= 3; i++) {
            clock.advance(REALERT.plusSeconds(1));
            sweepAll();
            assertThat(count(id, "REFERRAL_UNCONFIRMED")).isEqualTo(i);
        }
        post("supervisor1", "/api/risk/cases/" + id + "/close", Map.of("reason", "RISK_RESOLVED")).statusCode(409);
        try (Connection app = Databases.asApp(); Statement s = app.createStatement()) {
            app.setAutoCommit(false);
            s.execute("SELECT set_config('greenribbon.actor', 'supervisor1', true), set_config('greenribbon.scope', '130104', true)");
            assertThatThrownBy(() -> s.executeUpdate("UPDATE risk_case SET status = 'CLOSED', closed_at = now(), "
                    + "closed_by = 'supervisor1', close_reason = 'RISK_RESOLVED' WHERE id = " + id))
                    .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("GRR01");
            app.rollback();
        }
    }

    private static void completeFollowUps(long id) {
        for (Object followUp : get("counsellor1", "/api/risk/cases/" + id + "/follow-ups").statusCode(200)
                .extract().jsonPath().getList("findAll { it.status == 'OPEN' }.id")) {
            post("counsellor1", "/api/risk/cases/" + id + "/follow-ups/" + followUp + "/attempts",
                    Map.of("result", "REACHED", "outcome", "SAFE")).statusCode(201);
        }
    }

    @Test
    void aReplicaDyingMidSweepLeavesItsDeadlineToTheNextSweepWhichFiresItOnce() throws Exception {
        long id = RiskApi.openCase("counsellor1", false);
        clock.advance(ACK.plusSeconds(1));
        int dyingBackend;
        try (Connection dying = Databases.asApp()) {
            dying.setAutoCommit(false);
            try (Statement s = dying.createStatement()) {
                try (ResultSet pid = s.executeQuery("SELECT pg_backend_pid()")) {
                    pid.next();
                    dyingBackend = pid.getInt(1);
                }
                s.execute("SELECT set_config('greenribbon.actor', 'system:escalation', true), set_config('greenribbon.scope', '*', true)");
                try (ResultSet claimed = s.executeQuery("SELECT id FROM risk_deadline WHERE case_id = " + id
                        + " AND kind = 'ACKNOWLEDGE' AND fired_at IS NULL FOR UPDATE SKIP LOCKED")) {
                    assertThat(claimed.next()).isTrue();
                }
            }
            // The other replica sweeps meanwhile: the claimed deadline is skipped, not waited for.
            sweepAll();
            assertThat(count(id, "ESCALATED")).isZero();
            // The dying replica's process ends: its connection drops without a commit.
            dying.abort(Runnable::run);
        }
        // PostgreSQL rolls the dead replica's transaction back (releasing its row lock) once it notices the
        // dropped connection, which is not at once on a loaded machine.
        awaitBackendGone(dyingBackend);
        sweepAll();
        sweepAll();
        assertThat(count(id, "ESCALATED")).isEqualTo(1);
        assertThat(detail(id).getString("summary.stage")).isEqualTo("COUNTY_LEAD");
    }

    @Test
    void twoReplicasSweepingTogetherFireEveryDeadlineOnce() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(RiskApi.openCase(i % 2 == 0 ? "counsellor1" : "counsellor3", false));
        }
        clock.advance(ACK.plusSeconds(1));
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> replica = () -> {
                int fired = 0;
                for (int n; (n = sweepOnce(2)) > 0; ) {
                    fired += n;
                }
                return fired;
            };
            Future<Integer> a = replicas.submit(replica);
            Future<Integer> b = replicas.submit(replica);
            assertThat(a.get() + b.get()).isGreaterThanOrEqualTo(ids.size());
        } finally {
            replicas.shutdown();
        }
        try (Connection root = Databases.asSuperuser(); PreparedStatement s = root.prepareStatement(
                "SELECT count(*) FROM risk_case_event WHERE case_id = ? AND kind = 'ESCALATED'")) {
            for (long id : ids) {
                s.setLong(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("escalations of case %d", id).isEqualTo(1);
                }
            }
        }
    }
}

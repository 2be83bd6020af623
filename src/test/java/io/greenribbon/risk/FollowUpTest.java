package io.greenribbon.risk;

import io.greenribbon.testkit.ControlledClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.greenribbon.risk.RiskApi.get;
import static io.greenribbon.risk.RiskApi.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Follow-ups of a high-risk case on the controlled clock: the first one is due 24–48 h after the contact,
 * an overdue one alerts the supervisors, unanswered attempts up to the limit count it as lost, and a case
 * closes only by a supervisor, with a reason, once no follow-up is open.
 */
@QuarkusTest
class FollowUpTest {

    @Inject
    ControlledClock clock;

    @Inject
    DeadlineSweeper sweeper;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    private void sweepAll() {
        try {
            while (VertxContextSupport.subscribeAndAwait(() -> sweeper.sweep(50)) > 0) {
                // next batch
            }
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonPath followUps(long id) {
        return get("counsellor1", "/api/risk/cases/" + id + "/follow-ups").statusCode(200).extract().jsonPath();
    }

    private static List<String> timeline(long id, String kind) {
        return get("supervisor1", "/api/risk/cases/" + id).statusCode(200).extract().jsonPath()
                .getList("timeline.findAll { it.kind == '" + kind + "' }.detail", String.class);
    }

    @Test
    void theFirstFollowUpIsDueWithin24To48HoursAndAlertsTheSupervisorsWhenOverdue() {
        long id = RiskApi.openCase("counsellor1", false);
        post("supervisor1", "/api/risk/cases/" + id + "/acknowledge", null).statusCode(200);
        Instant opened = Instant.parse(get("supervisor1", "/api/risk/cases/" + id).statusCode(200)
                .extract().jsonPath().getString("summary.openedAt"));
        JsonPath first = followUps(id);
        assertThat(first.getList("id")).hasSize(1);
        assertThat(Duration.between(opened, Instant.parse(first.getString("[0].windowOpensAt")))).isEqualTo(Duration.ofHours(24));
        assertThat(Duration.between(opened, Instant.parse(first.getString("[0].dueAt")))).isEqualTo(Duration.ofHours(48));
        assertThat(first.getInt("[0].maxAttempts")).isEqualTo(4);

        clock.advance(Duration.ofHours(47));
        sweepAll();
        assertThat(timeline(id, "FOLLOW_UP_OVERDUE")).isEmpty();
        clock.advance(Duration.ofHours(1).plusSeconds(1));
        sweepAll();
        sweepAll();
        assertThat(timeline(id, "FOLLOW_UP_OVERDUE")).hasSize(1);
        assertThat(timeline(id, "ALERTED")).anyMatch(d -> d.contains("reason=FOLLOW_UP_OVERDUE"));
    }

    @Test
    void unansweredAttemptsUpToTheLimitCountAsLostAndOnlyASupervisorClosesWithAReason() {
        long id = RiskApi.openCase("counsellor1", false);
        post("supervisor1", "/api/risk/cases/" + id + "/acknowledge", null).statusCode(200);
        long followUp = followUps(id).getLong("[0].id");
        String attempts = "/api/risk/cases/" + id + "/follow-ups/" + followUp + "/attempts";

        post("supervisor1", "/api/risk/cases/" + id + "/close", Map.of("reason", "RISK_RESOLVED"))
                .statusCode(409);
        post("counsellor1", attempts, Map.of("result", "NO_ANSWER", "outcome", "SAFE")).statusCode(400)
                .body("errors[0].field", equalTo("outcome"));
        for (int i = 1; i <= 3; i++) {
            post("counsellor1", attempts, Map.of("result", "NO_ANSWER")).statusCode(201).body("status", equalTo("OPEN"));
        }
        post("counsellor1", attempts, Map.of("result", "NO_ANSWER")).statusCode(201)
                .body("status", equalTo("LOST")).body("attempts", equalTo(4));
        post("counsellor1", attempts, Map.of("result", "NO_ANSWER")).statusCode(409);
        assertThat(timeline(id, "FOLLOW_UP_LOST")).hasSize(1);
        assertThat(timeline(id, "ALERTED")).anyMatch(d -> d.contains("reason=FOLLOW_UP_LOST"));

        Instant due = clock.instant().plus(Duration.ofDays(3));
        post("counsellor1", "/api/risk/cases/" + id + "/follow-ups", Map.of("dueAt", due.toString(), "maxAttempts", 6))
                .statusCode(400).body("errors[0].field", equalTo("maxAttempts"));
        post("counsellor1", "/api/risk/cases/" + id + "/close", Map.of("reason", "LOST_TO_FOLLOW_UP")).statusCode(403);
        post("supervisor1", "/api/risk/cases/" + id + "/close", Map.of("note", "no reason given")).statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        post("supervisor1", "/api/risk/cases/" + id + "/close", Map.of("reason", "LOST_TO_FOLLOW_UP", "note", "four tries"))
                .statusCode(200).body("status", equalTo("CLOSED"));
    }
}

package io.greenribbon.risk;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.greenribbon.risk.RiskApi.get;
import static io.greenribbon.risk.RiskApi.post;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The break-the-glass register as the access review reads it. A supervisor reads a use whole and reviews it
 * with a comment (sealed like the reason); a health official of the case's jurisdiction sees the use's
 * state (who, which case, when, who reviewed it, the verdict) without the reason, the comment or the call,
 * may not review it, and their read is audited with the purpose of oversight; an official of another county
 * sees nothing of it.
 */
@QuarkusTest
class BreakGlassRegisterTest {

    private static final String REASON = "The caller asks what their plan says; their counsellor is off.";
    private static final String COMMENT = "Justified: the caller was distressed and asked for the plan.";

    @Inject
    HotlineCalls calls;

    @Test
    void officialsSeeTheStateSupervisorsReviewWithAComment() throws java.sql.SQLException {
        String number = HotlineCalls.newNumber();
        long caseId = RiskApi.screen("counsellor1", Map.of("contactId", calls.answered("counsellor1", number),
                "answers", RiskApi.highAnswers())).statusCode(201).extract().jsonPath().getLong("caseId");
        long live = calls.answered("counsellor3", number);
        long use;
        try {
            use = post("counsellor3", "/api/risk/cases/" + caseId + "/break-glass", Map.of("reason", REASON))
                    .statusCode(201).extract().jsonPath().getLong("id");
        } finally {
            calls.hangUp(live);
        }

        Map<String, Object> seen = waiting("official1", use);
        assertThat(seen).containsEntry("caseId", (int) caseId).containsEntry("actor", "counsellor3")
                .containsEntry("division", "130104").containsEntry("mayReview", false)
                .containsEntry("reason", null).containsEntry("contactId", null).containsEntry("reviewedBy", null);
        assertThat(waiting("supervisor1", use)).containsEntry("reason", REASON).containsEntry("mayReview", true);
        assertThat(register("official2", false).getList("id", Long.class)).doesNotContain(use);
        assertThat(register("supervisor2", false).getList("id", Long.class)).doesNotContain(use);
        // Officials oversee; reviewing stays with the supervisors (the Permission table), whatever they send.
        post("official1", "/api/risk/break-glass/" + use + "/review", Map.of("verdict", "JUSTIFIED")).statusCode(403);
        get("counsellor1", "/api/risk/break-glass/register").statusCode(403);

        post("supervisor1", "/api/risk/break-glass/" + use + "/review", Map.of("verdict", "JUSTIFIED", "comment", COMMENT))
                .statusCode(200);
        assertThat(register("official1", false).getList("id", Long.class)).doesNotContain(use);
        Map<String, Object> reviewed = reviewed("official1", use);
        assertThat(reviewed).containsEntry("reviewedBy", "supervisor1").containsEntry("verdict", "JUSTIFIED")
                .containsEntry("reviewComment", null).containsEntry("reason", null);
        assertThat(reviewed.get("reviewedAt")).isNotNull();
        assertThat(reviewed("supervisor3", use)).containsEntry("reviewComment", COMMENT).containsEntry("mayReview", false);
        assertThat(register("official2", true).getList("id", Long.class)).doesNotContain(use);
        post("supervisor3", "/api/risk/break-glass/" + use + "/review", Map.of("verdict", "UNJUSTIFIED")).statusCode(409);
        post("supervisor1", "/api/risk/break-glass/" + use + "/review",
                Map.of("verdict", "JUSTIFIED", "comment", "x".repeat(2001))).statusCode(400);

        // The comment is sealed at rest like the reason; the official's reads are audited as oversight.
        assertThat(sealedComment(use)).isNotBlank().doesNotContain("Justified");
        List<Map<String, Object>> reads = get("official1", "/api/audit/access?actor=official1&kind=risk_break_glass")
                .statusCode(200).extract().jsonPath().getList("entries");
        assertThat(reads).anySatisfy(e -> assertThat(e).containsEntry("action", "risk.break-glass.list")
                .containsEntry("purpose", "OVERSIGHT").containsEntry("outcome", "ALLOWED"));
    }

    private static String sealedComment(long use) throws java.sql.SQLException {
        try (java.sql.Connection c = io.greenribbon.testkit.Databases.asSuperuser();
             java.sql.ResultSet rs = c.createStatement().executeQuery(
                     "SELECT review_comment_sealed FROM risk_break_glass WHERE id = " + use)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    /** The register's list ({@code waiting} or {@code reviewed}) as {@code user} reads it. */
    private static JsonPath register(String user, boolean reviewed) {
        JsonPath both = get(user, "/api/risk/break-glass/register?limit=200").statusCode(200).extract().jsonPath();
        return both.setRootPath(reviewed ? "reviewed" : "waiting");
    }

    private static Map<String, Object> waiting(String user, long use) {
        return register(user, false).getMap("find { it.id == " + use + " }");
    }

    private static Map<String, Object> reviewed(String user, long use) {
        return register(user, true).getMap("find { it.id == " + use + " }");
    }
}

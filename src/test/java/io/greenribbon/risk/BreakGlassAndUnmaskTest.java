package io.greenribbon.risk;

import io.greenribbon.testkit.ControlledClock;
import io.greenribbon.testkit.Databases;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.greenribbon.risk.RiskApi.get;
import static io.greenribbon.risk.RiskApi.post;
import static io.greenribbon.risk.RiskApi.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class BreakGlassAndUnmaskTest {

    @Inject
    HotlineCalls calls;

    @Inject
    ControlledClock clock;

    @org.junit.jupiter.api.AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Inject
    CallerCaseAccess panel;

    private static final io.greenribbon.access.Actor COUNSELLOR1 = new io.greenribbon.access.Actor("counsellor1", "Mei Wang",
            java.util.Set.of("hotline-counsellor"), "130104", "counselor1");
    private static final io.greenribbon.access.Actor COUNSELLOR3 = new io.greenribbon.access.Actor("counsellor3", "Na Sun",
            java.util.Set.of("hotline-counsellor"), "130104", "counselor3");

    private static <T> T await(java.util.function.Supplier<io.smallrye.mutiny.Uni<T>> work) {
        try {
            return io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(work::get);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void routingAndTheCallerPanelKnowTheCaseOfTheCallerOnTheLine() {
        String number = HotlineCalls.newNumber();
        long contact = calls.answered("counsellor1", number);
        String key = calls.callerKey(number);
        assertThat(calls.routingFlag(key)).isEmpty();
        long id = callerCase(contact);
        HotlineCalls.RoutingFlag risk = calls.routingFlag(key).orElseThrow();
        assertThat(risk.level()).isEqualTo(RiskLevel.HIGH.name());
        assertThat(risk.assignedCounsellor()).isEqualTo("counsellor1");
        routingsQuestionLeavesTheContextAsItWas(key, id);

        assertThat(await(() -> panel.activeCaseFor(COUNSELLOR1, key, contact)).visibility())
                .isEqualTo(CallerCaseAccess.Visibility.FULL);
        assertThat(await(() -> panel.activeCaseFor(COUNSELLOR3, calls.callerKey(HotlineCalls.newNumber()), contact)))
                .isEqualTo(CallerCaseAccess.CallerCase.none());
        long live = calls.answered("counsellor3", number);
        try {
            CallerCaseAccess.CallerCase seen = await(() -> panel.activeCaseFor(COUNSELLOR3, key, live));
            assertThat(seen.visibility()).isEqualTo(CallerCaseAccess.Visibility.BREAK_GLASS_AVAILABLE);
            assertThat(seen.caseId()).isEqualTo(id);
            post("counsellor3", "/api/risk/cases/" + id + "/break-glass", Map.of("reason", "caller asks for their plan"))
                    .statusCode(201);
            CallerCaseAccess.CallerCase open = await(() -> panel.activeCaseFor(COUNSELLOR3, key, live));
            assertThat(open.visibility()).isEqualTo(CallerCaseAccess.Visibility.BREAK_GLASS_ACTIVE);
            assertThat(open.breakGlassUntil()).isNotNull();
        } finally {
            calls.hangUp(live);
        }
    }

    /**
     * risk_routing_flag answers routing's one question inside any transaction, and puts the acting context
     * back: a counsellor without a ground on the case still sees no row of it afterwards.
     */
    private static void routingsQuestionLeavesTheContextAsItWas(String key, long caseId) {
        try (Connection app = Databases.asApp(); Statement s = app.createStatement()) {
            app.setAutoCommit(false);
            s.execute("SELECT set_config('greenribbon.actor', 'counsellor3', true), set_config('greenribbon.scope', '-', true)");
            try (ResultSet rs = s.executeQuery("SELECT level, assigned_counsellor FROM risk_routing_flag('" + key + "')")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("HIGH");
                assertThat(rs.getString(2)).isEqualTo("counsellor1");
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*), current_setting('greenribbon.actor'), "
                    + "current_setting('greenribbon.scope') FROM risk_case WHERE id = " + caseId)) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
                assertThat(rs.getString(2)).isEqualTo("counsellor3");
                assertThat(rs.getString(3)).isEqualTo("-");
            }
            app.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A case opened from a hotline contact of a caller, with a safety plan. */
    private long callerCase(long contactId) {
        long id = RiskApi.screen("counsellor1", Map.of("contactId", contactId, "answers", RiskApi.highAnswers()))
                .statusCode(201).extract().jsonPath().getLong("caseId");
        put("counsellor1", "/api/risk/cases/" + id + "/safety-plan", Map.of("version", 0,
                "warningSigns", List.of("独处时"), "internalCoping", List.of("听音乐"), "socialDistractions", List.of("公园"),
                "peopleToAsk", List.of("母亲"), "professionals", List.of("热线"), "safeEnvironment", List.of("刀具收起")))
                .statusCode(200);
        return id;
    }

    @Test
    void aCounsellorOnTheLineBreaksTheGlassForTheSafetyPlanOnlyAndForALimitedTime() {
        String number = HotlineCalls.newNumber();
        long id = callerCase(calls.answered("counsellor1", number));
        String plan = "/api/risk/cases/" + id + "/safety-plan";
        get("counsellor3", plan).statusCode(404);
        post("counsellor3", "/api/risk/cases/" + id + "/break-glass", Map.of("reason", "caller in crisis on my line now"))
                .statusCode(404);

        // The same caller calls again and counsellor3 answers.
        long second = calls.answered("counsellor3", number);
        try {
            // The same caller calls again: the panel tells the counsellor a case exists, the glass can be broken.
            post("counsellor3", "/api/risk/cases/" + id + "/break-glass", Map.of("reason", "short")).statusCode(400);
            post("counsellor1", "/api/risk/cases/" + id + "/break-glass", Map.of("reason", "I am assigned anyway"))
                    .statusCode(403);
            post("counsellor3", "/api/risk/cases/" + id + "/break-glass", Map.of("reason", "caller in crisis on my line now"))
                    .statusCode(201);
            get("counsellor3", plan).statusCode(200).body("peopleToAsk", equalTo(List.of("母亲")));
            get("counsellor3", "/api/risk/cases/" + id).statusCode(403);
            get("supervisor1", "/api/risk/cases/" + id).statusCode(200).body("timeline.kind", hasItem("BREAK_GLASS"));

            long use = get("supervisor1", "/api/risk/break-glass").statusCode(200).extract().jsonPath()
                    .getLong("find { it.caseId == " + id + " }.id");
            get("supervisor1", "/api/risk/break-glass").statusCode(200)
                    .body("find { it.caseId == " + id + " }.reason", equalTo("caller in crisis on my line now"));
            post("supervisor1", "/api/risk/break-glass/" + use + "/review", Map.of("verdict", "JUSTIFIED")).statusCode(200);
            post("supervisor3", "/api/risk/break-glass/" + use + "/review", Map.of("verdict", "JUSTIFIED")).statusCode(409);

            clock.advance(Duration.ofMinutes(31));
            get("counsellor3", plan).statusCode(403);
        } finally {
            calls.hangUp(second);
        }
        get("counsellor3", plan).statusCode(404);
    }

    @Test
    void theCallersNumberIsDisclosedOnlyAfterASecondPersonApproves() {
        String number = HotlineCalls.newNumber();
        long contact = calls.answered("counsellor1", number);
        long id = callerCase(contact);
        long other = RiskApi.newContactId();
        post("counsellor1", "/api/risk/cases/" + id + "/unmask-requests",
                Map.of("contactId", other, "reason", "overdose reported, need location", "legalBasis", "PIPL_13_1_4_PROTECT_LIFE"))
                .statusCode(400);
        long request = post("counsellor1", "/api/risk/cases/" + id + "/unmask-requests",
                Map.of("contactId", contact, "reason", "overdose reported, need location", "legalBasis", "PIPL_13_1_4_PROTECT_LIFE"))
                .statusCode(201).body("status", equalTo("PENDING")).extract().jsonPath().getLong("id");
        post("counsellor1", "/api/risk/unmask-requests/" + request + "/disclose", null).statusCode(409);
        post("supervisor2", "/api/risk/unmask-requests/" + request + "/approve", null).statusCode(404);
        get("supervisor1", "/api/risk/unmask-requests").statusCode(200)
                .body("find { it.id == " + request + " }.reason", equalTo("overdose reported, need location"));
        post("supervisor1", "/api/risk/unmask-requests/" + request + "/approve", null).statusCode(200)
                .body("status", equalTo("APPROVED")).body("decidedBy", equalTo("supervisor1"));
        post("supervisor1", "/api/risk/unmask-requests/" + request + "/disclose", null).statusCode(403);
        post("counsellor1", "/api/risk/unmask-requests/" + request + "/disclose", null).statusCode(200)
                .body("number", equalTo(number)).body("legalBasis", equalTo("PIPL_13_1_4_PROTECT_LIFE"));
        post("counsellor1", "/api/risk/unmask-requests/" + request + "/disclose", null).statusCode(409);
        get("supervisor1", "/api/risk/cases/" + id).statusCode(200)
                .body("timeline.kind", hasItem("NUMBER_DISCLOSED"));

        // A supervisor asking must have another supervisor approve.
        long own = post("supervisor1", "/api/risk/cases/" + id + "/unmask-requests",
                Map.of("contactId", contact, "reason", "police request for rescue", "legalBasis", "PUBLIC_SECURITY_REQUEST"))
                .statusCode(201).extract().jsonPath().getLong("id");
        post("supervisor1", "/api/risk/unmask-requests/" + own + "/approve", null).statusCode(403);
        post("supervisor3", "/api/risk/unmask-requests/" + own + "/reject", null).statusCode(200).body("status", equalTo("REJECTED"));
    }
}

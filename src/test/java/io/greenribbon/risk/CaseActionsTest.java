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
import static org.hamcrest.Matchers.equalTo;

/**
 * What a case offers each account ({@code allowed} on the case) follows the case's state through its life,
 * with the same rule the actions themselves refuse by: an action offered succeeds, an action not offered is
 * refused with the problem that says why. The two-person rule of unmasking and break-the-glass reviews shows
 * on the requests the same way.
 */
@QuarkusTest
class CaseActionsTest {

    @Inject
    HotlineCalls calls;

    private static JsonPath detail(String user, long id) {
        return get(user, "/api/risk/cases/" + id).statusCode(200).extract().jsonPath();
    }

    /** The actions offered on the case itself (no target). */
    private static List<String> onCase(String user, long id) {
        return detail(user, id).getList("allowed.findAll { it.target == null }.action");
    }

    private static List<Long> targets(String user, long id, String action) {
        return detail(user, id).getList("allowed.findAll { it.action == '" + action + "' }.target", Long.class);
    }

    @Test
    void everyOfferedActionSucceedsAndEveryRefusedOneSaysWhy() {
        long id = RiskApi.openCase("counsellor1", true);
        assertThat(onCase("supervisor1", id)).containsExactly("ACKNOWLEDGE", "REFER", "ESCALATE");
        // The counsellor cares for the case (referral, escalation, follow-ups); acknowledging and closing supervise it.
        assertThat(onCase("counsellor1", id)).containsExactly("REFER", "ESCALATE");
        long followUp = detail("supervisor1", id).getLong("followUps[0].id");
        assertThat(targets("supervisor1", id, "WRITE_FOLLOW_UPS")).containsExactly(followUp);
        // A high case has its first follow-up open: it cannot close yet, and says so.
        post("supervisor1", "/api/risk/cases/" + id + "/close", Map.of("reason", "RISK_RESOLVED")).statusCode(409)
                .body("type", equalTo("urn:greenribbon:problem:conflict"));

        post("supervisor1", "/api/risk/cases/" + id + "/acknowledge", null).statusCode(200);
        assertThat(onCase("supervisor1", id)).containsExactly("REFER", "ESCALATE");
        post("supervisor3", "/api/risk/cases/" + id + "/acknowledge", null).statusCode(409)
                .body("acknowledgedBy", equalTo("supervisor1"));

        long referral = post("supervisor1", "/api/risk/cases/" + id + "/emergency-referral",
                Map.of("service", "120", "shared", List.of("LOCATION"))).statusCode(201).extract().jsonPath().getLong("id");
        assertThat(targets("supervisor1", id, "CONFIRM_OUTCOME")).containsExactly(referral);
        post("supervisor1", "/api/risk/cases/" + id + "/follow-ups/" + followUp + "/attempts",
                Map.of("result", "REACHED", "outcome", "SAFE")).statusCode(201);
        assertThat(targets("supervisor1", id, "WRITE_FOLLOW_UPS")).isEmpty();
        assertThat(onCase("supervisor1", id)).doesNotContain("CLOSE");
        post("supervisor1", "/api/risk/cases/" + id + "/close", Map.of("reason", "LINKED_TO_CARE")).statusCode(409)
                .body("unconfirmedReferrals", equalTo(1));

        post("supervisor1", "/api/risk/cases/" + id + "/confirm-outcome", Map.of("referralId", referral, "outcome", "REACHED"))
                .statusCode(200);
        assertThat(targets("supervisor1", id, "CONFIRM_OUTCOME")).isEmpty();
        post("supervisor3", "/api/risk/cases/" + id + "/confirm-outcome", Map.of("referralId", referral, "outcome", "REACHED"))
                .statusCode(409);
        assertThat(onCase("supervisor1", id)).containsExactly("REFER", "ESCALATE", "CLOSE");
        assertThat(onCase("counsellor1", id)).containsExactly("REFER", "ESCALATE");

        post("supervisor1", "/api/risk/cases/" + id + "/close", Map.of("reason", "LINKED_TO_CARE")).statusCode(200);
        assertThat(detail("supervisor1", id).getList("allowed")).isEmpty();
        post("supervisor1", "/api/risk/cases/" + id + "/escalate", Map.of()).statusCode(409);
    }

    /** A lowering is offered to a supervisor other than its screener, once; deciding it is refused afterwards. */
    @Test
    void aLoweringIsOfferedToAnotherSupervisorOnlyWhileItWaits() {
        String number = HotlineCalls.newNumber();
        long contact = calls.answered("counsellor1", number);
        try {
            long id = RiskApi.screen("counsellor1", Map.of("contactId", contact, "answers", RiskApi.highAnswers()))
                    .statusCode(201).extract().jsonPath().getLong("caseId");
            long asked = RiskApi.screen("counsellor1", Map.of("contactId", contact, "answers", RiskApi.highAnswers(),
                    "level", "MODERATE", "reason", "no means at hand, family present")).statusCode(201)
                    .extract().jsonPath().getLong("screeningId");
            long own = RiskApi.screen("supervisor1", Map.of("contactId", contact, "answers", RiskApi.highAnswers(),
                    "level", "MODERATE", "reason", "called back: the plan is off")).statusCode(201)
                    .extract().jsonPath().getLong("screeningId");
            assertThat(targets("supervisor1", id, "DECIDE_LOWERING")).containsExactly(asked);
            assertThat(targets("supervisor3", id, "DECIDE_LOWERING")).containsExactlyInAnyOrder(asked, own);
            assertThat(targets("counsellor1", id, "DECIDE_LOWERING")).isEmpty();
            post("supervisor1", "/api/risk/screenings/" + own + "/approve-lowering", null).statusCode(403);

            post("supervisor1", "/api/risk/screenings/" + asked + "/reject-lowering", null).statusCode(200);
            assertThat(targets("supervisor3", id, "DECIDE_LOWERING")).containsExactly(own);
            post("supervisor3", "/api/risk/screenings/" + asked + "/approve-lowering", null).statusCode(409);
            assertThat(detail("supervisor1", id).getString("summary.level")).isEqualTo("HIGH");
        } finally {
            calls.hangUp(contact);
        }
    }

    @Test
    void unmaskingShowsWhoAskedAndWhoMayDecideAndBreakTheGlassWhoMayReview() {
        String number = HotlineCalls.newNumber();
        long contact = calls.answered("counsellor1", number);
        long id = RiskApi.screen("counsellor1", Map.of("contactId", contact, "answers", RiskApi.highAnswers()))
                .statusCode(201).extract().jsonPath().getLong("caseId");
        long live = calls.answered("counsellor3", number);
        try {
            long use = post("counsellor3", "/api/risk/cases/" + id + "/break-glass", Map.of("reason", "caller asks for their plan"))
                    .statusCode(201).extract().jsonPath().getLong("id");
            long asked = post("counsellor1", "/api/risk/cases/" + id + "/unmask-requests", Map.of("contactId", contact,
                    "reason", "caller went silent, rescue needs the number", "legalBasis", "PIPL_13_1_4_PROTECT_LIFE"))
                    .statusCode(201).extract().jsonPath().getLong("id");
            long own = post("supervisor1", "/api/risk/cases/" + id + "/unmask-requests", Map.of("contactId", contact,
                    "reason", "police ask for the number for the rescue", "legalBasis", "PUBLIC_SECURITY_REQUEST"))
                    .statusCode(201).extract().jsonPath().getLong("id");

            JsonPath requests = get("supervisor1", "/api/risk/unmask-requests").statusCode(200).extract().jsonPath();
            assertThat(requests.getBoolean("find { it.id == " + asked + " }.mayDecide")).isTrue();
            assertThat(requests.getBoolean("find { it.id == " + own + " }.mayDecide")).isFalse();
            assertThat(requests.getList("find { it.id == " + own + " }.approvers", String.class))
                    .containsExactly("supervisor3");
            assertThat(requests.getList("find { it.id == " + asked + " }.approvers", String.class))
                    .containsExactly("supervisor1", "supervisor3");
            post("supervisor1", "/api/risk/unmask-requests/" + own + "/approve", null).statusCode(403);
            assertThat(get("counsellor1", "/api/risk/unmask-requests").statusCode(200).extract().jsonPath()
                    .getBoolean("find { it.id == " + asked + " }.mayDecide")).isFalse();

            JsonPath queue = get("supervisor1", "/api/risk/break-glass").statusCode(200).extract().jsonPath();
            assertThat(queue.getBoolean("find { it.id == " + use + " }.mayReview")).isTrue();
            post("supervisor3", "/api/risk/break-glass/" + use + "/review", Map.of("verdict", "JUSTIFIED")).statusCode(200);
            post("supervisor1", "/api/risk/break-glass/" + use + "/review", Map.of("verdict", "JUSTIFIED")).statusCode(409)
                    .body("reviewedBy", equalTo("supervisor3"));
        } finally {
            calls.hangUp(live);
            calls.hangUp(contact);
        }
    }
}

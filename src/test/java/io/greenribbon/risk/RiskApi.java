package io.greenribbon.risk;

import io.greenribbon.testkit.Tokens;
import io.restassured.response.ValidatableResponse;

import java.util.LinkedHashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Risk API calls as the demo accounts make them, with real tokens. */
final class RiskApi {

    private RiskApi() {
    }

    /** C-SSRS answers giving HIGH (intent with thoughts). */
    static Map<String, Object> highAnswers() {
        return answers(true, true, true, true, false, false, null);
    }

    static Map<String, Object> answers(Boolean q1, Boolean q2, Boolean q3, Boolean q4, Boolean q5, Boolean q6, Boolean q6recent) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("wishedDead", q1);
        a.put("suicidalThoughts", q2);
        if (q3 != null) a.put("thoughtOfMethod", q3);
        if (q4 != null) a.put("intent", q4);
        if (q5 != null) a.put("planAndIntent", q5);
        a.put("suicidalBehaviour", q6);
        if (q6recent != null) a.put("behaviourPastThreeMonths", q6recent);
        return a;
    }

    /** A new hotline contact: a new caller on the Qiaoxi line, answered by counsellor1. */
    static long newContactId() {
        return calls().answered("counsellor1", HotlineCalls.newNumber());
    }

    static HotlineCalls calls() {
        return io.quarkus.arc.Arc.container().instance(HotlineCalls.class).get();
    }

    static ValidatableResponse screen(String user, Map<String, Object> body) {
        return given().auth().oauth2(Tokens.of(user)).contentType("application/json").body(body)
                .when().post("/api/risk/screenings").then();
    }

    /** Opens a case at HIGH (or IMMINENT) as {@code counsellor}; returns its id. */
    static long openCase(String counsellor, boolean imminent) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("contactId", newContactId());
        body.put("answers", highAnswers());
        body.put("note", "Caller spoke of a plan; test narrative.");
        body.put("subject", Map.of("alias", "小李", "phone", "13800000000"));
        if (imminent) {
            body.put("imminent", true);
            body.put("imminentBasis", "INTENT_PLAN_AND_MEANS");
        }
        return screen(counsellor, body).statusCode(201).extract().jsonPath().getLong("caseId");
    }

    static ValidatableResponse get(String user, String path) {
        return given().auth().oauth2(Tokens.of(user)).when().get(path).then();
    }

    static ValidatableResponse post(String user, String path, Object body) {
        var request = given().auth().oauth2(Tokens.of(user)).contentType("application/json");
        if (body != null) {
            request = request.body(body);
        }
        return request.when().post(path).then();
    }

    static ValidatableResponse put(String user, String path, Object body) {
        return given().auth().oauth2(Tokens.of(user)).contentType("application/json").body(body).when().put(path).then();
    }
}

package io.greenribbon.risk;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.greenribbon.risk.RiskApi.get;
import static io.greenribbon.risk.RiskApi.post;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class RiskCaseFlowTest {

    @Test
    void aHighScreeningOpensACaseOnlyItsCounsellorAndTheDivisionsSupervisorsSee() {
        long id = RiskApi.openCase("counsellor1", false);
        get("counsellor1", "/api/risk/cases/" + id).statusCode(200)
                .body("summary.level", equalTo("HIGH"))
                .body("summary.assignedCounsellor", equalTo("counsellor1"))
                .body("summary.supervisor", equalTo("supervisor1"))
                .body("note", equalTo("Caller spoke of a plan; test narrative."))
                .body("subject.alias", equalTo("小李"))
                .body("timeline.kind", hasItems("OPENED", "ALERTED", "FOLLOW_UP_SCHEDULED"))
                .body("followUps", hasSize(1))
                .body("pending.kind", hasItems("ACKNOWLEDGE", "FOLLOW_UP"));
        get("supervisor1", "/api/risk/cases/" + id).statusCode(200);
        get("clinicallead1", "/api/risk/cases/" + id).statusCode(200);
        get("counsellor3", "/api/risk/cases/" + id).statusCode(404);
        get("supervisor2", "/api/risk/cases/" + id).statusCode(404);
        get("counsellor2", "/api/risk/cases/" + id).statusCode(404);
        get("official1", "/api/risk/cases/" + id).statusCode(403);

        post("supervisor1", "/api/risk/cases/" + id + "/acknowledge", null).statusCode(200)
                .body("acknowledgedBy", equalTo("supervisor1"));
        post("supervisor3", "/api/risk/cases/" + id + "/acknowledge", null).statusCode(409);
        post("counsellor1", "/api/risk/cases/" + id + "/acknowledge", null).statusCode(403);
    }

    @Test
    void skipLogicIsEnforcedAndLevelsAreComputedAsTheScreenerDefines() {
        RiskApi.screen("counsellor1", Map.of("contactId", RiskApi.newContactId(),
                        "answers", RiskApi.answers(true, false, true, null, null, false, null)))
                .statusCode(400).body("errors[0].field", equalTo("answers.thoughtOfMethod"));
        RiskApi.screen("counsellor1", Map.of("contactId", RiskApi.newContactId(),
                        "answers", RiskApi.answers(true, false, null, null, null, false, null)))
                .statusCode(201).body("computedLevel", equalTo("LOW")).body("caseOpened", equalTo(false));
    }
}

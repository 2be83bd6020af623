package io.greenribbon.risk;

import io.greenribbon.testkit.Databases;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.Map;

import static io.greenribbon.risk.RiskApi.get;
import static io.greenribbon.risk.RiskApi.post;
import static io.greenribbon.risk.RiskApi.screen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/** Levels: computed, raised with a reason, lowered only with a second person's approval, imminent declared. */
@QuarkusTest
class ScreeningRulesTest {

    private static Map<String, Object> body(Map<String, Object> answers, Object... more) {
        Map<String, Object> body = new HashMap<>();
        body.put("contactId", RiskApi.newContactId());
        body.put("answers", answers);
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    private static final Map<String, Object> MODERATE = RiskApi.answers(true, true, true, false, false, false, null);

    @Test
    void raisingNeedsAReasonAndOpensACaseAtTheRaisedLevel() {
        screen("counsellor1", body(MODERATE, "level", "HIGH")).statusCode(400).body("errors[0].field", equalTo("reason"));
        long caseId = screen("counsellor1", body(MODERATE, "level", "HIGH", "reason", "tone and history worry me"))
                .statusCode(201).body("computedLevel", equalTo("MODERATE")).body("finalLevel", equalTo("HIGH"))
                .body("caseOpened", equalTo(true)).extract().jsonPath().getLong("caseId");
        get("counsellor1", "/api/risk/cases/" + caseId).statusCode(200).body("summary.level", equalTo("HIGH"))
                .body("screenings[0].reason", equalTo("tone and history worry me"));
    }

    @Test
    void aLoweringWaitsForASecondSupervisorAndTheComputedLevelHoldsMeanwhile() {
        var result = screen("counsellor1", body(RiskApi.highAnswers(), "level", "MODERATE", "reason", "spoke of the past"))
                .statusCode(201).body("lowering", equalTo("PENDING")).body("finalLevel", equalTo("HIGH"))
                .body("caseOpened", equalTo(true)).extract().jsonPath();
        long screening = result.getLong("screeningId");
        long caseId = result.getLong("caseId");
        post("counsellor1", "/api/risk/screenings/" + screening + "/approve-lowering", null).statusCode(403);
        post("supervisor2", "/api/risk/screenings/" + screening + "/approve-lowering", null).statusCode(404);
        post("supervisor1", "/api/risk/screenings/" + screening + "/approve-lowering", null).statusCode(200)
                .body("finalLevel", equalTo("MODERATE")).body("lowering", equalTo("APPROVED"));
        get("supervisor1", "/api/risk/cases/" + caseId).statusCode(200).body("summary.level", equalTo("MODERATE"))
                .body("timeline.kind", hasItem("LEVEL_LOWERED"));
        post("supervisor3", "/api/risk/screenings/" + screening + "/reject-lowering", null).statusCode(409);
    }

    @Test
    void aSupervisorCannotApproveTheLoweringOfTheirOwnScreening() {
        long screening = screen("supervisor1", body(RiskApi.highAnswers(), "level", "LOW", "reason", "retracted"))
                .statusCode(201).body("lowering", equalTo("PENDING")).extract().jsonPath().getLong("screeningId");
        post("supervisor1", "/api/risk/screenings/" + screening + "/approve-lowering", null).statusCode(403);
        post("supervisor3", "/api/risk/screenings/" + screening + "/reject-lowering", null).statusCode(200)
                .body("finalLevel", equalTo("HIGH")).body("lowering", equalTo("REJECTED"));
    }

    @Test
    void imminentIsDeclaredWithItsBasisAndRaisesAnOpenCase() {
        screen("counsellor1", body(MODERATE, "imminent", true)).statusCode(400).body("errors[0].field", equalTo("imminentBasis"));
        screen("counsellor1", body(MODERATE, "imminent", true, "imminentBasis", "ATTEMPT_IN_PROGRESS", "level", "LOW"))
                .statusCode(400).body("errors[0].field", equalTo("level"));
        long caseId = RiskApi.openCase("counsellor1", false);
        screen("counsellor1", body(MODERATE, "caseId", caseId, "imminent", true, "imminentBasis", "ATTEMPT_IN_PROGRESS"))
                .statusCode(201).body("finalLevel", equalTo("IMMINENT")).body("caseId", equalTo((int) caseId))
                .body("caseOpened", equalTo(false));
        get("counsellor1", "/api/risk/cases/" + caseId).statusCode(200).body("summary.level", equalTo("IMMINENT"))
                .body("timeline.kind", hasItem("LEVEL_RAISED"));
        screen("counsellor3", body(MODERATE, "caseId", caseId)).statusCode(404);
    }

    @Test
    void moderateOpensACaseOnlyWhenAskedAndOnlyInOnesOwnJurisdiction() {
        screen("counsellor1", body(MODERATE)).statusCode(201).body("caseId", nullValue());
        screen("counsellor1", body(MODERATE, "openCase", true)).statusCode(201).body("caseOpened", equalTo(true));
        screen("counsellor2", body(MODERATE, "division", "130104")).statusCode(403);
        // The screening's division is the contact's (the line called), or the room's for a session.
        screen("counsellor1", body(MODERATE, "division", "130104001001")).statusCode(400)
                .body("errors[0].field", equalTo("division"));
        screen("counsellor1", Map.of("answers", MODERATE)).statusCode(400).body("errors[0].field", equalTo("contactId"));
        screen("counsellor1", Map.of("answers", MODERATE, "contactId", Long.MAX_VALUE)).statusCode(400)
                .body("errors[0].field", equalTo("contactId"));
        screen("counsellor1", Map.of("answers", MODERATE, "sessionId", Long.MAX_VALUE)).statusCode(400)
                .body("errors[0].field", equalTo("sessionId"));
    }

    @Test
    void aCallOverflowingToAnotherCountyOrToTheCityLineIsScreenedByWhoeverAnsweredIt() {
        HotlineCalls calls = RiskApi.calls();
        // A Qiaoxi caller answered by a Xinhua counsellor: the case is Qiaoxi's, and the counsellor's.
        long overflow = calls.answered("counsellor2", "130105", "130104", HotlineCalls.newNumber());
        long caseId = screen("counsellor2", Map.of("contactId", overflow, "answers", RiskApi.highAnswers())).statusCode(201)
                .extract().jsonPath().getLong("caseId");
        get("counsellor2", "/api/risk/cases/" + caseId).statusCode(200).body("summary.division", equalTo("130104"))
                .body("summary.assignedCounsellor", equalTo("counsellor2")).body("summary.supervisor", equalTo("supervisor1"));
        get("supervisor2", "/api/risk/cases/" + caseId).statusCode(404);
        // A call to the city line answered in Qiaoxi: Qiaoxi's supervisors are on duty for it.
        long city = calls.answered("counsellor1", "130104", "1301", HotlineCalls.newNumber());
        screen("counsellor1", Map.of("contactId", city, "answers", RiskApi.highAnswers())).statusCode(201);
        long cityCase = screen("counsellor1", Map.of("contactId", city, "answers", RiskApi.highAnswers())).statusCode(201)
                .extract().jsonPath().getLong("caseId");
        get("supervisor1", "/api/risk/cases/" + cityCase).statusCode(200).body("summary.division", equalTo("130104"))
                .body("screenings.size()", equalTo(2));
    }

    @Test
    void theDatabaseComputesTheSameLevelForEveryValidSetOfAnswers() throws SQLException {
        int checked = 0;
        try (Connection c = Databases.asApp();
             PreparedStatement s = c.prepareStatement("SELECT cssrs_level(?, ?, ?, ?, ?, ?, ?)")) {
            boolean[] tf = {false, true};
            for (boolean q1 : tf) for (boolean q2 : tf) for (boolean q6 : tf) {
                for (int follow = 0; follow < (q2 ? 8 : 1); follow++) {
                    for (int recent = 0; recent < (q6 ? 2 : 1); recent++) {
                        Boolean q3 = q2 ? (follow & 1) == 1 : null;
                        Boolean q4 = q2 ? (follow & 2) == 2 : null;
                        Boolean q5 = q2 ? (follow & 4) == 4 : null;
                        Boolean r = q6 ? recent == 1 : null;
                        Object[] args = {q1, q2, q3, q4, q5, q6, r};
                        for (int i = 0; i < args.length; i++) {
                            if (args[i] == null) {
                                s.setNull(i + 1, Types.BOOLEAN);
                            } else {
                                s.setBoolean(i + 1, (Boolean) args[i]);
                            }
                        }
                        try (ResultSet rs = s.executeQuery()) {
                            rs.next();
                            assertThat(rs.getString(1)).as("q1=%s q2=%s q3=%s q4=%s q5=%s q6=%s recent=%s", args)
                                    .isEqualTo(Cssrs.level(new Cssrs.Answers(q1, q2, q3, q4, q5, q6, r)).name());
                        }
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isEqualTo(54);
    }
}

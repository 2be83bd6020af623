package io.greenribbon.risk;

import io.greenribbon.testkit.Databases;
import io.greenribbon.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static io.greenribbon.risk.RiskApi.post;
import static io.greenribbon.risk.RiskApi.put;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Role × division × endpoint, with real Keycloak tokens: every allowed cell succeeds, every other cell is
 * refused (404 where the account has no ground at all for the record, 403 otherwise), and every cell leaves
 * an audit entry with the account and the outcome. The records are in Qiaoxi (130104), the case assigned
 * to counsellor1.
 */
@QuarkusTest
class AccessMatrixTest {

    /** Ten accounts: assigned counsellor, a Qiaoxi colleague, a Xinhua counsellor, Qiaoxi, Xinhua and city supervisors, officials, room staff, admin. */
    private static final List<String> ACCOUNTS = List.of("counsellor1", "counsellor3", "counsellor2", "supervisor1",
            "supervisor2", "clinicallead1", "official1", "official2", "staff1", "admin1");
    private static final Set<String> CARE = Set.of("counsellor1", "supervisor1", "clinicallead1");
    private static final Set<String> SUPERVISE = Set.of("supervisor1", "clinicallead1");
    private static final Set<String> NO_GROUND = Set.of("counsellor3", "counsellor2", "supervisor2");
    private static final Set<String> COUNSELLORS_AND_SUPERVISORS = Set.of("counsellor1", "counsellor3", "counsellor2",
            "supervisor1", "supervisor2", "clinicallead1");

    @Inject
    HotlineCalls calls;

    /** One endpoint: how to call it as an account (setting up what the call needs), and who may. */
    private record Cell(String name, Set<String> allowed, Set<String> hidden, Function<String, Response> call) {
    }

    private final List<String> failures = new ArrayList<>();
    private Connection root;

    @Test
    void everyAllowedCellSucceedsEveryOtherIsRefusedAndEveryCellIsAudited() throws SQLException {
        try (Connection superuser = Databases.asSuperuser()) {
            root = superuser;
            walk();
        }
    }

    private void walk() throws SQLException {
        long shared = callerCase();
        Set<String> supervisorsOnly = Set.of("supervisor2");
        List<Cell> cells = List.of(
                new Cell("GET /api/risk/cases", COUNSELLORS_AND_SUPERVISORS, Set.of(), u -> call(u, "GET", "/api/risk/cases", null)),
                new Cell("GET /api/risk/cases/{id}", CARE, NO_GROUND, u -> call(u, "GET", "/api/risk/cases/" + shared, null)),
                new Cell("GET /api/risk/cases/{id}/safety-plan", CARE, NO_GROUND,
                        u -> call(u, "GET", "/api/risk/cases/" + shared + "/safety-plan", null)),
                new Cell("GET /api/risk/cases/{id}/follow-ups", CARE, NO_GROUND,
                        u -> call(u, "GET", "/api/risk/cases/" + shared + "/follow-ups", null)),
                new Cell("POST /api/risk/cases/{id}/acknowledge", SUPERVISE, supervisorsOnly,
                        u -> call(u, "POST", "/api/risk/cases/" + fresh(u, SUPERVISE, shared) + "/acknowledge", null)),
                new Cell("POST /api/risk/cases/{id}/escalate", CARE, NO_GROUND,
                        u -> call(u, "POST", "/api/risk/cases/" + fresh(u, CARE, shared) + "/escalate", Map.of("reason", "needs_help"))),
                new Cell("POST /api/risk/cases/{id}/emergency-referral", CARE, NO_GROUND,
                        u -> call(u, "POST", "/api/risk/cases/" + fresh(u, CARE, shared) + "/emergency-referral",
                                Map.of("service", "120", "shared", List.of("LOCATION")))),
                new Cell("POST /api/risk/cases/{id}/confirm-outcome", CARE, NO_GROUND, u -> {
                    long id = CARE.contains(u) ? callerCase() : shared;
                    long referral = post("counsellor1", "/api/risk/cases/" + id + "/emergency-referral",
                            Map.of("service", "110", "shared", List.of("LOCATION"))).statusCode(201).extract().jsonPath().getLong("id");
                    return call(u, "POST", "/api/risk/cases/" + id + "/confirm-outcome", Map.of("referralId", referral, "outcome", "REACHED"));
                }),
                new Cell("POST /api/risk/cases/{id}/close", SUPERVISE, supervisorsOnly, u -> {
                    long id = RiskApi.screen("counsellor1", Map.of("contactId", RiskApi.newContactId(), "openCase", true,
                            "answers", RiskApi.answers(true, true, true, false, false, false, null))).statusCode(201)
                            .extract().jsonPath().getLong("caseId");
                    return call(u, "POST", "/api/risk/cases/" + id + "/close", Map.of("reason", "RISK_RESOLVED"));
                }),
                new Cell("PUT /api/risk/cases/{id}/safety-plan", CARE, NO_GROUND,
                        u -> call(u, "PUT", "/api/risk/cases/" + fresh(u, CARE, shared) + "/safety-plan", plan(0))),
                new Cell("POST /api/risk/cases/{id}/follow-ups", CARE, NO_GROUND,
                        u -> call(u, "POST", "/api/risk/cases/" + fresh(u, CARE, shared) + "/follow-ups",
                                Map.of("dueAt", Instant.now().plus(3, ChronoUnit.DAYS).toString()))),
                new Cell("POST /api/risk/cases/{id}/follow-ups/{fid}/attempts", CARE, NO_GROUND, u -> {
                    long id = fresh(u, CARE, shared);
                    long followUp = RiskApi.get("counsellor1", "/api/risk/cases/" + id + "/follow-ups").statusCode(200)
                            .extract().jsonPath().getLong("[0].id");
                    return call(u, "POST", "/api/risk/cases/" + id + "/follow-ups/" + followUp + "/attempts", Map.of("result", "NO_ANSWER"));
                }),
                new Cell("POST /api/risk/cases/{id}/unmask-requests", CARE, NO_GROUND, u -> {
                    long contact = RiskApi.newContactId();
                    long id = CARE.contains(u) ? callerCase(contact) : shared;
                    return call(u, "POST", "/api/risk/cases/" + id + "/unmask-requests", Map.of("contactId", contact,
                            "reason", "rescue needs the location", "legalBasis", "PIPL_13_1_4_PROTECT_LIFE"));
                }),
                new Cell("POST /api/risk/unmask-requests/{id}/approve", SUPERVISE, supervisorsOnly,
                        u -> call(u, "POST", "/api/risk/unmask-requests/" + unmaskRequest(false) + "/approve", null)),
                new Cell("POST /api/risk/unmask-requests/{id}/reject", SUPERVISE, supervisorsOnly,
                        u -> call(u, "POST", "/api/risk/unmask-requests/" + unmaskRequest(false) + "/reject", null)),
                new Cell("POST /api/risk/unmask-requests/{id}/disclose", Set.of("counsellor1"), NO_GROUND,
                        u -> call(u, "POST", "/api/risk/unmask-requests/" + unmaskRequest(true) + "/disclose", null)),
                new Cell("GET /api/risk/unmask-requests", COUNSELLORS_AND_SUPERVISORS, Set.of(),
                        u -> call(u, "GET", "/api/risk/unmask-requests", null)),
                new Cell("POST /api/risk/screenings", Set.of("counsellor1", "counsellor3", "supervisor1", "clinicallead1"), Set.of(),
                        u -> call(u, "POST", "/api/risk/screenings", Map.of("contactId", RiskApi.newContactId(), "division", "130104",
                                "answers", RiskApi.answers(true, false, null, null, null, false, null)))),
                new Cell("POST /api/risk/screenings/{id}/approve-lowering", SUPERVISE, supervisorsOnly,
                        u -> call(u, "POST", "/api/risk/screenings/" + pendingLowering() + "/approve-lowering", null)),
                new Cell("POST /api/risk/screenings/{id}/reject-lowering", SUPERVISE, supervisorsOnly,
                        u -> call(u, "POST", "/api/risk/screenings/" + pendingLowering() + "/reject-lowering", null)),
                new Cell("GET /api/risk/break-glass", Set.of("supervisor1", "supervisor2", "clinicallead1"), Set.of(),
                        u -> call(u, "GET", "/api/risk/break-glass", null)),
                new Cell("POST /api/risk/break-glass/{id}/review", SUPERVISE, supervisorsOnly,
                        u -> call(u, "POST", "/api/risk/break-glass/" + breakGlassUse() + "/review", Map.of("verdict", "JUSTIFIED"))),
                new Cell("POST /api/risk/cases/{id}/break-glass", Set.of("counsellor3"), Set.of("counsellor2"), u -> {
                    String number = HotlineCalls.newNumber();
                    long id = callerCase(calls.answered("counsellor1", number));
                    long live = calls.answered("counsellor3", number);
                    try {
                        return call(u, "POST", "/api/risk/cases/" + id + "/break-glass", Map.of("reason", "caller on my line in crisis"));
                    } finally {
                        calls.hangUp(live);
                    }
                }),
                new Cell("POST /api/risk/cases/{id}/join-call", Set.of("counsellor1"), NO_GROUND,
                        u -> call(u, "POST", "/api/risk/cases/" + shared + "/join-call", Map.of("mode", "WHISPER"))),
                new Cell("GET /api/audit/access", Set.of("supervisor1", "supervisor2", "clinicallead1", "official1", "official2"),
                        Set.of(), u -> call(u, "GET", "/api/audit/access?limit=5", null)),
                new Cell("GET /api/audit/access/export", Set.of("supervisor1", "supervisor2", "clinicallead1", "official1",
                        "official2"), Set.of(), u -> call(u, "GET", "/api/audit/access/export?kind=risk_duty", null)),
                new Cell("GET /api/risk/break-glass/register", Set.of("supervisor1", "supervisor2", "clinicallead1", "official1",
                        "official2"), Set.of(), u -> call(u, "GET", "/api/risk/break-glass/register?limit=5", null)),
                new Cell("GET /api/audit/verify", Set.of("supervisor1", "supervisor2", "clinicallead1", "official1", "official2", "admin1"),
                        Set.of(), u -> call(u, "GET", "/api/audit/verify", null)),
                new Cell("GET /api/risk/duty", Set.of("counsellor1", "counsellor3", "counsellor2", "supervisor1", "supervisor2",
                        "clinicallead1", "admin1"), Set.of(), u -> call(u, "GET", "/api/risk/duty", null)),
                new Cell("POST /api/risk/duty", Set.of("supervisor1", "clinicallead1", "admin1"), Set.of(),
                        u -> call(u, "POST", "/api/risk/duty", futureDuty())),
                new Cell("POST /api/risk/duty/{id}/end", Set.of("supervisor1", "clinicallead1", "admin1"), Set.of(), u -> {
                    long duty = given().auth().oauth2(Tokens.of("admin1")).contentType("application/json").body(futureDuty())
                            .post("/api/risk/duty").then().statusCode(201).extract().jsonPath().getLong("id");
                    return call(u, "POST", "/api/risk/duty/" + duty + "/end", null);
                }));

        int cellsChecked = 0;
        for (Cell cell : cells) {
            for (String account : ACCOUNTS) {
                long before = auditHead();
                Response response = cell.call().apply(account);
                int status = response.statusCode();
                String where = cell.name() + " as " + account;
                if (cell.allowed().contains(account)) {
                    expect(where, status >= 200 && status < 300, "succeeds", response);
                    expectAudited(where, account, before, "ALLOWED");
                } else {
                    int refused = cell.hidden().contains(account) ? 404 : 403;
                    expect(where, status == refused, "is refused with " + refused, response);
                    expectAudited(where, account, before, "DENIED");
                }
                cellsChecked++;
            }
        }
        assertThat(failures).isEmpty();
        assertThat(cellsChecked).isEqualTo(cells.size() * ACCOUNTS.size());
    }

    private void expect(String where, boolean ok, String what, Response response) {
        if (!ok) {
            failures.add(where + " should have " + what + " but answered " + response.statusCode() + " "
                    + response.body().asString().replaceAll("\\s+", " ").substring(0, Math.min(200, response.body().asString().length())));
        }
    }

    private void expectAudited(String where, String account, long before, String outcome) throws SQLException {
        try (PreparedStatement s = root.prepareStatement(
                "SELECT count(*) FROM audit_entry WHERE seq > ? AND actor = ? AND outcome = ?")) {
            s.setLong(1, before);
            s.setString(2, account);
            s.setString(3, outcome);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    failures.add(where + ": no " + outcome + " audit entry");
                }
            }
        }
    }

    private long auditHead() throws SQLException {
        try (PreparedStatement s = root.prepareStatement("SELECT seq FROM audit_chain_head");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Response call(String account, String method, String path, Object body) {
        var request = given().auth().oauth2(Tokens.of(account)).contentType("application/json");
        if (body != null) {
            request = request.body(body);
        }
        return request.request(method, path);
    }

    /** A fresh case for an account that may act on it (its action changes the case), else the shared one. */
    private long fresh(String account, Set<String> allowed, long shared) {
        return allowed.contains(account) ? callerCase() : shared;
    }

    private long callerCase() {
        return callerCase(RiskApi.newContactId());
    }

    /** A high-risk case of counsellor1 from a hotline contact, with a safety plan. */
    private long callerCase(long contact) {
        long id = RiskApi.screen("counsellor1", Map.of("contactId", contact, "answers", RiskApi.highAnswers()))
                .statusCode(201).extract().jsonPath().getLong("caseId");
        put("counsellor1", "/api/risk/cases/" + id + "/safety-plan", plan(0)).statusCode(200);
        return id;
    }

    private long unmaskRequest(boolean approved) {
        long contact = RiskApi.newContactId();
        long id = callerCase(contact);
        long request = post("counsellor1", "/api/risk/cases/" + id + "/unmask-requests", Map.of("contactId", contact,
                "reason", "rescue needs the location", "legalBasis", "PIPL_13_1_4_PROTECT_LIFE"))
                .statusCode(201).extract().jsonPath().getLong("id");
        if (approved) {
            post("supervisor3", "/api/risk/unmask-requests/" + request + "/approve", null).statusCode(200);
        }
        return request;
    }

    private long pendingLowering() {
        return RiskApi.screen("counsellor1", Map.of("contactId", RiskApi.newContactId(), "answers", RiskApi.highAnswers(),
                        "level", "MODERATE", "reason", "the plan was years ago"))
                .statusCode(201).extract().jsonPath().getLong("screeningId");
    }

    private long breakGlassUse() {
        String number = HotlineCalls.newNumber();
        long id = callerCase(calls.answered("counsellor1", number));
        long live = calls.answered("counsellor3", number);
        try {
            return post("counsellor3", "/api/risk/cases/" + id + "/break-glass", Map.of("reason", "caller on my line in crisis"))
                    .statusCode(201).extract().jsonPath().getLong("id");
        } finally {
            calls.hangUp(live);
        }
    }

    private static Map<String, Object> plan(int version) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("version", version);
        plan.put("warningSigns", List.of("独处时"));
        plan.put("internalCoping", List.of("深呼吸"));
        plan.put("socialDistractions", List.of("社区活动室"));
        plan.put("peopleToAsk", List.of("哥哥"));
        plan.put("professionals", List.of("12356"));
        plan.put("safeEnvironment", List.of("药物交家人保管"));
        plan.put("reasonsForLiving", List.of("女儿"));
        return plan;
    }

    private static Map<String, Object> futureDuty() {
        Map<String, Object> duty = new HashMap<>();
        duty.put("division", "130104");
        duty.put("post", "SUPERVISOR");
        duty.put("username", "supervisor3");
        duty.put("extension", "supervisor3");
        duty.put("startsAt", Instant.now().plus(400, ChronoUnit.DAYS).toString());
        duty.put("endsAt", Instant.now().plus(401, ChronoUnit.DAYS).toString());
        return duty;
    }
}

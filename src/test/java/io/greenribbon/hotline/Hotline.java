package io.greenribbon.hotline;

import io.greenribbon.testkit.Tokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.Map;

import static io.restassured.RestAssured.given;

/** Shared steps of the hotline tests. */
public final class Hotline {

    public static final String QIAOXI_LINE = "031160130104";
    public static final String XINHUA_LINE = "031160130105";
    public static final String CITY_12356 = "12356";

    private Hotline() {
    }

    public static RequestSpecification as(String username) {
        return given().auth().oauth2(Tokens.of(username)).contentType(ContentType.JSON);
    }

    /**
     * Everyone offline, no overrides, and the demo accounts off the roster right now (the demo roster has
     * counsellor1 on 08-16 daily): the state each test starts from, whatever the time of day.
     */
    public static void resetPresence() {
        Db.update("UPDATE roster_shift SET status = 'CANCELLED', cancel_reason = 'hotline test' WHERE status = 'SCHEDULED' "
                + "AND starts_at < now() + interval '1 hour' AND ends_at > now() - interval '5 minutes' AND counsellor_id IN "
                + "(SELECT id FROM counsellor WHERE username IN ('counsellor1', 'counsellor2', 'supervisor1'))");
        Db.update("UPDATE hotline_presence SET state = 'OFFLINE', pause_reason = NULL, queue_division = NULL, "
                + "wrap_up_until = NULL, wrap_up_contact_id = NULL, in_call_contact_id = NULL, signed_in_at = NULL");
        Db.update("TRUNCATE hotline_shift_override");
    }

    /** Lets {@code username} take calls on {@code lineDivision} for an hour, as a supervisor would. */
    public static void allowOnLine(String username, String lineDivision) {
        Db.update("INSERT INTO hotline_shift_override (username, line_division, valid_from, valid_until, reason, granted_by) "
                + "VALUES (?, ?, now() - interval '1 minute', now() + interval '1 hour', 'test', 'supervisor1')",
                username, lineDivision);
    }

    public static void signIn(String username, String state, String reason) {
        as(username).body(reason == null ? Map.of("state", state) : Map.of("state", state, "reason", reason))
                .put("/api/hotline/presence").then().statusCode(200);
    }
}

package io.greenribbon.risk;

import io.greenribbon.testkit.Databases;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static io.greenribbon.risk.RiskApi.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A supervisor's inbox at a province's scale: more open cases than one page, and the one that must ring is
 * the oldest of them. It is first on the first page, every open case of the jurisdiction is on exactly one
 * page, in the inbox's order, and the counts are the database's.
 */
@QuarkusTest
class InboxTest {

    private static final String BY = "inbox-test";

    @AfterEach
    void removeTheCases() throws SQLException {
        // The service may not delete a case; the schema's owner may.
        try (Connection c = Databases.asOwner(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM risk_case WHERE opened_by = '" + BY + "'");
        }
    }

    @Test
    void anOldCaseThatMustRingIsFirstOnTheFirstPageWhateverHowManyAreOpen() throws SQLException {
        // 240 open moderate and high cases of the last days, acknowledged, and one high case a month old that
        // went past Xinhua's supervisors to the county lead with nobody acknowledging it.
        asSystem("""
                INSERT INTO risk_case (division, level, assigned_counsellor, opened_at, opened_by, acknowledged_at, acknowledged_by)
                SELECT '130105', CASE WHEN i % 3 = 0 THEN 'HIGH' ELSE 'MODERATE' END, 'counsellor2',
                       now() - i * interval '10 minutes', 'inbox-test', now() - i * interval '5 minutes', 'supervisor2'
                FROM generate_series(1, 240) i""");
        long old = asSystem("""
                INSERT INTO risk_case (division, level, assigned_counsellor, escalation_stage, opened_at, opened_by)
                VALUES ('130105', 'HIGH', 'counsellor2', 'COUNTY_LEAD', now() - interval '30 days', 'inbox-test')
                RETURNING id""");
        long open = asSystem("SELECT count(*) FROM risk_case WHERE division LIKE '130105%' AND status = 'OPEN'");
        long urgent = asSystem("""
                SELECT count(*) FROM risk_case WHERE division LIKE '130105%' AND status = 'OPEN' AND acknowledged_at IS NULL
                   AND (level = 'IMMINENT' OR escalation_stage <> 'SUPERVISORS')""");

        JsonPath first = inbox(1);
        assertThat(first.getLong("entries[0].summary.id")).isEqualTo(old);
        assertThat(first.getBoolean("entries[0].urgent")).isTrue();
        assertThat(first.getLong("total")).isEqualTo(open);
        assertThat(first.getLong("urgent")).isEqualTo(urgent).isPositive();
        assertThat(first.getList("entries")).hasSize(50);

        List<Map<String, Object>> all = new ArrayList<>();
        long pages = (open + 49) / 50;
        for (int page = 1; page <= pages; page++) {
            JsonPath shown = inbox(page);
            assertThat(shown.getInt("number")).isEqualTo(page);
            all.addAll(shown.getList("entries"));
        }
        assertThat(all).hasSize((int) open);
        assertThat(new HashSet<>(all.stream().map(InboxTest::id).toList())).hasSize((int) open);
        assertThat(all).isSortedAccordingTo(INBOX_ORDER);

        // A page past the last (cases closed while it was open) shows the last page there is.
        assertThat(inbox((int) pages + 3).getInt("number")).isEqualTo((int) pages);
        get("supervisor2", "/api/risk/cases/inbox?page=0").statusCode(400)
                .body("errors[0].field", equalTo("page"));
        // Another county's supervisor sees none of them.
        assertThat(get("supervisor1", "/api/risk/cases/inbox").statusCode(200).extract().jsonPath()
                .getList("entries.summary.id", Long.class)).doesNotContain(old);
    }

    /** Runs one statement as the service's system jobs do (row security lets them see every division). */
    private static long asSystem(String sql) throws SQLException {
        try (Connection c = Databases.asApp()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SELECT set_config('greenribbon.actor', 'system:test', true), set_config('greenribbon.scope', '*', true)");
                long result = -1;
                if (s.execute(sql)) {
                    try (ResultSet rs = s.getResultSet()) {
                        rs.next();
                        result = rs.getLong(1);
                    }
                }
                c.commit();
                return result;
            }
        }
    }

    private static JsonPath inbox(int page) {
        return get("supervisor2", "/api/risk/cases/inbox?page=" + page).statusCode(200).extract().jsonPath();
    }

    private static long id(Map<String, Object> entry) {
        return ((Number) summary(entry).get("id")).longValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> summary(Map<String, Object> entry) {
        return (Map<String, Object>) entry.get("summary");
    }

    /** The order a supervisor reads: ringing, imminent, unacknowledged, higher level, newer. */
    private static final Comparator<Map<String, Object>> INBOX_ORDER = Comparator
            .comparing((Map<String, Object> e) -> !(Boolean) e.get("urgent"))
            .thenComparing(e -> !"IMMINENT".equals(summary(e).get("level")))
            .thenComparing(e -> summary(e).get("acknowledgedAt") != null)
            .thenComparing(e -> RiskLevel.valueOf((String) summary(e).get("level")), Comparator.reverseOrder())
            .thenComparing(e -> Instant.parse((String) summary(e).get("openedAt")), Comparator.reverseOrder());
}

package io.greenribbon.risk;

import io.greenribbon.audit.RowSecurity;
import io.greenribbon.testkit.Databases;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static io.greenribbon.risk.RiskApi.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Defence in depth: inside PostgreSQL, the service's own connection sees risk rows only through the acting
 * context the access-decision point sets, and sees nothing without one. Sealed columns hold no clear text.
 */
@QuarkusTest
class RowSecurityTest {

    private static final List<String> RISK_TABLES = List.of("risk_case", "risk_screening", "risk_case_link",
            "risk_case_event", "risk_deadline", "risk_referral", "risk_safety_plan", "risk_follow_up",
            "risk_follow_up_attempt", "risk_break_glass", "risk_unmask_request", "audit_entry");

    @Inject
    Pool pool;

    private long caseWithPlan() {
        long id = RiskApi.openCase("counsellor1", false);
        put("counsellor1", "/api/risk/cases/" + id + "/safety-plan", Map.of("version", 0,
                "warningSigns", List.of("无法入睡"), "internalCoping", List.of("散步"), "socialDistractions", List.of("姐姐家"),
                "peopleToAsk", List.of("姐姐"), "professionals", List.of("热线 12356"), "safeEnvironment", List.of("药交给姐姐保管")))
                .statusCode(200);
        return id;
    }

    private long count(RowSecurity.Context context, String sql) {
        return pool.withTransaction(c -> (context == null ? io.smallrye.mutiny.Uni.createFrom().voidItem()
                        : RowSecurity.apply(c, context)).chain(() -> c.query(sql).execute()))
                .await().indefinitely().iterator().next().getLong(0);
    }

    @Test
    void theServicesConnectionWithoutAnActingContextSeesNoRiskOrAuditRow() throws SQLException {
        long id = caseWithPlan();
        assertThat(count(RowSecurity.Context.system("test"), "SELECT count(*) FROM risk_case WHERE id = " + id)).isEqualTo(1);
        for (String table : RISK_TABLES) {
            assertThat(count(null, "SELECT count(*) FROM " + table)).as(table + " through the service's pool").isZero();
        }
        try (Connection app = Databases.asApp(); Statement s = app.createStatement()) {
            for (String table : RISK_TABLES) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
                    rs.next();
                    assertThat(rs.getLong(1)).as(table + " over JDBC as the service's role").isZero();
                }
            }
            // A context set for one transaction ends with it: the pooled connection is blind again afterwards.
            app.setAutoCommit(false);
            s.execute("SELECT set_config('greenribbon.actor', 'system:test', true), set_config('greenribbon.scope', '*', true)");
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM risk_case WHERE id = " + id)) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(1);
            }
            app.commit();
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM risk_case WHERE id = " + id)) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
            }
            app.commit();
        }
    }

    @Test
    void anotherDivisionsSupervisorAndAnUnassignedCounsellorSeeNothingOfTheCase() {
        long id = caseWithPlan();
        String ofCase = " WHERE %s = " + id;
        RowSecurity.Context xinhua = new RowSecurity.Context("supervisor2", "130105", null);
        RowSecurity.Context colleague = new RowSecurity.Context("counsellor3", RowSecurity.NONE, null);
        RowSecurity.Context own = new RowSecurity.Context("counsellor1", RowSecurity.NONE, null);
        RowSecurity.Context qiaoxi = new RowSecurity.Context("supervisor1", "130104", null);
        for (RowSecurity.Context blind : List.of(xinhua, colleague)) {
            assertThat(count(blind, "SELECT count(*) FROM risk_case" + ofCase.formatted("id"))).isZero();
            assertThat(count(blind, "SELECT count(*) FROM risk_safety_plan" + ofCase.formatted("case_id"))).isZero();
            assertThat(count(blind, "SELECT count(*) FROM risk_case_event" + ofCase.formatted("case_id"))).isZero();
        }
        for (RowSecurity.Context sees : List.of(own, qiaoxi)) {
            assertThat(count(sees, "SELECT count(*) FROM risk_case" + ofCase.formatted("id"))).isEqualTo(1);
            assertThat(count(sees, "SELECT count(*) FROM risk_safety_plan" + ofCase.formatted("case_id"))).isEqualTo(1);
        }
        // A break-the-glass grant opens the safety plan, and nothing else of the case.
        RowSecurity.Context glass = new RowSecurity.Context("counsellor3", RowSecurity.NONE, List.of(id));
        assertThat(count(glass, "SELECT count(*) FROM risk_safety_plan" + ofCase.formatted("case_id"))).isEqualTo(1);
        assertThat(count(glass, "SELECT count(*) FROM risk_case" + ofCase.formatted("id"))).isZero();
        assertThat(count(glass, "SELECT count(*) FROM risk_referral" + ofCase.formatted("case_id"))).isZero();
    }

    @Test
    void rowsOutsideTheContextCannotBeWrittenEither() {
        RowSecurity.Context xinhua = new RowSecurity.Context("supervisor2", "130105", null);
        assertThatThrownBy(() -> pool.withTransaction(c -> RowSecurity.apply(c, xinhua).chain(() -> c.query("""
                        INSERT INTO risk_case (division, level, assigned_counsellor, opened_at, opened_by)
                        VALUES ('130104', 'HIGH', 'counsellor1', now(), 'supervisor2')""").execute())).await().indefinitely())
                .hasMessageContaining("row-level security");
        long id = caseWithPlan();
        long changed = pool.withTransaction(c -> RowSecurity.apply(c, xinhua)
                        .chain(() -> c.query("UPDATE risk_case SET supervisor = 'supervisor2' WHERE id = " + id).execute()))
                .await().indefinitely().rowCount();
        assertThat(changed).isZero();
    }

    @Test
    void notesPlansAndContactDetailsAreSealedAtRest() throws SQLException {
        long id = caseWithPlan();
        try (Connection root = Databases.asSuperuser(); Statement s = root.createStatement();
             ResultSet rs = s.executeQuery("SELECT c.note_sealed, c.subject_sealed, p.plan_sealed FROM risk_case c "
                     + "JOIN risk_safety_plan p ON p.case_id = c.id WHERE c.id = " + id)) {
            assertThat(rs.next()).isTrue();
            for (int i = 1; i <= 3; i++) {
                assertThat(rs.getString(i)).startsWith("test2:").doesNotContain("姐姐", "小李", "13800000000", "plan");
            }
        }
    }
}

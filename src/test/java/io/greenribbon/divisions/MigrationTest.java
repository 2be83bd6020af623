package io.greenribbon.divisions;

import io.greenribbon.testkit.PostgresServer;
import io.greenribbon.testkit.TestInfrastructure;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The schema builds on an empty database, the demo city loads, and the service role holds only data rights. */
class MigrationTest {

    private final PostgresServer postgres = TestInfrastructure.get().postgres;

    private Flyway flyway(String url, String... locations) {
        return Flyway.configure()
                .dataSource(url, PostgresServer.OWNER, PostgresServer.OWNER_PASSWORD)
                .locations(locations)
                .placeholders(Map.of("app_role", PostgresServer.APP, "cdr_role", "asterisk_cdr"))
                .load();
    }

    @Test
    void migratesAnEmptyDatabaseAndThenHasNothingLeftToDo() {
        String url = postgres.createEmptyDatabase("migration_empty");
        MigrateResult first = flyway(url, "classpath:db/migration").migrate();
        assertThat(first.success).isTrue();
        assertThat(first.migrationsExecuted).isGreaterThan(0);
        MigrateResult again = flyway(url, "classpath:db/migration").migrate();
        assertThat(again.migrationsExecuted).isZero();
        assertThat(flyway(url, "classpath:db/migration").validateWithResult().validationSuccessful).isTrue();
    }

    @Test
    void demoCityLoadsAndScalesToTheSeedCity() throws SQLException {
        String url = postgres.createEmptyDatabase("migration_demo");
        flyway(url, "classpath:db/migration", "classpath:db/demo").migrate();
        try (Connection c = DriverManager.getConnection(url, PostgresServer.OWNER, PostgresServer.OWNER_PASSWORD);
             Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT count(*) FROM division WHERE parent_code = '1301'")).isEqualTo(22);
            assertThat(count(s, "SELECT count(*) FROM division WHERE code LIKE '130104%' AND level = 'VILLAGE'"))
                    .isGreaterThanOrEqualTo(50);
            assertThat(count(s, """
                    SELECT count(*) FROM division county WHERE county.parent_code = '1301' AND NOT EXISTS (
                        SELECT 1 FROM division v WHERE v.level = 'VILLAGE' AND v.code LIKE county.code || '%')"""))
                    .as("counties without villages").isZero();
            assertThat(count(s, "SELECT demo_generate_divisions(3663)")).isEqualTo(3663);
            assertThat(count(s, "SELECT count(*) FROM division WHERE level = 'VILLAGE' AND code LIKE '1301%'"))
                    .isEqualTo(3663);
        }
    }

    @Test
    void theServiceRoleCannotChangeTheSchema() throws SQLException {
        String url = postgres.createEmptyDatabase("migration_rights");
        flyway(url, "classpath:db/migration").migrate();
        try (Connection c = DriverManager.getConnection(url, PostgresServer.APP, PostgresServer.APP_PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("INSERT INTO division (code, name) VALUES ('99', 'test')");
            assertThatThrownBy(() -> s.execute("DROP TABLE division")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> s.execute("CREATE TABLE intruder (id int)")).isInstanceOf(SQLException.class);
        }
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

package io.greenribbon.helm;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Runs the chart's database bootstrap exactly as its hook Job does (the rendered SQL, psql and the Job's
 * environment) against a real PostgreSQL whose admin is not a superuser, as on managed PostgreSQL; then
 * runs the project's migrations as the owner it created.
 */
class DatabaseBootstrapTest {

    private static final String ADMIN = "pgadmin";
    private static final String ADMIN_PASSWORD = "admin-pw-3c7e";

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        // Passwords are checked (scram) for everyone but the superuser the tests inspect the server with.
        Path hba = Chart.write("pg_hba.conf", """
                local all all trust
                host all postgres 127.0.0.1/32 trust
                host all postgres ::1/128 trust
                host all all 127.0.0.1/32 scram-sha-256
                host all all ::1/128 scram-sha-256
                """);
        postgres = EmbeddedPostgres.builder()
                .setServerConfig("hba_file", hba.toAbsolutePath().toString())
                .setServerConfig("password_encryption", "scram-sha-256")
                .setServerConfig("fsync", "off")
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        superuser("CREATE ROLE " + ADMIN + " LOGIN CREATEROLE CREATEDB PASSWORD '" + ADMIN_PASSWORD + "'");
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @Test
    void bootstrapRunsBeforeInstallAndUpgradeAndShipsTheSqlFile() throws IOException {
        Manifests chart = Chart.render(Chart.ci("minimal"), Chart.GIVEN_SECRETS);

        JsonNode secret = chart.get("Secret", Chart.FULLNAME);
        JsonNode script = chart.get("ConfigMap", Chart.FULLNAME + "-db-bootstrap");
        JsonNode job = chart.get("Job", Chart.FULLNAME + "-db-bootstrap");
        for (JsonNode hook : List.of(secret, script, job)) {
            assertThat(hook.at("/metadata/annotations").path(Chart.HOOK).asText()).isEqualTo("pre-install,pre-upgrade");
        }
        assertThat(weight(secret)).isEqualTo(-10);
        assertThat(weight(script)).isEqualTo(-10);
        assertThat(weight(job)).as("runs after the Secret and the script exist").isEqualTo(-5);
        assertThat(script.at("/data/bootstrap.sql").asText() + "\n")
                .isEqualTo(Files.readString(Chart.DIR.resolve("files/db-bootstrap.sql")));
    }

    @Test
    void createsRolesAndDatabasesOnceAndSetsPasswordsOnEveryRun() throws Exception {
        Release release = new Release("city");

        assertThat(release.bootstrap("app-pw-1").exitCode()).isZero();
        Run again = release.bootstrap("app-pw-2");
        assertThat(again.exitCode()).as(again.output()).isZero();

        try (Connection c = superuser(); Statement s = c.createStatement()) {
            ResultSet roles = s.executeQuery("""
                    SELECT rolname, rolcanlogin, rolsuper OR rolbypassrls OR rolcreatedb OR rolcreaterole
                      FROM pg_roles WHERE rolname LIKE '%_city%' ORDER BY rolname""");
            List<String> found = new java.util.ArrayList<>();
            while (roles.next()) {
                assertThat(roles.getBoolean(2)).as("login " + roles.getString(1)).isTrue();
                assertThat(roles.getBoolean(3)).as("privileged " + roles.getString(1)).isFalse();
                found.add(roles.getString(1));
            }
            assertThat(found).containsExactly("gr_app_city", "gr_cdr_city", "gr_owner_city", "kc_city");
            assertThat(owner(s, "greenribbon_city")).isEqualTo("gr_owner_city");
            assertThat(owner(s, "keycloak_city")).isEqualTo("kc_city");
        }
        assertThat(canLogIn("gr_app_city", "app-pw-2", "greenribbon_city")).isTrue();
        assertThat(canLogIn("gr_app_city", "app-pw-1", "greenribbon_city")).as("the rotated password").isFalse();
        assertThat(canLogIn("gr_cdr_city", "cdr-pw", "greenribbon_city")).isTrue();
        assertThat(canLogIn("kc_city", "kc-pw", "keycloak_city")).isTrue();
        assertThat(canLogIn("gr_app_city", "app-pw-2", "keycloak_city")).as("Keycloak's database is its own").isFalse();
        superuser("CREATE ROLE outsider_city LOGIN PASSWORD 'outsider-pw'");
        assertThat(canLogIn("outsider_city", "outsider-pw", "greenribbon_city")).as("PUBLIC may not connect").isFalse();
    }

    @Test
    void migrationsRunAsTheOwnerAndTheServiceGetsDataRightsOnly() throws Exception {
        Release release = new Release("mig");
        assertThat(release.bootstrap("app-pw").exitCode()).isZero();

        Flyway.configure()
                .dataSource("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/greenribbon_mig", "gr_owner_mig", "owner-pw")
                .locations("classpath:db/migration")
                .placeholders(release.flywayPlaceholders())
                .load().migrate();

        try (Connection app = login("gr_app_mig", "app-pw", "greenribbon_mig"); Statement s = app.createStatement()) {
            ResultSet divisions = s.executeQuery("SELECT count(*) FROM division");
            assertThat(divisions.next()).isTrue();
            assertThatThrownBy(() -> s.execute("CREATE TABLE intruder (id int)")).hasMessageContaining("permission denied");
        }
        try (Connection cdr = login("gr_cdr_mig", "cdr-pw", "greenribbon_mig"); Statement s = cdr.createStatement()) {
            assertThatThrownBy(() -> s.executeQuery("SELECT count(*) FROM division")).hasMessageContaining("permission denied");
        }
    }

    @Test
    void refusesRolesThatBypassRowLevelSecurity() throws Exception {
        Release release = new Release("rls");
        assertThat(release.bootstrap("app-pw").exitCode()).isZero();
        superuser("ALTER ROLE gr_app_rls BYPASSRLS");

        Run refused = release.bootstrap("app-pw");

        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.output()).contains("role gr_app_rls is a superuser or bypasses row-level security");
    }

    /** One release's values, rendered by the chart: its Job environment and SQL, run by psql. */
    private static final class Release {

        private final String suffix;

        Release(String suffix) {
            this.suffix = suffix;
        }

        private Manifests render(String appPassword) {
            return Chart.render(Chart.ci("minimal"), """
                    database:
                      host: 127.0.0.1
                      port: %d
                      name: greenribbon_%s
                      ownerUser: gr_owner_%<s
                      appUser: gr_app_%<s
                      cdrUser: gr_cdr_%<s
                    keycloak:
                      database: {name: keycloak_%<s, username: kc_%<s}
                    secrets:
                      generate: false
                      values:
                        dbPassword: %s
                        dbOwnerPassword: owner-pw
                        dbCdrPassword: cdr-pw
                        amiSecret: ami-pw
                        cryptoKeys: k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=
                        callerHmacKey: hmac
                        auditChainKeys: a1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=
                        serviceClientSecret: client-pw
                        webSessionSecret: web-session-key-3b7e0c5d9a1f4e2b8c6d0a7f
                        keycloakAdminPassword: kc-admin-pw
                        keycloakDbPassword: kc-pw
                    """.formatted(postgres.getPort(), suffix, appPassword));
        }

        Run bootstrap(String appPassword) throws Exception {
            Manifests chart = render(appPassword);
            JsonNode secretData = chart.get("Secret", Chart.FULLNAME).path("data");
            JsonNode container = chart.get("Job", Chart.FULLNAME + "-db-bootstrap").at("/spec/template/spec/containers/0");
            Path sql = Chart.write("bootstrap-" + suffix + ".sql",
                    chart.get("ConfigMap", Chart.FULLNAME + "-db-bootstrap").at("/data/bootstrap.sql").asText());

            Map<String, String> env = new HashMap<>();
            env.put("PATH", System.getenv("PATH"));
            for (JsonNode var : container.path("env")) {
                JsonNode ref = var.at("/valueFrom/secretKeyRef");
                String value = !ref.isObject() ? var.path("value").asText()
                        : ref.path("name").asText().equals("postgresql-admin")
                        ? (ref.path("key").asText().equals("username") ? ADMIN : ADMIN_PASSWORD)
                        : new String(java.util.Base64.getDecoder().decode(secretData.path(ref.path("key").asText()).asText()));
                env.put(var.path("name").asText(), value);
            }
            List<String> command = new java.util.ArrayList<>();
            container.path("command").forEach(arg -> command.add(arg.asText().replace("/bootstrap/bootstrap.sql", sql.toAbsolutePath().toString())));
            return Run.of(command, env);
        }

        /** The Flyway placeholders of application.properties, resolved against the release's ConfigMap. */
        Map<String, String> flywayPlaceholders() throws IOException {
            JsonNode config = render("app-pw").get("ConfigMap", Chart.FULLNAME).path("data");
            Map<String, String> placeholders = new HashMap<>();
            Pattern expression = Pattern.compile("\\$\\{([A-Z0-9_]+):([^}]*)}");
            for (String line : Files.readAllLines(Path.of("src/main/resources/application.properties"))) {
                if (line.startsWith("quarkus.flyway.placeholders.")) {
                    String[] kv = line.substring("quarkus.flyway.placeholders.".length()).split("=", 2);
                    Matcher m = expression.matcher(kv[1].trim());
                    placeholders.put(kv[0], m.matches() ? config.path(m.group(1)).asText(m.group(2)) : kv[1].trim());
                }
            }
            assertThat(placeholders).containsEntry("app_role", "gr_app_" + suffix).containsEntry("cdr_role", "gr_cdr_" + suffix);
            return placeholders;
        }
    }

    private record Run(int exitCode, String output) {

        static Run of(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().clear();
            pb.environment().putAll(env);
            Process psql;
            try {
                psql = pb.start();
            } catch (IOException e) {
                throw new IllegalStateException("psql (postgresql-client 15 or newer) is needed on the PATH", e);
            }
            String output = new String(psql.getInputStream().readAllBytes());
            if (!psql.waitFor(60, TimeUnit.SECONDS)) {
                psql.destroyForcibly();
                throw new AssertionError("psql did not finish: " + output);
            }
            return new Run(psql.exitValue(), output);
        }
    }

    private static int weight(JsonNode hook) {
        return Integer.parseInt(hook.at("/metadata/annotations/helm.sh~1hook-weight").asText());
    }

    private static String owner(Statement s, String database) throws SQLException {
        ResultSet rs = s.executeQuery("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = '" + database + "'");
        return rs.next() ? rs.getString(1) : null;
    }

    private static boolean canLogIn(String user, String password, String database) {
        try (Connection c = login(user, password, database)) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private static Connection login(String user, String password, String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + database, user, password);
    }

    private static Connection superuser() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres", "postgres", "");
    }

    private static void superuser(String sql) throws SQLException {
        try (Connection c = superuser(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}

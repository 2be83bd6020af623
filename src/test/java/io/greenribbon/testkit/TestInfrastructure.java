package io.greenribbon.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * The real PostgreSQL and Keycloak of one test run: started on first use, on free ports, shared by every
 * test class and every Quarkus restart, and stopped when the test JVM exits. Quarkus tests and plain tests
 * run in different class loaders, so the servers' coordinates are kept in JVM-wide system properties and
 * every class loader attaches to the same pair.
 */
public final class TestInfrastructure {

    private static TestInfrastructure instance;

    public final PostgresServer postgres;
    public final KeycloakServer keycloak;
    public final String keycloakAdminPassword;
    /**
     * The port every {@code @QuarkusTest} of the run serves on: chosen before Keycloak starts, so that the
     * realm's console client ({@code greenribbon-web}) sends signed-in browsers back to it.
     */
    public final int servicePort;

    private TestInfrastructure(PostgresServer postgres, KeycloakServer keycloak, String adminPassword, int servicePort) {
        this.postgres = postgres;
        this.keycloak = keycloak;
        this.keycloakAdminPassword = adminPassword;
        this.servicePort = servicePort;
    }

    private static final String PG_PORT = "greenribbon.test.postgres.port";
    private static final String KC_PORT = "greenribbon.test.keycloak.port";
    private static final String KC_ADMIN = "greenribbon.test.keycloak.admin-password";
    private static final String SERVICE_PORT = "greenribbon.test.service.port";

    public static TestInfrastructure get() {
        synchronized (System.getProperties()) {
            if (instance == null) {
                instance = System.getProperty(PG_PORT) != null ? attach() : startAndPublish();
            }
            return instance;
        }
    }

    private static TestInfrastructure startAndPublish() {
        TestInfrastructure started = start();
        Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "test-infrastructure-stop"));
        System.setProperty(PG_PORT, String.valueOf(started.postgres.port()));
        System.setProperty(KC_PORT, String.valueOf(started.keycloak.port()));
        System.setProperty(KC_ADMIN, started.keycloakAdminPassword);
        System.setProperty(SERVICE_PORT, String.valueOf(started.servicePort));
        return started;
    }

    private static TestInfrastructure attach() {
        return new TestInfrastructure(PostgresServer.attach(Integer.getInteger(PG_PORT)),
                KeycloakServer.attach(Integer.getInteger(KC_PORT)), System.getProperty(KC_ADMIN),
                Integer.getInteger(SERVICE_PORT));
    }

    private static TestInfrastructure start() {
        long t0 = System.nanoTime();
        Path project = Path.of("").toAbsolutePath();
        Path keycloakHome = Path.of(System.getProperty("greenribbon.keycloak.home",
                project.resolve("target/keycloak/keycloak-26.5.6").toString()));
        Path keycloakData = project.resolve("target/keycloak-test-data");
        deleteRecursively(keycloakData);
        String adminPassword = UUID.randomUUID().toString();
        int keycloakPort = FreePorts.pair();
        int servicePort = FreePorts.one();
        // Keycloak keeps its data in PostgreSQL, so it starts once PostgreSQL is up.
        // Benchmarks (-Pbench) ask for fsync and synchronous commit, as in production.
        PostgresServer postgres = PostgresServer.ephemeral(Boolean.getBoolean("greenribbon.test.durable-db"));
        long tPg = System.nanoTime();
        KeycloakServer kc = KeycloakServer.start(keycloakHome, keycloakPort, "http://127.0.0.1:" + keycloakPort,
                keycloakData, postgres.keycloakDatabase(), RealmFile.withDemoAccounts(project), adminPassword,
                Duration.ofMinutes(4), Map.of("GREENRIBBON_WEB_URL", webUrl(servicePort)));
        System.out.printf("[test-infrastructure] PostgreSQL on %d (%s) ready in %d ms, Keycloak on %d ready in %d ms%n",
                postgres.port(), Boolean.getBoolean("greenribbon.test.durable-db") ? "durable" : "fsync off", (tPg - t0) / 1_000_000, keycloakPort, (System.nanoTime() - tPg) / 1_000_000);
        return new TestInfrastructure(postgres, kc, adminPassword, servicePort);
    }

    /** The console's base URL in tests (what browsers open, and what the realm redirects back to). */
    public static String webUrl(int servicePort) {
        return "http://localhost:" + servicePort;
    }

    public String webUrl() {
        return webUrl(servicePort);
    }

    /**
     * The configuration that points the service at these servers, and at a journal directory of this JVM's
     * own (a journal another run left behind would otherwise be replayed into this run's new database).
     */
    public Map<String, String> serviceConfig() {
        return Map.of(
                "greenribbon.journal.directory", journalDirectory().toString(),
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(PostgresServer.DATABASE),
                "quarkus.datasource.reactive.url", postgres.reactiveUrl(PostgresServer.DATABASE),
                "quarkus.datasource.username", PostgresServer.APP,
                "quarkus.datasource.password", PostgresServer.APP_PASSWORD,
                "quarkus.flyway.username", PostgresServer.OWNER,
                "quarkus.flyway.password", PostgresServer.OWNER_PASSWORD,
                "quarkus.oidc.auth-server-url", keycloak.issuer(),
                "quarkus.http.test-port", String.valueOf(servicePort));
    }

    /** Where this JVM's services keep the journal of PBX events the database did not take. */
    public static Path journalDirectory() {
        return Path.of("target", "pbx-journal", "jvm-" + ProcessHandle.current().pid()).toAbsolutePath();
    }

    private void stop() {
        try {
            keycloak.close();
        } finally {
            postgres.close();
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

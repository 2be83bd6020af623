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

    private TestInfrastructure(PostgresServer postgres, KeycloakServer keycloak, String adminPassword) {
        this.postgres = postgres;
        this.keycloak = keycloak;
        this.keycloakAdminPassword = adminPassword;
    }

    private static final String PG_PORT = "greenribbon.test.postgres.port";
    private static final String KC_PORT = "greenribbon.test.keycloak.port";
    private static final String KC_ADMIN = "greenribbon.test.keycloak.admin-password";

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
        return started;
    }

    private static TestInfrastructure attach() {
        return new TestInfrastructure(PostgresServer.attach(Integer.getInteger(PG_PORT)),
                KeycloakServer.attach(Integer.getInteger(KC_PORT)), System.getProperty(KC_ADMIN));
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
        // Keycloak keeps its data in PostgreSQL, so it starts once PostgreSQL is up.
        // Benchmarks (-Pbench) ask for fsync and synchronous commit, as in production.
        PostgresServer postgres = PostgresServer.ephemeral(Boolean.getBoolean("greenribbon.test.durable-db"));
        long tPg = System.nanoTime();
        KeycloakServer kc = KeycloakServer.start(keycloakHome, keycloakPort, "http://127.0.0.1:" + keycloakPort,
                keycloakData, postgres.keycloakDatabase(), RealmFile.withDemoAccounts(project), adminPassword,
                Duration.ofMinutes(4));
        System.out.printf("[test-infrastructure] PostgreSQL on %d (%s) ready in %d ms, Keycloak on %d ready in %d ms%n",
                postgres.port(), Boolean.getBoolean("greenribbon.test.durable-db") ? "durable" : "fsync off", (tPg - t0) / 1_000_000, keycloakPort, (System.nanoTime() - tPg) / 1_000_000);
        return new TestInfrastructure(postgres, kc, adminPassword);
    }

    /** The configuration that points the service at these servers. */
    public Map<String, String> serviceConfig() {
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(PostgresServer.DATABASE),
                "quarkus.datasource.reactive.url", postgres.reactiveUrl(PostgresServer.DATABASE),
                "quarkus.datasource.username", PostgresServer.APP,
                "quarkus.datasource.password", PostgresServer.APP_PASSWORD,
                "quarkus.flyway.username", PostgresServer.OWNER,
                "quarkus.flyway.password", PostgresServer.OWNER_PASSWORD,
                "quarkus.oidc.auth-server-url", keycloak.issuer());
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

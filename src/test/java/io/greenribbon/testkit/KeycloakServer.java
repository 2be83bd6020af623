package io.greenribbon.testkit;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real Keycloak server: the official distribution {@code org.keycloak:keycloak-quarkus-dist}, unpacked
 * by the build into {@code target/keycloak}, started in development mode on loopback with the
 * greenribbon realm imported. It keeps its data in a PostgreSQL database (the {@code keycloak} database
 * of the embedded server), so a local stack keeps its accounts between runs, while a test run starts from
 * a fresh import.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String REALM = "greenribbon";

    /** Null when this handle only points at a server another class loader of the same JVM started. */
    private final Process process;
    private final int port;
    private final Path log;

    /** Keycloak's JDBC database. */
    public record Database(String jdbcUrl, String username, String password) {
    }

    /** A handle on a server that is already running (started by another class loader of this JVM). */
    static KeycloakServer attach(int port) {
        return new KeycloakServer(null, port, null);
    }

    private KeycloakServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts Keycloak and waits until the realm answers.
     *
     * @param home       the unpacked distribution
     * @param port       the HTTP port, on 127.0.0.1
     * @param hostname   the public base URL tokens are issued for
     * @param dataDir    where its log goes
     * @param database   the PostgreSQL database it keeps its data in
     * @param realmJson  the realm to import (skipped by Keycloak when the realm exists already)
     * @param adminPassword the bootstrap admin's password
     */
    public static KeycloakServer start(Path home, int port, String hostname, Path dataDir, Database database,
                                       String realmJson, String adminPassword, Duration timeout) {
        return start(home, port, hostname, dataDir, database, realmJson, adminPassword, timeout, Map.of());
    }

    /**
     * The same, with environment variables for the realm file's {@code ${NAME:default}} placeholders (such as
     * {@code GREENRIBBON_WEB_URL}, the console's address that Keycloak sends users back to).
     */
    public static KeycloakServer start(Path home, int port, String hostname, Path dataDir, Database database,
                                       String realmJson, String adminPassword, Duration timeout,
                                       Map<String, String> realmEnvironment) {
        try {
            Path kcSh = home.resolve("bin/kc.sh");
            if (!Files.isRegularFile(kcSh)) {
                throw new IllegalStateException("No Keycloak distribution at " + home
                        + "; run the Maven build (generate-test-resources) first");
            }
            kcSh.toFile().setExecutable(true);
            Path importDir = home.resolve("data/import");
            Files.createDirectories(importDir);
            Path realmFile = importDir.resolve(REALM + "-realm.json");
            Path tmp = Files.createTempFile(importDir, "realm", ".tmp");
            Files.writeString(tmp, realmJson);
            Files.move(tmp, realmFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.createDirectories(dataDir);
            Path log = dataDir.resolve("keycloak.log");

            ProcessBuilder pb = new ProcessBuilder(List.of(kcSh.toString(), "start-dev",
                    "--http-host=127.0.0.1",
                    "--http-port=" + port,
                    "--hostname=" + hostname,
                    "--import-realm",
                    "--db=postgres",
                    "--db-url=" + database.jdbcUrl(),
                    "--db-username=" + database.username(),
                    "--http-management-port=" + (port + 1),
                    "--log-level=WARN,org.keycloak.exportimport:INFO"))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = pb.environment();
            env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
            env.put("KC_DB_PASSWORD", database.password());
            env.put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");
            env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx640m");
            env.putAll(realmEnvironment);
            if (System.getProperty("java.home") != null && !env.containsKey("JAVA_HOME")) {
                env.put("JAVA_HOME", System.getProperty("java.home"));
            }
            KeycloakServer server = new KeycloakServer(pb.start(), port, log);
            server.awaitRealm(timeout);
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak did not start: " + e.getMessage(), e);
        }
    }

    private void awaitRealm(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI wellKnown = URI.create(issuer() + "/.well-known/openid-configuration");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + ":\n" + logTail());
            }
            if (answers(wellKnown)) {
                return;
            }
            sleep(250);
        }
        close();
        throw new IllegalStateException("Keycloak not ready after " + timeout + ":\n" + logTail());
    }

    private static boolean answers(URI uri) {
        try {
            HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
            c.setConnectTimeout(500);
            c.setReadTimeout(2000);
            return c.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public String issuer() {
        return baseUrl() + "/realms/" + REALM;
    }

    @Override
    public void close() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> family = process.descendants().toList();
        process.destroy();
        family.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
                family.forEach(ProcessHandle::destroyForcibly);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}

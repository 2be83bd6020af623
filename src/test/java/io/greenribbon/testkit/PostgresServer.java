package io.greenribbon.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL server from the embedded binaries on Maven Central. As root, the library runs the
 * server inside a user namespace ({@code unshare -U}), where it is not root, so it works for any user.
 *
 * <p>It creates the two roles the service uses: {@value #OWNER} owns the schema and runs the
 * migrations; {@value #APP} is the service's own login, with only the rights the migrations grant it.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String DATABASE = "greenribbon";
    public static final String OWNER = "greenribbon";
    public static final String APP = "greenribbon_app";
    public static final String OWNER_PASSWORD = "owner-local-only";
    public static final String APP_PASSWORD = "app-local-only";
    /** Keycloak's own database on the same server (its accounts, sessions and realm). */
    public static final String KEYCLOAK = "keycloak";
    public static final String KEYCLOAK_PASSWORD = "keycloak-local-only";

    /** Null when this handle only points at a server another class loader of the same JVM started. */
    private final EmbeddedPostgres postgres;
    private final int port;

    private PostgresServer(EmbeddedPostgres postgres, int port) {
        this.postgres = postgres;
        this.port = port;
    }

    /** A handle on a server that is already running (started by another class loader of this JVM). */
    static PostgresServer attach(int port) {
        return new PostgresServer(null, port);
    }

    /**
     * A throw-away server on a free port, for one test run: without fsync and synchronous commit (tests need
     * no crash safety), unless {@code durable} (benchmarks that must measure what production pays).
     */
    public static PostgresServer ephemeral(boolean durable) {
        return start(null, 0, durable);
    }

    /** A server that keeps its data in {@code dataDir} between runs, durably. */
    public static PostgresServer persistent(Path dataDir, int port) {
        return start(dataDir, port, true);
    }

    private static PostgresServer start(Path dataDir, int port, boolean durable) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("shared_buffers", "128MB")
                    .setServerConfig("fsync", durable ? "on" : "off")
                    .setServerConfig("synchronous_commit", durable ? "on" : "off")
                    .setLocaleConfig("encoding", "UTF8")
                    .setLocaleConfig("locale", "C.UTF-8");
            if (dataDir != null) {
                Files.createDirectories(dataDir.getParent());
                builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
            }
            EmbeddedPostgres started = builder.start();
            PostgresServer server = new PostgresServer(started, started.getPort());
            server.createRolesAndDatabase();
            return server;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("PostgreSQL did not start: " + e.getMessage(), e);
        }
    }

    private void createRolesAndDatabase() throws SQLException {
        try (Connection c = superuser("postgres"); Statement s = c.createStatement()) {
            ensureRole(s, OWNER, OWNER_PASSWORD, "");
            ensureRole(s, APP, APP_PASSWORD, " NOSUPERUSER NOBYPASSRLS");
            // The owner creates the roles its migrations need when a site has not (V4_0: asterisk_cdr).
            s.execute("ALTER ROLE " + OWNER + " CREATEROLE");
            ensureDatabase(s, DATABASE, OWNER);
            ensureRole(s, KEYCLOAK, KEYCLOAK_PASSWORD, "");
            ensureDatabase(s, KEYCLOAK, KEYCLOAK);
        }
    }

    private static void ensureRole(Statement s, String name, String password, String attributes) throws SQLException {
        s.execute("""
                DO $$ BEGIN
                  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%s') THEN
                    CREATE ROLE %s LOGIN PASSWORD '%s'%s;
                  END IF;
                END $$""".formatted(name, name, password, attributes));
    }

    private static void ensureDatabase(Statement s, String name, String owner) throws SQLException {
        if (!databaseExists(s, name)) {
            s.execute("CREATE DATABASE " + name + " OWNER " + owner);
        }
    }

    private static boolean databaseExists(Statement s, String name) throws SQLException {
        try (var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
            return rs.next();
        }
    }

    /** Creates an empty database owned by the schema owner, for migration tests. */
    public String createEmptyDatabase(String name) {
        try (Connection c = superuser("postgres"); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + name + " OWNER " + OWNER);
            return jdbcUrl(name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where Keycloak keeps its data: the {@code keycloak} database of this server. */
    public KeycloakServer.Database keycloakDatabase() {
        return new KeycloakServer.Database(jdbcUrl(KEYCLOAK), KEYCLOAK, KEYCLOAK_PASSWORD);
    }

    public Connection superuser(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), "postgres", "postgres");
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    public String reactiveUrl(String database) {
        return "postgresql://127.0.0.1:" + port() + "/" + database;
    }

    @Override
    public void close() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.greenribbon.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
    /** While stopped: how to start the same server again. */
    private Stopped stopped;

    private record Stopped(Path dataDirectory, Path pgCtl) {
    }

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

    /**
     * Stops the server as an operator's {@code kill -INT} of the postmaster does (fast shutdown: every
     * session is cut with "terminating connection due to administrator command"), and waits until it is gone.
     * Works on any handle of the server, also one attached from another class loader.
     */
    public synchronized void stop() {
        if (stopped != null) {
            throw new IllegalStateException("PostgreSQL on " + port + " is stopped already");
        }
        try {
            Path dataDirectory;
            try (Connection c = superuser("postgres"); Statement s = c.createStatement();
                 var rs = s.executeQuery("SHOW data_directory")) {
                rs.next();
                dataDirectory = Path.of(rs.getString(1));
            }
            long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip());
            Path pgCtl = Path.of("/proc/" + pid + "/exe").toRealPath().resolveSibling("pg_ctl");
            run(List.of("kill", "-INT", Long.toString(pid)));
            ProcessHandle postmaster = ProcessHandle.of(pid).orElse(null);
            if (postmaster != null) {
                postmaster.onExit().get(60, TimeUnit.SECONDS);
            }
            stopped = new Stopped(dataDirectory, pgCtl);
        } catch (IOException | SQLException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("PostgreSQL on " + port + " did not stop: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Starts the server {@link #stop()} stopped again, on the same data directory and port, with the options
     * of its first start (pg_ctl reads them from postmaster.opts), and waits until it takes connections.
     */
    public synchronized void start() {
        if (stopped == null) {
            throw new IllegalStateException("PostgreSQL on " + port + " is not stopped");
        }
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            // As the embedded server was started: inside a user namespace, where root is not root.
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(stopped.pgCtl().toString(), "-D", stopped.dataDirectory().toString(), "-w", "-t", "60",
                "restart"));
        run(command);
        stopped = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try (Connection c = superuser("postgres")) {
                return;
            } catch (SQLException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("PostgreSQL on " + port + " did not start again", notYet);
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /** Runs a command to its end; its output goes to target/postgres-control.log (a restarted server's too). */
    private static void run(List<String> command) {
        try {
            Path log = Path.of("target", "postgres-control.log").toAbsolutePath();
            Files.createDirectories(log.getParent());
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!p.waitFor(90, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (see " + log + ")");
            }
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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

package io.greenribbon.devstack;

import io.greenribbon.testkit.KeycloakServer;
import io.greenribbon.testkit.PostgresServer;
import io.greenribbon.testkit.RealmFile;
import io.greenribbon.telephony.peer.AsteriskPeer;
import io.greenribbon.telephony.peer.CdrWriter;
import io.greenribbon.telephony.peer.PeerControlServer;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The whole system on one machine, with demo data, for people to try: a real PostgreSQL and a real
 * Keycloak (both fetched through Maven), the Asterisk peer as the PBX (the same protocol-faithful stand-in
 * the tests use, running telephony/; a control endpoint places simulated calls), and the service built by
 * the same Maven run. Data lives in
 * {@code .local-stack/}, so a second run starts faster and keeps what the first one did. One Ctrl-C stops
 * everything.
 *
 * <p>Run: {@code ./mvnw -Plocal package}.
 */
public final class LocalStack {

    static final int POSTGRES_PORT = 15432;
    static final int KEYCLOAK_PORT = 8180;
    static final int SERVICE_PORT = 8080;
    static final int AMI_PORT = 5038;
    static final int AGI_PORT = 4573;
    static final int PEER_CONTROL_PORT = 5039;
    /** The local-only AMI secret; application.properties has the same for the profile {@code local}. */
    static final String AMI_SECRET = "local-ami-secret";
    static final String BACKUP_NUMBER = "03119999000";

    private final Deque<AutoCloseable> running = new ArrayDeque<>();

    public static void main(String[] args) throws Exception {
        new LocalStack().run(Path.of("").toAbsolutePath());
    }

    private void run(Path project) throws Exception {
        Path state = project.resolve(".local-stack");
        Files.createDirectories(state);
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "local-stack-stop"));

        long t0 = System.nanoTime();
        PostgresServer postgres = PostgresServer.persistent(state.resolve("pgdata"), POSTGRES_PORT);
        running.push(postgres);
        say("PostgreSQL ready on %d (%d ms)", POSTGRES_PORT, since(t0));

        long t1 = System.nanoTime();
        KeycloakServer keycloak = KeycloakServer.start(keycloakHome(project), KEYCLOAK_PORT,
                "http://localhost:" + KEYCLOAK_PORT, state.resolve("keycloak"), postgres.keycloakDatabase(),
                RealmFile.withDemoAccounts(project), "admin", Duration.ofMinutes(5));
        running.push(keycloak);
        say("Keycloak ready on %d (%d ms)", KEYCLOAK_PORT, since(t1));

        long tp = System.nanoTime();
        startPbx(project, postgres);
        say("Asterisk peer ready: AMI on %d, FastAGI to %d, control on %d (%d ms)", AMI_PORT, AGI_PORT,
                PEER_CONTROL_PORT, since(tp));

        long t2 = System.nanoTime();
        ServiceProcess service = ServiceProcess.start(project, state.resolve("service.log"));
        running.push(service);
        service.awaitReady(URI.create("http://localhost:" + SERVICE_PORT + "/q/health/ready"), Duration.ofMinutes(3));
        say("Service ready on %d (%d ms)", SERVICE_PORT, since(t2));

        printWelcome(since(t0));
        service.waitFor();
    }

    /**
     * The PBX: the Asterisk peer runs telephony/ with the local site values, in real time, and writes its
     * CDRs into asterisk_cdr as cdr_pgsql would (the table exists once the service has migrated; the
     * writer reads its columns on the first call). Started before the service, so the AMI link is up when
     * the service reports ready.
     */
    private void startPbx(Path project, PostgresServer postgres) throws IOException {
        CdrWriter cdr = new CdrWriter(postgres.jdbcUrl(PostgresServer.DATABASE), "postgres", "postgres",
                "asterisk_cdr", "asterisk_cdr", ZoneOffset.UTC);
        running.push(cdr);
        AsteriskPeer peer = AsteriskPeer.start(AsteriskPeer.options()
                .configDir(project.resolve("telephony"))
                .amiPort(AMI_PORT)
                .speed(1)
                .zone(ZoneOffset.UTC)
                .site("__GREENRIBBON_AGI_HOST__:4573", "127.0.0.1:" + AGI_PORT)
                .site("__AMI_SECRET__", AMI_SECRET)
                .site("__AMI_BIND_ADDRESS__", "127.0.0.1")
                .site("__SERVICE_NETWORK__", "127.0.0.1/32")
                .site("__PROVINCE_BACKUP_NUMBER__", BACKUP_NUMBER)
                .site("__CARRIER_HOST__", "127.0.0.1")
                .cdr(cdr));
        running.push(peer);
        running.push(new PeerControlServer(peer, PEER_CONTROL_PORT));
    }

    private static Path keycloakHome(Path project) {
        return Path.of(System.getProperty("greenribbon.keycloak.home",
                project.resolve("target/keycloak/keycloak-26.5.6").toString()));
    }

    private void printWelcome(long millis) {
        System.out.println("""

                ================================================================================
                 greenribbon is running (started in %d s). Ctrl-C stops everything.

                 Service         http://localhost:8080          API under /api, Swagger UI /q/swagger-ui
                 Health          http://localhost:8080/q/health/ready   metrics /q/metrics
                 Keycloak        http://localhost:8180          admin console: admin / admin
                 PostgreSQL      localhost:15432/greenribbon    data in .local-stack/
                 Asterisk peer   AMI 127.0.0.1:5038, FastAGI to 4573, calls via http://127.0.0.1:5039

                 Demo accounts (password: demo), realm greenribbon, client greenribbon-cli:
                   counsellor1   hotline counsellor, Qiaoxi 130104
                   counsellor2   hotline counsellor, Xinhua 130105
                   counsellor3   hotline counsellor, Qiaoxi 130104
                   staff1        room staff, 130104001001
                   staff2        room staff, 130104001002
                   supervisor1   risk supervisor, Qiaoxi 130104 (also supervisor3; supervisor2 Xinhua)
                   countylead1   county lead, Qiaoxi 130104; clinicallead1 city clinical lead, 1301
                   official1     health official, Shijiazhuang 1301
                   official2     health official, Xinhua 130105
                   admin1        administrator, Shijiazhuang 1301
                   admin2        administrator, Xinhua 130105

                 A token and a first call:
                   TOKEN=$(curl -s -d grant_type=password -d client_id=greenribbon-cli \\
                     -d username=official1 -d password=demo \\
                     http://localhost:8180/realms/greenribbon/protocol/openid-connect/token | jq -r .access_token)
                   curl -H "Authorization: Bearer $TOKEN" http://localhost:8080/api/divisions/1301

                 A simulated call (README, "Try a call without a PBX"): sign counsellor1 in first, then
                   curl -s -X POST http://127.0.0.1:5039/calls -d '{"from":"13800000001", \\
                     "to":"031160130104","keys":"1","answeredBy":"counselor1","ringSeconds":3,"talkSeconds":20}'
                   curl -H "Authorization: Bearer $TOKEN" http://localhost:8080/api/hotline/contacts
                ================================================================================
                """.formatted(millis / 1000));
    }

    private void stopAll() {
        while (!running.isEmpty()) {
            try {
                running.pop().close();
            } catch (Exception e) {
                System.err.println("[local-stack] stopping: " + e.getMessage());
            }
        }
    }

    private static long since(long t) {
        return (System.nanoTime() - t) / 1_000_000;
    }

    private static void say(String format, Object... args) {
        System.out.printf("[local-stack] " + format + "%n", args);
    }

    /** The service, as built by this Maven run (target/quarkus-app), in its own JVM. */
    static final class ServiceProcess implements AutoCloseable {
        private final Process process;

        private ServiceProcess(Process process) {
            this.process = process;
        }

        static ServiceProcess start(Path project, Path log) throws IOException {
            Path jar = project.resolve("target/quarkus-app/quarkus-run.jar");
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("No service jar at " + jar + "; run ./mvnw -Plocal package");
            }
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dquarkus.profile=local", "-XX:TieredStopAtLevel=1", "-Xmx512m",
                    "-jar", jar.toString()));
            return new ServiceProcess(new ProcessBuilder(command).directory(project.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.INHERIT).start());
        }

        void awaitReady(URI readiness, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("The service exited with " + process.exitValue());
                }
                try {
                    HttpURLConnection c = (HttpURLConnection) readiness.toURL().openConnection();
                    c.setConnectTimeout(500);
                    if (c.getResponseCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
                Thread.sleep(300);
            }
            throw new IllegalStateException("The service was not ready after " + timeout);
        }

        void waitFor() throws InterruptedException {
            int exit = process.waitFor();
            System.out.println("[local-stack] the service exited with " + exit);
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}

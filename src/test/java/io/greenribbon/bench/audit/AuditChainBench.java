package io.greenribbon.bench.audit;

import io.greenribbon.audit.AuditChain;
import io.greenribbon.audit.AuditConfig;
import io.greenribbon.audit.AuditEntry;
import io.greenribbon.audit.AuditLog;
import io.greenribbon.audit.AuditVerifier;
import io.greenribbon.audit.ChainedEntry;
import io.greenribbon.testkit.FreePorts;
import io.greenribbon.testkit.PostgresServer;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit log's throughput with its hash chain, and the time to verify the chain, on a PostgreSQL with
 * fsync and synchronous commit ON (a durable setup, unlike the test database). Prints its figures.
 * Run: {@code ./mvnw -B -ntp -Pbench test -Dtest=AuditChainBench}.
 */
class AuditChainBench {

    private static final int WARM_UP = 2_000;
    private static final int GROUP_COMMIT_APPENDS = 50_000;
    private static final int PRODUCERS = 64;
    private static final int SINGLE_APPENDS = 2_000;
    private static final int VERIFY_ENTRIES = 1_000_000;

    private static PostgresServer postgres;
    private static String url;
    private static io.vertx.core.Vertx vertx;
    private static Pool pool;
    private static AuditChain chain;
    private static AuditConfig config;

    @BeforeAll
    static void start() throws IOException {
        Path data = Path.of("target/bench-pg");
        if (Files.exists(data)) {
            try (var paths = Files.walk(data)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        postgres = PostgresServer.persistent(data.resolve("data"), FreePorts.one());
        url = postgres.createEmptyDatabase("audit_bench");
        Flyway.configure().dataSource(url, PostgresServer.OWNER, PostgresServer.OWNER_PASSWORD)
                .locations("classpath:db/migration").placeholders(Map.of("app_role", PostgresServer.APP)).load().migrate();
        String key = Base64.getEncoder().encodeToString("bench-chain-key-0123456789abcdef".getBytes());
        config = new AuditConfig() {
            public String chainKeyId() { return "bench"; }
            public String chainKeys() { return "bench:" + key; }
            public int maxBatch() { return 500; }
            public int maxQueryRows() { return 500; }
            public int maxExportRows() { return 50_000; }
            public java.time.ZoneId zone() { return java.time.ZoneId.of("Asia/Shanghai"); }
            public int verifyFetchSize() { return 10_000; }
            public int verifyParallelism() { return 4; }
        };
        chain = new AuditChain(config);
        vertx = io.vertx.core.Vertx.vertx();
        PgConnectOptions options = PgConnectOptions.fromUri(url.replace("jdbc:", ""))
                .setUser(PostgresServer.APP).setPassword(PostgresServer.APP_PASSWORD);
        pool = Pool.newInstance(PgBuilder.pool().with(new PoolOptions().setMaxSize(16)).connectingTo(options).using(vertx).build());
    }

    @AfterAll
    static void stop() {
        pool.closeAndAwait();
        vertx.close().toCompletionStage().toCompletableFuture().join();
        postgres.close();
    }

    private static AuditEntry entry(int i) {
        return new AuditEntry(Instant.now(), "supervisor" + (i % 7), "risk-supervisor", "130104", "risk.case.read",
                "risk_case", String.valueOf(i), "130104", "SUPERVISION", AuditEntry.Outcome.ALLOWED, null);
    }

    private static double appendConcurrently(AuditLog log, int total, int producers) {
        long started = System.nanoTime();
        List<Uni<Void>> workers = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int from = p;
            Uni<Void> worker = Uni.createFrom().voidItem();
            for (int i = from; i < total; i += producers) {
                int n = i;
                worker = worker.chain(() -> log.append(entry(n)));
            }
            workers.add(worker);
        }
        Uni.join().all(workers).andFailFast().await().indefinitely();
        return total / ((System.nanoTime() - started) / 1e9);
    }

    @Test
    void appendsPerSecondAndVerificationTime() throws Exception {
        AuditLog log = new AuditLog(pool, chain, config);
        appendConcurrently(log, WARM_UP, PRODUCERS);

        long t0 = System.nanoTime();
        for (int i = 0; i < SINGLE_APPENDS; i++) {
            log.append(entry(i)).await().indefinitely();
        }
        double single = SINGLE_APPENDS / ((System.nanoTime() - t0) / 1e9);
        double grouped = appendConcurrently(log, GROUP_COMMIT_APPENDS, PRODUCERS);

        long present = count();
        long fillStarted = System.nanoTime();
        fillTo(VERIFY_ENTRIES);
        double fillSeconds = (System.nanoTime() - fillStarted) / 1e9;

        AuditVerifier verifier = new AuditVerifier(null, chain, config, Clock.systemUTC());
        AuditVerifier.Connections app = () -> DriverManager.getConnection(url, PostgresServer.APP, PostgresServer.APP_PASSWORD);
        verifier.verify(app, 2);
        StringBuilder verifyLines = new StringBuilder();
        double best = Double.MAX_VALUE;
        for (int parallelism : new int[]{1, 2, 4}) {
            AuditVerifier.Result result = verifier.verify(app, parallelism);
            assertThat(result.intact()).isTrue();
            assertThat(result.entries()).isEqualTo(VERIFY_ENTRIES);
            double perEntryMicros = result.millis() * 1000.0 / result.entries();
            best = Math.min(best, perEntryMicros);
            verifyLines.append(String.format("verify %,d entries, %d range(s) in parallel:      %,7d ms  (%.2f us/entry)%n",
                    result.entries(), parallelism, result.millis(), perEntryMicros));
        }
        double hashMicros = hashOnly();
        double streamMicros = streamOnly();
        verifyLines.append(String.format("  of which: HMAC of one entry alone %.2f us; streaming one row alone (1 connection) %.2f us%n",
                hashMicros, streamMicros));
        System.out.printf("""

                ==== Audit chain benchmark (PostgreSQL 17, fsync %s, synchronous_commit %s, %d cores) ====
                appends, one transaction each (sequential):     %,10.0f entries/s
                appends, %d concurrent producers (group commit): %,10.0f entries/s   (target >= 5,000)
                bulk-loaded to %,d entries (COPY through the linking trigger) in %.1f s (%d present before)
                %sverify 10,000,000 entries, extrapolated linearly from the best: %,.1f s   (target < 60 s)
                ======================================================================================
                %n""", setting("fsync"), setting("synchronous_commit"), Runtime.getRuntime().availableProcessors(), single,
                PRODUCERS, grouped, VERIFY_ENTRIES, fillSeconds, present, verifyLines, best * 10_000_000 / 1e6);
    }

    /** The Java side alone: the canonical encoding and HMAC of one entry, single thread. */
    private static double hashOnly() {
        AuditEntry e = entry(42);
        String prev = AuditChain.GENESIS;
        int n = 1_000_000;
        long t0 = System.nanoTime();
        for (int i = 1; i <= n; i++) {
            prev = chain.hash(i, e, "bench", prev);
        }
        return (System.nanoTime() - t0) / 1e3 / n;
    }

    /** The database side alone: the verifier's query streamed over one connection, values read, nothing hashed. */
    private static double streamOnly() throws SQLException {
        try (Connection c = DriverManager.getConnection(url, PostgresServer.APP, PostgresServer.APP_PASSWORD)) {
            c.setAutoCommit(false);
            c.unwrap(PGConnection.class).setPrepareThreshold(-1);
            try (Statement s = c.createStatement()) {
                s.execute("SELECT set_config('greenribbon.actor', 'system:bench', true), set_config('greenribbon.scope', '*', true)");
                s.execute("SET LOCAL enable_seqscan = off");
            }
            long t0 = System.nanoTime();
            long rows = 0;
            try (var q = c.prepareStatement("SELECT seq, at, actor, actor_roles, actor_division, action, record_type, record_id, "
                    + "record_division, purpose, outcome, detail, key_id, hash FROM audit_entry WHERE seq BETWEEN 1 AND ? ORDER BY seq")) {
                q.setFetchSize(10_000);
                q.setLong(1, VERIFY_ENTRIES);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        rs.getLong(1);
                        rs.getObject(2, java.time.OffsetDateTime.class);
                        for (int i = 3; i <= 14; i++) {
                            rs.getString(i);
                        }
                        rows++;
                    }
                }
            }
            c.commit();
            return (System.nanoTime() - t0) / 1e3 / rows;
        }
    }

    private static String setting(String name) throws SQLException {
        try (Connection root = postgres.superuser("audit_bench"); Statement s = root.createStatement();
             ResultSet rs = s.executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long count() throws SQLException {
        try (Connection root = postgres.superuser("audit_bench"); Statement s = root.createStatement();
             ResultSet rs = s.executeQuery("SELECT seq FROM audit_chain_head")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Continues the chain up to {@code total} entries in batches of COPY (the database checks every link). */
    private static void fillTo(int total) throws SQLException, IOException {
        try (Connection root = postgres.superuser("audit_bench")) {
            root.setAutoCommit(false);
            CopyManager copy = root.unwrap(PGConnection.class).getCopyAPI();
            long seq;
            String prev;
            try (Statement s = root.createStatement(); ResultSet rs = s.executeQuery("SELECT seq, hash FROM audit_chain_head")) {
                rs.next();
                seq = rs.getLong(1);
                prev = rs.getString(2);
            }
            DateTimeFormatter iso = DateTimeFormatter.ISO_INSTANT;
            while (seq < total) {
                StringBuilder batch = new StringBuilder(64 * 1024 * 1024);
                for (int i = 0; i < 100_000 && seq < total; i++) {
                    ChainedEntry c = chain.link(++seq, entry((int) seq), prev);
                    AuditEntry e = c.entry();
                    batch.append(c.seq()).append('\t').append(iso.format(e.at())).append('\t').append(e.actor()).append('\t')
                            .append(e.actorRoles()).append('\t').append(e.actorDivision()).append('\t').append(e.action())
                            .append('\t').append(e.recordType()).append('\t').append(e.recordId()).append('\t')
                            .append(e.recordDivision()).append('\t').append(e.purpose()).append('\t').append(e.outcome())
                            .append("\t\\N\t").append(c.keyId()).append('\t').append(c.prevHash()).append('\t')
                            .append(c.hash()).append('\n');
                    prev = c.hash();
                }
                Reader in = new StringReader(batch.toString());
                copy.copyIn("COPY audit_entry (seq, at, actor, actor_roles, actor_division, action, record_type, record_id, "
                        + "record_division, purpose, outcome, detail, key_id, prev_hash, hash) FROM STDIN", in);
                root.commit();
            }
        }
    }
}

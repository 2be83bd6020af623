package io.greenribbon.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the Helm chart's ConfigMap and Secret give the service (templates/configmap.yaml and
 * deployment.yaml), pointing at this run's PostgreSQL and Keycloak, with keys made for this run: the
 * environment of a packaged service in its own JVM ({@link ServiceJvm}). Deployments of one province share
 * the keys (they read each other's records); each has its own PBX.
 */
public final class ChartEnvironment {

    private static final Path DEMO_SQL = Path.of("src/main/resources/db/demo");

    private final Map<String, String> shared = new HashMap<>();

    /** A release's database, identity provider and keys (made now, random). */
    public ChartEnvironment() {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        shared.put("GREENRIBBON_DB_JDBC_URL", infrastructure.postgres.jdbcUrl(PostgresServer.DATABASE));
        shared.put("GREENRIBBON_DB_REACTIVE_URL", infrastructure.postgres.reactiveUrl(PostgresServer.DATABASE));
        shared.put("GREENRIBBON_DB_USER", PostgresServer.APP);
        shared.put("GREENRIBBON_DB_PASSWORD", PostgresServer.APP_PASSWORD);
        shared.put("GREENRIBBON_DB_OWNER_USER", PostgresServer.OWNER);
        shared.put("GREENRIBBON_DB_OWNER_PASSWORD", PostgresServer.OWNER_PASSWORD);
        shared.put("GREENRIBBON_DB_CDR_USER", "asterisk_cdr");
        shared.put("GREENRIBBON_OIDC_URL", infrastructure.keycloak.issuer());
        // The test Keycloak runs without GREENRIBBON_SERVICE_SECRET, so the realm file's default applies.
        shared.put("GREENRIBBON_SERVICE_SECRET", "local-only-service-secret");
        shared.put("GREENRIBBON_WEB_SESSION_SECRET", randomKey());
        shared.put("GREENRIBBON_TELEPHONY_AMI_USERNAME", "greenribbon");
        shared.put("GREENRIBBON_TELEPHONY_AMI_SECRET", TestPbx.AMI_SECRET);
        shared.put("GREENRIBBON_TELEPHONY_AGI_ALLOWED_CLIENTS", "127.0.0.1/32");
        shared.put("GREENRIBBON_CRYPTO_ACTIVE_KEY_ID", "it1");
        shared.put("GREENRIBBON_CRYPTO_KEYS", "it1:" + randomKey());
        shared.put("GREENRIBBON_CRYPTO_CALLER_HMAC_KEY", randomKey());
        shared.put("GREENRIBBON_AUDIT_CHAIN_KEY_ID", "it1");
        shared.put("GREENRIBBON_AUDIT_CHAIN_KEYS", "it1:" + randomKey());
        // Not the chart's: a pod has a network of its own, on a shared machine the service listens on loopback.
        shared.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        shared.put("GREENRIBBON_TELEPHONY_AGI_BIND_ADDRESS", "127.0.0.1");
    }

    /**
     * One deployment's environment: the release's, its own HTTP port, and the PBX it serves (AMI on
     * {@code amiPort}, its FastAGI on {@code agiPort}); {@code extra} adds or overrides variables.
     */
    public Map<String, String> deployment(int amiPort, int agiPort, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(shared);
        env.put("GREENRIBBON_TELEPHONY_AMI_HOST", "127.0.0.1");
        env.put("GREENRIBBON_TELEPHONY_AMI_PORT", String.valueOf(amiPort));
        env.put("GREENRIBBON_TELEPHONY_AGI_PORT", String.valueOf(agiPort));
        env.put("QUARKUS_HTTP_PORT", String.valueOf(FreePorts.one()));
        env.putAll(extra);
        return env;
    }

    /** A random 256-bit key, base64. */
    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /**
     * The demo city's divisions, counsellors (and roster) and hotline lines, as the schema owner. The prod
     * profile migrates db/migration only: this goes in once a first JVM has made the schema.
     */
    public static void loadDemoCity() throws IOException, SQLException {
        try (Connection c = Databases.asOwner(); Statement s = c.createStatement()) {
            for (String script : List.of("R__10_demo_divisions.sql", "R__20_demo_counsellors.sql",
                    "R__40_demo_hotline.sql")) {
                s.execute(Files.readString(DEMO_SQL.resolve(script)));
            }
        }
    }
}

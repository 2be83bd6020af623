package io.greenribbon.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Direct JDBC connections to the run's database, as each of its roles. */
public final class Databases {

    /**
     * Columns every replica's timers rewrite whatever the requests do (a PBX claim's renewal), left out of a
     * {@link #snapshot()}: a request that changed nothing must not seem to have changed them.
     */
    private static final Map<String, String> HEARTBEATS = Map.of("public.telephony_pbx", "{renewed_at}");

    private Databases() {
    }

    /** As the service's own login, with only the rights the migrations grant it. */
    public static Connection asApp() throws SQLException {
        return DriverManager.getConnection(url(), PostgresServer.APP, PostgresServer.APP_PASSWORD);
    }

    /** As the schema owner, who runs the migrations. */
    public static Connection asOwner() throws SQLException {
        return DriverManager.getConnection(url(), PostgresServer.OWNER, PostgresServer.OWNER_PASSWORD);
    }

    /** As the database superuser: what an operator with full access (or an attacker with it) could do. */
    public static Connection asSuperuser() throws SQLException {
        return TestInfrastructure.get().postgres.superuser(PostgresServer.DATABASE);
    }

    /**
     * Every table of the database with its row count and a checksum of all its rows ({@code count:md5}), read
     * as the superuser so that row-level security hides nothing: two snapshots are equal when no row was
     * added, changed or removed in between (apart from the {@link #HEARTBEATS}).
     */
    public static Map<String, String> snapshot() {
        try (Connection c = asSuperuser(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet r = s.executeQuery("""
                    SELECT format('%I.%I', schemaname, tablename) FROM pg_tables
                    WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1""")) {
                while (r.next()) {
                    tables.add(r.getString(1));
                }
            }
            Map<String, String> snapshot = new TreeMap<>();
            for (String table : tables) {
                String row = "(to_jsonb(t) - '" + HEARTBEATS.getOrDefault(table, "{}") + "'::text[])::text";
                try (ResultSet r = s.executeQuery("SELECT count(*) || ':' || md5(coalesce(string_agg(" + row
                        + ", E'\\n' ORDER BY " + row + "), '')) FROM " + table + " t")) {
                    r.next();
                    snapshot.put(table, r.getString(1));
                }
            }
            return snapshot;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the database's tables", e);
        }
    }

    private static String url() {
        return TestInfrastructure.get().postgres.jdbcUrl(PostgresServer.DATABASE);
    }
}

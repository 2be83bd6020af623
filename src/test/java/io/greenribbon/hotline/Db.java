package io.greenribbon.hotline;

import io.greenribbon.testkit.PostgresServer;
import io.greenribbon.testkit.TestInfrastructure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Direct access to the test database, as its owner, for setting up and checking what the service stored. */
public final class Db {

    private Db() {
    }

    public static int update(String sql, Object... params) {
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<Map<String, Object>> rows(String sql, Object... params) {
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<Map<String, Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, Object> row(String sql, Object... params) {
        List<Map<String, Object>> rows = rows(sql, params);
        if (rows.size() != 1) {
            throw new AssertionError("Expected one row, got " + rows.size() + " for " + sql);
        }
        return rows.get(0);
    }

    public static Object value(String sql, Object... params) {
        return row(sql, params).values().iterator().next();
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
    }

    /** A connection of the test's own, as the owner (e.g. to hold a lock while the service works). */
    public static Connection connection() throws SQLException {
        PostgresServer pg = TestInfrastructure.get().postgres;
        return java.sql.DriverManager.getConnection(pg.jdbcUrl(PostgresServer.DATABASE), PostgresServer.OWNER,
                PostgresServer.OWNER_PASSWORD);
    }
}

package io.greenribbon.telephony.peer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes CDRs into PostgreSQL the way cdr_pgsql does: it reads the table's columns from pg_catalog once,
 * fills each column named like a CDR field (calldate/start, answer, end, clid, src, dst, dcontext, channel,
 * dstchannel, lastapp, lastdata, duration, billsec, disposition, amaflags, accountcode, uniqueid, linkedid,
 * userfield, peeraccount, sequence), each other column from the CDR variable of its name (CDR(name)=...,
 * party A's or party B's) when the record has one, and leaves the rest to their defaults (a generated
 * column too). Times are wall-clock time in the configured zone (cdr_pgsql.conf {@code timezone}), as text;
 * a variable for an integer column that is not a number is written as 0, as cdr_pgsql does.
 */
public final class CdrWriter implements AutoCloseable {

    private record Column(String name, String type, boolean notNull, boolean hasDefault) {
    }

    /** What cdr_pgsql's sscanf("%lld") takes from a value for an integer column. */
    private static final java.util.regex.Pattern LEADING_INTEGER = java.util.regex.Pattern.compile("\\s*[-+]?\\d+");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final String url;
    private final String user;
    private final String password;
    private final String role;
    private final String table;
    private final ZoneId zone;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "peer-cdr-pgsql");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger sequence = new AtomicInteger();
    private final AtomicInteger written = new AtomicInteger();
    private Connection connection;
    private List<Column> columns;

    /**
     * @param role a role to {@code SET ROLE} to after connecting (e.g. {@code asterisk_cdr}), or null
     */
    public CdrWriter(String url, String user, String password, String role, String table, ZoneId zone) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.role = role;
        this.table = table;
        this.zone = zone;
    }

    void write(CdrEngine.Record r, PeerChannel a) {
        String linkedId = a.linkedId;
        int seq = sequence.getAndIncrement();
        thread.submit(() -> {
            try {
                insert(r, linkedId, seq);
                written.incrementAndGet();
            } catch (SQLException e) {
                System.err.println("[asterisk-peer] cdr_pgsql: Failed to insert call detail record into database! "
                        + e.getMessage());
                closeConnection();
            }
        });
    }

    /** How many rows were written. */
    public int written() {
        return written.get();
    }

    /** Waits until every record handed over so far is written. */
    public void flush() {
        try {
            thread.submit(() -> { }).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void insert(CdrEngine.Record r, String linkedId, int seq) throws SQLException {
        Connection c = connection();
        StringJoiner names = new StringJoiner(",");
        StringJoiner marks = new StringJoiner(",");
        List<Object> values = new ArrayList<>();
        for (Column col : columns) {
            Object value = value(col.name(), r, linkedId, seq);
            if (value != null && col.type().startsWith("int")) {
                java.util.regex.Matcher number = LEADING_INTEGER.matcher(value.toString());
                value = number.lookingAt() ? number.group() : "0";
            }
            if (value == null) {
                if (col.notNull() && !col.hasDefault()) {
                    names.add('"' + col.name() + '"');
                    marks.add("?");
                    values.add("");
                }
                continue;
            }
            names.add('"' + col.name() + '"');
            marks.add("?");
            values.add(value);
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (" + names + ") VALUES (" + marks + ")")) {
            for (int i = 0; i < values.size(); i++) {
                ps.setObject(i + 1, values.get(i).toString(), Types.OTHER);
            }
            ps.executeUpdate();
        }
    }

    private Object value(String column, CdrEngine.Record r, String linkedId, int seq) {
        return switch (column) {
            case "calldate", "start" -> time(r.start);
            case "answer" -> r.answer == 0 ? null : time(r.answer);
            case "end" -> time(r.end);
            case "clid" -> r.clid;
            case "src" -> r.src;
            case "dst" -> r.dst;
            case "dcontext" -> r.dcontext;
            case "channel" -> r.channel;
            case "dstchannel" -> r.dstChannel;
            case "lastapp" -> r.lastApp;
            case "lastdata" -> r.lastData;
            case "duration" -> r.durationSeconds();
            case "billsec" -> r.billSeconds();
            case "disposition" -> r.disposition;
            case "amaflags" -> "DOCUMENTATION";
            case "accountcode", "peeraccount" -> "";
            case "userfield" -> r.userfield;
            case "uniqueid" -> r.a.uniqueId;
            case "linkedid" -> linkedId;
            case "sequence" -> seq;
            default -> CdrEngine.variable(r, column);
        };
    }

    private String time(long micros) {
        return TIME.format(Instant.ofEpochSecond(micros / 1_000_000L).atZone(zone));
    }

    private Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = DriverManager.getConnection(url, user, password);
            if (role != null) {
                try (Statement st = connection.createStatement()) {
                    st.execute("SET ROLE " + role);
                }
            }
            columns = readColumns(connection);
        }
        return connection;
    }

    /** cdr_pgsql's column query, on pg_catalog. */
    private List<Column> readColumns(Connection c) throws SQLException {
        List<Column> out = new ArrayList<>();
        String sql = "SELECT a.attname, t.typname, a.attnotnull, pg_catalog.pg_get_expr(d.adbin, d.adrelid) "
                + "FROM pg_catalog.pg_class cl JOIN pg_catalog.pg_namespace n ON n.oid = cl.relnamespace "
                + "AND cl.relname = ? AND n.nspname = current_schema() "
                + "JOIN pg_catalog.pg_attribute a ON NOT a.attisdropped AND a.attnum > 0 AND a.attrelid = cl.oid "
                + "JOIN pg_catalog.pg_type t ON t.oid = a.atttypid "
                + "LEFT JOIN pg_catalog.pg_attrdef d ON a.atthasdef AND d.adrelid = a.attrelid AND d.adnum = a.attnum "
                + "ORDER BY a.attnum";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Column(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4) != null));
                }
            }
        }
        if (out.isEmpty()) {
            throw new SQLException("cdr_pgsql: Failed to query database columns. No columns found, does the table exist?");
        }
        return out;
    }

    private void closeConnection() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException ignored) {
            // reconnect next time
        }
        connection = null;
    }

    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeConnection();
    }
}

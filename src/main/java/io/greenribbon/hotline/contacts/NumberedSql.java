package io.greenribbon.hotline.contacts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statement written with PostgreSQL's numbered parameters ({@code $1}, used as often as needed), as the
 * reactive client takes it, turned into JDBC's positional {@code ?} once, when the class loads.
 */
final class NumberedSql {

    private static final Pattern PARAMETER = Pattern.compile("\\$(\\d+)");

    private final String jdbc;
    private final int[] order;

    private NumberedSql(String jdbc, int[] order) {
        this.jdbc = jdbc;
        this.order = order;
    }

    static NumberedSql of(String numbered) {
        Matcher m = PARAMETER.matcher(numbered);
        StringBuilder sql = new StringBuilder(numbered.length());
        List<Integer> order = new ArrayList<>();
        while (m.find()) {
            order.add(Integer.parseInt(m.group(1)) - 1);
            m.appendReplacement(sql, "?");
        }
        m.appendTail(sql);
        return new NumberedSql(sql.toString(), order.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * Prepares the statement on {@code connection} with {@code values} ($1 first) bound where they are used;
     * a null is bound as a NULL whose type the server infers from where it is used.
     */
    PreparedStatement prepare(Connection connection, List<Object> values) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(jdbc);
        try {
            for (int i = 0; i < order.length; i++) {
                Object value = values.get(order[i]);
                if (value == null) {
                    statement.setNull(i + 1, Types.OTHER);
                } else {
                    statement.setObject(i + 1, value);
                }
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    @Override
    public String toString() {
        return jdbc;
    }
}

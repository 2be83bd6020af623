package io.greenribbon.hotline.contacts;

import io.greenribbon.testkit.Databases;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The route's SQL keeps PostgreSQL's numbered parameters; JDBC gets each value wherever its number is used. */
class NumberedSqlTest {

    @Test
    void eachNumberIsBoundWhereverItIsUsedAndNullsTakeTheirTypeFromTheStatement() throws Exception {
        NumberedSql sql = NumberedSql.of("SELECT $2, CAST($1 AS int) + $3, $2 || 'x', CAST($4 AS varchar) IS NULL, $10");

        assertThat(sql.toString()).isEqualTo("SELECT ?, CAST(? AS int) + ?, ? || 'x', CAST(? AS varchar) IS NULL, ?");
        try (Connection c = Databases.asApp();
             PreparedStatement s = sql.prepare(c, Arrays.asList(1, "b", 2, null, 5, 6, 7, 8, 9, "ten"));
             ResultSet r = s.executeQuery()) {
            r.next();
            assertThat(r.getString(1)).isEqualTo("b");
            assertThat(r.getInt(2)).isEqualTo(3);
            assertThat(r.getString(3)).isEqualTo("bx");
            assertThat(r.getBoolean(4)).isTrue();
            assertThat(r.getString(5)).isEqualTo("ten");
        }
    }
}

package io.greenribbon.testkit;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The test PostgreSQL can be stopped as an operator stops it, and started again with its data. */
class PostgresServerTest {

    @Test
    void stopCutsEverySessionAndStartBringsTheSameDataBackOnTheSamePort() throws SQLException {
        try (PostgresServer server = PostgresServer.ephemeral(false)) {
            try (Connection c = server.superuser("postgres"); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept (v text)");
                s.execute("INSERT INTO kept VALUES ('before the outage')");
            }
            Connection open = server.superuser("postgres");

            server.stop();
            assertThatThrownBy(() -> open.createStatement().execute("SELECT 1")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> server.superuser("postgres")).isInstanceOf(SQLException.class);
            assertThatThrownBy(server::stop).isInstanceOf(IllegalStateException.class);

            server.start();
            try (Connection c = server.superuser("postgres"); Statement s = c.createStatement();
                 var rs = s.executeQuery("SELECT v, current_setting('fsync') FROM kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("before the outage");
                assertThat(rs.getString(2)).as("the options of its first start").isEqualTo("off");
            }
            assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class);
        }
    }
}

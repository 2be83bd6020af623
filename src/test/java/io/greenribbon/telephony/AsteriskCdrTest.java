package io.greenribbon.telephony;

import io.greenribbon.telephony.peer.CallScript;
import io.greenribbon.telephony.peer.PeerCall;
import io.greenribbon.testkit.PostgresServer;
import io.greenribbon.testkit.TestInfrastructure;
import io.greenribbon.testkit.TestPbx;
import io.quarkus.test.junit.QuarkusTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Table asterisk_cdr as Asterisk fills it (cdr_pgsql, here the peer writing as role asterisk_cdr), and the
 * rights around it: Asterisk may only insert; the service may read, and insert only its copies of records
 * Asterisk reported over AMI (marked from_ami_event), never change what Asterisk wrote.
 */
@QuarkusTest
class AsteriskCdrTest {

    @Test
    void aCallLeavesACdrRowWrittenByTheInsertOnlyRole() throws SQLException {
        PeerCall call = TestPbx.get().peer.call(CallScript.from("+8613500000001").to("12356").talksFor(Duration.ofSeconds(3)));
        assertThat(call.awaitEnd(Duration.ofSeconds(30))).isTrue();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> count(call.uniqueId()) > 0);
        PostgresServer db = TestInfrastructure.get().postgres;
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(PostgresServer.DATABASE), PostgresServer.APP,
                PostgresServer.APP_PASSWORD); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT src, dst, dcontext, disposition, lastapp, linkedid, calldate, answer, "
                     + "\"end\", duration, billsec, userfield, reconciled_at FROM asterisk_cdr WHERE uniqueid = '" + call.uniqueId()
                     + "' ORDER BY id")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("src")).isEqualTo("+8613500000001");
            assertThat(rs.getString("dst")).isEqualTo("s");
            assertThat(rs.getString("dcontext")).isEqualTo("hotline");
            assertThat(rs.getString("userfield")).as("the line, set by the dialplan").isEqualTo("12356");
            assertThat(rs.getString("disposition")).isEqualTo("ANSWERED");
            assertThat(rs.getString("linkedid")).isEqualTo(call.uniqueId());
            assertThat(rs.getTimestamp("answer")).isNotNull();
            assertThat(rs.getTimestamp("end")).isAfterOrEqualTo(rs.getTimestamp("calldate"));
            assertThat(rs.getInt("duration")).isGreaterThanOrEqualTo(rs.getInt("billsec"));
            assertThat(rs.getObject("reconciled_at")).isNull();
        }
    }

    @Test
    void asteriskMayOnlyInsertAndTheServiceMayInsertOnlyItsMarkedCopies() throws SQLException {
        PostgresServer db = TestInfrastructure.get().postgres;
        try (Connection c = db.superuser(PostgresServer.DATABASE); Statement s = c.createStatement()) {
            s.execute("SET ROLE asterisk_cdr");
            assertThatThrownBy(() -> s.executeQuery("SELECT count(*) FROM asterisk_cdr"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.executeUpdate("INSERT INTO asterisk_cdr (calldate, from_ami_event) VALUES (now(), true)"))
                    .as("Asterisk cannot pass its rows off as the service's").hasMessageContaining("row-level security");
        }
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(PostgresServer.DATABASE), PostgresServer.APP,
                PostgresServer.APP_PASSWORD); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("INSERT INTO asterisk_cdr (calldate) VALUES (now())"))
                    .as("an unmarked row").hasMessageContaining("row-level security");
            assertThatThrownBy(() -> s.executeUpdate("INSERT INTO asterisk_cdr (calldate, clid, from_ami_event) "
                    + "VALUES (now(), 'x', true)")).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.executeUpdate("UPDATE asterisk_cdr SET disposition = 'ANSWERED'"))
                    .hasMessageContaining("permission denied");
            s.executeUpdate("UPDATE asterisk_cdr SET src = '', clid = '', reconciled_at = now() WHERE id < 0");
            c.setAutoCommit(false);
            assertThat(s.executeUpdate("INSERT INTO asterisk_cdr (calldate, uniqueid, from_ami_event) "
                    + "VALUES (now(), 'copy-test', true)")).isEqualTo(1);
            c.rollback();
        }
    }

    private static int count(String uniqueId) throws SQLException {
        PostgresServer db = TestInfrastructure.get().postgres;
        try (Connection c = db.superuser(PostgresServer.DATABASE); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM asterisk_cdr WHERE uniqueid = '" + uniqueId + "'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}

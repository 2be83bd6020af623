package io.greenribbon.audit;

import io.greenribbon.testkit.Databases;
import io.greenribbon.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class AuditLogTest {

    @Inject
    AuditLog log;

    @Inject
    AuditVerifier verifier;

    @Inject
    Pool pool;

    private static AuditEntry entry(String tag, String division) {
        return new AuditEntry(Instant.now(), "test-" + tag, "risk-supervisor", division, "test.read", "test_record",
                tag, division, "TEST", AuditEntry.Outcome.ALLOWED, null);
    }

    private List<String> appendConcurrently(int n, String division) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Uni<Void>> appends = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tags.add(run + "-" + i);
            appends.add(log.append(entry(run + "-" + i, division)));
        }
        Uni.join().all(appends).andFailFast().await().indefinitely();
        return tags;
    }

    @Test
    void concurrentAppendsFormOneUnbrokenChain() {
        long before = verifier.verify().entries();
        appendConcurrently(300, "130104");
        AuditVerifier.Result result = verifier.verify();
        assertThat(result.intact()).isTrue();
        assertThat(result.entries()).isGreaterThanOrEqualTo(before + 300).isEqualTo(result.headSeq());
    }

    @Test
    void theServiceRoleCanNeitherChangeNorRemoveEntriesAndTheOwnerCannotEither() throws SQLException {
        appendConcurrently(1, "130104");
        try (Connection app = Databases.asApp(); Statement s = app.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE audit_entry SET detail = 'x'"))
                    .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42501");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit_entry"))
                    .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42501");
            assertThatThrownBy(() -> s.executeUpdate("TRUNCATE audit_entry"))
                    .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42501");
            assertThatThrownBy(() -> s.executeUpdate("UPDATE audit_chain_head SET seq = 0"))
                    .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42501");
        }
        try (Connection owner = Databases.asOwner(); Statement s = owner.createStatement()) {
            s.execute("SELECT set_config('greenribbon.actor', 'owner', false), set_config('greenribbon.scope', '*', false)");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit_entry WHERE seq = 1"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("TRUNCATE audit_entry"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void anEntryThatDoesNotContinueTheHeadIsRefusedByTheDatabase() throws SQLException {
        appendConcurrently(1, "130104");
        try (Connection app = Databases.asApp(); Statement s = app.createStatement()) {
            s.execute("SELECT set_config('greenribbon.actor', 'forger', false)");
            assertThatThrownBy(() -> s.executeUpdate("""
                    INSERT INTO audit_entry (seq, at, actor, actor_roles, action, record_type, purpose, outcome, key_id,
                                             prev_hash, hash)
                    SELECT seq + 5, now(), 'forger', '', 'x', 'x', 'x', 'ALLOWED', 'test1', hash, repeat('a', 64)
                      FROM audit_chain_head"""))
                    .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("GRA01");
        }
    }

    @Test
    void verificationNamesAnEditedAndADeletedEntryAndTheMissingTail() throws SQLException {
        appendConcurrently(20, "130105");
        AuditVerifier.Result intact = verifier.verify();
        assertThat(intact.intact()).isTrue();
        long edited = intact.headSeq() - 10;
        long deleted = intact.headSeq() - 5;
        long last = intact.headSeq();
        try (Connection root = Databases.asSuperuser(); Statement s = root.createStatement()) {
            root.setAutoCommit(false);
            // What someone with full database rights could do: switch the guards off and rewrite history.
            s.execute("SET session_replication_role = replica");
            String originalDetail = single(root, "SELECT coalesce(detail, '<null>') FROM audit_entry WHERE seq = " + edited);
            s.executeUpdate("UPDATE audit_entry SET detail = 'nothing to see' WHERE seq = " + edited);
            root.commit();
            assertBroken(edited, AuditVerifier.Break.ENTRY_ALTERED);

            s.executeUpdate("UPDATE audit_entry SET detail = " + ("<null>".equals(originalDetail) ? "NULL" : "'" + originalDetail + "'")
                    + " WHERE seq = " + edited);
            s.executeUpdate("CREATE TEMP TABLE kept AS SELECT * FROM audit_entry WHERE seq IN (" + deleted + ", " + last + ")");
            s.executeUpdate("DELETE FROM audit_entry WHERE seq = " + deleted);
            root.commit();
            assertBroken(deleted, AuditVerifier.Break.ENTRY_MISSING);

            s.executeUpdate("INSERT INTO audit_entry SELECT * FROM kept WHERE seq = " + deleted);
            s.executeUpdate("DELETE FROM audit_entry WHERE seq = " + last);
            root.commit();
            assertBroken(last, AuditVerifier.Break.TAIL_MISSING);

            s.executeUpdate("INSERT INTO audit_entry SELECT * FROM kept WHERE seq = " + last);
            root.commit();
        }
        assertThat(verifier.verify().intact()).as("restored").isTrue();
        assertThat(verifier.verify(Databases::asApp, 5, 3).intact()).as("restored, in parallel").isTrue();
    }

    private void assertBroken(long seq, AuditVerifier.Break problem) throws SQLException {
        AuditVerifier.Result result = verifier.verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.brokenAt()).isEqualTo(seq);
        assertThat(result.problem()).isEqualTo(problem);
        // The same break, found by ranges verified in parallel (each range a few entries long).
        for (int parallelism : new int[]{2, 3, 7}) {
            AuditVerifier.Result parallel = verifier.verify(Databases::asApp, parallelism, 3);
            assertThat(parallel.brokenAt()).as("parallelism %d", parallelism).isEqualTo(seq);
            assertThat(parallel.problem()).as("parallelism %d", parallelism).isEqualTo(problem);
        }
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql); ResultSet rs = p.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void withoutAnActingContextTheServiceConnectionSeesNoEntry() {
        appendConcurrently(3, "130104");
        long raw = pool.query("SELECT count(*) FROM audit_entry").execute().await().indefinitely()
                .iterator().next().getLong(0);
        assertThat(raw).isZero();
        long qiaoxi = pool.withTransaction(c -> RowSecurity.apply(c, new RowSecurity.Context("supervisor1", "130104", null))
                        .chain(() -> c.query("SELECT count(*) FILTER (WHERE NOT (starts_with(coalesce(record_division, ''), '130104') "
                                + "OR starts_with(coalesce(actor_division, ''), '130104'))) FROM audit_entry").execute()))
                .await().indefinitely().iterator().next().getLong(0);
        assertThat(qiaoxi).as("rows outside Qiaoxi visible to a Qiaoxi context").isZero();
    }

    @Test
    void supervisorsAndOfficialsReadTheAccessLogOfTheirJurisdictionOnly() {
        List<String> xinhua = appendConcurrently(2, "130105");
        List<String> qiaoxi = appendConcurrently(2, "130104");
        given().auth().oauth2(Tokens.of("official2")).queryParam("record", "test_record:" + xinhua.get(0))
                .when().get("/api/audit/access")
                .then().statusCode(200).body("entries.recordId", equalTo(List.of(xinhua.get(0))));
        given().auth().oauth2(Tokens.of("official2")).queryParam("record", "test_record:" + qiaoxi.get(0))
                .when().get("/api/audit/access")
                .then().statusCode(200).body("entries", equalTo(List.of()));
        given().auth().oauth2(Tokens.of("official2")).queryParam("limit", 50)
                .when().get("/api/audit/access")
                .then().statusCode(200).body("entries.recordId", not(hasItem(qiaoxi.get(0))));
        given().auth().oauth2(Tokens.of("supervisor1")).queryParam("actor", "test-" + qiaoxi.get(1))
                .when().get("/api/audit/access")
                .then().statusCode(200).body("entries.recordDivision", everyItem(equalTo("130104")))
                .body("entries.recordId", equalTo(List.of(qiaoxi.get(1))));
        given().auth().oauth2(Tokens.of("official1")).queryParam("record", "test_record:" + qiaoxi.get(1))
                .when().get("/api/audit/access")
                .then().statusCode(200).body("entries.recordId", equalTo(List.of(qiaoxi.get(1))));
        // The reader's own query is in the log too.
        given().auth().oauth2(Tokens.of("official1")).queryParam("actor", "official1")
                .when().get("/api/audit/access")
                .then().statusCode(200).body("entries.action", hasItem("audit.query"));
    }

    @Test
    void badFiltersNameTheFieldAndOtherRolesAreRefused() {
        given().auth().oauth2(Tokens.of("official1")).queryParam("record", "17")
                .when().get("/api/audit/access")
                .then().statusCode(400).body("errors[0].field", equalTo("record"));
        given().auth().oauth2(Tokens.of("official1")).queryParam("from", "yesterday")
                .when().get("/api/audit/access")
                .then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().auth().oauth2(Tokens.of("counsellor1")).when().get("/api/audit/access").then().statusCode(403);
        given().auth().oauth2(Tokens.of("admin1")).when().get("/api/audit/access").then().statusCode(403);
        given().auth().oauth2(Tokens.of("admin1")).when().get("/api/audit/verify")
                .then().statusCode(200).body("intact", equalTo(true));
    }
}

package io.greenribbon.hotline;

import io.greenribbon.crypto.KeyedHash;
import io.greenribbon.hotline.calls.HotlineEventListener;
import io.greenribbon.hotline.routing.RouteScript;
import io.greenribbon.telephony.PbxEvent;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Calls the service did not see, recovered from the CDR rows Asterisk writes into asterisk_cdr (cdr_pgsql,
 * UTC wall-clock times) while the service is down.
 */
@QuarkusTest
class CdrRecoveryTest {

    @Inject
    RouteScript route;
    @Inject
    HotlineEventListener listener;
    @Inject
    KeyedHash hash;
    @Inject
    FakePbx pbx;

    @BeforeEach
    void reset() {
        Hotline.resetPresence();
        pbx.reset();
        Db.update("UPDATE hotline_contact SET status = 'CLOSED', ended_at = now(), outcome = coalesce(outcome, 'ABANDONED') "
                + "WHERE status = 'OPEN'");
        // The table telephony's migration V4_0 creates (the same shape), for branches that run without it.
        Db.update("""
                CREATE TABLE IF NOT EXISTS asterisk_cdr (id bigserial PRIMARY KEY, calldate timestamp NOT NULL,
                  answer timestamp, "end" timestamp, clid varchar(80) NOT NULL DEFAULT '', src varchar(80) NOT NULL DEFAULT '',
                  dst varchar(80) NOT NULL DEFAULT '', dcontext varchar(80) NOT NULL DEFAULT '',
                  channel varchar(80) NOT NULL DEFAULT '', dstchannel varchar(80) NOT NULL DEFAULT '',
                  lastapp varchar(80) NOT NULL DEFAULT '', lastdata varchar(200) NOT NULL DEFAULT '',
                  duration integer NOT NULL DEFAULT 0, billsec integer NOT NULL DEFAULT 0,
                  disposition varchar(45) NOT NULL DEFAULT '', amaflags varchar(45) NOT NULL DEFAULT '',
                  accountcode varchar(80) NOT NULL DEFAULT '', uniqueid varchar(150) NOT NULL DEFAULT '',
                  linkedid varchar(150) NOT NULL DEFAULT '', userfield varchar(255) NOT NULL DEFAULT '',
                  peeraccount varchar(80) NOT NULL DEFAULT '', sequence integer, reconciled_at timestamptz)""");
    }

    /** One CDR row as cdr_pgsql writes it: times as UTC wall-clock time. */
    private static void cdr(String uid, String src, String dstChannel, Instant start, int seconds) {
        LocalDateTime begin = LocalDateTime.ofInstant(start, ZoneOffset.UTC);
        Db.update("INSERT INTO asterisk_cdr (calldate, answer, \"end\", clid, src, dst, dcontext, channel, dstchannel, "
                        + "lastapp, lastdata, duration, billsec, disposition, uniqueid, linkedid) "
                        + "VALUES (?, ?, ?, ?, ?, 's', 'hotline', 'PJSIP/carrier-00000021', ?, 'Queue', 'hl-130104,,,,30', "
                        + "?, ?, 'ANSWERED', ?, ?)",
                begin, begin.plusSeconds(1), begin.plusSeconds(seconds), "\"\" <" + src + ">", src, dstChannel,
                seconds, seconds - 1, uid, uid);
    }

    private static Map<String, Object> contact(String uid) {
        return Db.row("SELECT * FROM hotline_contact WHERE call_uniqueid = ?", uid);
    }

    @Test
    void callsAnsweredOrAbandonedWhileTheServiceWasDownBecomeContacts() {
        Hotline.allowOnLine("counsellor1", "130104");
        Hotline.signIn("counsellor1", "PAUSED", "offline meanwhile");
        String answered = "1795690000." + UUID.randomUUID().toString().substring(0, 6);
        String abandoned = "1795690001." + UUID.randomUUID().toString().substring(0, 6);
        Instant start = Instant.now().minus(Duration.ofMinutes(20)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        cdr(answered, "+8631166660001", "PJSIP/counselor1-00000022", start, 300);
        cdr(abandoned, "13911170002", "", start.plusSeconds(60), 40);

        listener.on(new PbxEvent.PbxLinkUp(Instant.now(), false, false));

        await().atMost(Duration.ofSeconds(20)).until(() -> !Db.rows(
                "SELECT 1 FROM hotline_contact WHERE call_uniqueid IN (?, ?)", answered, abandoned).isEmpty()
                && Db.rows("SELECT 1 FROM asterisk_cdr WHERE uniqueid IN (?, ?) AND reconciled_at IS NULL",
                answered, abandoned).isEmpty());
        assertThat(contact(answered)).containsEntry("source", "RECOVERED").containsEntry("status", "CLOSED")
                .containsEntry("outcome", "ANSWERED").containsEntry("counsellor_username", "counsellor1")
                .containsEntry("division_code", "130104").containsEntry("caller_key", hash.of("031166660001"))
                .containsEntry("queue_wait_ms", null);
        assertThat(((java.sql.Timestamp) contact(answered).get("ended_at")).toInstant()).isEqualTo(start.plusSeconds(300));
        assertThat(contact(abandoned)).containsEntry("outcome", "ABANDONED").containsEntry("division_code", "1301");
        assertThat(Db.value("SELECT reason FROM hotline_callback WHERE contact_id = ?", contact(abandoned).get("id")))
                .isEqualTo("ABANDONED");
        // The CDR rows no longer hold the caller's number in clear.
        assertThat(Db.rows("SELECT src, clid FROM asterisk_cdr WHERE uniqueid IN (?, ?)", answered, abandoned))
                .allSatisfy(r -> assertThat(r).containsEntry("src", "").containsEntry("clid", ""));
    }

    @Test
    void aContactLeftOpenByARestartIsClosedAtTheEndItsCdrGives() {
        Hotline.allowOnLine("counsellor1", "130104");
        Hotline.signIn("counsellor1", "AVAILABLE", null);
        String uid = "1795690002." + UUID.randomUUID().toString().substring(0, 6);
        route.handle(FakeCallSession.call(uid, Hotline.QIAOXI_LINE, "13911170003"));
        listener.on(new PbxEvents(uid, Instant.now()).joined(5, "hl-130104"));
        // The service stops; the call is answered by counsellor1 and ends; Asterisk writes its CDR.
        Instant offered = ((java.sql.Timestamp) contact(uid).get("offered_at")).toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        cdr(uid, "13911170003", "PJSIP/counselor1-00000023", offered, 90);

        listener.on(new PbxEvent.PbxLinkUp(Instant.now(), false, false));

        await().atMost(Duration.ofSeconds(20)).until(() -> "CLOSED".equals(contact(uid).get("status")));
        assertThat(contact(uid)).containsEntry("source", "ROUTE").containsEntry("end_estimated", false)
                .containsEntry("outcome", "ANSWERED").containsEntry("counsellor_username", "counsellor1");
        assertThat(((java.sql.Timestamp) contact(uid).get("ended_at")).toInstant()).isEqualTo(offered.plusSeconds(90));
        assertThat(Db.row("SELECT state FROM hotline_presence WHERE username = 'counsellor1'")).containsEntry("state", "WRAP_UP");
    }
}

package io.greenribbon.hotline;

import io.greenribbon.crypto.KeyedHash;
import io.greenribbon.telephony.peer.AgiNetwork;
import io.greenribbon.telephony.peer.CallScript;
import io.greenribbon.telephony.peer.PeerCall;
import io.greenribbon.testkit.TestPbx;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.greenribbon.hotline.Hotline.QIAOXI_LINE;
import static io.greenribbon.hotline.Hotline.SOON;
import static io.greenribbon.hotline.Hotline.XINHUA_LINE;
import static io.greenribbon.hotline.Hotline.awaitClosed;
import static io.greenribbon.hotline.Hotline.awaitContact;
import static io.greenribbon.hotline.Hotline.awaitPresence;
import static io.greenribbon.hotline.Hotline.call;
import static io.greenribbon.hotline.Hotline.pbx;
import static io.greenribbon.hotline.Hotline.peer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service is down (restarting) while calls go on: Asterisk cannot reach its FastAGI port, so the
 * dialplan fails open to the line's queues, and there is no AMI session. Asterisk writes every call's
 * CDRs into asterisk_cdr (cdr_pgsql). Once the service is back it closes the contacts of calls that ended
 * meanwhile at the end their CDRs give, follows the calls still in progress (those it never saw too, from
 * the channel list), and turns the calls it never saw that ended meanwhile (answered or abandoned) into
 * contacts from the CDRs.
 */
@QuarkusTest
class CdrRecoveryTest {

    @Inject
    KeyedHash hash;

    private static String agiAddress() {
        return "127.0.0.1:" + TestPbx.get().agiPort;
    }

    @BeforeEach
    @AfterEach
    void reset() {
        Hotline.reset();
        Hotline.closeOpenContacts();
    }

    private static void serviceDown() {
        peer().agiNetwork().fault(agiAddress(), AgiNetwork.Fault.REFUSE);
        peer().amiUnreachable();
        await().atMost(SOON).until(() -> !pbx().linkUp());
    }

    private static void serviceBack() {
        peer().agiNetwork().heal(agiAddress());
        peer().amiReachable();
        await().atMost(SOON).until(() -> pbx().linkUp());
    }

    @Test
    void callsOfARestartAreClosedFollowedAndRecoveredFromTheirCdrs() {
        Hotline.available("counsellor1", "130104", "counselor1");
        Hotline.available("counsellor2", "130105", "counselor2");
        peer().phone("counselor1").answersAfter(Duration.ofSeconds(1));
        peer().phone("counselor2").answersAfter(Duration.ofSeconds(1));
        peer().phone("supervisor").answersAfter(Duration.ofSeconds(1));
        PeerCall endsMeanwhile = call(CallScript.from("13911170001").to(QIAOXI_LINE).presses("2")
                .talksFor(Duration.ofSeconds(600)));
        awaitContact(endsMeanwhile.uniqueId(), c -> c.get("answered_at") != null);
        PeerCall goesOn = call(CallScript.from("13911170004").to(XINHUA_LINE).talksFor(Duration.ofSeconds(600)));
        awaitContact(goesOn.uniqueId(), c -> c.get("answered_at") != null);
        Hotline.available("supervisor1", "130105", "supervisor");

        PeerCall answeredUnseen;
        PeerCall abandonedUnseen;
        PeerCall unseenGoesOn;
        serviceDown();
        try {
            endsMeanwhile.hangUp();
            assertThat(endsMeanwhile.awaitEnd(SOON)).isTrue();
            // New callers fail open into Qiaoxi's queue: one is answered, the next gives up waiting meanwhile.
            answeredUnseen = call(CallScript.from("+8631166660001").to(QIAOXI_LINE).talksFor(Duration.ofSeconds(60)));
            await().atMost(SOON).until(() -> "PJSIP/counselor1".equals(answeredUnseen.variable("MEMBERINTERFACE")));
            abandonedUnseen = call(CallScript.from("13911170002").to(QIAOXI_LINE).waitsInQueueFor(Duration.ofSeconds(20)));
            assertThat(abandonedUnseen.awaitEnd(SOON)).isTrue();
            assertThat(answeredUnseen.awaitEnd(SOON)).isTrue();
            assertThat(answeredUnseen.variable("HOTLINE_FAILOPEN")).isEqualTo("1");
            assertThat(answeredUnseen.soundsHeard()).as("the service being down, the dialplan plays the notice")
                    .containsExactly("greenribbon/confidentiality");
            assertThat(abandonedUnseen.variable("HOTLINE_FAILOPEN")).isEqualTo("1");
            // A caller the supervisor answers while the service is down, still talking when it is back.
            unseenGoesOn = call(CallScript.from("13911170005").to(XINHUA_LINE).talksFor(Duration.ofSeconds(600)));
            await().atMost(SOON).until(() -> "PJSIP/supervisor".equals(unseenGoesOn.variable("MEMBERINTERFACE")));
        } finally {
            serviceBack();
        }

        // The call that ended while the service was down: closed at its CDR's end, the counsellor in wrap-up.
        Map<String, Object> ended = awaitClosed(endsMeanwhile.uniqueId());
        assertThat(ended).containsEntry("source", "ROUTE").containsEntry("outcome", "ANSWERED")
                .containsEntry("counsellor_username", "counsellor1").containsEntry("end_estimated", false);
        awaitPresence("counsellor1", p -> "WRAP_UP".equals(p.get("state")));

        // The calls it never saw, from asterisk_cdr.
        Map<String, Object> answered = awaitClosed(answeredUnseen.uniqueId());
        assertThat(answered).containsEntry("source", "RECOVERED").containsEntry("outcome", "ANSWERED")
                .containsEntry("counsellor_username", "counsellor1").containsEntry("line_id", QIAOXI_LINE)
                .containsEntry("division_code", "130104").containsEntry("caller_key", hash.of("031166660001"));
        // Its talk time is the conversation's (60 s), counted from the counsellor's answer, not from the
        // dialplan's Answer() before the notice (6 s) and the ring (CDR times are whole seconds).
        assertThat(((Number) answered.get("talk_ms")).longValue()).isBetween(59_000L, 61_000L);
        Map<String, Object> abandoned = awaitClosed(abandonedUnseen.uniqueId());
        assertThat(abandoned).containsEntry("source", "RECOVERED").containsEntry("outcome", "ABANDONED")
                .containsEntry("answered_at", null).containsEntry("line_id", QIAOXI_LINE)
                .containsEntry("caller_key", hash.of("13911170002"));
        assertThat(Db.value("SELECT reason FROM hotline_callback WHERE contact_id = ?", abandoned.get("id")))
                .isEqualTo("ABANDONED");
        // Once kept (sealed) in the contacts, the CDR rows no longer hold the callers' numbers in clear.
        await().atMost(SOON).until(() -> Db.rows("SELECT 1 FROM asterisk_cdr WHERE uniqueid IN (?, ?) AND "
                + "(reconciled_at IS NULL OR src <> '' OR clid <> '')", answeredUnseen.uniqueId(),
                abandonedUnseen.uniqueId()).isEmpty());

        // The call that went on across the restart is still followed: it closes from its own events.
        Map<String, Object> inProgress = Hotline.contact(goesOn.uniqueId());
        assertThat(inProgress).containsEntry("status", "OPEN").containsEntry("counsellor_username", "counsellor2");
        goesOn.hangUp();
        Map<String, Object> closed = awaitClosed(goesOn.uniqueId());
        assertThat(closed).containsEntry("outcome", "ANSWERED").containsEntry("end_estimated", false);
        awaitPresence("counsellor2", p -> "WRAP_UP".equals(p.get("state")));

        // The call the service never saw that went on across the restart: its contact opens at once, from the
        // channel list, answered by the supervisor, and closes from its own hang-up.
        Map<String, Object> unseen = awaitContact(unseenGoesOn.uniqueId(), c -> c.get("answered_at") != null);
        assertThat(unseen).containsEntry("status", "OPEN").containsEntry("source", "FAIL_OPEN")
                .containsEntry("counsellor_username", "supervisor1").containsEntry("line_id", XINHUA_LINE)
                .containsEntry("caller_key", hash.of("13911170005"));
        unseenGoesOn.hangUp();
        Map<String, Object> recovered = awaitClosed(unseenGoesOn.uniqueId());
        assertThat(recovered).containsEntry("source", "FAIL_OPEN").containsEntry("outcome", "ANSWERED")
                .containsEntry("counsellor_username", "supervisor1").containsEntry("end_estimated", false);
        awaitPresence("supervisor1", p -> "WRAP_UP".equals(p.get("state")));
    }
}

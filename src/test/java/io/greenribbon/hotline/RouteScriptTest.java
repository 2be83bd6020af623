package io.greenribbon.hotline;

import io.greenribbon.crypto.FieldCipher;
import io.greenribbon.crypto.KeyedHash;
import io.greenribbon.hotline.routing.RoutingService;
import io.greenribbon.telephony.peer.CallScript;
import io.greenribbon.telephony.peer.PeerCall;
import io.greenribbon.testkit.LogCapture;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.Map;

import static io.greenribbon.hotline.Hotline.CITY_12356;
import static io.greenribbon.hotline.Hotline.CITY_LINE;
import static io.greenribbon.hotline.Hotline.QIAOXI_LINE;
import static io.greenribbon.hotline.Hotline.SOON;
import static io.greenribbon.hotline.Hotline.XINHUA_LINE;
import static io.greenribbon.hotline.Hotline.awaitClosed;
import static io.greenribbon.hotline.Hotline.awaitContact;
import static io.greenribbon.hotline.Hotline.call;
import static io.greenribbon.hotline.Hotline.peer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The FastAGI script {@code route} as the dialplan runs it: what it records the moment Asterisk asks, and
 * what it tells the dialplan (the channel variables the calls end up with).
 */
@QuarkusTest
class RouteScriptTest {

    @Inject
    KeyedHash hash;
    @Inject
    FieldCipher cipher;

    @BeforeEach
    void setUp() {
        Hotline.reset();
        // Nobody is signed in: calls go through both (empty) tiers to the backup line, which answers.
        peer().phone("carrier").byDefault(Duration.ofSeconds(1), Duration.ofSeconds(5));
    }

    @AfterEach
    void tearDown() {
        Hotline.reset();
    }

    @Test
    void aCountyCallOpensItsContactAtOnceAndGetsTheLinesTiers() {
        PeerCall call = call(CallScript.from("+8631166668888").to(QIAOXI_LINE).presses("2"));
        Map<String, Object> opened = awaitContact(call.uniqueId(), c -> true);
        assertThat(opened).containsEntry("status", "OPEN").containsEntry("queued_at", null)
                .containsEntry("line_id", QIAOXI_LINE).containsEntry("division_code", "130104")
                .containsEntry("source", "ROUTE").containsEntry("priority", 0);
        // When the call reached the PBX, by the PBX's clock: the epoch of its Uniqueid.
        assertThat(((Timestamp) opened.get("offered_at")).toInstant().getEpochSecond())
                .isEqualTo(Long.parseLong(call.uniqueId().substring(0, call.uniqueId().indexOf('.'))));

        assertThat(call.awaitEnd(SOON)).isTrue();
        assertThat(call.keyReads()).as("the line asks press 1").isEqualTo(1);
        assertThat(call.soundsHeard()).as("the notice once, played by the route, then the question")
                .containsExactly("greenribbon/confidentiality", "greenribbon/press-1-if-in-danger");
        assertThat(call.variable("PLAYBACKSTATUS")).isEqualTo("SUCCESS");
        assertThat(call.variable("AGISTATUS")).isEqualTo("SUCCESS");
        assertThat(call.variable("AJ_AGISTATUS")).isEqualTo("SUCCESS");
        assertThat(call.variable("HOTLINE_FAILOPEN")).isNull();
        assertThat(call.variable("HOTLINE_CALL_ID")).isEqualTo(opened.get("id").toString());
        assertThat(call.variable("QUEUE_PRIO")).isEqualTo("0");
        assertThat(call.variable("HOTLINE_TIER1_QUEUE")).isEqualTo("hl-130104");
        assertThat(call.variable("HOTLINE_TIER1_WAIT")).isEqualTo("30");
        assertThat(call.variable("HOTLINE_TIER2_QUEUE")).isEqualTo("hl-1301");
        assertThat(call.variable("HOTLINE_TIER2_WAIT")).isEqualTo("90");
        assertThat(call.variable("HOTLINE_BACKUP")).isEqualTo("031112356");
        assertThat(call.variable("HOTLINE_PREFERRED")).isNull();

        Map<String, Object> c = awaitClosed(call.uniqueId());
        // The number is kept only as a keyed hash of its national form, and sealed.
        assertThat(c.get("caller_key")).isEqualTo(hash.of("031166668888"));
        assertThat((String) c.get("caller_number_sealed")).doesNotContain("66668888");
        assertThat(cipher.open((String) c.get("caller_number_sealed"), RoutingService.CALLER_NUMBER_AD))
                .isEqualTo("031166668888");
        assertThat(c).containsEntry("outcome", "BACKUP").containsEntry("answered_via", "BACKUP");
    }

    @Test
    void aForwardedCallKeepsTheCallersOwnNumberAndRecordsTheForwardingNumberApart() {
        PeerCall call = call(CallScript.from("+8613812345678").to(CITY_12356).forwardedBy("+861012356000").presses("2"));
        assertThat(call.awaitEnd(SOON)).isTrue();
        Map<String, Object> c = awaitClosed(call.uniqueId());
        assertThat(c).containsEntry("line_id", CITY_12356).containsEntry("division_code", "1301")
                .containsEntry("caller_key", hash.of("13812345678"));
        assertThat(cipher.open((String) c.get("redirecting_number_sealed"), RoutingService.REDIRECTING_NUMBER_AD))
                .isEqualTo("01012356000");
        // The 12356 line is the city's: its tier 1 is the city queue, for both waits (the dialplan skips tier 2).
        assertThat(call.variable("HOTLINE_TIER1_QUEUE")).isEqualTo("hl-1301");
        assertThat(call.variable("HOTLINE_TIER1_WAIT")).isEqualTo("135");
        assertThat(call.variable("HOTLINE_TIER2_QUEUE")).isEqualTo("hl-1301");
        assertThat(call.variable("HOTLINE_CALLER")).isEqualTo("+8613812345678");
    }

    @Test
    void aWithheldNumberStillMakesAContactWithoutCallerKey() {
        PeerCall call = call(CallScript.from("").to(XINHUA_LINE));
        assertThat(call.awaitEnd(SOON)).isTrue();
        assertThat(call.keyReads()).as("Xinhua's line does not ask").isZero();
        assertThat(awaitClosed(call.uniqueId())).containsEntry("caller_key", null)
                .containsEntry("caller_number_sealed", null).containsEntry("repeat_caller", false)
                .containsEntry("division_code", "130105").containsEntry("source", "ROUTE");
    }

    @Test
    void theContactOpensWhileTheCallerHearsTheNoticeSoACallerWhoHangsUpDuringItLeavesOne() {
        // The notice lasts 6 s; the caller hangs up 2 s into it.
        PeerCall call = call(CallScript.from("13911110004").to(XINHUA_LINE).hangsUpAfterAgiStart(Duration.ofSeconds(2)));
        Map<String, Object> opened = awaitContact(call.uniqueId(), c -> true);
        assertThat(opened).containsEntry("source", "ROUTE").containsEntry("line_id", XINHUA_LINE);

        assertThat(call.awaitEnd(SOON)).isTrue();
        assertThat(call.variable("AGISTATUS")).isEqualTo("HANGUP");
        assertThat(call.soundsHeard()).containsExactly("greenribbon/confidentiality");
        assertThat(call.keyReads()).as("never asked").isZero();
        Map<String, Object> c = awaitClosed(call.uniqueId());
        assertThat(c).containsEntry("queued_at", null).containsEntry("answered_at", null)
                .containsEntry("caller_key", hash.of("13911110004"));
        assertThat(Hotline.timeline((Long) c.get("id"))).containsExactly("HANGUP");
    }

    @Test
    void anUnknownLineIsRefusedAndTheDialplanFallsBackToTheCityQueue() {
        Hotline.available("counsellor1", "130104", "counselor1");
        peer().phone("counselor1").answersAfter(Duration.ofSeconds(2), Duration.ofSeconds(20));
        PeerCall call;
        try (LogCapture log = LogCapture.start()) {
            call = call(CallScript.from("13911110003").to("0311999999"));
            assertThat(call.awaitEnd(SOON)).isTrue();
            // What operators see (transcript 10e's call): one WARN from the service naming the call and the
            // line, nothing from Asterisk-Java, and nothing from Asterisk.
            assertThat(log.mentioning(call.uniqueId())).singleElement().satisfies(l -> assertThat(l.level()).isEqualTo("WARN"))
                    .satisfies(l -> assertThat(l.message()).contains("Unknown line '0311999999'"));
            assertThat(log.from("org.asteriskjava")).isEmpty();
            assertThat(call.logged()).isEmpty();
        }
        assertThat(call.variable("AJ_AGISTATUS")).isEqualTo("FAILED");
        assertThat(call.variable("HOTLINE_FAILOPEN")).isEqualTo("1");
        assertThat(call.variable("HOTLINE_CALL_ID")).isNull();
        assertThat(call.soundsHeard()).as("refused before the notice, which the dialplan then plays")
                .containsExactly("greenribbon/confidentiality");
        // The contact comes from the queue events, filed under the city line whose queue answered.
        Map<String, Object> c = awaitContact(call.uniqueId(), x -> "CLOSED".equals(x.get("status"))
                && x.get("caller_key") != null);
        assertThat(c).containsEntry("source", "FAIL_OPEN").containsEntry("line_id", CITY_LINE)
                .containsEntry("division_code", "1301").containsEntry("answered_via", "TIER1")
                .containsEntry("counsellor_username", "counsellor1").containsEntry("outcome", "ANSWERED")
                .containsEntry("caller_key", hash.of("13911110003"));
    }
}

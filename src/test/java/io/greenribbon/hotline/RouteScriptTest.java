package io.greenribbon.hotline;

import io.greenribbon.crypto.FieldCipher;
import io.greenribbon.crypto.KeyedHash;
import io.greenribbon.hotline.routing.RouteScript;
import io.greenribbon.risk.CallerRiskLookup;
import io.greenribbon.risk.RiskLevel;
import io.greenribbon.hotline.routing.RoutingService;
import io.greenribbon.telephony.CallHungUpException;
import io.greenribbon.telephony.CallRefusedException;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The route script at the SPI level: what it records and what it tells the dialplan. */
@QuarkusTest
@TestProfile(ScriptedRisk.class)
class RouteScriptTest {

    @Inject
    RouteScript route;
    @Inject
    KeyedHash hash;
    @Inject
    FieldCipher cipher;
    @Inject
    ScriptedRiskLookup risk;
    @Inject
    FakePbx pbx;

    @BeforeEach
    void reset() {
        Hotline.resetPresence();
        risk.cases.clear();
        pbx.reset();
    }

    private static String uid() {
        return "1795688627." + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, Object> contact(String uid) {
        return Db.row("SELECT * FROM hotline_contact WHERE call_uniqueid = ?", uid);
    }

    @Test
    void aCountyCallOpensItsContactAtOnceAndGetsTheLinesTiers() {
        String uid = uid();
        FakeCallSession call = FakeCallSession.call(uid, Hotline.QIAOXI_LINE, "+8631166668888");
        route.handle(call);

        Map<String, Object> c = contact(uid);
        assertThat(call.variables).containsEntry("__HOTLINE_CALL_ID", c.get("id").toString())
                .containsEntry("QUEUE_PRIO", "0")
                .containsEntry("HOTLINE_TIER1_QUEUE", "hl-130104").containsEntry("HOTLINE_TIER1_WAIT", "30")
                .containsEntry("HOTLINE_TIER2_QUEUE", "hl-1301").containsEntry("HOTLINE_TIER2_WAIT", "90")
                .containsEntry("HOTLINE_BACKUP", "031112356")
                .doesNotContainKey("HOTLINE_PREFERRED");
        assertThat(call.prompts).containsExactly("greenribbon/press-1-if-in-danger");
        assertThat(c).containsEntry("line_id", Hotline.QIAOXI_LINE).containsEntry("division_code", "130104")
                .containsEntry("source", "ROUTE").containsEntry("status", "OPEN").containsEntry("priority", 0);
        // The number is kept only as a keyed hash of its national form, and sealed.
        assertThat(c.get("caller_key")).isEqualTo(hash.of("031166668888"));
        assertThat((String) c.get("caller_number_sealed")).doesNotContain("66668888");
        assertThat(cipher.open((String) c.get("caller_number_sealed"), RoutingService.CALLER_NUMBER_AD))
                .isEqualTo("031166668888");

        // Asterisk asking again for the same channel finds the same contact.
        FakeCallSession again = FakeCallSession.call(uid, Hotline.QIAOXI_LINE, "+8631166668888");
        route.handle(again);
        assertThat(again.variables.get("__HOTLINE_CALL_ID")).isEqualTo(c.get("id").toString());
        assertThat(Db.value("SELECT count(*) FROM hotline_contact WHERE call_uniqueid = ?", uid)).isEqualTo(1L);
    }

    @Test
    void pressingOneRaisesTheCallAboveEveryoneWaiting() {
        String uid = uid();
        FakeCallSession call = FakeCallSession.call(uid, Hotline.QIAOXI_LINE, "13911110001").pressing('1');
        route.handle(call);
        assertThat(call.variables).containsEntry("QUEUE_PRIO", "10");
        assertThat(contact(uid)).containsEntry("priority", 10).containsEntry("risk_reason", "PRESSED_ONE");

        FakeCallSession other = FakeCallSession.call(uid(), Hotline.QIAOXI_LINE, "13911110002").pressing('2');
        route.handle(other);
        assertThat(other.variables).containsEntry("QUEUE_PRIO", "0");
    }

    @Test
    void aForwardedCallKeepsTheCallersOwnNumberAndRecordsTheForwardingNumberApart() {
        String uid = uid();
        FakeCallSession call = new FakeCallSession(uid, "12356", "+8613812345678", "+861012356000",
                List.of("12356", "+8613812345678"));
        route.handle(call);
        Map<String, Object> c = contact(uid);
        assertThat(c.get("caller_key")).isEqualTo(hash.of("13812345678"));
        assertThat(cipher.open((String) c.get("redirecting_number_sealed"), RoutingService.REDIRECTING_NUMBER_AD))
                .isEqualTo("01012356000");
        // The 12356 line is the city's: its tier 1 is the city queue, for both waits (the dialplan skips tier 2).
        assertThat(call.variables).containsEntry("HOTLINE_TIER1_QUEUE", "hl-1301")
                .containsEntry("HOTLINE_TIER1_WAIT", "135").containsEntry("HOTLINE_TIER2_QUEUE", "hl-1301");
    }

    @Test
    void aWithheldNumberStillMakesAContactWithoutCallerKey() {
        String uid = uid();
        route.handle(FakeCallSession.call(uid, Hotline.XINHUA_LINE, "anonymous"));
        assertThat(contact(uid)).containsEntry("caller_key", null).containsEntry("caller_number_sealed", null)
                .containsEntry("repeat_caller", false).containsEntry("division_code", "130105");
    }

    @Test
    void anUnknownLineIsRefusedSoTheDialplanFallsBack() {
        String uid = uid();
        FakeCallSession call = FakeCallSession.call(uid, "0311999999", "13911110003");
        assertThatThrownBy(() -> route.handle(call)).isInstanceOf(CallRefusedException.class);
        assertThat(call.variables).isEmpty();
        assertThat(Db.rows("SELECT 1 FROM hotline_contact WHERE call_uniqueid = ?", uid)).isEmpty();
    }

    @Test
    void aCallerWhoHangsUpAtThePromptStillLeavesAContact() {
        String uid = uid();
        FakeCallSession call = FakeCallSession.call(uid, Hotline.QIAOXI_LINE, "13911110004").hangingUpAtPrompt();
        assertThatThrownBy(() -> route.handle(call)).isInstanceOf(CallHungUpException.class);
        assertThat(contact(uid)).containsEntry("status", "OPEN");
        assertThat(call.variables).containsOnlyKeys("__HOTLINE_CALL_ID");
    }

    @Test
    void aRepeatCallerWithAnOpenCaseIsRaisedAndRingsItsOwnFreeCounsellorFirst() {
        String caller = "13911110005";
        Hotline.allowOnLine("counsellor1", "130104");
        Hotline.signIn("counsellor1", "AVAILABLE", null);
        risk.cases.put(hash.of(caller), new CallerRiskLookup.CallerRisk(RiskLevel.HIGH, "counsellor1", "130104"));

        route.handle(FakeCallSession.call(uid(), Hotline.XINHUA_LINE, caller));
        String uid = uid();
        FakeCallSession second = FakeCallSession.call(uid, Hotline.QIAOXI_LINE, caller);
        route.handle(second);

        assertThat(second.prompts).as("an open case needs no question").isEmpty();
        assertThat(second.variables).containsEntry("QUEUE_PRIO", "10")
                .containsEntry("HOTLINE_PREFERRED", "PJSIP/counselor1").containsEntry("HOTLINE_PREFERRED_WAIT", "20");
        assertThat(contact(uid)).containsEntry("repeat_caller", true).containsEntry("risk_reason", "OPEN_CASE")
                .containsEntry("preferred_username", "counsellor1");

        // The same caller while the counsellor is paused: raised, but not rung directly.
        Hotline.signIn("counsellor1", "PAUSED", "break");
        FakeCallSession third = FakeCallSession.call(uid(), Hotline.QIAOXI_LINE, caller);
        route.handle(third);
        assertThat(third.variables).containsEntry("QUEUE_PRIO", "10").doesNotContainKey("HOTLINE_PREFERRED");
    }
}

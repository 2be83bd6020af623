package io.greenribbon.hotline;

import io.greenribbon.crypto.FieldCipher;
import io.greenribbon.telephony.peer.CallScript;
import io.greenribbon.telephony.peer.PeerCall;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.greenribbon.hotline.Hotline.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** Contacts through the API, with real tokens, of calls placed on the test PBX: who sees which contact, and the counsellor's record. */
@QuarkusTest
class ContactResourceTest {

    @Inject
    FieldCipher cipher;

    @BeforeEach
    @AfterEach
    void reset() {
        Hotline.reset();
    }

    /**
     * A call to {@code line} that the counsellor on {@code phone} answered and that has ended; the
     * counsellor is available again afterwards (as after saving the form).
     */
    private long answeredCall(String line, String caller, String phone, String counsellor) {
        Hotline.peer().phone(phone).answersAfter(Duration.ofSeconds(1));
        PeerCall call = Hotline.call(CallScript.from(caller).to(line).presses("2").talksFor(Duration.ofSeconds(60)));
        assertThat(call.awaitEnd(Hotline.SOON)).isTrue();
        long id = (Long) Hotline.awaitClosed(call.uniqueId()).get("id");
        Hotline.awaitPresence(counsellor, p -> "WRAP_UP".equals(p.get("state")));
        Hotline.signIn(counsellor, "AVAILABLE", null);
        return id;
    }

    @Test
    void counsellorsSeeTheirOwnContactsAndSupervisorsTheirDivisions() {
        Hotline.available("counsellor1", "130104", "counselor1");
        long qiaoxi = answeredCall(Hotline.QIAOXI_LINE, "13911130001", "counselor1", "counsellor1");
        Hotline.signIn("counsellor1", "PAUSED", "break");
        Hotline.available("counsellor2", "130105", "counselor2");
        long xinhua = answeredCall(Hotline.XINHUA_LINE, "13911130002", "counselor2", "counsellor2");

        as("counsellor1").get("/api/hotline/contacts").then().statusCode(200)
                .body("id", hasItem((int) qiaoxi)).body("id", not(hasItem((int) xinhua)))
                .body("find { it.id == " + qiaoxi + " }.counsellorUsername", equalTo("counsellor1"));
        as("counsellor1").get("/api/hotline/contacts/" + qiaoxi).then().statusCode(200)
                .body("outcome", equalTo("ANSWERED")).body("answeredVia", equalTo("TIER1"))
                .body("talkMs", allOf(greaterThanOrEqualTo(59000), lessThanOrEqualTo(61000))).body("callerWithheld", equalTo(false))
                .body("timeline.kind", contains("QUEUED", "RINGING", "CONNECTED", "COMPLETED", "HANGUP"))
                .body("$", not(org.hamcrest.Matchers.hasKey("callerNumber")));
        // Another counsellor's contact does not exist for this account.
        as("counsellor1").get("/api/hotline/contacts/" + xinhua).then().statusCode(404)
                .body("type", equalTo("urn:greenribbon:problem:not-found"));
        as("counsellor2").body(Map.of("difficult", true)).patch("/api/hotline/contacts/" + qiaoxi).then().statusCode(404);

        as("supervisor1").get("/api/hotline/contacts").then().statusCode(200)
                .body("id", hasItem((int) qiaoxi)).body("id", not(hasItem((int) xinhua)));
        as("supervisor1").get("/api/hotline/contacts/" + xinhua).then().statusCode(404);
        as("official1").get("/api/hotline/contacts").then().statusCode(403);
        as("staff1").get("/api/hotline/contacts/" + qiaoxi).then().statusCode(403);
    }

    @Test
    void theCounsellorsRecordIsSavedWithNotesSealedAtRest() {
        Hotline.available("counsellor1", "130104", "counselor1");
        long id = answeredCall(Hotline.QIAOXI_LINE, "13911130003", "counselor1", "counsellor1");
        String notes = "来电者提到最近失眠、和家人争吵；已做安全评估，约定明日回访。";

        int version = as("counsellor1").body(Map.of("problems", List.of("EMOTION", "FAMILY"), "notes", notes,
                        "difficult", true, "highCrisis", false))
                .patch("/api/hotline/contacts/" + id).then().statusCode(200)
                .body("form.problems", contains("EMOTION", "FAMILY")).body("form.notes", equalTo(notes))
                .body("form.difficult", equalTo(true)).body("form.savedBy", equalTo("counsellor1"))
                .extract().path("version");

        Map<String, Object> row = Db.row("SELECT problems, notes_sealed FROM hotline_contact WHERE id = ?", id);
        assertThat(row.get("problems")).isEqualTo("EMOTION,FAMILY");
        assertThat((String) row.get("notes_sealed")).doesNotContain("失眠").startsWith("test2:");
        // Sealed notes are bound to their contact: copied onto another contact they do not open.
        assertThat(cipher.open((String) row.get("notes_sealed"), "hotline_contact.notes#" + id)).isEqualTo(notes);

        as("supervisor1").body(Map.of("highCrisis", true, "version", version))
                .patch("/api/hotline/contacts/" + id).then().statusCode(200).body("form.highCrisis", equalTo(true));
        as("counsellor1").body(Map.of("difficult", false, "version", version))
                .patch("/api/hotline/contacts/" + id).then().statusCode(409)
                .body("type", equalTo("urn:greenribbon:problem:conflict"));
        as("counsellor1").body(Map.of("problems", List.of("ASTROLOGY"))).patch("/api/hotline/contacts/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("problems[0]"));
        as("counsellor1").get("/api/hotline/contacts/" + id).then().body("form.difficult", equalTo(true));
    }

    @Test
    void whoIsCallingShowsTheCallersEarlierContacts() {
        Hotline.available("counsellor1", "130104", "counselor1");
        String caller = "13911130004";
        answeredCall(Hotline.QIAOXI_LINE, caller, "counselor1", "counsellor1");
        long second = answeredCall(Hotline.QIAOXI_LINE, caller, "counselor1", "counsellor1");
        as("counsellor1").get("/api/hotline/contacts/" + second + "/caller").then().statusCode(200)
                .body("repeatCaller", equalTo(true)).body("priorContacts", equalTo(1))
                .body("lastContactAt", not(nullValue())).body("riskCase", nullValue());
        as("counsellor2").get("/api/hotline/contacts/" + second + "/caller").then().statusCode(404);
    }

    @Test
    void periodsAreCheckedAndNamed() {
        as("counsellor1").queryParam("from", "2026-11-20T00:00:00Z").queryParam("to", "2026-11-10T00:00:00Z")
                .get("/api/hotline/contacts").then().statusCode(400).body("errors[0].field", equalTo("from"));
        as("counsellor1").queryParam("from", "2025-01-01T00:00:00Z").queryParam("to", "2026-01-01T00:00:00Z")
                .get("/api/hotline/contacts").then().statusCode(400).body("errors[0].field", equalTo("to"));
    }
}

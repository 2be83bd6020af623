package io.greenribbon.risk;

import io.greenribbon.hotline.Hotline;
import io.greenribbon.telephony.Pbx;
import io.greenribbon.telephony.PbxEvent.CdrRecorded;
import io.greenribbon.telephony.PbxEvent.OriginateResult;
import io.greenribbon.telephony.RecordingListener;
import io.greenribbon.telephony.peer.CallScript;
import io.greenribbon.telephony.peer.PeerCall;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static io.greenribbon.hotline.Hotline.SOON;
import static io.greenribbon.hotline.Hotline.peer;
import static io.greenribbon.risk.RiskApi.get;
import static io.greenribbon.risk.RiskApi.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The telephone side of escalation, on the Asterisk peer over AMI: pages ring the supervisors on duty and
 * run the dialplan context {@code risk-page} (announcement and case number) to its end, and a counsellor
 * on a live hotline call brings a supervisor in through {@code risk-join} (ChanSpy on the counsellor's
 * channel, which the supervisor leaves when that call ends).
 */
@QuarkusTest
class SupervisorPhoneTest {

    @Inject
    Pbx pbx;

    @BeforeEach
    void phones() {
        Hotline.reset();
        peer().phone("supervisor3").reset().registered(true).byDefault(Duration.ofSeconds(2), null);
    }

    @AfterEach
    void noCallLeft() {
        Hotline.reset();
    }

    /** The pages of a case by supervisor: the call id of each placed page, or null for a failed one. */
    private static Map<String, String> pages(long caseId, int expected) {
        return await().atMost(SOON).until(() -> {
            Map<String, String> out = new LinkedHashMap<>();
            List<String> details = get("supervisor1", "/api/risk/cases/" + caseId).statusCode(200).extract().jsonPath()
                    .getList("timeline.findAll { it.kind == 'PAGED' || it.kind == 'PAGE_FAILED' }.detail", String.class);
            for (String detail : details) {
                Map<String, String> parts = new LinkedHashMap<>();
                for (String part : detail.split(";")) {
                    String[] kv = part.split("=", 2);
                    parts.put(kv[0], kv.length > 1 ? kv[1] : "");
                }
                out.put(parts.get("to"), parts.getOrDefault("call", parts.get("problem")));
            }
            return out;
        }, m -> m.size() >= expected);
    }

    @Test
    void imminentRiskRingsEverySupervisorOnDutyAndThePageAnnouncesTheCase() {
        long id = RiskApi.openCase("counsellor1", true);
        Map<String, String> pages = pages(id, 2);
        assertThat(pages).containsOnlyKeys("supervisor1", "supervisor3");
        Map<String, String> phones = Map.of("supervisor1", "PJSIP/supervisor-", "supervisor3", "PJSIP/supervisor3-");
        for (Map.Entry<String, String> page : pages.entrySet()) {
            String callId = page.getValue();
            OriginateResult answered = RecordingListener.await(OriginateResult.class, r -> callId.equals(r.correlationId()));
            assertThat(answered.success()).as("page to %s", page.getKey()).isTrue();
            assertThat(answered.channel()).startsWith(phones.get(page.getKey()));
            // The phone talks until the PBX hangs up: the call ends only when risk-page has run to its Hangup,
            // after the announcement and the case number twice (PBX time, not the test's).
            CdrRecorded cdr = RecordingListener.await(CdrRecorded.class, c -> answered.uniqueId().orElseThrow().equals(c.uniqueId()));
            assertThat(cdr.destination()).isEqualTo("s");
            assertThat(cdr.disposition()).isEqualTo("ANSWERED");
            assertThat(cdr.billable()).isGreaterThanOrEqualTo(Duration.ofSeconds(12));
            assertThat(cdr.source()).as("no caller detail on the supervisor's display").isEqualTo("risk");
        }
    }

    @Test
    void aPageThatCannotBePlacedIsOnTheTimelineAndTheCaseStillOpens() {
        peer().amiUnreachable();
        try {
            await().atMost(SOON).until(() -> !pbx.linkUp());
            long id = RiskApi.openCase("counsellor1", true);
            assertThat(pages(id, 2)).containsEntry("supervisor1", "pbx-unavailable").containsEntry("supervisor3", "pbx-unavailable");
            get("supervisor1", "/api/risk/cases/" + id).statusCode(200).body("summary.status", equalTo("OPEN"));
        } finally {
            peer().amiReachable();
        }
    }

    @Test
    void aPageThePhoneDoesNotTakeIsOnTheTimelineAndAlertsTheSupervisorsOnDuty() {
        peer().phone("supervisor3").doesNotAnswer();
        long id = RiskApi.openCase("counsellor1", true);
        String callId = pages(id, 2).get("supervisor3");
        OriginateResult rang = RecordingListener.await(OriginateResult.class, r -> callId.equals(r.correlationId()));
        assertThat(rang.success()).isFalse();
        assertThat(unansweredPages(id)).containsExactly("to=supervisor3;call=" + callId + ";reason=no-answer");
        assertThat(get("supervisor1", "/api/risk/cases/" + id).statusCode(200).extract().jsonPath()
                .getList("timeline.findAll { it.kind == 'ALERTED' }.detail", String.class))
                .anySatisfy(d -> assertThat(d).startsWith("reason=page-unanswered;to=").contains("supervisor1", "supervisor3"));
    }

    @Test
    void aPageToAPhoneThatIsNotRegisteredFailsAtOnceAndIsStillOnTheTimeline() {
        peer().phone("supervisor3").registered(false);
        long id = RiskApi.openCase("counsellor1", true);
        String callId = pages(id, 2).get("supervisor3");
        assertThat(unansweredPages(id)).containsExactly("to=supervisor3;call=" + callId + ";reason=not-reached");
    }

    private static List<String> unansweredPages(long caseId) {
        return await().atMost(SOON).until(() -> get("supervisor1", "/api/risk/cases/" + caseId)
                .statusCode(200).extract().jsonPath()
                .getList("timeline.findAll { it.kind == 'PAGE_UNANSWERED' }.detail", String.class), l -> !l.isEmpty());
    }

    @Test
    void theCounsellorOnALiveCallBringsTheSupervisorInUntilTheCallEnds() {
        Hotline.available("counsellor1", "130104", "counselor1");
        PeerCall call = Hotline.call(CallScript.from(HotlineCalls.newNumber()).to(Hotline.QIAOXI_LINE).presses("2")
                .talksFor(Duration.ofMinutes(30)));
        Map<String, Object> contact = Hotline.awaitContact(call.uniqueId(), c -> c.get("answered_at") != null);
        long id = RiskApi.screen("counsellor1", Map.of("contactId", contact.get("id"), "answers", RiskApi.highAnswers(),
                        "imminent", true, "imminentBasis", "INTENT_PLAN_AND_MEANS"))
                .statusCode(201).extract().jsonPath().getLong("caseId");
        pages(id, 2);

        String callId = post("counsellor1", "/api/risk/cases/" + id + "/join-call", Map.of("mode", "WHISPER", "supervisor", "supervisor3"))
                .statusCode(200).body("supervisor", equalTo("supervisor3")).extract().jsonPath().getString("callId");
        OriginateResult joined = RecordingListener.await(OriginateResult.class, r -> Objects.equals(callId, r.correlationId()));
        assertThat(joined.success()).isTrue();
        assertThat(joined.channel()).startsWith("PJSIP/supervisor3-");
        // Well past the join announcement (PBX time), the supervisor is still on: ChanSpy holds the counsellor's call.
        long spying = peer().clock().nowMicros() + 10_000_000L;
        await().atMost(SOON).until(() -> peer().clock().nowMicros() > spying);
        assertThat(peer().channels()).contains(joined.channel());
        assertThat(RecordingListener.first(CdrRecorded.class, c -> callId.equals(c.uniqueId()))).isEmpty();

        call.hangUp();
        CdrRecorded supervisorLeg = RecordingListener.await(CdrRecorded.class, c -> callId.equals(c.uniqueId()));
        assertThat(supervisorLeg.disposition()).isEqualTo("ANSWERED");
        get("supervisor1", "/api/risk/cases/" + id).statusCode(200)
                .body("timeline.findAll { it.kind == 'SUPERVISOR_JOINED_CALL' }.size()", equalTo(1));
        post("supervisor1", "/api/risk/cases/" + id + "/join-call", Map.of("mode", "BARGE")).statusCode(403);
    }

    /**
     * A supervisor joins the live call of a case's person from their own phone (here: listening only); the case
     * offers it only while the call lasts, and only to supervisors.
     */
    @Test
    void aSupervisorListensInOnTheCallOfTheCasesPersonFromTheirOwnPhone() {
        Hotline.available("counsellor1", "130104", "counselor1");
        PeerCall call = Hotline.call(CallScript.from(HotlineCalls.newNumber()).to(Hotline.QIAOXI_LINE).presses("2")
                .talksFor(Duration.ofMinutes(30)));
        Map<String, Object> contact = Hotline.awaitContact(call.uniqueId(), c -> c.get("answered_at") != null);
        long id = RiskApi.screen("counsellor1", Map.of("contactId", contact.get("id"), "answers", RiskApi.highAnswers()))
                .statusCode(201).extract().jsonPath().getLong("caseId");
        await().atMost(SOON).until(() -> get("supervisor1", "/api/risk/cases/" + id).statusCode(200).extract().jsonPath()
                .getList("allowed.action").contains("SUPERVISE_CALL"));
        assertThat(get("supervisor1", "/api/risk/cases/" + id).statusCode(200).extract().jsonPath()
                .getString("liveCall.counsellor")).isEqualTo("counsellor1");
        assertThat(get("counsellor1", "/api/risk/cases/" + id).statusCode(200).extract().jsonPath()
                .getList("allowed.action")).doesNotContain("SUPERVISE_CALL");
        post("counsellor1", "/api/risk/cases/" + id + "/supervise-call", Map.of("mode", "LISTEN")).statusCode(403);

        String callId = post("supervisor1", "/api/risk/cases/" + id + "/supervise-call", Map.of("mode", "LISTEN"))
                .statusCode(200).body("counsellor", equalTo("counsellor1")).extract().jsonPath().getString("callId");
        OriginateResult joined = RecordingListener.await(OriginateResult.class, r -> Objects.equals(callId, r.correlationId()));
        assertThat(joined.success()).isTrue();
        assertThat(joined.channel()).startsWith("PJSIP/supervisor-");
        long spying = peer().clock().nowMicros() + 10_000_000L;
        await().atMost(SOON).until(() -> peer().clock().nowMicros() > spying);
        assertThat(peer().channels()).contains(joined.channel());
        assertThat(get("supervisor1", "/api/risk/cases/" + id).statusCode(200).extract().jsonPath()
                .getList("timeline.findAll { it.kind == 'SUPERVISOR_JOINED_CALL' }.detail", String.class))
                .singleElement().asString().startsWith("supervisor=supervisor1;mode=LISTEN;call=" + callId + ";counsellor=counsellor1");

        call.hangUp();
        RecordingListener.await(CdrRecorded.class, c -> callId.equals(c.uniqueId()));
        await().atMost(SOON).until(() -> !get("supervisor1", "/api/risk/cases/" + id).statusCode(200).extract().jsonPath()
                .getList("allowed.action").contains("SUPERVISE_CALL"));
        post("supervisor1", "/api/risk/cases/" + id + "/supervise-call", Map.of("mode", "BARGE")).statusCode(409)
                .body("type", equalTo("urn:greenribbon:problem:conflict"));
    }
}

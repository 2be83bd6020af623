package io.greenribbon.risk;

import io.greenribbon.hotline.FakePbx;
import io.greenribbon.telephony.Pbx;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.greenribbon.risk.RiskApi.get;
import static io.greenribbon.risk.RiskApi.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The telephone side of escalation, at the PBX command interface (the exchange is the hotline's in-memory
 * PBX until the telephony adapter is merged): pages ring the supervisors on duty through the dialplan
 * context {@code risk-page}, and a counsellor brings a supervisor into the live call through
 * {@code risk-join} (ChanSpy on the counsellor's channel).
 */
@QuarkusTest
class SupervisorPhoneTest {

    @Inject
    FakePbx pbx;

    @AfterEach
    void linkBack() {
        pbx.linkUp(true);
    }

    private List<Pbx.OriginateRequest> originatesFor(long caseId) {
        return pbx.originates.stream().filter(o -> String.valueOf(caseId).equals(o.variables().get("GR_RISK_CASE"))).toList();
    }

    @Test
    void imminentRiskRingsEverySupervisorOnDutyThroughTheRiskPageContext() {
        long id = RiskApi.openCase("counsellor1", true);
        List<Pbx.OriginateRequest> pages = originatesFor(id);
        assertThat(pages).extracting(Pbx.OriginateRequest::channel).containsExactlyInAnyOrder("PJSIP/supervisor", "PJSIP/supervisor3");
        assertThat(pages).allSatisfy(p -> {
            assertThat(p.context()).isEqualTo("risk-page");
            assertThat(p.exten()).isEqualTo("s");
            assertThat(p.variables()).containsEntry("GR_RISK_LEVEL", "IMMINENT");
            assertThat(p.callerIdName()).doesNotContain("小李");
        });
        get("supervisor1", "/api/risk/cases/" + id).statusCode(200)
                .body("timeline.findAll { it.kind == 'PAGED' }.size()", equalTo(2));
    }

    @Test
    void aPageThatCannotBePlacedIsOnTheTimelineAndTheCaseStillOpens() {
        pbx.linkUp(false);
        long id = RiskApi.openCase("counsellor1", true);
        get("supervisor1", "/api/risk/cases/" + id).statusCode(200)
                .body("timeline.findAll { it.kind == 'PAGE_FAILED' }.detail", hasItem("to=supervisor1;problem=pbx-unavailable"));
    }

    @Test
    void theCounsellorBringsTheSupervisorIntoTheLiveCallWhisperingOrBarging() {
        long id = RiskApi.openCase("counsellor1", true);
        post("supervisor1", "/api/risk/cases/" + id + "/acknowledge", null).statusCode(200);
        post("counsellor1", "/api/risk/cases/" + id + "/join-call", Map.of("mode", "WHISPER")).statusCode(200)
                .body("supervisor", equalTo("supervisor1"));
        Pbx.OriginateRequest join = originatesFor(id).stream().filter(o -> o.context().equals("risk-join")).findFirst().orElseThrow();
        assertThat(join.channel()).isEqualTo("PJSIP/supervisor");
        assertThat(join.variables()).containsEntry("GR_SPY_TARGET", "PJSIP/counselor1-").containsEntry("GR_SPY_MODE", "w");

        post("counsellor1", "/api/risk/cases/" + id + "/join-call", Map.of("mode", "BARGE", "supervisor", "supervisor3"))
                .statusCode(200).body("supervisor", equalTo("supervisor3"));
        assertThat(originatesFor(id).stream().filter(o -> o.context().equals("risk-join")).map(o -> o.variables().get("GR_SPY_MODE")))
                .containsExactly("w", "B");
        post("supervisor1", "/api/risk/cases/" + id + "/join-call", Map.of("mode", "BARGE")).statusCode(403);

        pbx.linkUp(false);
        post("counsellor1", "/api/risk/cases/" + id + "/join-call", Map.of("mode", "WHISPER")).statusCode(503)
                .body("type", equalTo("urn:greenribbon:problem:pbx-unavailable"));
        get("supervisor1", "/api/risk/cases/" + id).statusCode(200)
                .body("timeline.findAll { it.kind == 'SUPERVISOR_JOINED_CALL' }.size()", equalTo(2));
    }
}

package io.greenribbon.risk;

import io.greenribbon.hotline.OnContext;
import io.greenribbon.problem.ProblemException;
import io.greenribbon.problem.ProblemType;
import io.greenribbon.telephony.Pbx;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import java.time.Duration;
import java.util.Map;

/**
 * Pages supervisors and brings them into live calls with AMI Originate, into the dialplan contexts of
 * telephony/extensions.conf: {@code risk-page} answers, announces why (imminent or unacknowledged) and says
 * the case number twice; {@code risk-join} answers and runs {@code ChanSpy(${GR_SPY_TARGET},qSE${GR_SPY_MODE})}
 * on the counsellor's channel until that call ends. Both complete back on the caller's Vert.x context (the
 * PBX answers on its own threads), so the case's timeline can be written next.
 */
@ApplicationScoped
public class PbxSupervisorPager implements SupervisorPager {

    static final String PAGE_CONTEXT = "risk-page";
    static final String JOIN_CONTEXT = "risk-join";
    private static final Duration RING = Duration.ofSeconds(30);

    private final Instance<Pbx> pbx;

    public PbxSupervisorPager(Instance<Pbx> pbx) {
        this.pbx = pbx;
    }

    @Override
    public Uni<String> page(Page page) {
        return pbx().chain(p -> p.originate(new Pbx.OriginateRequest("PJSIP/" + page.supervisorExtension(), PAGE_CONTEXT,
                "s", 1, "RISK " + page.caseId() + " " + page.level(), "risk", RING,
                Map.of("GR_RISK_CASE", String.valueOf(page.caseId()), "GR_RISK_LEVEL", page.level().name()))))
                .plug(OnContext.resume());
    }

    @Override
    public Uni<String> joinLiveCall(Join join) {
        return pbx().chain(p -> p.originate(new Pbx.OriginateRequest("PJSIP/" + join.supervisorExtension(), JOIN_CONTEXT,
                "s", 1, "RISK " + join.caseId() + " JOIN", "risk", RING,
                Map.of("GR_RISK_CASE", String.valueOf(join.caseId()),
                        // The counsellor's channels are PJSIP/<extension>-<n>: the dash keeps counselor1 from counselor10.
                        "GR_SPY_TARGET", "PJSIP/" + join.counsellorExtension() + "-",
                        "GR_SPY_MODE", join.mode() == JoinMode.BARGE ? "B" : "w"))))
                .plug(OnContext.resume());
    }

    private Uni<Pbx> pbx() {
        if (!pbx.isResolvable()) {
            return Uni.createFrom().failure(new ProblemException(ProblemType.PBX_UNAVAILABLE, "risk.pbx.not-configured"));
        }
        return Uni.createFrom().item(pbx.get());
    }
}

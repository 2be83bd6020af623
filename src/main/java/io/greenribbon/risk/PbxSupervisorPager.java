package io.greenribbon.risk;

import io.greenribbon.hotline.OnContext;
import io.greenribbon.hotline.presence.MemberTargets;
import io.greenribbon.problem.ProblemException;
import io.greenribbon.problem.ProblemType;
import io.greenribbon.telephony.Pbx;
import io.greenribbon.telephony.pbx.PbxDirectory;
import io.greenribbon.telephony.pbx.PbxOriginates;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import java.time.Duration;
import java.util.Map;

/**
 * Pages supervisors and brings them into live calls with AMI Originate, into the dialplan contexts of
 * telephony/extensions.conf: {@code risk-page} answers, announces why (imminent or unacknowledged) and says
 * the case number twice; {@code risk-join} answers and runs {@code ChanSpy(${GR_SPY_TARGET},qSE${GR_SPY_MODE})}
 * on the counsellor's channel until that call ends (without a mode letter the supervisor only listens). Each
 * rings on the PBX of the division it is for (its city's; another deployment's PBX through that deployment),
 * whichever replica sweeps the deadline. Both
 * complete back on the caller's Vert.x context (the PBX answers on its own threads), so the case's timeline
 * can be written next.
 */
@ApplicationScoped
public class PbxSupervisorPager implements SupervisorPager {

    static final String PAGE_CONTEXT = "risk-page";
    static final String JOIN_CONTEXT = "risk-join";
    private static final Duration RING = Duration.ofSeconds(30);

    private final Instance<PbxOriginates> originates;
    private final PbxDirectory directory;
    private final MemberTargets targets;

    public PbxSupervisorPager(Instance<PbxOriginates> originates, PbxDirectory directory, MemberTargets targets) {
        this.originates = originates;
        this.directory = directory;
        this.targets = targets;
    }

    @Override
    public Uni<String> page(Page page) {
        return originates().chain(p -> p.originate(pbxOf(page.division()), new Pbx.OriginateRequest("PJSIP/" + page.supervisorExtension(), PAGE_CONTEXT,
                "s", 1, "RISK " + page.caseId() + " " + page.level(), "risk", RING,
                Map.of("GR_RISK_CASE", String.valueOf(page.caseId()), "GR_RISK_LEVEL", page.level().name()))))
                .plug(OnContext.resume());
    }

    @Override
    public Uni<String> joinLiveCall(Join join) {
        return originates().chain(p -> p.originate(pbxOf(join.division()), new Pbx.OriginateRequest(
                "PJSIP/" + join.supervisorExtension(), JOIN_CONTEXT,
                "s", 1, "RISK " + join.caseId() + " JOIN", "risk", RING,
                Map.of("GR_RISK_CASE", String.valueOf(join.caseId()),
                        // The counsellor's channels are PJSIP/<extension>-<n>: the dash keeps counselor1 from counselor10.
                        "GR_SPY_TARGET", "PJSIP/" + join.counsellorExtension() + "-",
                        "GR_SPY_MODE", spyMode(join.mode())))))
                .plug(OnContext.resume());
    }

    /** ChanSpy's option for the mode: none to listen only, w to whisper to the counsellor, B to speak to both. */
    static String spyMode(JoinMode mode) {
        return switch (mode) {
            case LISTEN -> "";
            case WHISPER -> "w";
            case BARGE -> "B";
        };
    }

    private Uni<PbxOriginates> originates() {
        if (!originates.isResolvable()) {
            return Uni.createFrom().failure(new ProblemException(ProblemType.PBX_UNAVAILABLE, "risk.pbx.not-configured"));
        }
        return Uni.createFrom().item(originates.get());
    }

    /** The PBX of a division's city (this deployment's when no PBX holds that city's queue). */
    private String pbxOf(String division) {
        return targets.cityQueue(division).map(directory::holderOf).orElse(directory.mine());
    }
}

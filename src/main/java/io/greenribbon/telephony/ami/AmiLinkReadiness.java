package io.greenribbon.telephony.ami;

import io.greenribbon.telephony.TelephonyConfig;
import io.greenribbon.telephony.pbx.PbxClaim;
import io.greenribbon.telephony.pbx.PbxDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The AMI link's state in /q/health/ready: up, or down with why and since when (another deployment serving
 * this deployment's PBX, or a PBX that is not this deployment's, are reasons too); whether this replica
 * consumes the PBX's events, also while the database is down (holding over its leader lock).
 */
@Readiness
@ApplicationScoped
public class AmiLinkReadiness implements HealthCheck {

    private final AmiLink link;
    private final AmiLeadership leadership;
    private final PbxEventDispatcher dispatcher;
    private final PbxClaim claim;
    private final TelephonyConfig config;
    private final PbxDirectory directory;

    public AmiLinkReadiness(AmiLink link, AmiLeadership leadership, PbxEventDispatcher dispatcher, PbxClaim claim,
                            TelephonyConfig config, PbxDirectory directory) {
        this.directory = directory;
        this.link = link;
        this.leadership = leadership;
        this.dispatcher = dispatcher;
        this.claim = claim;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder r = HealthCheckResponse.named("asterisk-ami")
                .withData("state", link.state().name().toLowerCase())
                .withData("since", link.since().toString());
        if (link.state() == AmiLink.State.DISABLED) {
            return r.up().build();
        }
        r.withData("pbx", link.target()).withData("pbxId", config.pbxId())
                .withData("deployment", config.deploymentId()).withData("claim", claim.state().name().toLowerCase())
                .withData("eventLeader", leadership.leader())
                .withData("eventLeaderHoldingOver", leadership.holdingOver())
                .withData("eventBacklog", dispatcher.backlog())
                .withData("knownPbxs", directory.entries().values().stream().filter(e -> !e.queues().isEmpty())
                        .map(PbxDirectory.Entry::pbxId).sorted().collect(java.util.stream.Collectors.joining(",")));
        link.problem().ifPresent(p -> r.withData("problem", p));
        return (link.up() ? r.up() : r.down()).build();
    }
}

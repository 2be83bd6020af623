package io.greenribbon.telephony.ami;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The AMI link's state in /q/health/ready: up, or down with why and since when; whether this replica
 * consumes the PBX's events, also while the database is down (holding over its leader lock).
 */
@Readiness
@ApplicationScoped
public class AmiLinkReadiness implements HealthCheck {

    private final AmiLink link;
    private final AmiLeadership leadership;
    private final PbxEventDispatcher dispatcher;

    public AmiLinkReadiness(AmiLink link, AmiLeadership leadership, PbxEventDispatcher dispatcher) {
        this.link = link;
        this.leadership = leadership;
        this.dispatcher = dispatcher;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder r = HealthCheckResponse.named("asterisk-ami")
                .withData("state", link.state().name().toLowerCase())
                .withData("since", link.since().toString());
        if (link.state() == AmiLink.State.DISABLED) {
            return r.up().build();
        }
        r.withData("pbx", link.target()).withData("eventLeader", leadership.leader())
                .withData("eventLeaderHoldingOver", leadership.holdingOver())
                .withData("eventBacklog", dispatcher.backlog());
        link.problem().ifPresent(p -> r.withData("problem", p));
        return (link.up() ? r.up() : r.down()).build();
    }
}

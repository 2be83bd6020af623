package io.greenribbon.audit;

import io.greenribbon.access.AccessDecision;
import io.greenribbon.access.Actor;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Audits the attempts on risk and audit data that are refused before any service sees them: a signed-in
 * account whose roles lack the endpoint's permission. (Refusals by the risk access-decision point are
 * audited there, with the record's facts.)
 */
public class RefusalAudit {

    private static final Pattern RECORD = Pattern.compile(
            "^/api/risk/(cases|screenings|break-glass|unmask-requests|duty)(?:/([0-9]+))?(?:/.*)?$");

    private final CurrentIdentityAssociation identities;
    private final AuditedRequest audited;
    private final AuditLog log;
    private final Clock clock;

    public RefusalAudit(CurrentIdentityAssociation identities, AuditedRequest audited, AuditLog log, Clock clock) {
        this.identities = identities;
        this.audited = audited;
        this.log = log;
        this.clock = clock;
    }

    @ServerResponseFilter
    public Uni<Void> auditRefusal(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (response.getStatus() != 403 || !(path.startsWith("/api/risk") || path.startsWith("/api/audit"))
                || audited.recorded()) {
            return Uni.createFrom().voidItem();
        }
        return identities.getDeferredIdentity().chain(identity -> {
            if (identity.isAnonymous()) {
                return Uni.createFrom().voidItem();
            }
            Actor actor = AccessDecision.fromIdentity(identity);
            String type = "audit_log";
            String id = null;
            Matcher m = RECORD.matcher(path);
            if (m.matches()) {
                type = switch (m.group(1)) {
                    case "cases" -> "risk_case";
                    case "screenings" -> "risk_screening";
                    case "break-glass" -> "risk_break_glass";
                    case "unmask-requests" -> "risk_unmask_request";
                    default -> "risk_duty";
                };
                id = m.group(2);
            } else if (path.startsWith("/api/risk")) {
                type = "risk";
            }
            audited.markRecorded();
            return log.append(AuditEntry.of(clock.instant(), actor, "http." + request.getMethod().toLowerCase() + " " + path,
                    type, id, null, "NONE", AuditEntry.Outcome.DENIED, "role"));
        });
    }
}

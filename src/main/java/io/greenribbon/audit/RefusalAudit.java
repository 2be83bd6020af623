package io.greenribbon.audit;

import io.greenribbon.access.AccessDecision;
import io.greenribbon.access.Actor;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Audits the attempts on risk and audit data that are refused before any service sees them: a signed-in
 * account whose roles lack the endpoint's permission. (Refusals by the risk access-decision point are
 * audited there, with the record's facts.) The entry names the endpoint by its route ({@code /api/risk/cases/{id}}),
 * not by the path the request happened to carry, and the record by its id only when the path holds one: a
 * path of any length or content is refused and audited alike.
 */
public class RefusalAudit {

    private static final Logger LOG = Logger.getLogger(RefusalAudit.class);
    private static final Pattern RECORD = Pattern.compile(
            "^/api/risk/(cases|screenings|break-glass|unmask-requests|duty)(?:/.*)?$");
    /** The width of {@code audit_entry.action}. */
    private static final int ACTION_WIDTH = 64;

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
    public Uni<Void> auditRefusal(ContainerRequestContext request, ContainerResponseContext response,
                                  ResourceInfo resource) {
        String path = request.getUriInfo().getPath();
        if (response.getStatus() != 403 || !(path.startsWith("/api/risk") || path.startsWith("/api/audit"))
                || audited.recorded()) {
            return Uni.createFrom().voidItem();
        }
        String route = route(resource, path);
        return identities.getDeferredIdentity().chain(identity -> {
            if (identity.isAnonymous()) {
                return Uni.createFrom().voidItem();
            }
            Actor actor = AccessDecision.fromIdentity(identity);
            String type = "audit_log";
            String id = null;
            Matcher m = RECORD.matcher(route);
            if (m.matches()) {
                type = switch (m.group(1)) {
                    case "cases" -> "risk_case";
                    case "screenings" -> "risk_screening";
                    case "break-glass" -> "risk_break_glass";
                    case "unmask-requests" -> "risk_unmask_request";
                    default -> "risk_duty";
                };
                id = recordId(request.getUriInfo().getPathParameters().getFirst("id"));
            } else if (path.startsWith("/api/risk")) {
                type = "risk";
            }
            audited.markRecorded();
            String action = "http." + request.getMethod().toLowerCase() + " " + route;
            return log.append(AuditEntry.of(clock.instant(), actor, action.substring(0, Math.min(action.length(), ACTION_WIDTH)),
                    type, id, null, "NONE", AuditEntry.Outcome.DENIED, "role"));
        }).onFailure().recoverWithItem(failure -> {
            // The refusal stands whether or not it could be written down (the database may be down); say so.
            LOG.errorf("A refused %s %s could not be audited: %s", request.getMethod(), path, failure);
            return null;
        });
    }

    /** The endpoint's route template, as its resource class and method declare it. */
    private static String route(ResourceInfo resource, String path) {
        if (resource == null || resource.getResourceClass() == null || resource.getResourceMethod() == null) {
            return path;
        }
        Path base = resource.getResourceClass().getAnnotation(Path.class);
        Path sub = resource.getResourceMethod().getAnnotation(Path.class);
        String route = ((base == null ? "" : base.value()) + "/" + (sub == null ? "" : sub.value())).replaceAll("/+", "/");
        return route.length() > 1 && route.endsWith("/") ? route.substring(0, route.length() - 1) : route;
    }

    /** The id a path names, when it is one (a number that fits the ids the records have). */
    private static String recordId(String value) {
        try {
            return value == null ? null : String.valueOf(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

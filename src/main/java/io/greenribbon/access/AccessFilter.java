package io.greenribbon.access;

import io.greenribbon.problem.ProblemException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;

/**
 * Deny by default: every {@code /api} method needs a valid token, and every console page
 * ({@code /console}) a signed-in session, and the permission it declares with {@link Requires}; a method
 * that declares none is refused to everyone. Pages and the API share this one rule path.
 */
public class AccessFilter {

    private static final Logger LOG = Logger.getLogger(AccessFilter.class);

    private final CurrentIdentityAssociation identities;
    private final AccessDecision access;

    public AccessFilter(CurrentIdentityAssociation identities, AccessDecision access) {
        this.identities = identities;
        this.access = access;
    }

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
    public Uni<Void> authorize(ContainerRequestContext request, ResourceInfo resource) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/api") && !io.greenribbon.web.PageFilter.isPage(path)) {
            return Uni.createFrom().voidItem();
        }
        Requires rule = resource.getResourceMethod().getAnnotation(Requires.class);
        return identities.getDeferredIdentity().invoke(identity -> {
            check(identity, rule, resource);
            access.establish(identity);
        }).replaceWithVoid();
    }

    private static void check(SecurityIdentity identity, Requires rule, ResourceInfo resource) {
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        if (rule == null) {
            LOG.errorf("Refused %s.%s: the endpoint declares no access rule", resource.getResourceClass().getSimpleName(),
                    resource.getResourceMethod().getName());
            throw new ForbiddenException();
        }
        if (!rule.value().grantedToAny(identity.getRoles())) {
            throw ProblemException.forbidden("problem.forbidden.role", rule.value().name());
        }
    }
}

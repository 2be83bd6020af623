package io.greenribbon.web;

import io.greenribbon.problem.ProblemException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Set;

/**
 * CSRF protection of every console form: a request that changes anything ({@code POST}, {@code PUT},
 * {@code PATCH}, {@code DELETE} under {@code /console}) must carry the session's form token, in the form
 * field {@value #FIELD} (plain forms) or the header {@value #HEADER} (htmx requests, from
 * {@code hx-headers} on the page's body), and must not come from another site ({@code Sec-Fetch-Site}).
 * The token is an HMAC of the account and its Keycloak session ({@code sid}) under the console's key: it
 * needs no storage, holds on every replica, and a token of an ended session opens nothing.
 */
@ApplicationScoped
public class PageCsrf {

    public static final String FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final CurrentIdentityAssociation identities;
    private final SecretKeySpec key;

    public PageCsrf(CurrentIdentityAssociation identities, WebConfig config) {
        this.identities = identities;
        this.key = new SecretKeySpec(derive(config.sessionSecret()), "HmacSHA256");
    }

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION + 5)
    @WithFormRead
    public Uni<Void> verify(ResteasyReactiveContainerRequestContext request) {
        if (!PageFilter.isPage(request.getUriInfo().getPath()) || SAFE.contains(request.getMethod())) {
            return Uni.createFrom().voidItem();
        }
        if ("cross-site".equals(request.getHeaderString("Sec-Fetch-Site"))) {
            return Uni.createFrom().failure(ProblemException.forbidden("web.csrf.refused"));
        }
        String sent = request.getHeaderString(HEADER);
        if (sent == null) {
            ResteasyReactiveRequestContext context = (ResteasyReactiveRequestContext) request.getServerRequestContext();
            Object field = context.getFormParameter(FIELD, true, false);
            sent = field == null ? null : field.toString();
        }
        String presented = sent;
        return identities.getDeferredIdentity().invoke(identity -> {
            if (presented == null || identity.isAnonymous()
                    || !MessageDigest.isEqual(tokenFor(identity).getBytes(StandardCharsets.US_ASCII),
                    presented.getBytes(StandardCharsets.US_ASCII))) {
                throw ProblemException.forbidden("web.csrf.refused");
            }
        }).replaceWithVoid();
    }

    /** The form token of a signed-in session. */
    public String tokenFor(SecurityIdentity identity) {
        String session = "";
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getClaim("sid") != null) {
            session = token.getClaim("sid").toString();
        }
        return hmac("csrf|" + identity.getPrincipal().getName() + "|" + session);
    }

    private String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key of its own for the tokens, derived from the console's secret (which also keys the session cookie). */
    private static byte[] derive(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal("greenribbon console csrf".getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

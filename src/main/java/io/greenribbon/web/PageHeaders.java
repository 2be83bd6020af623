package io.greenribbon.web;

import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.util.Optional;

/**
 * Security headers of the console's pages and their files ({@code /}, {@code /console}, {@code /static},
 * {@code /webjars}, {@code /signed-out}): a Content-Security-Policy without inline script or style and
 * without framing, no referrer, no MIME sniffing. (The API's headers are set apart, for {@code /api}.)
 * Forms may post to the service and be sent on to Keycloak (sign-in again, sign-out).
 */
@ApplicationScoped
public class PageHeaders {

    private final String policy;

    public PageHeaders(@ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> keycloak) {
        String identityOrigin = keycloak.map(PageHeaders::origin).map(o -> " " + o).orElse("");
        this.policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "font-src 'self'; connect-src 'self'; media-src 'self'; object-src 'none'; base-uri 'none'; "
                + "form-action 'self'" + identityOrigin + "; frame-ancestors 'none'";
    }

    public static boolean covers(String path) {
        return path.equals("/") || PageFilter.isPage(path) || path.startsWith("/static/")
                || path.startsWith("/webjars/") || path.equals("/signed-out");
    }

    void install(@Observes Router router) {
        router.route().order(-1000).handler(this::headers);
    }

    void headers(RoutingContext rc) {
        if (covers(rc.normalizedPath())) {
            rc.response().headers()
                    .set("Content-Security-Policy", policy)
                    .set("X-Content-Type-Options", "nosniff")
                    .set("Referrer-Policy", "no-referrer")
                    .set("X-Frame-Options", "DENY")
                    .set("Cross-Origin-Opener-Policy", "same-origin")
                    .set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
            if (!PageFilter.isPage(rc.normalizedPath()) && !rc.response().headers().contains(HttpHeaders.CACHE_CONTROL)) {
                rc.response().headers().set(HttpHeaders.CACHE_CONTROL, "no-cache");
            }
        }
        rc.next();
    }

    static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    }
}

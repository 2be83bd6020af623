package io.greenribbon.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The headers every response of the service carries, decided in this one place for every route: the API,
 * the console stream's WebSocket upgrade (and its refusal), the operational endpoints under {@code /q/}, and
 * error answers, the framework's included. They are set just before the headers are written, so no handler
 * can answer without them. Headers for a new kind of page (a content security policy for the web console,
 * say) belong here, with a rule for the paths they cover.
 */
@ApplicationScoped
public class ResponseHeaders {

    /** Ahead of every other filter, so that an answer another filter gives carries the headers too. */
    private static final int PRIORITY = 10_000;

    void register(@Observes Filters filters) {
        filters.register(this::onEveryRequest, PRIORITY);
    }

    private void onEveryRequest(RoutingContext request) {
        request.addHeadersEndHandler(ignored -> decorate(request.normalizedPath(), request.response().headers()));
        request.next();
    }

    static void decorate(String path, MultiMap headers) {
        // Browsers must take a response for what its Content-Type says, never sniff it into script or HTML.
        headers.set("X-Content-Type-Options", "nosniff");
        if (restricted(path)) {
            headers.set("Cache-Control", "no-store");
        }
    }

    /**
     * Whether a response may carry restricted data (contacts, cases, callers, the audit log, who is on duty):
     * everything except the operational endpoints under {@code /q/} (health, metrics, the API document) and the
     * console's script, stylesheet and libraries under {@code /static/} and {@code /webjars/} (the same files for
     * everyone, revalidated by {@code web.PageHeaders}, so a phone on a weak connection need not fetch them
     * again), which hold none. Such responses must not be kept by a browser or any cache on the way.
     */
    static boolean restricted(String path) {
        return path == null || !(path.startsWith("/q/") || path.startsWith("/static/") || path.startsWith("/webjars/"));
    }
}

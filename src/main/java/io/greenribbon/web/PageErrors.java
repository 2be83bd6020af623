package io.greenribbon.web;

import io.greenribbon.problem.Problem;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The console's failures in words, on a page: the same problems the API answers (one mapping, one set of
 * messages), rendered as the error page, or for a page's own htmx request as a message in the page's alert
 * area ({@code #flash}). Problems are written in the reader's console language.
 */
public class PageErrors {

    private final Template error;
    private final Template errorFragment;
    private final PageContext page;

    public PageErrors(@Location("error.html") Template error, @Location("error-fragment.html") Template errorFragment,
                      PageContext page) {
        this.error = error;
        this.errorFragment = errorFragment;
        this.page = page;
    }

    /** Before anything else: problems and pages of a console request speak the language the user chose. */
    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION - 100)
    public void language(ContainerRequestContext request) {
        if (!PageFilter.isPage(request.getUriInfo().getPath())) {
            return;
        }
        Cookie cookie = request.getCookies().get(LanguagePreferences.COOKIE);
        String tag = cookie == null ? null : cookie.getValue().replace("\"", "").split(":", 2)[0];
        String language = "en".equals(tag) ? "en" : "zh-CN";
        request.getHeaders().putSingle(HttpHeaders.ACCEPT_LANGUAGE, language);
        page.useLocale(LanguagePreferences.of(language));
    }

    @ServerResponseFilter(priority = Priorities.USER + 100)
    public void render(ContainerRequestContext request, ContainerResponseContext response) {
        if (!PageFilter.isPage(request.getUriInfo().getPath()) || !(response.getEntity() instanceof Problem problem)) {
            return;
        }
        boolean fragment = "true".equals(request.getHeaderString("HX-Request"));
        String html = (fragment ? errorFragment : error).data("problem", problem).render();
        response.setEntity(html, null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        if (fragment) {
            response.getHeaders().putSingle("HX-Retarget", "#flash");
            response.getHeaders().putSingle("HX-Reswap", "innerHTML");
        }
    }
}

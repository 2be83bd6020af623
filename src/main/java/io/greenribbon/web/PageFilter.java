package io.greenribbon.web;

import io.greenribbon.access.AccessDecision;
import io.greenribbon.access.Actor;
import io.greenribbon.divisions.DivisionPaths;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.List;
import java.util.Locale;

/**
 * Prepares every console page after its access rule passed ({@link io.greenribbon.access.AccessFilter}):
 * the account's language, the name of its division, its navigation and its form token, in
 * {@link PageContext}. Console answers are never cached. Page resources are {@code @NonBlocking} (they
 * answer {@code Uni}s over reactive services), so this filter's lookups run on the event loop.
 */
public class PageFilter {

    private final AccessDecision access;
    private final PageContext page;
    private final Navigation navigation;
    private final LanguagePreferences languages;
    private final DivisionPaths divisions;
    private final PageCsrf csrf;
    private final CurrentIdentityAssociation identities;
    private final WebConfig config;

    public PageFilter(AccessDecision access, PageContext page, Navigation navigation, LanguagePreferences languages,
                      DivisionPaths divisions, PageCsrf csrf, CurrentIdentityAssociation identities,
                      WebConfig config) {
        this.access = access;
        this.page = page;
        this.navigation = navigation;
        this.languages = languages;
        this.divisions = divisions;
        this.csrf = csrf;
        this.identities = identities;
        this.config = config;
    }

    /** Whether {@code path} is one of the console's pages (signed in through the web tenant). */
    public static boolean isPage(String path) {
        return path.equals("/console") || path.startsWith("/console/");
    }

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION + 10)
    public Uni<Void> prepare(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!isPage(path)) {
            return Uni.createFrom().voidItem();
        }
        Actor actor = access.actor();
        Cookie cookie = request.getCookies().get(LanguagePreferences.COOKIE);
        Uni<Locale> locale = LanguagePreferences.fromCookie(cookie == null ? null : cookie.getValue(), actor.username())
                .map(l -> Uni.createFrom().item(l))
                .orElseGet(() -> languages.stored(actor.username()).invoke(l -> page.languageCookieStale()));
        Uni<List<io.greenribbon.divisions.DivisionView.DivisionRef>> path0 = actor.division() == null
                ? Uni.createFrom().item(List.of()) : divisions.of(actor.division());
        return locale.chain(l -> path0.chain(divisionPath -> identities.getDeferredIdentity().invoke(identity ->
                page.fill(actor, l, divisionPath, navigation.of(actor), csrf.tokenFor(identity), path)))).replaceWithVoid();
    }

    @ServerResponseFilter
    public void noStore(ContainerRequestContext request, ContainerResponseContext response) {
        if (!isPage(request.getUriInfo().getPath())) {
            return;
        }
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        response.getHeaders().putSingle("Vary", "Cookie");
        if (page.signedIn() && page.isLanguageCookieStale()) {
            response.getHeaders().add(HttpHeaders.SET_COOKIE, languageCookie(page.locale(), page.actor().username(), config));
        }
    }

    /** The language cookie: readable by the server only, sent to the console's own pages only. */
    static NewCookie languageCookie(Locale locale, String username, WebConfig config) {
        return new NewCookie.Builder(LanguagePreferences.COOKIE).value(LanguagePreferences.cookieValue(locale, username))
                .path("/").httpOnly(true).secure(config.secure()).sameSite(NewCookie.SameSite.LAX)
                .maxAge(60 * 60 * 24 * 365).build();
    }
}

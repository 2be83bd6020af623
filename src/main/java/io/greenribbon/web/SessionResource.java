package io.greenribbon.web;

import io.greenribbon.access.AccessDecision;
import io.greenribbon.access.Permission;
import io.greenribbon.access.Requires;
import io.quarkus.oidc.OidcConfigurationMetadata;
import io.quarkus.oidc.OidcSession;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.util.Locale;

/**
 * The console's session: where a signed-in account lands, the language switch, the keep-alive the live
 * page asks before reconnecting, and signing out (of the console and of Keycloak).
 */
@io.smallrye.common.annotation.NonBlocking
@Path("/console")
public class SessionResource {

    private final AccessDecision access;
    private final Navigation navigation;
    private final LanguagePreferences languages;
    private final SecurityIdentity identity;
    private final OidcSession session;
    private final OidcConfigurationMetadata metadata;
    private final WebConfig config;
    private final Template noScreens;

    public SessionResource(AccessDecision access, Navigation navigation, LanguagePreferences languages,
                           SecurityIdentity identity, OidcSession session, OidcConfigurationMetadata metadata,
                           WebConfig config, @Location("no-screens.html") Template noScreens) {
        this.access = access;
        this.navigation = navigation;
        this.languages = languages;
        this.identity = identity;
        this.session = session;
        this.metadata = metadata;
        this.config = config;
        this.noScreens = noScreens;
    }

    /** The account's first screen. */
    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    @Requires(Permission.OWN_ACCOUNT)
    public Object home() {
        String home = navigation.home(access.actor());
        if (home == null) {
            return noScreens.instance();
        }
        return Response.seeOther(URI.create(home)).build();
    }

    /** 204 while the session lasts (and renews its tokens); 499 once it has ended, for the page's script. */
    @GET
    @Path("/session")
    @Operation(hidden = true)
    @Requires(Permission.OWN_ACCOUNT)
    public Response alive() {
        return Response.noContent().build();
    }

    /** Reads the console in {@code lang} from now on, on every device of the account. */
    @POST
    @Path("/language")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    @Requires(Permission.OWN_ACCOUNT)
    public Uni<Response> language(@FormParam("lang") String lang, @FormParam("back") String back) {
        Locale locale = LanguagePreferences.of(lang);
        String username = access.actor().username();
        return languages.choose(username, locale).map(v -> Response.seeOther(URI.create(safeBack(back)))
                .header(HttpHeaders.SET_COOKIE, PageFilter.languageCookie(locale, username, config)).build());
    }

    /** Ends the console's session, then Keycloak's, which sends the browser to the signed-out page. */
    @POST
    @Path("/sign-out")
    @Operation(hidden = true)
    @Requires(Permission.OWN_ACCOUNT)
    public Uni<Response> signOut(@Context UriInfo uri) {
        String idToken = identity.getPrincipal() instanceof JsonWebToken token ? token.getRawToken() : null;
        UriBuilder back = uri.getBaseUriBuilder().replacePath("/signed-out").replaceQuery(null);
        if (config.secure()) {
            back.scheme("https");
        }
        UriBuilder end = UriBuilder.fromUri(metadata.getEndSessionUri())
                .queryParam("client_id", "greenribbon-web")
                .queryParam("post_logout_redirect_uri", back.build().toString());
        if (idToken != null) {
            end.queryParam("id_token_hint", idToken);
        }
        return session.logout().map(v -> Response.seeOther(end.build()).build());
    }

    /** Only a path of the console itself (never another site) to go back to. */
    static String safeBack(String back) {
        return back != null && back.matches("^/console(/[-A-Za-z0-9_/]*)?(\\?[-A-Za-z0-9_=&]*)?$") ? back : "/console";
    }
}

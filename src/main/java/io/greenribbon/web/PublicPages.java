package io.greenribbon.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.util.List;

/** The only pages without sign-in: the service's root, which leads to the console, and "signed out". */
@io.smallrye.common.annotation.NonBlocking
@Path("/")
public class PublicPages {

    private final Template signedOut;
    private final PageContext page;

    public PublicPages(@Location("signed-out.html") Template signedOut, PageContext page) {
        this.signedOut = signedOut;
        this.page = page;
    }

    @GET
    @Operation(hidden = true)
    public Response root() {
        return Response.seeOther(URI.create("/console")).build();
    }

    @GET
    @Path("signed-out")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance signedOut(@HeaderParam(HttpHeaders.COOKIE) String cookies,
                                      @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        String lang = cookies != null && cookies.contains(LanguagePreferences.COOKIE + "=en") ? "en"
                : cookies == null && acceptLanguage != null && acceptLanguage.startsWith("en") ? "en" : "zh-CN";
        page.useLocale(LanguagePreferences.of(lang));
        return signedOut.instance();
    }
}

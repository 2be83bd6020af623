package io.greenribbon.risk.console;

import io.greenribbon.access.AccessDecision;
import io.greenribbon.access.Permission;
import io.greenribbon.access.Requires;
import io.greenribbon.web.PageContext;
import io.greenribbon.web.SoundPreferences;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;

/**
 * The alarm's sound switch on a risk supervisor's every page: whether urgent alerts play their sound, kept
 * per account. (The banner and the title flash of an urgent alert show whatever the switch says.)
 */
@io.smallrye.common.annotation.NonBlocking
@Path("/console/alarm")
@Produces(MediaType.TEXT_HTML)
public class AlarmPage {

    private final SoundPreferences sound;
    private final AccessDecision access;
    private final PageContext page;
    private final Template control;

    public AlarmPage(SoundPreferences sound, AccessDecision access, PageContext page,
                     @Location("risk/sound.html") Template control) {
        this.sound = sound;
        this.access = access;
        this.page = page;
        this.control = control;
    }

    @GET
    @Path("/sound")
    @Operation(hidden = true)
    @Requires(Permission.RISK_CASE_SUPERVISE)
    public Uni<TemplateInstance> control() {
        return sound.soundOn(access.actor().username()).map(on -> control.data("soundOn", on));
    }

    /** Switches the sound on or off for the account; answers the switch (or the page, without script). */
    @POST
    @Path("/sound")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    @Requires(Permission.RISK_CASE_SUPERVISE)
    public Uni<Object> choose(@FormParam("on") boolean on, @HeaderParam("HX-Request") String htmx) {
        return sound.choose(access.actor().username(), on, page.locale()).map(now -> "true".equals(htmx)
                ? control.data("soundOn", now) : Response.seeOther(URI.create(CasePage.PATH)).build());
    }
}

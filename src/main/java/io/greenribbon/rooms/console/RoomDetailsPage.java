package io.greenribbon.rooms.console;

import io.greenribbon.access.Permission;
import io.greenribbon.access.Requires;
import io.greenribbon.rooms.Facility;
import io.greenribbon.rooms.RoomDatedHours;
import io.greenribbon.rooms.RoomStatus;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.DayOfWeek;

/** The room: details, accessibility, facilities, weekly hours, dated closures and extra openings. */
@io.smallrye.common.annotation.NonBlocking
@Path(RoomWeekPage.PATH + "/{id}/details")
@Produces(MediaType.TEXT_HTML)
public class RoomDetailsPage {

    private final RoomDesk desk;
    private final Template page;

    public RoomDetailsPage(RoomDesk desk, @Location("rooms/details.html") Template page) {
        this.desk = desk;
        this.page = page;
    }

    @GET
    @Operation(hidden = true)
    @Requires(Permission.ROOMS_EDIT)
    public Uni<TemplateInstance> show(@PathParam("id") long id) {
        return desk.show(id).map(this::render);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    @Requires(Permission.ROOMS_EDIT)
    public Uni<Response> save(@PathParam("id") long id, MultivaluedMap<String, String> fields) {
        return desk.save(id, RoomForm.of(fields)).map(d -> Response.status(d.status()).entity(render(d)).build());
    }

    private TemplateInstance render(RoomDesk.Details details) {
        return page.data("details", details).data("days", DayOfWeek.values()).data("facilities", Facility.values())
                .data("statuses", RoomStatus.values()).data("kinds", RoomDatedHours.Kind.values());
    }
}

package io.greenribbon.risk;

import io.greenribbon.access.Permission;
import io.greenribbon.access.Requires;
import io.greenribbon.divisions.DivisionCodes;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;

@Path("/api/risk/duty")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DutyResource {

    private final DutyService service;

    public DutyResource(DutyService service) {
        this.service = service;
    }

    /** Who is on risk duty (now and later), in a division and beneath it. */
    @GET
    @Requires(Permission.RISK_DUTY_READ)
    public Uni<List<DutyService.View>> current(@QueryParam("division") @Pattern(regexp = DivisionCodes.REGEX) String division) {
        return service.current(division);
    }

    @POST
    @Requires(Permission.RISK_DUTY_MANAGE)
    public Uni<RestResponse<DutyService.View>> add(@NotNull @Valid DutyService.Request request) {
        return service.add(request).map(v -> Created.at("/api/risk/duty/" + v.id(), v));
    }

    @POST
    @Path("/{id}/end")
    @Requires(Permission.RISK_DUTY_MANAGE)
    public Uni<DutyService.View> end(@PathParam("id") long id) {
        return service.end(id);
    }
}

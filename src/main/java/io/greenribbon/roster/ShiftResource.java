package io.greenribbon.roster;

import io.greenribbon.access.Permission;
import io.greenribbon.access.Requires;
import io.greenribbon.divisions.DivisionCodes;
import io.greenribbon.problem.Messages;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;
import java.util.Locale;

@Path("/api/roster/shifts")
@Produces(MediaType.APPLICATION_JSON)
public class ShiftResource {

    /** Who takes a shift over, and why. */
    public record Reassignment(Long counsellorId, @Size(max = 500) String reason) {
    }

    /** The shift to exchange with, and why. */
    public record Swap(Long withShiftId, @Size(max = 500) String reason) {
    }

    private final ShiftService service;

    public ShiftResource(ShiftService service) {
        this.service = service;
    }

    /** Shifts overlapping [from, to) on the lines of {@code division} (default: one's own) and above it. */
    @GET
    @Requires(Permission.ROSTER_READ)
    public Uni<List<ShiftView>> list(@QueryParam("division") @Pattern(regexp = DivisionCodes.REGEX) String division,
                                     @QueryParam("counsellor") Long counsellorId,
                                     @QueryParam("from") String from, @QueryParam("to") String to,
                                     @QueryParam("includeCancelled") boolean includeCancelled,
                                     @Context HttpHeaders headers) {
        return service.list(division, counsellorId, from, to, includeCancelled, locale(headers));
    }

    @GET
    @Path("/{id}")
    @Requires(Permission.ROSTER_READ)
    public Uni<ShiftView> get(@PathParam("id") long id) {
        return service.get(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.ROSTER_MANAGE)
    public Uni<Response> create(@NotNull @Valid ShiftInput input, @Context HttpHeaders headers, @Context UriInfo uri) {
        return service.create(input, locale(headers)).map(view -> Response
                .created(uri.getAbsolutePathBuilder().path(String.valueOf(view.id())).build()).entity(view).build());
    }

    /** Cancels a shift; the reason is required and kept. The shift stays on record as CANCELLED. */
    @DELETE
    @Path("/{id}")
    @Requires(Permission.ROSTER_MANAGE)
    public Uni<ShiftView> cancel(@PathParam("id") long id, @QueryParam("reason") String reason,
                                 @Context HttpHeaders headers) {
        return service.cancel(id, reason, locale(headers));
    }

    @POST
    @Path("/{id}/reassign")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.ROSTER_MANAGE)
    public Uni<ShiftView> reassign(@PathParam("id") long id, @NotNull @Valid Reassignment body, @Context HttpHeaders headers) {
        return service.reassign(id, body.counsellorId(), body.reason(), locale(headers));
    }

    @POST
    @Path("/{id}/swap")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.ROSTER_MANAGE)
    public Uni<List<ShiftView>> swap(@PathParam("id") long id, @NotNull @Valid Swap body, @Context HttpHeaders headers) {
        return service.swap(id, body.withShiftId(), body.reason(), locale(headers));
    }

    static Locale locale(HttpHeaders headers) {
        return Messages.pick(headers.getAcceptableLanguages());
    }
}

package io.greenribbon.roster;

import io.greenribbon.access.Permission;
import io.greenribbon.access.Requires;
import io.greenribbon.divisions.DivisionCodes;
import io.greenribbon.problem.Messages;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;

@Path("/api/roster/patterns")
@Produces(MediaType.APPLICATION_JSON)
public class PatternResource {

    private final PatternService service;

    public PatternResource(PatternService service) {
        this.service = service;
    }

    @GET
    @Requires(Permission.ROSTER_MANAGE)
    public Uni<List<PatternView>> list(@QueryParam("division") @Pattern(regexp = DivisionCodes.REGEX) String division) {
        return service.list(division);
    }

    @GET
    @Path("/{id}")
    @Requires(Permission.ROSTER_MANAGE)
    public Uni<PatternView> get(@PathParam("id") long id) {
        return service.get(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.ROSTER_MANAGE)
    public Uni<Response> create(@NotNull @Valid PatternInput input, @Context HttpHeaders headers,
                                @Context UriInfo uri) {
        return service.create(input, Messages.pick(headers.getAcceptableLanguages())).map(view -> Response
                .created(uri.getAbsolutePathBuilder().path(String.valueOf(view.id())).build()).entity(view).build());
    }

    /** Creates the pattern's shifts for every date from {@code from} to {@code to}: all of them, or none. */
    @POST
    @Path("/{id}/apply")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.ROSTER_MANAGE)
    public Uni<PatternApplication.Result> apply(@PathParam("id") long id, @NotNull @Valid PatternApplication range,
                                                @Context HttpHeaders headers) {
        return service.apply(id, range, Messages.pick(headers.getAcceptableLanguages()));
    }
}

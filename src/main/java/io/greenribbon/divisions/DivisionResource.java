package io.greenribbon.divisions;

import io.greenribbon.access.Permission;
import io.greenribbon.access.Requires;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

@Path("/api/divisions")
@Produces(MediaType.APPLICATION_JSON)
public class DivisionResource {

    private final DivisionService service;

    public DivisionResource(DivisionService service) {
        this.service = service;
    }

    /** One division with its path from the province down. */
    @GET
    @Path("/{code}")
    @Requires(Permission.DIVISIONS_READ)
    public Uni<DivisionView> get(@PathParam("code") @Pattern(regexp = DivisionCodes.REGEX) String code) {
        return service.get(code);
    }

    /** The children of {@code parent} (the provinces without it) that the account may see. */
    @GET
    @Requires(Permission.DIVISIONS_READ)
    public Uni<List<DivisionView>> children(@QueryParam("parent") @Pattern(regexp = DivisionCodes.REGEX) String parent) {
        return service.children(parent);
    }
}

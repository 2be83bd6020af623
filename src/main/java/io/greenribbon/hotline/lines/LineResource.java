package io.greenribbon.hotline.lines;

import io.greenribbon.access.Permission;
import io.greenribbon.access.Requires;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

@Path("/api/hotline/lines")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LineResource {

    private final LineService service;

    public LineResource(LineService service) {
        this.service = service;
    }

    /** The lines of the account's jurisdiction with their queues, waits and backup number. */
    @GET
    @Requires(Permission.HOTLINE_LINES_READ)
    public Uni<List<LineView>> list() {
        return service.list();
    }

    /** Creates or replaces a line (its id is the dialled number). */
    @PUT
    @Path("/{id}")
    @Requires(Permission.HOTLINE_LINES_MANAGE)
    public Uni<LineView> put(@PathParam("id") @Pattern(regexp = LineInput.PHONE) String id,
                             @NotNull @Valid LineInput input) {
        return service.put(id, input);
    }
}

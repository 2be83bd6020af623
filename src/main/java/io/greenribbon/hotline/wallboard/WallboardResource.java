package io.greenribbon.hotline.wallboard;

import io.greenribbon.access.AccessDecision;
import io.greenribbon.access.Permission;
import io.greenribbon.access.Requires;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/hotline/wallboard")
@Produces(MediaType.APPLICATION_JSON)
public class WallboardResource {

    private final WallboardService wallboards;
    private final AccessDecision access;

    public WallboardResource(WallboardService wallboards, AccessDecision access) {
        this.wallboards = wallboards;
        this.access = access;
    }

    /** Today's figures and the counsellors by state for {@code division} (default: the account's own). */
    @GET
    @Operation(summary = "The wallboard of a division: today's call figures, the calls going on, the counsellors by state",
            description = "The call figures are the aid line's one definition (the same as every report's); see the "
                    + "schema of CallFigures for each figure.")
    @Requires(Permission.HOTLINE_WALLBOARD)
    public Uni<WallboardView> get(@QueryParam("division") @Pattern(regexp = "^[0-9]{2}([0-9]{2}([0-9]{2})?)?$") String division) {
        String target = division != null ? division : access.jurisdiction();
        access.requireGoverns(target);
        return wallboards.board(target);
    }
}

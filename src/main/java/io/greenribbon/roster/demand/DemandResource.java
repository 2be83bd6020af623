package io.greenribbon.roster.demand;

import io.greenribbon.access.Permission;
import io.greenribbon.access.Requires;
import io.greenribbon.problem.Messages;
import io.greenribbon.roster.ShiftInput;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

@Path("/api/roster/demand")
@Produces(MediaType.APPLICATION_JSON)
public class DemandResource {

    private final DemandService demand;

    public DemandResource(DemandService demand) {
        this.demand = demand;
    }

    /**
     * A line's forecast week (the week of {@code week}, a date; default next week): each hour's forecast calls,
     * the counsellors needed at the line's service-level target, the minimum and the seats rostered.
     */
    @GET
    @Requires(Permission.ROSTER_COVERAGE_READ)
    public Uni<DemandReport> demand(
            @QueryParam("division") @NotNull @Pattern(regexp = ShiftInput.LINE) String division,
            @QueryParam("week") String week, @Context HttpHeaders headers) {
        return demand.demand(division, week, Messages.pick(headers.getAcceptableLanguages()));
    }

    /** A line's service-level target (its own, or the default 80% within the service-level threshold). */
    @GET
    @Path("/target")
    @Requires(Permission.ROSTER_COVERAGE_READ)
    public Uni<TargetView> target(
            @QueryParam("division") @NotNull @Pattern(regexp = ShiftInput.LINE) String division,
            @Context HttpHeaders headers) {
        return demand.target(division, Messages.pick(headers.getAcceptableLanguages()));
    }

    /** Sets a line's service-level target. */
    @PUT
    @Path("/target")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.ROSTER_MANAGE)
    public Uni<TargetView> setTarget(
            @QueryParam("division") @NotNull @Pattern(regexp = ShiftInput.LINE) String division,
            @NotNull @Valid ServiceTarget target, @Context HttpHeaders headers) {
        return demand.setTarget(division, target, Messages.pick(headers.getAcceptableLanguages()));
    }
}

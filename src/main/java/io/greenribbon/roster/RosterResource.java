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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

@Path("/api/roster")
@Produces(MediaType.APPLICATION_JSON)
public class RosterResource {

    private final CoverageService coverage;
    private final StaffingService staffing;

    public RosterResource(CoverageService coverage, StaffingService staffing) {
        this.coverage = coverage;
        this.staffing = staffing;
    }

    /** Every hour in [from, to) (default: the next two weeks) below its minimum, per line of {@code division}. */
    @GET
    @Path("/coverage")
    @Requires(Permission.ROSTER_COVERAGE_READ)
    public Uni<CoverageReport> coverage(@QueryParam("division") @Pattern(regexp = DivisionCodes.REGEX) String division,
                                        @QueryParam("from") String from, @QueryParam("to") String to,
                                        @Context HttpHeaders headers) {
        return coverage.coverage(division, from, to, Messages.pick(headers.getAcceptableLanguages()));
    }

    /** The minimum seats of a line for each hour of the week. */
    @GET
    @Path("/minimums")
    @Requires(Permission.ROSTER_COVERAGE_READ)
    public Uni<StaffingView> minimums(
            @QueryParam("division") @NotNull @Pattern(regexp = ShiftInput.LINE) String division) {
        return staffing.get(division);
    }

    /** Replaces the minimum staffing rules of a line. */
    @PUT
    @Path("/minimums")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.ROSTER_MANAGE)
    public Uni<StaffingView> replaceMinimums(
            @QueryParam("division") @NotNull @Pattern(regexp = ShiftInput.LINE) String division,
            @NotNull @Valid StaffingRules rules, @Context HttpHeaders headers) {
        return staffing.replace(division, rules, Messages.pick(headers.getAcceptableLanguages()));
    }
}

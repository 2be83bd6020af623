package io.greenribbon.risk;

import io.greenribbon.access.Permission;
import io.greenribbon.access.Requires;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;


@Path("/api/risk/screenings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ScreeningResource {

    private final ScreeningService service;

    public ScreeningResource(ScreeningService service) {
        this.service = service;
    }

    /** Records a C-SSRS screening; a high or imminent level opens (or raises) a case. */
    @POST
    @Requires(Permission.RISK_SCREEN)
    public Uni<RestResponse<ScreeningResult>> screen(@NotNull @Valid ScreeningRequest request) {
        return service.screen(request).map(result -> Created.at("/api/risk/screenings/" + result.screeningId(), result));
    }

    /** A supervisor (not the screener) approves the lower level a counsellor asked for. */
    @POST
    @Path("/{id}/approve-lowering")
    @Requires(Permission.RISK_CASE_SUPERVISE)
    public Uni<ScreeningResult> approveLowering(@PathParam("id") long id) {
        return service.decideLowering(id, true);
    }

    /** A supervisor rejects it: the computed level stays in force. */
    @POST
    @Path("/{id}/reject-lowering")
    @Requires(Permission.RISK_CASE_SUPERVISE)
    public Uni<ScreeningResult> rejectLowering(@PathParam("id") long id) {
        return service.decideLowering(id, false);
    }
}

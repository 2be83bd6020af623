package io.greenribbon.risk;

import io.greenribbon.access.Permission;
import io.greenribbon.access.Requires;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** The supervisors' queues: break-the-glass uses to review, unmasking requests to decide. */
@Path("/api/risk")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReviewResource {

    private final BreakGlassService breakGlass;
    private final UnmaskService unmask;

    public ReviewResource(BreakGlassService breakGlass, UnmaskService unmask) {
        this.breakGlass = breakGlass;
        this.unmask = unmask;
    }

    /** Break-the-glass uses waiting for review (or {@code reviewed=true}: reviewed ones), in one's jurisdiction. */
    @GET
    @Path("/break-glass")
    @Requires(Permission.RISK_CASE_SUPERVISE)
    public Uni<List<BreakGlassService.Use>> breakGlassQueue(@QueryParam("reviewed") Boolean reviewed,
                                                            @QueryParam("limit") Integer limit) {
        return breakGlass.queue(reviewed, limit);
    }

    /**
     * The break-the-glass register of one's jurisdiction for the access review: the uses waiting for review
     * and the latest reviewed ({@code limit} of each). Supervisors read each use whole; health officials read
     * its state (who, which case, when, who reviewed it and the verdict), without the reason, the comment or
     * the call.
     */
    @GET
    @Path("/break-glass/register")
    @Requires(Permission.AUDIT_READ)
    public Uni<BreakGlassService.Register> breakGlassRegister(@QueryParam("limit") Integer limit) {
        return breakGlass.register(limit);
    }

    @POST
    @Path("/break-glass/{id}/review")
    @Requires(Permission.RISK_CASE_SUPERVISE)
    public Uni<BreakGlassService.Use> review(@PathParam("id") long id, @NotNull @Valid BreakGlassService.Review review) {
        return breakGlass.review(id, review);
    }

    /** Open unmasking requests: a supervisor's jurisdiction's, a counsellor's own. */
    @GET
    @Path("/unmask-requests")
    @Requires(Permission.RISK_CASE_CARE)
    public Uni<List<UnmaskService.View>> unmaskRequests(@QueryParam("limit") Integer limit) {
        return unmask.open(limit);
    }

    @POST
    @Path("/unmask-requests/{id}/approve")
    @Requires(Permission.RISK_CASE_SUPERVISE)
    public Uni<UnmaskService.View> approve(@PathParam("id") long id) {
        return unmask.decide(id, true);
    }

    @POST
    @Path("/unmask-requests/{id}/reject")
    @Requires(Permission.RISK_CASE_SUPERVISE)
    public Uni<UnmaskService.View> reject(@PathParam("id") long id) {
        return unmask.decide(id, false);
    }

    /** The approved requester sees the number, once. */
    @POST
    @Path("/unmask-requests/{id}/disclose")
    @Requires(Permission.RISK_CASE_CARE)
    public Uni<UnmaskService.Disclosure> disclose(@PathParam("id") long id) {
        return unmask.disclose(id);
    }
}

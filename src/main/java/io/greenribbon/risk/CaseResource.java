package io.greenribbon.risk;

import io.greenribbon.access.Permission;
import io.greenribbon.access.Requires;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;
import java.util.Map;

@Path("/api/risk/cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CaseResource {

    private final CaseService cases;
    private final ReferralService referrals;
    private final SafetyPlanService plans;
    private final FollowUpService followUps;
    private final BreakGlassService breakGlass;
    private final UnmaskService unmask;

    public CaseResource(CaseService cases, ReferralService referrals, SafetyPlanService plans, FollowUpService followUps,
                        BreakGlassService breakGlass, UnmaskService unmask) {
        this.cases = cases;
        this.referrals = referrals;
        this.plans = plans;
        this.followUps = followUps;
        this.breakGlass = breakGlass;
        this.unmask = unmask;
    }

    /** Open cases (or {@code status=CLOSED}): a counsellor's assigned ones, a supervisor's jurisdiction's. */
    @GET
    @Requires(Permission.RISK_CASE_READ)
    public Uni<List<CaseViews.Summary>> list(@QueryParam("status") RiskCase.Status status, @QueryParam("limit") Integer limit) {
        return cases.list(status, limit);
    }

    @GET
    @Path("/{id}")
    @Requires(Permission.RISK_CASE_READ)
    public Uni<CaseViews.Detail> get(@PathParam("id") long id) {
        return cases.get(id);
    }

    @POST
    @Path("/{id}/acknowledge")
    @Requires(Permission.RISK_CASE_SUPERVISE)
    public Uni<CaseViews.Summary> acknowledge(@PathParam("id") long id) {
        return cases.acknowledge(id);
    }

    @POST
    @Path("/{id}/escalate")
    @Requires(Permission.RISK_CASE_CARE)
    public Uni<CaseViews.Summary> escalate(@PathParam("id") long id, @Valid CaseRequests.Escalate request) {
        return cases.escalate(id, request);
    }

    @POST
    @Path("/{id}/emergency-referral")
    @Requires(Permission.RISK_CASE_CARE)
    public Uni<RestResponse<CaseViews.ReferralView>> refer(@PathParam("id") long id,
                                                          @NotNull @Valid CaseRequests.Refer request) {
        return referrals.refer(id, request).map(r -> Created.at("/api/risk/cases/" + id, r));
    }

    @POST
    @Path("/{id}/confirm-outcome")
    @Requires(Permission.RISK_CASE_CARE)
    public Uni<CaseViews.ReferralView> confirmOutcome(@PathParam("id") long id, @NotNull @Valid CaseRequests.Outcome request) {
        return referrals.confirmOutcome(id, request);
    }

    @POST
    @Path("/{id}/close")
    @Requires(Permission.RISK_CASE_SUPERVISE)
    public Uni<CaseViews.Summary> close(@PathParam("id") long id, @NotNull @Valid CaseRequests.Close request) {
        return cases.close(id, request);
    }

    /** Rings a supervisor into the counsellor's live call. */
    @POST
    @Path("/{id}/join-call")
    @Requires(Permission.RISK_CASE_CARE)
    public Uni<Map<String, String>> joinCall(@PathParam("id") long id, @NotNull @Valid CaseRequests.JoinCall request) {
        return cases.joinCall(id, request);
    }

    /** Rings the supervisor's own phone into the live call of the case's person (listen, whisper or barge). */
    @POST
    @Path("/{id}/supervise-call")
    @Requires(Permission.RISK_CASE_SUPERVISE)
    public Uni<Map<String, String>> superviseCall(@PathParam("id") long id,
                                                  @NotNull @Valid CaseRequests.SuperviseCall request) {
        return cases.superviseCall(id, request);
    }

    @GET
    @Path("/{id}/safety-plan")
    @Requires(Permission.RISK_CASE_READ)
    public Uni<SafetyPlanView> safetyPlan(@PathParam("id") long id) {
        return plans.get(id);
    }

    /** Writes the safety plan; {@code version} is the one read (0 for a first plan). */
    @PUT
    @Path("/{id}/safety-plan")
    @Requires(Permission.RISK_CASE_CARE)
    public Uni<SafetyPlanView> putSafetyPlan(@PathParam("id") long id, @NotNull @Valid SafetyPlanView plan) {
        return plans.put(id, plan);
    }

    @GET
    @Path("/{id}/follow-ups")
    @Requires(Permission.RISK_CASE_READ)
    public Uni<List<CaseViews.FollowUpView>> followUps(@PathParam("id") long id) {
        return followUps.list(id);
    }

    @POST
    @Path("/{id}/follow-ups")
    @Requires(Permission.RISK_CASE_CARE)
    public Uni<RestResponse<CaseViews.FollowUpView>> scheduleFollowUp(@PathParam("id") long id,
                                                                     @NotNull @Valid FollowUpRequests.Schedule request) {
        return followUps.schedule(id, request).map(f -> Created.at("/api/risk/cases/" + id + "/follow-ups", f));
    }

    @POST
    @Path("/{id}/follow-ups/{followUpId}/attempts")
    @Requires(Permission.RISK_CASE_CARE)
    public Uni<RestResponse<CaseViews.FollowUpView>> attempt(@PathParam("id") long id, @PathParam("followUpId") long followUpId,
                                                            @NotNull @Valid FollowUpRequests.Attempt request) {
        return followUps.attempt(id, followUpId, request).map(f -> Created.at("/api/risk/cases/" + id + "/follow-ups", f));
    }

    /** A counsellor on a live call with the person opens the safety plan of a case not theirs, stating why. */
    @POST
    @Path("/{id}/break-glass")
    @Requires(Permission.RISK_BREAK_GLASS)
    public Uni<RestResponse<BreakGlassService.Grant>> breakGlass(@PathParam("id") long id,
                                                                @NotNull @Valid BreakGlassService.Request request) {
        return breakGlass.breakGlass(id, request).map(g -> Created.at("/api/risk/cases/" + id + "/safety-plan", g));
    }

    /** Asks for the caller's number for a rescue; a supervisor must approve. */
    @POST
    @Path("/{id}/unmask-requests")
    @Requires(Permission.RISK_CASE_CARE)
    public Uni<RestResponse<UnmaskService.View>> requestUnmask(@PathParam("id") long id,
                                                              @NotNull @Valid UnmaskService.Request request) {
        return unmask.request(id, request).map(u -> Created.at("/api/risk/unmask-requests/" + u.id(), u));
    }
}

package io.greenribbon.risk.console;

import io.greenribbon.access.Permission;
import io.greenribbon.access.Requires;
import io.greenribbon.problem.ProblemException;
import io.greenribbon.risk.CaseRequests;
import io.greenribbon.risk.CaseService;
import io.greenribbon.risk.CaseViews;
import io.greenribbon.risk.Cssrs;
import io.greenribbon.risk.FollowUpAttempt;
import io.greenribbon.risk.FollowUpService;
import io.greenribbon.risk.Referral;
import io.greenribbon.risk.ReferralService;
import io.greenribbon.risk.RiskCase;
import io.greenribbon.risk.SafetyPlanService;
import io.greenribbon.risk.SafetyPlanView;
import io.greenribbon.risk.ScreeningService;
import io.greenribbon.risk.SupervisorPager;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The risk supervisor's alert inbox and the case page. Every read goes through the risk services (and so the
 * access-decision point, which audits it), as the API's do; every button is one of the actions the service
 * says the account may take now ({@code CaseViews.Detail#allowed}), and the service's refusal, when the case
 * changed meanwhile, is shown in words.
 */
@io.smallrye.common.annotation.NonBlocking
@Path(CasePage.PATH)
@Produces(MediaType.TEXT_HTML)
public class CasePage {

    public static final String PATH = "/console/cases";

    /** A case as the page shows it: the case, and its safety plan when it has one. */
    public record Shown(CaseViews.Detail detail, SafetyPlanView plan) {

        /** The safety plan's sections in the Stanley-Brown order, each with its entries. */
        public Map<String, List<String>> planSections() {
            Map<String, List<String>> sections = new LinkedHashMap<>();
            if (plan != null) {
                sections.put("warningSigns", plan.warningSigns());
                sections.put("internalCoping", plan.internalCoping());
                sections.put("socialDistractions", plan.socialDistractions());
                sections.put("peopleToAsk", plan.peopleToAsk());
                sections.put("professionals", plan.professionals());
                sections.put("safeEnvironment", plan.safeEnvironment());
                sections.put("reasonsForLiving", plan.reasonsForLiving() == null ? List.of() : plan.reasonsForLiving());
            }
            return sections;
        }

        /** The questions a screening asked, in order, each with its answer. */
        public Map<String, Boolean> answers(CaseViews.Screening s) {
            Cssrs.Answers a = s.answers();
            Map<String, Boolean> asked = new LinkedHashMap<>();
            asked.put("wishedDead", a.wishedDead());
            asked.put("suicidalThoughts", a.suicidalThoughts());
            asked.put("thoughtOfMethod", a.thoughtOfMethod());
            asked.put("intent", a.intent());
            asked.put("planAndIntent", a.planAndIntent());
            asked.put("suicidalBehaviour", a.suicidalBehaviour());
            asked.put("behaviourPastThreeMonths", a.behaviourPastThreeMonths());
            asked.values().removeIf(java.util.Objects::isNull);
            return asked;
        }
    }

    private final CaseService cases;
    private final ReferralService referrals;
    private final FollowUpService followUps;
    private final SafetyPlanService plans;
    private final ScreeningService screenings;
    private final CaseForms forms;
    private final Template inbox;
    private final Template inboxList;
    private final Template page;
    private final Template panel;

    public CasePage(CaseService cases, ReferralService referrals, FollowUpService followUps, SafetyPlanService plans,
                    ScreeningService screenings, CaseForms forms, @Location("risk/inbox.html") Template inbox,
                    @Location("risk/inbox-list.html") Template inboxList, @Location("risk/case.html") Template page,
                    @Location("risk/case-panel.html") Template panel) {
        this.cases = cases;
        this.referrals = referrals;
        this.followUps = followUps;
        this.plans = plans;
        this.screenings = screenings;
        this.forms = forms;
        this.inbox = inbox;
        this.inboxList = inboxList;
        this.page = page;
        this.panel = panel;
    }

    @GET
    @Operation(hidden = true)
    @Requires(Permission.RISK_CASE_SUPERVISE)
    public Uni<TemplateInstance> inbox() {
        return cases.inbox().map(entries -> inbox.data("entries", entries));
    }

    /** The inbox's list alone, refreshed by every alert and change the account's console receives. */
    @GET
    @Path("/inbox")
    @Operation(hidden = true)
    @Requires(Permission.RISK_CASE_SUPERVISE)
    public Uni<TemplateInstance> inboxList() {
        return cases.inbox().map(entries -> inboxList.data("entries", entries));
    }

    @GET
    @Path("/{id}")
    @Operation(hidden = true)
    @Requires(Permission.RISK_CASE_READ)
    public Uni<TemplateInstance> show(@PathParam("id") long id) {
        return shown(id).map(shown -> choices(page.data("shown", shown)));
    }

    /** The case alone, refreshed when the case changes or alerts. */
    @GET
    @Path("/{id}/panel")
    @Operation(hidden = true)
    @Requires(Permission.RISK_CASE_READ)
    public Uni<TemplateInstance> panel(@PathParam("id") long id) {
        return shown(id).map(shown -> choices(panel.data("shown", shown)));
    }

    @POST
    @Path("/{id}/acknowledge")
    @Operation(hidden = true)
    @Requires(Permission.RISK_CASE_SUPERVISE)
    public Uni<Object> acknowledge(@PathParam("id") long id, @HeaderParam("HX-Request") String htmx) {
        return acted(id, htmx, () -> cases.acknowledge(id), null);
    }

    @POST
    @Path("/{id}/escalate")
    @Operation(hidden = true)
    @Requires(Permission.RISK_CASE_CARE)
    public Uni<Object> escalate(@PathParam("id") long id, @HeaderParam("HX-Request") String htmx) {
        return acted(id, htmx, () -> cases.escalate(id, new CaseRequests.Escalate("console")), null);
    }

    @POST
    @Path("/{id}/referral")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    @Requires(Permission.RISK_CASE_CARE)
    public Uni<Object> refer(@PathParam("id") long id, MultivaluedMap<String, String> fields,
                             @HeaderParam("HX-Request") String htmx) {
        return acted(id, htmx, () -> referrals.refer(id, forms.referral(fields)), "referral-" + id);
    }

    @POST
    @Path("/{id}/outcome")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    @Requires(Permission.RISK_CASE_CARE)
    public Uni<Object> outcome(@PathParam("id") long id, MultivaluedMap<String, String> fields,
                               @HeaderParam("HX-Request") String htmx) {
        CaseRequests.Outcome outcome = forms.outcome(fields);
        return acted(id, htmx, () -> referrals.confirmOutcome(id, outcome), "outcome-" + outcome.referralId());
    }

    @POST
    @Path("/{id}/close")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    @Requires(Permission.RISK_CASE_SUPERVISE)
    public Uni<Object> close(@PathParam("id") long id, MultivaluedMap<String, String> fields,
                             @HeaderParam("HX-Request") String htmx) {
        return acted(id, htmx, () -> cases.close(id, forms.close(fields)), "close-" + id);
    }

    @POST
    @Path("/{id}/follow-ups/{followUpId}/attempts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    @Requires(Permission.RISK_CASE_CARE)
    public Uni<Object> attempt(@PathParam("id") long id, @PathParam("followUpId") long followUpId,
                               MultivaluedMap<String, String> fields, @HeaderParam("HX-Request") String htmx) {
        return acted(id, htmx, () -> followUps.attempt(id, followUpId, forms.attempt(fields)), "attempt-" + followUpId);
    }

    /**
     * Approves or rejects the lower level a counsellor asked for on one of the case's screenings (a supervisor
     * other than the screener).
     */
    @POST
    @Path("/{id}/screenings/{screeningId}/lowering")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    @Requires(Permission.RISK_CASE_SUPERVISE)
    public Uni<Object> decideLowering(@PathParam("id") long id, @PathParam("screeningId") long screeningId,
                                      @FormParam("decision") String decision, @HeaderParam("HX-Request") String htmx) {
        boolean approve = forms.loweringApproved(decision);
        return acted(id, htmx, () -> screenings.decideLowering(screeningId, approve), null);
    }

    /** Rings the supervisor's own phone into the live call of the case's person. */
    @POST
    @Path("/{id}/supervise-call")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    @Requires(Permission.RISK_CASE_SUPERVISE)
    public Uni<Object> superviseCall(@PathParam("id") long id, MultivaluedMap<String, String> fields,
                                     @HeaderParam("HX-Request") String htmx) {
        CaseRequests.SuperviseCall request = forms.superviseCall(fields);
        return cases.superviseCall(id, request).chain(placed -> "true".equals(htmx)
                ? shown(id).map(shown -> (Object) choices(panel.data("shown", shown))
                        .data("ringing", request.mode()))
                : Uni.createFrom().item(Response.seeOther(URI.create(PATH + "/" + id)).build()));
    }

    /**
     * Takes the action, then answers the case as it is now (the page's own request) or sends the browser back
     * to the case (a plain form). {@code draft} is the form whose kept draft is done with.
     */
    private Uni<Object> acted(long id, String htmx, Supplier<Uni<?>> action, String draft) {
        return Uni.createFrom().deferred(action).chain(done -> "true".equals(htmx)
                ? shown(id).map(shown -> (Object) choices(panel.data("shown", shown)).data("savedDraft", draft))
                : Uni.createFrom().item(Response.seeOther(URI.create(PATH + "/" + id)).build()));
    }

    /** The case, then its safety plan: two reads, each decided and audited by the risk services. */
    private Uni<Shown> shown(long id) {
        return cases.get(id).chain(detail -> plans.get(id)
                .onFailure(ProblemException.class).recoverWithItem((SafetyPlanView) null)
                .map(plan -> new Shown(detail, plan)));
    }

    private static TemplateInstance choices(TemplateInstance template) {
        return template.data("services", new String[]{"120", "110", "119"}).data("shared", Referral.Shared.values())
                .data("outcomes", Referral.Outcome.values()).data("closeReasons", RiskCase.CloseReason.values())
                .data("results", FollowUpAttempt.Result.values()).data("howFound", FollowUpAttempt.Outcome.values())
                .data("modes", SupervisorPager.JoinMode.values());
    }
}

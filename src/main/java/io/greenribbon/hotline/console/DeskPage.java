package io.greenribbon.hotline.console;

import io.greenribbon.access.AccessDecision;
import io.greenribbon.access.Permission;
import io.greenribbon.access.Requires;
import io.greenribbon.hotline.contacts.ContactService;
import io.greenribbon.hotline.presence.PresenceRequest;
import io.greenribbon.hotline.presence.PresenceState;
import io.greenribbon.problem.ProblemException;
import io.greenribbon.risk.BreakGlassService;
import io.greenribbon.risk.CallerCaseAccess;
import io.greenribbon.risk.SafetyPlanService;
import io.greenribbon.risk.SafetyPlanView;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.util.Arrays;

/**
 * The counsellor's desk: presence (available, paused with a reason, offline; on shift or on an override;
 * what the PBX really holds), the screen-pop of the call just answered (live, from the {@code hotline.call}
 * push), and the contact form of that call.
 */
@io.smallrye.common.annotation.NonBlocking
@Path(DeskPage.PATH)
@Produces(MediaType.TEXT_HTML)
public class DeskPage {

    public static final String PATH = "/console/desk";

    private final AccessDecision access;
    private final DeskService desk;
    private final ContactService contacts;
    private final SafetyPlanService plans;
    private final BreakGlassService breakGlass;
    private final Template page;
    private final Template presenceFragment;
    private final Template callFragment;

    public DeskPage(AccessDecision access, DeskService desk, ContactService contacts, SafetyPlanService plans,
                    BreakGlassService breakGlass, @Location("hotline/desk.html") Template page,
                    @Location("hotline/presence.html") Template presenceFragment,
                    @Location("hotline/call.html") Template callFragment) {
        this.access = access;
        this.desk = desk;
        this.contacts = contacts;
        this.plans = plans;
        this.breakGlass = breakGlass;
        this.page = page;
        this.presenceFragment = presenceFragment;
        this.callFragment = callFragment;
    }

    @GET
    @Operation(hidden = true)
    @Requires(Permission.HOTLINE_PRESENCE)
    public Uni<TemplateInstance> show() {
        return desk.panel(access.actor()).chain(panel -> panelOf(panel.presence().currentContactId())
                .map(call -> page.data("panel", panel).data("call", call).data("reasons", PauseReason.values())));
    }

    @GET
    @Path("/presence")
    @Operation(hidden = true)
    @Requires(Permission.HOTLINE_PRESENCE)
    public Uni<TemplateInstance> presence() {
        return desk.panel(access.actor()).map(this::presenceFragment);
    }

    /** Available, paused (with one of the reasons) or offline; answers the panel, or the desk without script. */
    @POST
    @Path("/presence")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    @Requires(Permission.HOTLINE_PRESENCE)
    public Uni<Object> change(@FormParam("state") String state, @FormParam("reason") String reason,
                              @HeaderParam("HX-Request") String htmx) {
        PresenceState wanted = Arrays.stream(PresenceState.values()).filter(s -> s.name().equals(state)).findFirst()
                .orElseThrow(() -> ProblemException.invalid("state", "unknown state"));
        String why = wanted == PresenceState.PAUSED ? PauseReason.of(reason).recorded() : null;
        return desk.change(access.actor(), new PresenceRequest(wanted, why)).map(panel -> "true".equals(htmx)
                ? presenceFragment(panel) : Response.seeOther(URI.create(PATH)).build());
    }

    /**
     * The screen-pop: the call now (or the one being written up). {@code shown} is the contact whose form
     * the desk shows already; the form comes along only for another contact, so typing is never wiped.
     */
    @GET
    @Path("/call")
    @Operation(hidden = true)
    @Requires(Permission.HOTLINE_PRESENCE)
    public Uni<TemplateInstance> callPanel(@QueryParam("shown") Long shown) {
        return desk.presence(access.actor()).chain(p -> panelOf(p.currentContactId()))
                .map(call -> callFragment.data("call", call)
                        .data("withForm", call != null && !Long.valueOf(call.contact().id()).equals(shown)));
    }

    /** A counsellor on the call states why they need the safety plan of a case not theirs. */
    @POST
    @Path("/break-glass")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    @Requires(Permission.RISK_BREAK_GLASS)
    public Uni<TemplateInstance> breakGlass(@FormParam("caseId") long caseId, @FormParam("reason") String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.length() < 10) {
            return desk.presence(access.actor()).chain(p -> panelOf(p.currentContactId()))
                    .map(call -> callFragment.data("call", call).data("withForm", false)
                            .data("glassError", "form.error.break-glass-reason").data("glassReason", why));
        }
        return breakGlass.breakGlass(caseId, new BreakGlassService.Request(why))
                .chain(grant -> desk.presence(access.actor()).chain(p -> panelOf(p.currentContactId())))
                .map(call -> callFragment.data("call", call).data("withForm", false));
    }

    private TemplateInstance presenceFragment(PresencePanel panel) {
        return presenceFragment.data("panel", panel).data("reasons", PauseReason.values());
    }

    /** The call panel of {@code contactId}: contact, caller and (when it may be opened) the case's safety plan. */
    Uni<CallPanel> panelOf(Long contactId) {
        if (contactId == null) {
            return Uni.createFrom().nullItem();
        }
        return contacts.get(contactId).chain(contact -> contacts.caller(contactId).chain(caller -> {
            boolean live = contact.endedAt() == null;
            boolean mayOpen = caller.riskCase() != null && caller.riskCase().caseId() != null
                    && caller.riskCase().visibility() != CallerCaseAccess.Visibility.BREAK_GLASS_AVAILABLE;
            if (!mayOpen) {
                return Uni.createFrom().item(new CallPanel(contact, caller, null, live));
            }
            return plans.get(caller.riskCase().caseId())
                    .onFailure(ProblemException.class).recoverWithItem((SafetyPlanView) null)
                    .map(plan -> new CallPanel(contact, caller, plan, live));
        }));
    }
}

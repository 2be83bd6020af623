package io.greenribbon.audit.console;

import io.greenribbon.access.AccessDecision;
import io.greenribbon.access.Permission;
import io.greenribbon.access.Requires;
import io.greenribbon.audit.AccessLogQuery;
import io.greenribbon.audit.AccessLogView;
import io.greenribbon.audit.AuditConfig;
import io.greenribbon.audit.AuditResource;
import io.greenribbon.audit.AuditService;
import io.greenribbon.audit.AuditVerifications;
import io.greenribbon.divisions.DivisionService;
import io.greenribbon.divisions.DivisionView;
import io.greenribbon.problem.ProblemException;
import io.greenribbon.risk.BreakGlassService;
import io.greenribbon.web.FormErrors;
import io.greenribbon.web.PageContext;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The access review, for health officials and risk supervisors: who opened which restricted record, when
 * and why, within the reader's jurisdiction (filtered, paged, exported as CSV); the break-the-glass uses
 * waiting for review and those reviewed, which supervisors review here with a comment and officials see the
 * state of; and the audit chain's last verification with its head hash. Everything comes from the services
 * the API asks, under the same rules.
 */
@io.smallrye.common.annotation.NonBlocking
@Path(AccessReviewPage.PATH)
@Produces(MediaType.TEXT_HTML)
public class AccessReviewPage {

    public static final String PATH = "/console/access-review";
    /** Entries on one page of the log. */
    static final int ROWS = 25;
    /** The break-the-glass uses shown in each list. */
    static final int USES = 50;
    /** The kinds of restricted record the log names, for the filter. */
    static final List<String> KINDS = List.of("risk_case", "risk_screening", "risk_safety_plan", "risk_follow_up",
            "risk_break_glass", "risk_unmask_request", "risk_duty", "audit_log");

    private final AuditService audit;
    private final BreakGlassService breakGlass;
    private final DivisionService divisions;
    private final AccessDecision access;
    private final PageContext context;
    private final AuditConfig config;
    private final Template page;
    private final Template usesFragment;
    private final Template chainFragment;

    public AccessReviewPage(AuditService audit, BreakGlassService breakGlass, DivisionService divisions,
                            AccessDecision access, PageContext context, AuditConfig config,
                            @Location("audit/access-review.html") Template page,
                            @Location("audit/break-glass.html") Template usesFragment,
                            @Location("audit/chain.html") Template chainFragment) {
        this.audit = audit;
        this.breakGlass = breakGlass;
        this.divisions = divisions;
        this.access = access;
        this.context = context;
        this.config = config;
        this.page = page;
        this.usesFragment = usesFragment;
        this.chainFragment = chainFragment;
    }

    @GET
    @Operation(hidden = true)
    @Requires(Permission.AUDIT_READ)
    public Uni<Response> show(@Context UriInfo uri) {
        AccessFilterForm filters = AccessFilterForm.of(uri.getQueryParameters());
        AccessLogQuery query;
        try {
            query = filters.query(config.zone(), ROWS);
        } catch (FormErrors errors) {
            return render(filters, new AccessLogView(List.of(), null), errors).map(t -> Response.status(422).entity(t).build());
        }
        return audit.access(query).chain(log -> render(filters, log, new FormErrors()))
                .map(t -> Response.ok(t).build());
    }

    private Uni<TemplateInstance> render(AccessFilterForm filters, AccessLogView log, FormErrors errors) {
        return uses().chain(uses -> audit.chain().chain(chain -> places().map(places -> page
                .data("filters", filters).data("errors", errors).data("log", log).data("kinds", KINDS)
                .data("places", places).data("uses", uses).data("chain", chain))));
    }

    /** The divisions one may narrow the log to: one's own and those directly beneath it. */
    private Uni<List<DivisionView>> places() {
        String own = access.jurisdiction();
        return divisions.get(own).chain(mine -> divisions.children(own).map(children -> {
            List<DivisionView> all = new ArrayList<>(children.size() + 1);
            all.add(mine);
            all.addAll(children);
            return all;
        }));
    }

    /** Every entry the filters select, as CSV (UTF-8 with a byte-order mark). */
    @GET
    @Path("/export.csv")
    @Produces("text/csv")
    @Operation(hidden = true)
    @Requires(Permission.AUDIT_READ)
    public Uni<Response> export(@Context UriInfo uri) {
        AccessFilterForm filters = AccessFilterForm.of(uri.getQueryParameters());
        AccessLogQuery query;
        try {
            query = filters.query(config.zone(), ROWS);
        } catch (FormErrors errors) {
            throw ProblemException.invalid(errors.byField().keySet().iterator().next(), "a date as yyyy-MM-dd");
        }
        return audit.export(query).map(items -> AuditResource.csv(items, context.locale(), config));
    }

    /** Recomputes the chain now; answers the chain's panel (htmx) or the page. */
    @POST
    @Path("/verify")
    @Operation(hidden = true)
    @Requires(Permission.AUDIT_VERIFY)
    public Uni<Object> verify(@HeaderParam("HX-Request") String htmx) {
        return audit.verify().chain(result -> "true".equals(htmx)
                ? audit.chain().map(chain -> (Object) chainFragment.data("chain", chain))
                : Uni.createFrom().item(Response.seeOther(URI.create(PATH + "#chain")).build()));
    }

    /** A supervisor's review of a use, with a comment; answers the register (htmx) or the page. */
    @POST
    @Path("/break-glass/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    @Requires(Permission.RISK_CASE_SUPERVISE)
    public Uni<Object> review(@PathParam("id") long id, @FormParam("verdict") String verdict,
                              @FormParam("comment") String comment, @HeaderParam("HX-Request") String htmx) {
        return breakGlass.review(id, BreakGlassService.Review.of(verdict, comment))
                .chain(done -> "true".equals(htmx) ? uses().map(uses -> (Object) usesFragment.data("uses", uses))
                        : Uni.createFrom().item(Response.seeOther(URI.create(PATH + "#glass-title")).build()));
    }

    private Uni<BreakGlassService.Register> uses() {
        return breakGlass.register(USES);
    }
}

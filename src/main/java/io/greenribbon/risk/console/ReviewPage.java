package io.greenribbon.risk.console;

import io.greenribbon.access.Permission;
import io.greenribbon.access.Requires;
import io.greenribbon.risk.BreakGlassService;
import io.greenribbon.risk.UnmaskService;
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
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.util.List;

/**
 * What waits for a supervisor's second look: break-the-glass uses to review (justified or not), and requests
 * to unmask a caller's number, which a supervisor other than the one who asked approves or rejects (the
 * two-person rule: who asked, who may decide). The lists and the buttons come from the risk services.
 */
@io.smallrye.common.annotation.NonBlocking
@Path(ReviewPage.PATH)
@Produces(MediaType.TEXT_HTML)
public class ReviewPage {

    public static final String PATH = "/console/reviews";

    /** Both queues of the account's jurisdiction. */
    public record Queues(List<BreakGlassService.Use> breakGlass, List<UnmaskService.View> unmask) {
    }

    private final BreakGlassService breakGlass;
    private final UnmaskService unmask;
    private final Template page;
    private final Template lists;

    public ReviewPage(BreakGlassService breakGlass, UnmaskService unmask, @Location("risk/reviews.html") Template page,
                      @Location("risk/review-lists.html") Template lists) {
        this.breakGlass = breakGlass;
        this.unmask = unmask;
        this.page = page;
        this.lists = lists;
    }

    @GET
    @Operation(hidden = true)
    @Requires(Permission.RISK_CASE_SUPERVISE)
    public Uni<TemplateInstance> show() {
        return queues().map(q -> page.data("queues", q));
    }

    @GET
    @Path("/lists")
    @Operation(hidden = true)
    @Requires(Permission.RISK_CASE_SUPERVISE)
    public Uni<TemplateInstance> lists() {
        return queues().map(q -> lists.data("queues", q));
    }

    @POST
    @Path("/break-glass/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    @Requires(Permission.RISK_CASE_SUPERVISE)
    public Uni<Object> review(@PathParam("id") long id, @FormParam("verdict") String verdict,
                              @FormParam("comment") String comment, @HeaderParam("HX-Request") String htmx) {
        return answered(breakGlass.review(id, BreakGlassService.Review.of(verdict, comment)), htmx);
    }

    @POST
    @Path("/unmask/{id}/approve")
    @Operation(hidden = true)
    @Requires(Permission.RISK_CASE_SUPERVISE)
    public Uni<Object> approve(@PathParam("id") long id, @HeaderParam("HX-Request") String htmx) {
        return answered(unmask.decide(id, true), htmx);
    }

    @POST
    @Path("/unmask/{id}/reject")
    @Operation(hidden = true)
    @Requires(Permission.RISK_CASE_SUPERVISE)
    public Uni<Object> reject(@PathParam("id") long id, @HeaderParam("HX-Request") String htmx) {
        return answered(unmask.decide(id, false), htmx);
    }

    private Uni<Object> answered(Uni<?> decision, String htmx) {
        return decision.chain(done -> "true".equals(htmx) ? queues().map(q -> (Object) lists.data("queues", q))
                : Uni.createFrom().item(Response.seeOther(URI.create(PATH)).build()));
    }

    private Uni<Queues> queues() {
        return breakGlass.queue(false, null).chain(uses -> unmask.open(null).map(requests -> new Queues(uses, requests)));
    }
}

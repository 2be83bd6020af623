package io.greenribbon.hotline.console;

import io.greenribbon.access.Permission;
import io.greenribbon.access.Requires;
import io.greenribbon.hotline.callbacks.CallbackAttempt;
import io.greenribbon.hotline.callbacks.CallbackService;
import io.greenribbon.hotline.callbacks.CallbackView;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/**
 * The line's callers to call back: why, since when, each try and its outcome; "call back" rings the
 * counsellor's own phone first, which then dials the caller (the number never reaches the page).
 */
@io.smallrye.common.annotation.NonBlocking
@Path(CallbackPage.PATH)
@Produces(MediaType.TEXT_HTML)
public class CallbackPage {

    public static final String PATH = "/console/callbacks";

    /** One callback with its tries. */
    public record Row(CallbackView callback, List<CallbackAttempt> attempts) {
    }

    private final CallbackService callbacks;
    private final Template page;
    private final Template table;

    public CallbackPage(CallbackService callbacks, @Location("hotline/callbacks.html") Template page,
                        @Location("hotline/callback-table.html") Template table) {
        this.callbacks = callbacks;
        this.page = page;
        this.table = table;
    }

    @GET
    @Operation(hidden = true)
    @Requires(Permission.HOTLINE_CALLBACKS)
    public Uni<TemplateInstance> show(@QueryParam("all") boolean all) {
        return rows(all).map(rows -> page.data("rows", rows).data("all", all).data("dialled", null));
    }

    /** The table alone, refreshed while a call back is under way. */
    @GET
    @Path("/table")
    @Operation(hidden = true)
    @Requires(Permission.HOTLINE_CALLBACKS)
    public Uni<TemplateInstance> table(@QueryParam("all") boolean all) {
        return rows(all).map(rows -> table.data("rows", rows).data("all", all).data("dialled", null));
    }

    @POST
    @Path("/{id}/dial")
    @Operation(hidden = true)
    @Requires(Permission.HOTLINE_CALLBACKS)
    public Uni<TemplateInstance> dial(@PathParam("id") long id, @QueryParam("all") boolean all,
                                      @HeaderParam("HX-Request") String htmx) {
        return callbacks.dial(id).chain(started -> rows(all).map(rows -> ("true".equals(htmx) ? table : page)
                .data("rows", rows).data("all", all).data("dialled", started)));
    }

    private Uni<List<Row>> rows(boolean all) {
        return callbacks.listWithAttempts(all).map(found -> found.entrySet().stream()
                .map(e -> new Row(e.getKey(), e.getValue())).toList());
    }
}

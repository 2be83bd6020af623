package io.greenribbon.hotline.callbacks;

import io.greenribbon.access.Permission;
import io.greenribbon.access.Requires;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.ResponseStatus;

import java.util.List;

@Path("/api/hotline/callbacks")
@Produces(MediaType.APPLICATION_JSON)
public class CallbackResource {

    private final CallbackService service;

    public CallbackResource(CallbackService service) {
        this.service = service;
    }

    /** Callers waiting for a callback in the account's jurisdiction ({@code status=all} includes those reached). */
    @GET
    @Requires(Permission.HOTLINE_CALLBACKS)
    public Uni<List<CallbackView>> list(@QueryParam("status") @Pattern(regexp = "^(open|all)$") String status) {
        return service.list("all".equals(status));
    }

    /** Calls the caller back from the account's phone; the outcome follows on the callback. */
    @POST
    @Path("/{id}/dial")
    @ResponseStatus(202)
    @Requires(Permission.HOTLINE_CALLBACKS)
    public Uni<DialStarted> dial(@PathParam("id") long id) {
        return service.dial(id);
    }
}

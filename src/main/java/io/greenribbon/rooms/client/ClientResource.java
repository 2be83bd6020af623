package io.greenribbon.rooms.client;

import io.greenribbon.access.Permission;
import io.greenribbon.access.Requires;
import io.greenribbon.rooms.IdempotentResponses;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** Pseudonymous clients of the counselling rooms. */
@Path("/api/clients")
@Produces(MediaType.APPLICATION_JSON)
public class ClientResource {

    public record Register(@NotNull @Pattern(regexp = "^[0-9]{6,12}$") String division,
                           @Valid ClientService.Contact contact) {
    }

    private final ClientService service;

    public ClientResource(ClientService service) {
        this.service = service;
    }

    /**
     * Registers a client; the answer carries the code to write on their appointment card. With an
     * {@code Idempotency-Key}, the same request again registers nobody new and answers the first client.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.CLIENTS_REGISTER)
    public Uni<Response> register(@NotNull @Valid Register request,
                                  @HeaderParam("Idempotency-Key") @Pattern(regexp = IdempotentResponses.KEY_PATTERN)
                                  String key) {
        return service.register(request.division(), request.contact(), key).map(r -> {
            Response.ResponseBuilder response = Response.created(URI.create("/api/clients/" + r.client().id()))
                    .entity(r.client());
            if (r.replayed()) {
                response.header(IdempotentResponses.REPLAYED, "true");
            }
            return response.build();
        });
    }

    /** Finds a client by the code on their card: no contact details. */
    @GET
    @Requires(Permission.CLIENTS_REGISTER)
    public Uni<ClientService.Summary> byCode(
            @QueryParam("code") @NotNull @Pattern(regexp = "^[0-9A-Z]{4}-[0-9A-Z]{4}$") String code) {
        return service.findByCode(code);
    }

    /** One client with the contact details needed to reach them. */
    @GET
    @Path("/{id}")
    @Requires(Permission.CLIENTS_CONTACT_READ)
    public Uni<ClientService.Details> get(@PathParam("id") long id) {
        return service.get(id);
    }
}

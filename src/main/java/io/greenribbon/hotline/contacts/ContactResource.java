package io.greenribbon.hotline.contacts;

import io.greenribbon.access.Permission;
import io.greenribbon.access.Requires;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.OffsetDateTime;
import java.util.List;

@Path("/api/hotline/contacts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ContactResource {

    private final ContactService service;

    public ContactResource(ContactService service) {
        this.service = service;
    }

    /** Contacts in a period (default: the last 7 days): one's own, or (supervisors) the jurisdiction's. */
    @GET
    @Requires(Permission.HOTLINE_CONTACTS_READ)
    public Uni<List<ContactSummary>> list(@QueryParam("from") OffsetDateTime from, @QueryParam("to") OffsetDateTime to) {
        return service.list(from, to);
    }

    @GET
    @Path("/{id}")
    @Requires(Permission.HOTLINE_CONTACTS_READ)
    public Uni<ContactView> get(@PathParam("id") long id) {
        return service.get(id);
    }

    /** Saves the counsellor's record of the call (presenting problems, notes, flags). */
    @PATCH
    @Path("/{id}")
    @Requires(Permission.HOTLINE_CONTACTS_WRITE)
    public Uni<ContactView> patch(@PathParam("id") long id, @NotNull @Valid ContactPatch patch) {
        return service.patch(id, patch);
    }

    /** Who is calling: earlier contacts of this caller and an active risk case, for the counsellor on the call. */
    @GET
    @Path("/{id}/caller")
    @Requires(Permission.HOTLINE_CONTACTS_READ)
    public Uni<CallerView> caller(@PathParam("id") long id) {
        return service.caller(id);
    }
}

package io.greenribbon.counsellors;

import io.greenribbon.access.Permission;
import io.greenribbon.access.Requires;
import io.greenribbon.problem.Messages;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

@Path("/api/counsellors/credentials/expiring")
@Produces(MediaType.APPLICATION_JSON)
public class ExpiringCredentialResource {

    private final CredentialExpiryService service;

    public ExpiringCredentialResource(CredentialExpiryService service) {
        this.service = service;
    }

    /** Credentials in the account's jurisdiction whose validity ends within {@code within} (ISO period, e.g. P60D). */
    @GET
    @Requires(Permission.CREDENTIALS_EXPIRING_READ)
    public Uni<List<ExpiringCredential>> expiring(@QueryParam("within") String within, @Context HttpHeaders headers) {
        return service.expiring(within, Messages.pick(headers.getAcceptableLanguages()));
    }
}

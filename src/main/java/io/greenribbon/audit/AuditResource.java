package io.greenribbon.audit;

import io.greenribbon.access.Permission;
import io.greenribbon.access.Requires;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AuditService service;

    public AuditResource(AuditService service) {
        this.service = service;
    }

    /** Who accessed which records, when, why and with what outcome; newest first, within one's jurisdiction. */
    @GET
    @Path("/access")
    @Requires(Permission.AUDIT_READ)
    public Uni<AccessLogView> access(@QueryParam("record") String record, @QueryParam("actor") @Size(max = 255) String actor,
                                     @QueryParam("from") String from, @QueryParam("to") String to,
                                     @QueryParam("before") Long before, @QueryParam("limit") Integer limit) {
        return service.access(record, actor, from, to, before, limit);
    }

    /** Recomputes the whole hash chain; names the first broken link if there is one. */
    @GET
    @Path("/verify")
    @Requires(Permission.AUDIT_VERIFY)
    public Uni<AuditVerifier.Result> verify() {
        return service.verify();
    }
}

package io.greenribbon.audit;

import io.greenribbon.access.Permission;
import io.greenribbon.access.Requires;
import io.greenribbon.problem.Messages;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AuditService service;
    private final AuditConfig config;

    public AuditResource(AuditService service, AuditConfig config) {
        this.service = service;
        this.config = config;
    }

    /**
     * Who accessed which records, when, why and with what outcome; newest first, within one's jurisdiction
     * (entries about records there, or by accounts there). {@code kind} is a record type, {@code division}
     * narrows the jurisdiction.
     */
    @GET
    @Path("/access")
    @Requires(Permission.AUDIT_READ)
    public Uni<AccessLogView> access(@QueryParam("record") String record, @QueryParam("kind") String kind,
                                     @QueryParam("actor") @Size(max = 255) String actor,
                                     @QueryParam("from") String from, @QueryParam("to") String to,
                                     @QueryParam("division") String division,
                                     @QueryParam("before") Long before, @QueryParam("limit") Integer limit) {
        return service.access(record, kind, actor, from, to, division, before, limit);
    }

    /** The same entries (every one the filters select) as CSV, UTF-8 with a byte-order mark. */
    @GET
    @Path("/access/export")
    @Produces("text/csv")
    @Requires(Permission.AUDIT_READ)
    public Uni<Response> export(@QueryParam("record") String record, @QueryParam("kind") String kind,
                                @QueryParam("actor") @Size(max = 255) String actor,
                                @QueryParam("from") String from, @QueryParam("to") String to,
                                @QueryParam("division") String division, @QueryParam("before") Long before,
                                @Context HttpHeaders headers) {
        AccessLogQuery query = AccessLogQuery.parse(record, kind, actor, from, to, division, before, null,
                config.maxQueryRows());
        return service.export(query).map(items -> csv(items, Messages.pick(headers.getAcceptableLanguages()), config));
    }

    /** The answer of a CSV export: the file, named for download. */
    public static Response csv(java.util.List<AccessLogView.Item> items, java.util.Locale locale, AuditConfig config) {
        String day = java.time.LocalDate.now(config.zone()).toString();
        return Response.ok(AccessLogCsv.write(items, locale, config.zone()))
                .type("text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"access-log-" + day + ".csv\"")
                .build();
    }

    /** Recomputes the whole hash chain; names the first broken link if there is one. Kept as the last verification. */
    @GET
    @Path("/verify")
    @Requires(Permission.AUDIT_VERIFY)
    public Uni<AuditVerifier.Result> verify() {
        return service.verify();
    }

    /** The chain's head now and its last verification: how far it verified, when, by whom, any break, the head hash. */
    @GET
    @Path("/chain")
    @Requires(Permission.AUDIT_VERIFY)
    public Uni<AuditVerifications.Status> chain() {
        return service.chain();
    }
}

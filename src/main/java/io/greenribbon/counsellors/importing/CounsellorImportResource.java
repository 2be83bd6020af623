package io.greenribbon.counsellors.importing;

import io.greenribbon.access.Permission;
import io.greenribbon.access.Requires;
import io.greenribbon.problem.Messages;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

@Path("/api/counsellors/import")
public class CounsellorImportResource {

    private final CounsellorImportService service;

    public CounsellorImportResource(CounsellorImportService service) {
        this.service = service;
    }

    /** Imports a CSV file of pool members and credentials, all or nothing; answers with what changed. */
    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    @Requires(Permission.COUNSELLORS_MANAGE)
    public Uni<ImportReport> importCsv(byte[] body, @Context HttpHeaders headers) {
        return service.importCsv(body == null ? new byte[0] : body, Messages.pick(headers.getAcceptableLanguages()));
    }
}

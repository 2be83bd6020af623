package io.greenribbon.counsellors;

import io.greenribbon.access.Permission;
import io.greenribbon.access.Requires;
import io.greenribbon.divisions.DivisionCodes;
import io.greenribbon.problem.Messages;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.Locale;

@Path("/api/counsellors")
@Produces(MediaType.APPLICATION_JSON)
public class CounsellorResource {

    private final CounsellorService service;

    public CounsellorResource(CounsellorService service) {
        this.service = service;
    }

    /** Pool members within reach, filtered and paged (pages count from 0). */
    @GET
    @Requires(Permission.COUNSELLORS_READ)
    public Uni<Page<CounsellorView>> list(
            @QueryParam("division") @Pattern(regexp = DivisionCodes.REGEX) String division,
            @QueryParam("kind") String kind,
            @QueryParam("language") @Size(min = 1, max = 40) String language,
            @QueryParam("specialty") String specialty,
            @QueryParam("certified") String certified,
            @QueryParam("status") String status,
            @QueryParam("q") @Size(min = 1, max = 100) String text,
            @QueryParam("page") @Min(0) Integer page,
            @QueryParam("size") @Min(1) @Max(500) Integer size,
            @Context HttpHeaders headers) {
        Locale locale = locale(headers);
        return service.list(new CounsellorFilter(division,
                QueryValues.enumValue(CounsellorKind.class, "kind", kind, locale),
                language == null || language.isBlank() ? null : language.trim(),
                QueryValues.enumValue(Specialty.class, "specialty", specialty, locale),
                QueryValues.booleanValue("certified", certified, locale),
                QueryValues.enumValue(CounsellorStatus.class, "status", status, locale),
                text == null || text.isBlank() ? null : text.trim()), page, size);
    }

    @GET
    @Path("/{id}")
    @Requires(Permission.COUNSELLORS_READ)
    public Uni<CounsellorView> get(@PathParam("id") long id) {
        return service.get(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.COUNSELLORS_MANAGE)
    public Uni<Response> create(@NotNull @Valid CounsellorInput input, @Context HttpHeaders headers,
                                @Context UriInfo uri) {
        return service.create(input, locale(headers)).map(view -> Response
                .created(uri.getAbsolutePathBuilder().path(String.valueOf(view.id())).build()).entity(view).build());
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Requires(Permission.COUNSELLORS_MANAGE)
    public Uni<CounsellorView> patch(@PathParam("id") long id, @NotNull @Valid CounsellorPatch patch,
                                     @Context HttpHeaders headers) {
        return service.patch(id, patch, locale(headers));
    }

    static Locale locale(HttpHeaders headers) {
        return Messages.pick(headers.getAcceptableLanguages());
    }
}

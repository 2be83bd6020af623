package io.greenribbon.rooms;

import io.greenribbon.access.Permission;
import io.greenribbon.access.Requires;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;

/** Village and community counselling rooms. */
@Path("/api/rooms")
@Produces(MediaType.APPLICATION_JSON)
public class RoomResource {

    private final RoomService rooms;
    private final RoomImportService imports;
    private final AvailabilityService availability;

    public RoomResource(RoomService rooms, RoomImportService imports, AvailabilityService availability) {
        this.rooms = rooms;
        this.imports = imports;
        this.availability = availability;
    }

    /** The rooms of one's jurisdiction (or of a division within it), optionally only those one keeps. */
    @GET
    @Requires(Permission.ROOMS_READ)
    public Uni<List<RoomView>> list(@QueryParam("division") @Pattern(regexp = "^[0-9]{2,12}$") String division,
                                    @QueryParam("status") RoomStatus status,
                                    @QueryParam("mine") @DefaultValue("false") boolean mine,
                                    @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                    @QueryParam("size") @DefaultValue("100") @Min(1) @Max(500) int size) {
        return rooms.list(division, status, mine, page, size);
    }

    @GET
    @Path("/{id}")
    @Requires(Permission.ROOMS_READ)
    public Uni<RoomView> get(@PathParam("id") long id) {
        return rooms.get(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.ROOMS_ADMINISTER)
    public Uni<Response> create(@NotNull @Valid RoomRequests.Create request) {
        return rooms.create(request)
                .map(room -> Response.created(URI.create("/api/rooms/" + room.id())).entity(room).build());
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.ROOMS_EDIT)
    public Uni<RoomView> patch(@PathParam("id") long id, @NotNull @Valid RoomRequests.Patch patch) {
        return rooms.patch(id, patch);
    }

    /**
     * Creates or updates rooms from a CSV file (see {@link RoomCsv}): all or nothing, idempotent. The body
     * is read as UTF-8 CSV whatever its declared type (text/csv, text/plain, or a browser's upload).
     */
    @POST
    @Path("/import")
    @Consumes(MediaType.WILDCARD)
    @Requires(Permission.ROOMS_ADMINISTER)
    public Uni<RoomImportService.Result> importCsv(@Size(max = 5_000_000) String csv) {
        return imports.importCsv(csv);
    }

    /**
     * Free slots of a room between {@code from} and {@code to}; with {@code language}, {@code specialty}
     * or {@code counsellor}, only slots where such a counsellor is free too (and who).
     */
    @GET
    @Path("/{id}/availability")
    @Requires(Permission.ROOMS_READ)
    public Uni<AvailabilityService.Availability> availability(
            @PathParam("id") long id,
            @QueryParam("from") @NotNull OffsetDateTime from,
            @QueryParam("to") @NotNull OffsetDateTime to,
            @QueryParam("length") @Pattern(regexp = "^PT[0-9HMS.]+$") String length,
            @QueryParam("language") @Size(min = 1, max = 32) String language,
            @QueryParam("specialty") @Size(min = 1, max = 64) String specialty,
            @QueryParam("counsellor") Long counsellor) {
        return availability.of(id, from, to, new AvailabilityService.Wish(length, language, specialty, counsellor));
    }
}

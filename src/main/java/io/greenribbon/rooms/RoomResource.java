package io.greenribbon.rooms;

import io.greenribbon.access.Permission;
import io.greenribbon.access.Requires;
import io.greenribbon.rooms.booking.BookingMode;
import io.greenribbon.rooms.booking.SlotSuggestions;
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
    private final SlotSuggestions suggestions;

    public RoomResource(RoomService rooms, RoomImportService imports, AvailabilityService availability,
                        SlotSuggestions suggestions) {
        this.rooms = rooms;
        this.imports = imports;
        this.availability = availability;
        this.suggestions = suggestions;
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
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200",
            description = "The room as changed",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = RoomView.class)))
    public Uni<Response> patch(@PathParam("id") long id, @NotNull @Valid RoomRequests.Patch patch,
                               @jakarta.ws.rs.HeaderParam("Idempotency-Key")
                               @Pattern(regexp = IdempotentResponses.KEY_PATTERN) String key) {
        return rooms.patch(id, patch, key).map(outcome -> IdempotentResponses.of(outcome, null));
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

    /**
     * The next free slots (3 unless {@code count} says otherwise) for booking this room with this counsellor and
     * client: the same length as {@code start}–{@code end}, every one of {@code weeks} weekly sessions free
     * and within the booking rules, starting at or after {@code start}. The same slots a refused booking's
     * 409 suggests. {@code moving}: a booking being rescheduled, whose own time counts as free.
     */
    @GET
    @Path("/{id}/suggestions")
    @Requires(Permission.BOOKINGS_WRITE)
    public Uni<SlotSuggestions.Suggestions> suggestions(
            @PathParam("id") long id,
            @QueryParam("counsellor") @NotNull Long counsellor,
            @QueryParam("client") @NotNull Long client,
            @QueryParam("start") @NotNull OffsetDateTime start,
            @QueryParam("end") @NotNull OffsetDateTime end,
            @QueryParam("weeks") @DefaultValue("1") @Min(1) @Max(52) int weeks,
            @QueryParam("mode") @DefaultValue("IN_PERSON") BookingMode mode,
            @QueryParam("moving") Long moving,
            @QueryParam("count") @DefaultValue("3") @Min(1) @Max(SlotSuggestions.MAX_COUNT) int count) {
        return suggestions.of(new SlotSuggestions.Choice(id, counsellor, client, start.toInstant(),
                java.time.Duration.between(start, end), weeks, mode, moving), count);
    }
}

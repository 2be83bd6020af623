package io.greenribbon.rooms.booking;

import io.greenribbon.access.Permission;
import io.greenribbon.access.Requires;
import io.greenribbon.problem.Problem;
import io.greenribbon.rooms.IdempotentResponses;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Sessions booked in the counselling rooms. Every write honours {@code Idempotency-Key}: the first request
 * with a key does the work and its answer is stored with it (per account); the same key and body again get
 * that answer back with {@code Idempotent-Replayed: true} and change nothing, so a retry on a flaky
 * connection never books or changes twice.
 */
@Path("/api/bookings")
@Produces(MediaType.APPLICATION_JSON)
public class BookingResource {

    static final String KEY_HINT = "Made by the client once per action (a UUID); the same key again returns the first answer.";

    private final BookingService service;
    private final BookingQueries queries;
    private final BookingLifecycle lifecycle;

    public BookingResource(BookingService service, BookingQueries queries, BookingLifecycle lifecycle) {
        this.service = service;
        this.queries = queries;
        this.lifecycle = lifecycle;
    }

    /**
     * Books a session (or a weekly series, all or nothing): 201, or 409 naming the room, counsellor or
     * client that collides, the booking it collides with (its time and room), and the next free slots for
     * the same choice ({@code suggestions}).
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.BOOKINGS_WRITE)
    @APIResponse(responseCode = "201", description = "Booked (a BookingView, or a series of them)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BookingView.class)),
            headers = @Header(name = IdempotentResponses.REPLAYED, description = "true when this is the stored answer of the key"))
    @APIResponse(responseCode = "409", description = "Refused: what collides (resource, conflicts[] with the other "
            + "booking's id, time and room) and suggestions[]: the next free slots for the same room, counsellor, "
            + "client, length and weeks", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = ConflictProblem.class)))
    public Uni<Response> create(@NotNull @Valid BookingRequests.Create request, @HeaderParam("Idempotency-Key") @Pattern(regexp = IdempotentResponses.KEY_PATTERN) @Parameter(description = KEY_HINT) String key) {
        return service.create(request, key).map(outcome -> IdempotentResponses.of(outcome, "/api/bookings/"));
    }

    /**
     * The bookings the account may see that overlap {@code [from, to)} (default: today and the next 14
     * days; at most {@code greenribbon.rooms.maximum-query-span}), by start; clients only by code.
     */
    @GET
    @Requires(Permission.BOOKINGS_READ)
    public Uni<List<BookingView>> list(@QueryParam("room") Long room, @QueryParam("counsellor") Long counsellor,
                                       @QueryParam("status") BookingStatus status,
                                       @QueryParam("from") OffsetDateTime from, @QueryParam("to") OffsetDateTime to,
                                       @QueryParam("limit") @DefaultValue("500") @Min(1) @Max(2000) int limit) {
        return queries.list(room, counsellor, status, from, to, limit);
    }

    /** One booking with its history; not found unless the account may see it. */
    @GET
    @Path("/{id}")
    @Requires(Permission.BOOKINGS_READ)
    public Uni<BookingView> get(@PathParam("id") long id) {
        return queries.get(id);
    }

    @POST
    @Path("/{id}/check-in")
    @Requires(Permission.BOOKINGS_WRITE)
    @APIResponse(responseCode = "200", description = "Done: the booking with its history",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BookingView.class)),
            headers = @Header(name = IdempotentResponses.REPLAYED, description = "true when this is the stored answer of the key"))
    public Uni<Response> checkIn(@PathParam("id") long id, @HeaderParam("Idempotency-Key") @Pattern(regexp = IdempotentResponses.KEY_PATTERN) @Parameter(description = KEY_HINT) String key) {
        return lifecycle.checkIn(id, key).map(outcome -> IdempotentResponses.of(outcome, null));
    }

    @POST
    @Path("/{id}/complete")
    @Requires(Permission.BOOKINGS_WRITE)
    @APIResponse(responseCode = "200", description = "Done: the booking with its history",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BookingView.class)),
            headers = @Header(name = IdempotentResponses.REPLAYED, description = "true when this is the stored answer of the key"))
    public Uni<Response> complete(@PathParam("id") long id, @HeaderParam("Idempotency-Key") @Pattern(regexp = IdempotentResponses.KEY_PATTERN) @Parameter(description = KEY_HINT) String key) {
        return lifecycle.complete(id, key).map(outcome -> IdempotentResponses.of(outcome, null));
    }

    @POST
    @Path("/{id}/no-show")
    @Requires(Permission.BOOKINGS_WRITE)
    @APIResponse(responseCode = "200", description = "Done: the booking with its history",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BookingView.class)),
            headers = @Header(name = IdempotentResponses.REPLAYED, description = "true when this is the stored answer of the key"))
    public Uni<Response> noShow(@PathParam("id") long id, @HeaderParam("Idempotency-Key") @Pattern(regexp = IdempotentResponses.KEY_PATTERN) @Parameter(description = KEY_HINT) String key) {
        return lifecycle.noShow(id, key).map(outcome -> IdempotentResponses.of(outcome, null));
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.BOOKINGS_WRITE)
    @APIResponse(responseCode = "200", description = "Done: the booking with its history",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BookingView.class)),
            headers = @Header(name = IdempotentResponses.REPLAYED, description = "true when this is the stored answer of the key"))
    public Uni<Response> cancel(@PathParam("id") long id, @NotNull @Valid BookingRequests.Cancel request,
                                @HeaderParam("Idempotency-Key") @Pattern(regexp = IdempotentResponses.KEY_PATTERN) @Parameter(description = KEY_HINT) String key) {
        return lifecycle.cancel(id, request, key).map(outcome -> IdempotentResponses.of(outcome, null));
    }

    /** New times (and optionally another counsellor), the old ones kept in the history; 409 as for booking. */
    @POST
    @Path("/{id}/reschedule")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.BOOKINGS_WRITE)
    @APIResponse(responseCode = "200", description = "Done: the booking with its history",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BookingView.class)),
            headers = @Header(name = IdempotentResponses.REPLAYED, description = "true when this is the stored answer of the key"))
    @APIResponse(responseCode = "409", description = "The new time collides (as for booking, with suggestions[]), "
            + "or the booking is no longer booked", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = ConflictProblem.class)))
    public Uni<Response> reschedule(@PathParam("id") long id, @NotNull @Valid BookingRequests.Reschedule request,
                                    @HeaderParam("Idempotency-Key") @Pattern(regexp = IdempotentResponses.KEY_PATTERN) @Parameter(description = KEY_HINT) String key) {
        return lifecycle.reschedule(id, request, key).map(outcome -> IdempotentResponses.of(outcome, null));
    }

    /** The 409 of a refused booking, as documented (a problem document with these members). */
    @Schema(name = "BookingConflictProblem")
    record ConflictProblem(String type, String title, int status, String detail, String resource,
                           Long conflictingBookingId, List<BookingConflicts.Collision> conflicts,
                           List<SlotSuggestions.Suggestion> suggestions) {
    }
}

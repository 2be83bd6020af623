package io.greenribbon.rooms.booking;

import io.greenribbon.access.Permission;
import io.greenribbon.access.Requires;
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

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;

/** Sessions booked in the counselling rooms. */
@Path("/api/bookings")
@Produces(MediaType.APPLICATION_JSON)
public class BookingResource {

    /** Printable ASCII, as a client generates it (a UUID, typically). */
    static final String IDEMPOTENCY_KEY = "^[\\x21-\\x7E]{1,255}$";

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
     * client that collides and the booking it collides with. With an {@code Idempotency-Key}, a retry
     * gets the first answer again and books nothing.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.BOOKINGS_WRITE)
    public Uni<Response> create(@NotNull @Valid BookingRequests.Create request,
                                @HeaderParam("Idempotency-Key") @Pattern(regexp = IDEMPOTENCY_KEY) String key) {
        return service.create(request, key).map(outcome -> {
            Response.ResponseBuilder response = Response.status(outcome.status())
                    .type(MediaType.APPLICATION_JSON).entity(outcome.body());
            if (outcome.firstBookingId() != null) {
                response.location(URI.create("/api/bookings/" + outcome.firstBookingId()));
            }
            if (outcome.replayed()) {
                response.header("Idempotent-Replayed", "true");
            }
            return response.build();
        });
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
    public Uni<BookingView> checkIn(@PathParam("id") long id) {
        return lifecycle.checkIn(id);
    }

    @POST
    @Path("/{id}/complete")
    @Requires(Permission.BOOKINGS_WRITE)
    public Uni<BookingView> complete(@PathParam("id") long id) {
        return lifecycle.complete(id);
    }

    @POST
    @Path("/{id}/no-show")
    @Requires(Permission.BOOKINGS_WRITE)
    public Uni<BookingView> noShow(@PathParam("id") long id) {
        return lifecycle.noShow(id);
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.BOOKINGS_WRITE)
    public Uni<BookingView> cancel(@PathParam("id") long id, @NotNull @Valid BookingRequests.Cancel request) {
        return lifecycle.cancel(id, request.reason());
    }

    @POST
    @Path("/{id}/reschedule")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.BOOKINGS_WRITE)
    public Uni<BookingView> reschedule(@PathParam("id") long id, @NotNull @Valid BookingRequests.Reschedule request) {
        return lifecycle.reschedule(id, request);
    }
}

package io.greenribbon.rooms.console;

import io.greenribbon.access.Permission;
import io.greenribbon.access.Requires;
import io.greenribbon.rooms.booking.BookingStep;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * One booked session: when, where, with whom, its state and history, and the steps it allows now: check in,
 * no-show, complete (one tap, also from the room's week, where the session's card is answered), cancel with a
 * reason, reschedule keeping the history. A booking the account may not see is not found, as in the API.
 */
@io.smallrye.common.annotation.NonBlocking
@Path(BookingPage.PATH)
@Produces(MediaType.TEXT_HTML)
public class BookingPage {

    public static final String PATH = "/console/bookings";

    private final SessionDesk desk;
    private final Template page;
    private final Template card;
    private final Template move;

    public BookingPage(SessionDesk desk, @Location("rooms/booking.html") Template page,
                       @Location("rooms/session.html") Template card, @Location("rooms/reschedule.html") Template move) {
        this.desk = desk;
        this.page = page;
        this.card = card;
        this.move = move;
    }

    @GET
    @Path("/{id}")
    @Operation(hidden = true)
    @Requires(Permission.BOOKINGS_WRITE)
    public Uni<TemplateInstance> show(@PathParam("id") long id) {
        return desk.detail(id).map(d -> page.data("detail", d));
    }

    @POST
    @Path("/{id}/check-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    @Requires(Permission.BOOKINGS_WRITE)
    public Uni<TemplateInstance> checkIn(@PathParam("id") long id, @FormParam("key") String key,
                                         @FormParam("from") String from, @HeaderParam("HX-Request") String htmx) {
        return step(id, BookingStep.CHECK_IN, key, from, htmx);
    }

    @POST
    @Path("/{id}/complete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    @Requires(Permission.BOOKINGS_WRITE)
    public Uni<TemplateInstance> complete(@PathParam("id") long id, @FormParam("key") String key,
                                          @FormParam("from") String from, @HeaderParam("HX-Request") String htmx) {
        return step(id, BookingStep.COMPLETE, key, from, htmx);
    }

    @POST
    @Path("/{id}/no-show")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    @Requires(Permission.BOOKINGS_WRITE)
    public Uni<TemplateInstance> noShow(@PathParam("id") long id, @FormParam("key") String key,
                                        @FormParam("from") String from, @HeaderParam("HX-Request") String htmx) {
        return step(id, BookingStep.NO_SHOW, key, from, htmx);
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    @Requires(Permission.BOOKINGS_WRITE)
    public Uni<TemplateInstance> cancel(@PathParam("id") long id, @FormParam("key") String key,
                                        @FormParam("reason") String reason) {
        return desk.cancel(id, reason, BookingForm.key(key)).map(d -> page.data("detail", d));
    }

    @GET
    @Path("/{id}/reschedule")
    @Operation(hidden = true)
    @Requires(Permission.BOOKINGS_WRITE)
    public Uni<TemplateInstance> moving(@PathParam("id") long id) {
        return desk.moving(id).map(m -> move.data("move", m));
    }

    @POST
    @Path("/{id}/reschedule")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    @Requires(Permission.BOOKINGS_WRITE)
    public Uni<Response> reschedule(@PathParam("id") long id, MultivaluedMap<String, String> fields) {
        return desk.reschedule(id, RescheduleForm.of(fields)).map(result -> {
            if (result instanceof SessionDesk.Detail d) {
                return Response.ok(page.data("detail", d)).build();
            }
            SessionDesk.Move m = (SessionDesk.Move) result;
            return Response.status(m.status()).entity(move.data("move", m)).build();
        });
    }

    /** A quick step: from the week's card (htmx), the card again; otherwise the booking's page. */
    private Uni<TemplateInstance> step(long id, BookingStep step, String key, String from, String htmx) {
        return desk.take(id, step, BookingForm.key(key)).map(d -> "week".equals(from) && "true".equals(htmx)
                ? card.data("s", d.session()).data("notice", d.notice())
                : page.data("detail", d));
    }
}

package io.greenribbon.rooms.console;

import io.greenribbon.access.Permission;
import io.greenribbon.access.Requires;
import io.greenribbon.counsellors.Specialty;
import io.greenribbon.rooms.client.ClientService;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Booking from a free slot: the counsellors of the pool free then (by language or dialect, and specialty), a
 * registered client by the code on their card (or registered here, their contact details sealed), the mode, a
 * purpose, weekly for N weeks. The form carries a key made when it opened: sent twice, it books once and says
 * so. When the database refuses, the screen says what collides with which booking and offers the next free
 * slots for the same choice, each booked with one tap.
 */
@io.smallrye.common.annotation.NonBlocking
@Path(RoomWeekPage.PATH + "/{roomId}/book")
@Produces(MediaType.TEXT_HTML)
public class BookPage {

    private final BookingDesk desk;
    private final Template page;
    private final Template counsellors;
    private final Template booked;

    public BookPage(BookingDesk desk, @Location("rooms/book.html") Template page,
                    @Location("rooms/counsellors.html") Template counsellors, @Location("rooms/booked.html") Template booked) {
        this.desk = desk;
        this.page = page;
        this.counsellors = counsellors;
        this.booked = booked;
    }

    /** The form opened on a slot ({@code date}, {@code start}, {@code end} in the rooms' time). */
    @GET
    @Operation(hidden = true)
    @Requires(Permission.BOOKINGS_WRITE)
    public Uni<TemplateInstance> open(@PathParam("roomId") long roomId, @QueryParam("date") String date,
                                      @QueryParam("start") String start, @QueryParam("end") String end,
                                      @QueryParam("counsellor") String counsellor, @QueryParam("client") String client) {
        return desk.open(roomId, BookingForm.opened(date, start, end, counsellor, client)).map(this::screen);
    }

    /** The counsellors free at the form's time with its filters (the form reloads them as they change). */
    @GET
    @Path("/counsellors")
    @Operation(hidden = true)
    @Requires(Permission.BOOKINGS_WRITE)
    public Uni<TemplateInstance> counsellors(@PathParam("roomId") long roomId, @Context UriInfo uri) {
        return desk.open(roomId, BookingForm.of(uri.getQueryParameters())).map(s -> counsellors.data("screen", s)
                .data("specialties", Specialty.values()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    @Requires(Permission.BOOKINGS_WRITE)
    public Uni<Response> book(@PathParam("roomId") long roomId, MultivaluedMap<String, String> fields) {
        return desk.book(roomId, BookingForm.of(fields)).map(result -> {
            if (result instanceof BookingDesk.Booked b) {
                return Response.ok(booked.data("result", b)).build();
            }
            BookingDesk.Screen s = (BookingDesk.Screen) result;
            return Response.status(s.status()).entity(screen(s)).build();
        });
    }

    /** Registers a new client from the form and puts their code in it (once per form). */
    @POST
    @Path("/client")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    @Requires(Permission.CLIENTS_REGISTER)
    public Uni<Response> registerClient(@PathParam("roomId") long roomId, MultivaluedMap<String, String> fields) {
        ClientService.Contact contact = new ClientService.Contact(blankToNull(fields.getFirst("contactName")),
                blankToNull(fields.getFirst("contactPhone")), blankToNull(fields.getFirst("contactNote")));
        return desk.registerClient(roomId, BookingForm.of(fields), contact)
                .map(s -> Response.status(s.status()).entity(screen(s)).build());
    }

    private TemplateInstance screen(BookingDesk.Screen s) {
        return page.data("screen", s).data("specialties", Specialty.values());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

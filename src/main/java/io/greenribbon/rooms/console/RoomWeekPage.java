package io.greenribbon.rooms.console;

import io.greenribbon.access.Permission;
import io.greenribbon.access.Requires;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;

/**
 * The room staff's rooms and a room's week: opening hours, closures and extra openings, the sessions booked
 * (counsellor, client's code, mode, state, and the steps that may be taken on each now) and the free slots to
 * book from; today first on a phone. Staff of several rooms switch between them; a room the account does not
 * keep is refused as the API refuses it.
 */
@io.smallrye.common.annotation.NonBlocking
@Path(RoomWeekPage.PATH)
@Produces(MediaType.TEXT_HTML)
public class RoomWeekPage {

    public static final String PATH = "/console/rooms";

    private final RoomWeeks weeks;
    private final Template list;
    private final Template week;

    public RoomWeekPage(RoomWeeks weeks, @Location("rooms/rooms.html") Template list,
                        @Location("rooms/week.html") Template week) {
        this.weeks = weeks;
        this.list = list;
        this.week = week;
    }

    /** The rooms the account keeps; with one room only, straight to its week. */
    @GET
    @Operation(hidden = true)
    @Requires(Permission.BOOKINGS_WRITE)
    public Uni<Object> rooms() {
        return weeks.kept().map(rooms -> rooms.size() == 1
                ? Response.seeOther(URI.create(PATH + "/" + rooms.get(0).id)).build()
                : list.data("rooms", rooms));
    }

    @GET
    @Path("/{id}")
    @Operation(hidden = true)
    @Requires(Permission.BOOKINGS_WRITE)
    public Uni<TemplateInstance> week(@PathParam("id") long id, @QueryParam("week") String weekOf) {
        LocalDate today = weeks.today();
        LocalDate monday = monday(weekOf, today);
        return weeks.week(id, monday).map(w -> week.data("week", w).data("today", today)
                .data("thisWeek", today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))));
    }

    /** The Monday of the week holding {@code date} (today's week when none or unreadable). */
    static LocalDate monday(String date, LocalDate today) {
        LocalDate day;
        try {
            day = date == null || date.isBlank() ? today : LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            day = today;
        }
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}

package io.greenribbon.counsellors.calendar;

import io.greenribbon.access.Permission;
import io.greenribbon.access.Requires;
import io.greenribbon.problem.Messages;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

@Path("/api/counsellors/{id}/calendar.ics")
public class CounsellorCalendarResource {

    private static final String TEXT_CALENDAR = "text/calendar; charset=UTF-8";

    private final CounsellorCalendarService service;

    public CounsellorCalendarResource(CounsellorCalendarService service) {
        this.service = service;
    }

    /** The counsellor's calendar (a month back, three months ahead) as iCalendar, for any calendar app. */
    @GET
    @Produces({TEXT_CALENDAR, "application/problem+json"})
    @Requires(Permission.COUNSELLOR_CALENDAR_READ)
    public Uni<Response> calendar(@PathParam("id") long id, @Context HttpHeaders headers) {
        return service.calendar(id, Messages.pick(headers.getAcceptableLanguages()))
                .map(ics -> Response.ok(ics, TEXT_CALENDAR)
                        .header("Content-Disposition", "inline; filename=\"counsellor-" + id + ".ics\"").build());
    }
}

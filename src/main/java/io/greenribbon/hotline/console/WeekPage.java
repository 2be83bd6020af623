package io.greenribbon.hotline.console;

import io.greenribbon.access.Permission;
import io.greenribbon.access.Requires;
import io.greenribbon.counsellors.calendar.CalendarEntry;
import io.greenribbon.counsellors.calendar.CalendarFeedResource;
import io.greenribbon.counsellors.calendar.CalendarFeedService;
import io.greenribbon.counsellors.calendar.CounsellorCalendarService;
import io.greenribbon.web.PageContext;
import io.greenribbon.web.WebConfig;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * The counsellor's week: hotline shifts and booked room sessions, day by day, today first on a phone; and the
 * calendar subscription (a secret address for a calendar app, made, replaced and turned off here).
 */
@io.smallrye.common.annotation.NonBlocking
@Path(WeekPage.PATH)
@Produces(MediaType.TEXT_HTML)
public class WeekPage {

    public static final String PATH = "/console/week";

    /** One day of the week with its entries; {@code past}: before today (a phone shows today first, the past last). */
    public record Day(LocalDate date, boolean today, boolean past, List<CalendarEntry> entries) {
    }

    private final CounsellorCalendarService calendar;
    private final PageContext pageContext;
    private final WebConfig config;
    private final Template page;
    private final CalendarFeedService feeds;

    public WeekPage(CounsellorCalendarService calendar, PageContext pageContext, WebConfig config,
                    @Location("hotline/week.html") Template page, CalendarFeedService feeds) {
        this.feeds = feeds;
        this.calendar = calendar;
        this.pageContext = pageContext;
        this.config = config;
        this.page = page;
    }

    @GET
    @Operation(hidden = true)
    @Requires(Permission.COUNSELLOR_CALENDAR_READ)
    public Uni<TemplateInstance> show(@QueryParam("week") String week) {
        return feeds.ownStatus().chain(feed -> week(week).map(t -> t.data("feed", feed).data("made", null)
                .data("feedNotice", null)));
    }

    /** Makes a subscription address (or a new one in place of the old) and shows it, this once. */
    @POST
    @Path("/calendar-feed")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    @Requires(Permission.COUNSELLOR_CALENDAR_READ)
    public Uni<TemplateInstance> makeFeed(@Context UriInfo uri) {
        return feeds.createOwn().chain(created -> feeds.ownStatus().chain(feed -> week(null).map(t -> t
                .data("feed", feed).data("made", CalendarFeedResource.made(created, uri, config))
                .data("feedNotice", null))));
    }

    /** Turns the subscription off: its address stops working. */
    @POST
    @Path("/calendar-feed/off")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    @Requires(Permission.COUNSELLOR_CALENDAR_READ)
    public Uni<TemplateInstance> feedOff() {
        return feeds.revokeOwn().chain(feed -> week(null).map(t -> t.data("feed", feed).data("made", null)
                .data("feedNotice", "week.feed.off-done")));
    }

    private Uni<TemplateInstance> week(String week) {
        LocalDate today = calendar.today();
        LocalDate monday = parse(week, today).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return calendar.ownWeek(monday, pageContext.locale()).map(w -> {
            List<Day> days = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                LocalDate date = monday.plusDays(i);
                days.add(new Day(date, date.equals(today), date.isBefore(today), w.entries().stream()
                        .filter(e -> !e.start().atZone(config.zone()).toLocalDate().isAfter(date)
                                && e.end().atZone(config.zone()).toLocalDate().compareTo(date) >= 0
                                && !(e.end().atZone(config.zone()).toLocalDate().equals(date)
                                && e.end().atZone(config.zone()).toLocalTime().equals(java.time.LocalTime.MIDNIGHT)))
                        .toList()));
            }
            return page.data("week", w).data("days", days).data("previous", monday.minusWeeks(1))
                    .data("next", monday.plusWeeks(1)).data("thisWeek", today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
        });
    }

    private static LocalDate parse(String week, LocalDate fallback) {
        try {
            return week == null || week.isBlank() ? fallback : LocalDate.parse(week);
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }
}

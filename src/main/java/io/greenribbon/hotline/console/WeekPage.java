package io.greenribbon.hotline.console;

import io.greenribbon.access.Permission;
import io.greenribbon.access.Requires;
import io.greenribbon.counsellors.calendar.CalendarEntry;
import io.greenribbon.counsellors.calendar.CounsellorCalendarService;
import io.greenribbon.web.PageContext;
import io.greenribbon.web.WebConfig;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/** The counsellor's week: hotline shifts and booked room sessions, day by day, today first on a phone. */
@io.smallrye.common.annotation.NonBlocking
@Path(WeekPage.PATH)
@Produces(MediaType.TEXT_HTML)
public class WeekPage {

    public static final String PATH = "/console/week";

    /** One day of the week with its entries. */
    public record Day(LocalDate date, boolean today, List<CalendarEntry> entries) {
    }

    private final CounsellorCalendarService calendar;
    private final PageContext pageContext;
    private final WebConfig config;
    private final Template page;

    public WeekPage(CounsellorCalendarService calendar, PageContext pageContext, WebConfig config,
                    @Location("hotline/week.html") Template page) {
        this.calendar = calendar;
        this.pageContext = pageContext;
        this.config = config;
        this.page = page;
    }

    @GET
    @Operation(hidden = true)
    @Requires(Permission.COUNSELLOR_CALENDAR_READ)
    public Uni<TemplateInstance> show(@QueryParam("week") String week) {
        LocalDate today = calendar.today();
        LocalDate monday = parse(week, today).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return calendar.ownWeek(monday, pageContext.locale()).map(w -> {
            List<Day> days = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                LocalDate date = monday.plusDays(i);
                days.add(new Day(date, date.equals(today), w.entries().stream()
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

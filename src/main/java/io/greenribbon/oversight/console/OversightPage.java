package io.greenribbon.oversight.console;

import io.greenribbon.access.AccessDecision;
import io.greenribbon.access.Permission;
import io.greenribbon.access.Requires;
import io.greenribbon.divisions.DivisionService;
import io.greenribbon.divisions.DivisionView;
import io.greenribbon.oversight.FigureTable;
import io.greenribbon.oversight.HotlineOversight;
import io.greenribbon.oversight.MonthlyReport;
import io.greenribbon.oversight.OversightCsv;
import io.greenribbon.oversight.OversightService;
import io.greenribbon.oversight.RiskOversight;
import io.greenribbon.oversight.RoomOversight;
import io.greenribbon.oversight.WorkforceOversight;
import io.greenribbon.web.PageContext;
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

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The official's dashboard: a division's figures for a month, from the same service as {@code /api/oversight}
 * (nothing is counted in the page), with charts drawn on the server as SVG, drill-down from the city to a county
 * to a township, every table as CSV; and the monthly 12356 report with its CSV, printable on A4.
 */
@io.smallrye.common.annotation.NonBlocking
@Path(OversightPage.PATH)
@Produces(MediaType.TEXT_HTML)
public class OversightPage {

    public static final String PATH = "/console/oversight";

    /** What the dashboard shows. */
    public record Dashboard(String division, String name, String month, String previous, String next,
                            List<DivisionView.DivisionRef> path, HotlineOversight.HotlineFiguresView hotline,
                            RiskOversight.RiskFigures risk, RoomOversight.RoomFigures rooms,
                            WorkforceOversight.WorkforceFigures workforce, List<BarChart> charts) {

        /** Whether a row of a table names a division one can drill down to (beneath the one shown). */
        public boolean drillable(FigureTable.Row row) {
            return row.key().length() > division.length() && row.key().matches("[0-9]{4,12}");
        }
    }

    private final OversightService service;
    private final DivisionService divisions;
    private final AccessDecision access;
    private final PageContext page;
    private final Template dashboard;
    private final Template report;

    public OversightPage(OversightService service, DivisionService divisions, AccessDecision access, PageContext page,
                         @Location("oversight/dashboard.html") Template dashboard,
                         @Location("oversight/report.html") Template report) {
        this.service = service;
        this.divisions = divisions;
        this.access = access;
        this.page = page;
        this.dashboard = dashboard;
        this.report = report;
    }

    @GET
    @Operation(hidden = true)
    @Requires(Permission.OVERSIGHT_READ)
    public Uni<TemplateInstance> show(@QueryParam("division") String division, @QueryParam("month") String month) {
        String target = target(division);
        YearMonth m = month(month);
        String from = m.atDay(1).toString();
        String to = m.plusMonths(1).atDay(1).toString();
        return service.hotline(target, from, to, page.locale())
                .chain(h -> service.risk(target, from, to, page.locale())
                .chain(r -> service.rooms(target, from, to, page.locale())
                .chain(rooms -> service.workforce(target, from, to, page.locale())
                .chain(w -> path(target).map(p -> dashboard.data("d", new Dashboard(target, h.divisionName(),
                        m.toString(), m.minusMonths(1).toString(), m.plusMonths(1).toString(), p, h, r, rooms, w,
                        charts(h, r, rooms))))))));
    }

    @GET
    @Path("/report")
    @Operation(hidden = true)
    @Requires(Permission.OVERSIGHT_READ)
    public Uni<TemplateInstance> report(@QueryParam("division") String division, @QueryParam("month") String month) {
        String target = target(division);
        String m = month == null || month.isBlank() ? YearMonth.now(zone()).minusMonths(1).toString() : month;
        return service.monthly(target, m, page.locale())
                .chain(r -> path(target).map(p -> report.data("r", r).data("path", p)));
    }

    /** A table of the dashboard as CSV (the same as {@code /api/oversight/{area}/tables/{table}}). */
    @GET
    @Path("/csv/{area}/{table}")
    @Produces(OversightCsv.MEDIA_TYPE)
    @Operation(hidden = true)
    @Requires(Permission.OVERSIGHT_READ)
    public Uni<Response> table(@PathParam("area") String area, @PathParam("table") String table,
                               @QueryParam("division") String division, @QueryParam("month") String month) {
        String target = target(division);
        YearMonth m = month(month);
        return service.table(area, table, target, m.atDay(1).toString(), m.plusMonths(1).atDay(1).toString(), page.locale())
                .map(t -> download(OversightCsv.of(t, page.locale()), area + "-" + table + "-" + target + "-" + m));
    }

    @GET
    @Path("/report.csv")
    @Produces(OversightCsv.MEDIA_TYPE)
    @Operation(hidden = true)
    @Requires(Permission.OVERSIGHT_READ)
    public Uni<Response> reportCsv(@QueryParam("division") String division, @QueryParam("month") String month) {
        return service.monthly(target(division), month, page.locale())
                .map(r -> download(MonthlyReport.csv(r, page.locale()), "12356-" + r.division() + "-" + r.month()));
    }

    private String target(String division) {
        String target = division == null || division.isBlank() ? access.jurisdiction() : division.strip();
        if (!target.matches("[0-9]{2}([0-9]{2}([0-9]{2}([0-9]{3}([0-9]{3})?)?)?)?")) {
            throw io.greenribbon.problem.ProblemException.invalid("division", page.text("oversight.invalid.division"));
        }
        return target;
    }

    private YearMonth month(String month) {
        if (month == null || month.isBlank()) {
            return YearMonth.now(zone());
        }
        try {
            return YearMonth.parse(month.strip());
        } catch (java.time.DateTimeException e) {
            throw io.greenribbon.problem.ProblemException.invalid("month", page.text("oversight.invalid.month"));
        }
    }

    private static ZoneId zone() {
        return ZoneId.of("Asia/Shanghai");
    }

    /** The divisions from the account's own down to {@code division}, for the drill-down's way back up. */
    private Uni<List<DivisionView.DivisionRef>> path(String division) {
        String own = access.jurisdiction();
        return divisions.path(division).map(all -> all.stream().filter(d -> d.code().startsWith(own)).toList());
    }

    private List<BarChart> charts(HotlineOversight.HotlineFiguresView h, RiskOversight.RiskFigures r,
                                  RoomOversight.RoomFigures rooms) {
        List<BarChart> charts = new ArrayList<>();
        FigureTable days = h.byDay();
        List<String> dayLabels = days.rows().stream().map(row -> row.key().substring(8)).toList();
        charts.add(BarChart.of("chart-calls", page.text("oversight.chart.calls"), dayLabels,
                days.rows().stream().map(row -> row.values().get(0)).toList(), false));
        charts.add(BarChart.of("chart-answer-rate", page.text("oversight.chart.answer-rate"), dayLabels,
                days.rows().stream().map(row -> row.values().get(5)).toList(), true));
        if (r.summary() != null) {
            charts.add(BarChart.of("chart-risk", page.text("oversight.chart.risk"),
                    r.summary().casesOpenedByLevel().keySet().stream().map(k -> page.text("oversight.level." + k)).toList(),
                    new ArrayList<>(r.summary().casesOpenedByLevel().values()), false));
        }
        List<FigureTable.Row> use = rooms.utilisation().rows();
        List<FigureTable.Row> beneath = use.subList(0, Math.max(0, use.size() - 1));
        charts.add(BarChart.of("chart-rooms", page.text("oversight.chart.rooms"),
                beneath.stream().map(row -> row.name() == null ? row.key() : row.name()).toList(),
                beneath.stream().map(row -> row.values().get(2)).toList(), true));
        return charts;
    }

    private static Response download(byte[] body, String name) {
        return Response.ok(body, OversightCsv.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9._-]", "_") + ".csv\"")
                .build();
    }
}

package io.greenribbon.oversight;

import io.greenribbon.access.Permission;
import io.greenribbon.access.Requires;
import io.greenribbon.divisions.DivisionCodes;
import io.greenribbon.problem.Messages;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Locale;

/**
 * Oversight for health officials: figures of a division of their jurisdiction (their own by default) over a
 * period of local days [{@code from}, {@code to}) (ISO dates; the current month by default), and the 12356
 * monthly report. Aggregates only; counts below county level are given for whole months and protected against
 * small numbers. Every table also as CSV.
 */
@Path("/api/oversight")
@Produces(MediaType.APPLICATION_JSON)
public class OversightResource {

    private final OversightService service;

    public OversightResource(OversightService service) {
        this.service = service;
    }

    /** The aid line's figures (the wallboard's definitions), whole, by line, by hour of day, day of week and day. */
    @GET
    @Path("/hotline")
    @Requires(Permission.OVERSIGHT_READ)
    public Uni<HotlineOversight.HotlineFiguresView> hotline(
            @QueryParam("division") @Pattern(regexp = DivisionCodes.REGEX) String division,
            @QueryParam("from") String from, @QueryParam("to") String to, @Context HttpHeaders headers) {
        return service.hotline(division, from, to, locale(headers));
    }

    /** Risk and caseload figures (audited as a read of the division's risk figures). */
    @GET
    @Path("/risk")
    @Requires(Permission.OVERSIGHT_READ)
    public Uni<RiskOversight.RiskFigures> risk(
            @QueryParam("division") @Pattern(regexp = DivisionCodes.REGEX) String division,
            @QueryParam("from") String from, @QueryParam("to") String to, @Context HttpHeaders headers) {
        return service.risk(division, from, to, locale(headers));
    }

    /** Counselling room sessions and the use of the rooms' opening hours. */
    @GET
    @Path("/rooms")
    @Requires(Permission.OVERSIGHT_READ)
    public Uni<RoomOversight.RoomFigures> rooms(
            @QueryParam("division") @Pattern(regexp = DivisionCodes.REGEX) String division,
            @QueryParam("from") String from, @QueryParam("to") String to, @Context HttpHeaders headers) {
        return service.rooms(division, from, to, locale(headers));
    }

    /** The pool by kind, certified share, credentials running out, roster coverage gaps. */
    @GET
    @Path("/workforce")
    @Requires(Permission.OVERSIGHT_READ)
    public Uni<WorkforceOversight.WorkforceFigures> workforce(
            @QueryParam("division") @Pattern(regexp = DivisionCodes.REGEX) String division,
            @QueryParam("from") String from, @QueryParam("to") String to, @Context HttpHeaders headers) {
        return service.workforce(division, from, to, locale(headers));
    }

    /**
     * One table of an area ({@code hotline}, {@code risk}, {@code rooms}, {@code workforce}) as CSV (UTF-8 with a
     * byte order mark, header row in the reader's language).
     */
    @GET
    @Path("/{area}/tables/{table}")
    @Produces(OversightCsv.MEDIA_TYPE)
    @Requires(Permission.OVERSIGHT_READ)
    public Uni<Response> table(@PathParam("area") String area, @PathParam("table") String table,
                               @QueryParam("division") @Pattern(regexp = DivisionCodes.REGEX) String division,
                               @QueryParam("from") String from, @QueryParam("to") String to,
                               @Context HttpHeaders headers) {
        Locale locale = locale(headers);
        return service.table(area, table, division, from, to, locale)
                .map(t -> csv(OversightCsv.of(t, locale), area + "-" + table));
    }

    /** The 12356 monthly report of a division for {@code month} ({@code 2026-11}; last month by default). */
    @GET
    @Path("/reports/monthly")
    @Requires(Permission.OVERSIGHT_READ)
    public Uni<MonthlyReport.Report> monthly(
            @QueryParam("division") @Pattern(regexp = DivisionCodes.REGEX) String division,
            @QueryParam("month") String month, @Context HttpHeaders headers) {
        return service.monthly(division, month, locale(headers));
    }

    /** The same report as CSV: division code, division, month, figure, value. */
    @GET
    @Path("/reports/monthly.csv")
    @Produces(OversightCsv.MEDIA_TYPE)
    @Requires(Permission.OVERSIGHT_READ)
    public Uni<Response> monthlyCsv(
            @QueryParam("division") @Pattern(regexp = DivisionCodes.REGEX) String division,
            @QueryParam("month") String month, @Context HttpHeaders headers) {
        Locale locale = locale(headers);
        return service.monthly(division, month, locale)
                .map(r -> csv(MonthlyReport.csv(r, locale), "12356-" + r.division() + "-" + r.month()));
    }

    private static Response csv(byte[] body, String name) {
        return Response.ok(body, OversightCsv.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9._-]", "_") + ".csv\"")
                .build();
    }

    private static Locale locale(HttpHeaders headers) {
        return Messages.pick(headers.getAcceptableLanguages());
    }
}

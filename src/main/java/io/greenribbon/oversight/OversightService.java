package io.greenribbon.oversight;

import io.greenribbon.access.AccessDecision;
import io.greenribbon.divisions.DivisionRepository;
import io.greenribbon.hotline.figures.HotlineFigures;
import io.greenribbon.problem.Messages;
import io.greenribbon.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The one way into the oversight figures: which division (the account's own unless named; refused outside the
 * jurisdiction by the same {@link AccessDecision} as every endpoint, then 404 for a code that names no division),
 * which period, in which language; then the figures of one area.
 */
@ApplicationScoped
public class OversightService {

    /** The areas and their tables, as the CSV export names them. */
    public enum Area {
        HOTLINE(List.of("byLine", "byHourOfDay", "byDayOfWeek", "byDay")),
        RISK(List.of("casesOpenedByDivision")),
        ROOMS(List.of("sessionsByDivision", "utilisation")),
        WORKFORCE(List.of("pool", "coverageGaps"));

        final List<String> tables;

        Area(List<String> tables) {
            this.tables = tables;
        }

        static Area of(String name, Locale locale) {
            for (Area a : values()) {
                if (a.name().equalsIgnoreCase(name)) {
                    return a;
                }
            }
            throw ProblemException.notFound("oversight.area.not-found", name);
        }
    }

    private final AccessDecision access;
    private final DivisionRepository divisions;
    private final HotlineOversight hotline;
    private final RiskOversight risk;
    private final RoomOversight rooms;
    private final WorkforceOversight workforce;
    private final MonthlyReport monthly;
    private final HotlineFigures lineFigures;
    private final Clock clock;

    public OversightService(AccessDecision access, DivisionRepository divisions, HotlineOversight hotline,
                            RiskOversight risk, RoomOversight rooms, WorkforceOversight workforce, MonthlyReport monthly,
                            HotlineFigures lineFigures, Clock clock) {
        this.access = access;
        this.divisions = divisions;
        this.hotline = hotline;
        this.risk = risk;
        this.rooms = rooms;
        this.workforce = workforce;
        this.monthly = monthly;
        this.lineFigures = lineFigures;
        this.clock = clock;
    }

    public Uni<HotlineOversight.HotlineFiguresView> hotline(String division, String from, String to, Locale locale) {
        return within(division, locale, d -> hotline.figures(d, period(from, to, locale), locale));
    }

    public Uni<RiskOversight.RiskFigures> risk(String division, String from, String to, Locale locale) {
        return within(division, locale, d -> risk.figures(d, period(from, to, locale), locale));
    }

    public Uni<RoomOversight.RoomFigures> rooms(String division, String from, String to, Locale locale) {
        return within(division, locale, d -> rooms.figures(d, period(from, to, locale), locale));
    }

    public Uni<WorkforceOversight.WorkforceFigures> workforce(String division, String from, String to, Locale locale) {
        return within(division, locale, d -> workforce.figures(d, period(from, to, locale), locale));
    }

    public Uni<MonthlyReport.Report> monthly(String division, String month, Locale locale) {
        return within(division, locale, d -> monthly.of(d, Period.month(month, today(), lineFigures.zone(), locale), locale));
    }

    /** One table of an area's figures, for the CSV export. */
    public Uni<FigureTable> table(String areaName, String table, String division, String from, String to, Locale locale) {
        Area area = Area.of(areaName, locale);
        if (!area.tables.contains(table)) {
            throw ProblemException.invalid("table", Messages.text(locale, "oversight.invalid.table",
                    String.join(", ", area.tables)));
        }
        return switch (area) {
            case HOTLINE -> hotline(division, from, to, locale).map(v -> switch (table) {
                case "byLine" -> v.byLine();
                case "byHourOfDay" -> v.byHourOfDay();
                case "byDayOfWeek" -> v.byDayOfWeek();
                default -> v.byDay();
            });
            case RISK -> risk(division, from, to, locale).map(RiskOversight.RiskFigures::casesOpenedByDivision);
            case ROOMS -> rooms(division, from, to, locale)
                    .map(v -> table.equals("utilisation") ? v.utilisation() : v.sessionsByDivision());
            case WORKFORCE -> workforce(division, from, to, locale)
                    .map(v -> table.equals("pool") ? v.pool() : v.coverageGaps());
        };
    }

    private Period period(String from, String to, Locale locale) {
        return Period.of(from, to, today(), lineFigures.zone(), locale);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), lineFigures.zone());
    }

    private <T> Uni<T> within(String division, Locale locale, Function<String, Uni<T>> work) {
        String scope = division == null || division.isBlank() ? access.jurisdiction() : division;
        access.requireGoverns(scope);
        return Panache.withSession(() -> divisions.findById(scope))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("division.not-found", scope))
                .chain(d -> Uni.createFrom().deferred(() -> work.apply(scope)));
    }
}

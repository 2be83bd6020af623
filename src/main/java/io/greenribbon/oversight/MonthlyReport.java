package io.greenribbon.oversight;

import io.greenribbon.hotline.figures.CallMeasures;
import io.greenribbon.hotline.figures.ContactProfile;
import io.greenribbon.hotline.figures.HotlineFigures;
import io.greenribbon.problem.Messages;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The monthly report upward in the shape the 12356 rules ask (domain.md): answer rate (接通率), local and
 * out-of-area calls, high-crisis, difficult and repeat calls, problem categories, staff make-up; for one month and
 * one division. Every figure is one already defined: the line's ({@link CallMeasures}, {@link ContactProfile}) and
 * the pool's ({@link WorkforceOversight}).
 *
 * <p>Local and out-of-area: the service does not know where a caller is, only where the call was answered. A
 * <em>local</em> call is one answered in the line's own area ({@link CallMeasures#answeredInArea()}: the county's
 * queue on a county line, or the caller's own counsellor there); an <em>out-of-area</em> call is one answered
 * elsewhere: by the city's tier or the provincial backup line ({@code answered - answeredInArea + answeredByBackup}).
 */
@ApplicationScoped
public class MonthlyReport {

    @Schema(description = "The 12356 monthly report of a division: one row per figure (key: a message key under "
            + "oversight.report.*), value in the single column.")
    public record Report(String division, String divisionName, String month, FigureTable figures) {
    }

    private final HotlineFigures hotline;
    private final WorkforceOversight workforce;

    public MonthlyReport(HotlineFigures hotline, WorkforceOversight workforce) {
        this.hotline = hotline;
        this.workforce = workforce;
    }

    public Uni<Report> of(String division, Period month, Locale locale) {
        return hotline.measure(division, month.start(), month.end())
                .chain(measured -> hotline.profile(division, month.start(), month.end())
                .chain(profile -> workforce.figures(division, month, locale).map(staff -> {
                    CallMeasures m = measured.stream().map(HotlineFigures.Measured::measures)
                            .reduce(CallMeasures.ZERO, CallMeasures::plus);
                    List<FigureTable.Row> rows = new ArrayList<>();
                    add(rows, "received", m.received());
                    add(rows, "offered", m.offered());
                    add(rows, "answered", m.answered());
                    add(rows, "answeredByBackup", m.answeredByBackup());
                    add(rows, "abandoned", m.abandoned() + m.shortAbandoned());
                    add(rows, "answerRate", m.answerRate());
                    add(rows, "localCalls", m.answeredInArea());
                    add(rows, "outOfAreaCalls", m.answered() - m.answeredInArea() + m.answeredByBackup());
                    add(rows, "inAreaAnswerRate", m.inAreaAnswerRate());
                    add(rows, "pressedOne", profile.pressedOne());
                    add(rows, "openCase", profile.openCase());
                    add(rows, "formsSaved", profile.formsSaved());
                    add(rows, "highCrisis", profile.highCrisis());
                    add(rows, "difficult", profile.difficult());
                    add(rows, "repeatCalls", profile.repeatFlagged());
                    add(rows, "repeatCallers", profile.repeatCallers());
                    for (String category : ContactProfile.CATEGORIES) {
                        add(rows, "problem." + category, profile.problems().get(category));
                    }
                    add(rows, "callbacksAsked", profile.callbacksAsked());
                    add(rows, "callbacksReached", profile.callbacksReached());
                    FigureTable.Row pool = staff.pool().rows().get(staff.pool().rows().size() - 1);
                    for (int i = 0; i < staff.pool().columns().size(); i++) {
                        rows.add(FigureTable.row("staff." + staff.pool().columns().get(i), null,
                                java.util.Collections.singletonList(pool.values().get(i))));
                    }
                    String monthText = month.from().toString().substring(0, 7);
                    return new Report(division, staff.divisionName(), monthText,
                            new FigureTable("monthlyReport", List.of("value"), rows));
                })));
    }

    private static void add(List<FigureTable.Row> rows, String key, Number value) {
        rows.add(FigureTable.row(key, null, java.util.Collections.singletonList(value)));
    }

    /** The report as CSV: division code, division, month, figure (in the reader's language), value. */
    public static byte[] csv(Report report, Locale locale) {
        List<List<String>> lines = new ArrayList<>();
        lines.add(List.of(Messages.text(locale, "oversight.csv.division-code"), Messages.text(locale, "oversight.csv.division"),
                Messages.text(locale, "oversight.csv.month"), Messages.text(locale, "oversight.csv.figure"),
                Messages.text(locale, "oversight.column.value")));
        for (FigureTable.Row row : report.figures().rows()) {
            lines.add(List.of(report.division(), report.divisionName(), report.month(),
                    Messages.text(locale, "oversight.report." + row.key()), row.shown().get(0)));
        }
        return OversightCsv.write(lines);
    }
}

package io.greenribbon.oversight;

import io.greenribbon.hotline.figures.CallFigures;
import io.greenribbon.hotline.figures.CallMeasures;
import io.greenribbon.hotline.figures.ContactProfile;
import io.greenribbon.hotline.figures.HotlineFigures;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The aid line's figures for oversight: nothing of its own but the tables. Every number comes from the line's one
 * definition ({@code hotline.figures}: {@link HotlineFigures}, {@link CallMeasures}, {@link ContactProfile}), the
 * same the wallboard shows. Contacts belong to the line's division (a county or the city), never below a county,
 * so no count here is a township's or a village's.
 */
@ApplicationScoped
public class HotlineOversight {

    /** The columns of every call table: counts, then rates (within 0 to 1, null without answerable calls) and ASA. */
    static final List<String> CALL_COLUMNS = List.of("offered", "answered", "answeredByBackup", "abandoned",
            "shortAbandoned", "answerRate", "inAreaAnswerRate", "serviceLevel", "asaSeconds");

    @Schema(description = "The aid line's figures of a division's lines over a period, from the line's one definition "
            + "(the wallboard's). inAreaAnswerRate is the in-county answer rate on a county's lines.")
    public record HotlineFiguresView(String division, String divisionName, String from, String to,
                                     CallFigures figures,
                                     @Schema(description = "How calls were raised, what the saved forms say, and the "
                                             + "callbacks of the period.") ContactProfile profile,
                                     @Schema(description = "Callbacks reached / callbacks asked, null when none.",
                                             nullable = true) Double callbackCompletionRate,
                                     @Schema(description = "By line division (counties, the city line).") FigureTable byLine,
                                     @Schema(description = "By hour of the day (0-23, local time).") FigureTable byHourOfDay,
                                     @Schema(description = "By day of the week (1 Monday to 7 Sunday).") FigureTable byDayOfWeek,
                                     @Schema(description = "By local day, for charts over time.") FigureTable byDay) {
    }

    private final HotlineFigures figures;
    private final Breakdowns breakdowns;

    public HotlineOversight(HotlineFigures figures, Breakdowns breakdowns) {
        this.figures = figures;
        this.breakdowns = breakdowns;
    }

    public Uni<HotlineFiguresView> figures(String division, Period period, Locale locale) {
        return figures.measure(division, period.start(), period.end())
                .chain(whole -> figures.measure(division, period.start(), period.end(), HotlineFigures.By.LINE_DIVISION)
                .chain(lines -> figures.measure(division, period.start(), period.end(), HotlineFigures.By.HOUR_OF_DAY)
                .chain(hours -> figures.measure(division, period.start(), period.end(), HotlineFigures.By.DAY_OF_WEEK)
                .chain(days -> figures.measure(division, period.start(), period.end(), HotlineFigures.By.DAY)
                .chain(series -> figures.profile(division, period.start(), period.end())
                .chain(profile -> Panache.withSession(() -> breakdowns.children(division, locale)
                        .chain(kids -> breakdowns.name(division, locale).map(name -> {
                            CallMeasures total = whole.stream().map(HotlineFigures.Measured::measures)
                                    .reduce(CallMeasures.ZERO, CallMeasures::plus);
                            Map<String, String> names = new HashMap<>();
                            kids.forEach(k -> names.put(k[0], k[1]));
                            names.put(division, name);
                            List<FigureTable.Row> byLine = new ArrayList<>();
                            lines.forEach(m -> byLine.add(FigureTable.row(m.lineDivision(),
                                    names.get(m.lineDivision()), row(m.measures()))));
                            byLine.add(FigureTable.row(division, name, row(total)));
                            return new HotlineFiguresView(division, name, period.from().toString(), period.to().toString(),
                                    CallFigures.of(total, figures.serviceLevelSeconds()), profile,
                                    profile.callbackCompletionRate(),
                                    new FigureTable("byLine", CALL_COLUMNS, byLine),
                                    slots("byHourOfDay", hours, 0, 23), slots("byDayOfWeek", days, 1, 7),
                                    new FigureTable("byDay", CALL_COLUMNS, series.stream().map(m -> FigureTable.row(
                                            m.periodStart().toLocalDate().toString(), null, row(m.measures()))).toList()));
                        })))))))));
    }

    /** One row per slot from {@code first} to {@code last}, slots without calls as zeros. */
    private static FigureTable slots(String name, List<HotlineFigures.Measured> measured, int first, int last) {
        Map<Integer, CallMeasures> bySlot = new HashMap<>();
        measured.forEach(m -> bySlot.put(m.slot(), m.measures()));
        List<FigureTable.Row> rows = new ArrayList<>();
        for (int s = first; s <= last; s++) {
            rows.add(FigureTable.row(Integer.toString(s), null, row(bySlot.getOrDefault(s, CallMeasures.ZERO))));
        }
        return new FigureTable(name, CALL_COLUMNS, rows);
    }

    static List<Number> row(CallMeasures m) {
        List<Number> out = new ArrayList<>();
        out.add(m.offered());
        out.add(m.answered());
        out.add(m.answeredByBackup());
        out.add(m.abandoned());
        out.add(m.shortAbandoned());
        out.add(m.answerRate());
        out.add(m.inAreaAnswerRate());
        out.add(m.serviceLevel());
        out.add(m.asaSeconds());
        return out;
    }
}

package io.greenribbon.hotline.wallboard;

import io.greenribbon.hotline.Sql;
import io.greenribbon.hotline.figures.HotlineFigures;
import io.smallrye.mutiny.Uni;

import java.util.List;
import java.util.Map;

/**
 * The hotline room's lines as they are now, for the wallboard: every active line, with its calls in progress
 * as {@link HotlineFigures#inProgressByLine} counts them (one definition of waiting and talking). Counts only.
 */
final class LinesNow {

    private LinesNow() {
    }

    /** The active lines under {@code prefix}, most local first, each with its calls in progress. */
    static Uni<List<WallboardView.Line>> lines(String prefix, Map<String, HotlineFigures.LineInProgress> now) {
        return Sql.rows("""
                        SELECT id, name, division_code FROM hotline_line
                        WHERE active AND division_code LIKE :prefix
                        ORDER BY length(division_code) DESC, division_code, id""", "prefix", prefix + "%")
                .map(rows -> rows.stream().map(r -> {
                    HotlineFigures.LineInProgress going = now.getOrDefault((String) r[0],
                            new HotlineFigures.LineInProgress((String) r[0], 0, null, 0));
                    return new WallboardView.Line((String) r[0], (String) r[1], (String) r[2], going.waiting(),
                            going.waitingSince() == null ? null : Sql.at(going.waitingSince()), going.talking());
                }).toList());
    }
}

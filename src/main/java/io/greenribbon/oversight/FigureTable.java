package io.greenribbon.oversight;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * A table of figures as the API and the CSV export give it: named columns, and one row per division (or hour,
 * day, level, ...). Counts below county level come through {@link CountTree}: a hidden count is null in
 * {@code values} and "&lt;5" in {@code shown}.
 */
@Schema(description = "A table of figures. Each row's values follow the columns; a count hidden by small-cell "
        + "suppression (below 5 at township or village level, or one that could be worked out from the shown ones "
        + "by subtraction) is null in values and \"<5\" in shown.")
public record FigureTable(
        @Schema(description = "The table's name (its message key under oversight.table.*).") String name,
        @Schema(description = "The column keys (message keys under oversight.column.*).") List<String> columns,
        List<Row> rows) {

    /** One row: what it is about (a division code and name, or a label key), its values and how they are shown. */
    public record Row(
            @Schema(description = "The row's key: a division code, or a label (an hour, a level, a category).") String key,
            @Schema(description = "The division's name, or null.") String name,
            @Schema(description = "The values in column order; null where hidden or where there is no value (a rate "
                    + "without a base).") List<Number> values,
            @Schema(description = "The values as shown: the number, \"<5\" where hidden, empty where there is none.")
            List<String> shown) {
    }

    /** A row of plain values, none hidden. */
    public static Row row(String key, String name, List<? extends Number> values) {
        return new Row(key, name, nullable(values),
                values.stream().map(v -> v == null ? "" : plain(v)).toList());
    }

    private static List<Number> nullable(List<? extends Number> values) {
        java.util.ArrayList<Number> out = new java.util.ArrayList<>(values);
        return java.util.Collections.unmodifiableList(out);
    }

    static String plain(Number v) {
        if (v instanceof Double d) {
            return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return v.toString();
    }
}

package io.greenribbon.oversight;

import io.greenribbon.hotline.Sql;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Tables of counts by the divisions beneath one: a city's counties (or a province's cities) as counted, and a
 * county's townships or a township's villages as {@link CountTree} protects them (whole months only). Runs in
 * the caller's session (the risk gate's, for risk data); one grouped statement per table, no row loops.
 */
@ApplicationScoped
public class Breakdowns {

    /** The divisions directly beneath {@code division}, with their names in the reader's language. */
    public Uni<List<String[]>> children(String division, Locale locale) {
        return Sql.rows("SELECT code, name, name_en FROM division WHERE parent_code = :d ORDER BY code", "d", division)
                .map(rows -> rows.stream().map(r -> new String[]{(String) r[0], name(r, locale)}).toList());
    }

    /** The name of {@code division} in the reader's language. */
    public Uni<String> name(String division, Locale locale) {
        return Sql.rows("SELECT code, name, name_en FROM division WHERE code = :d", "d", division)
                .map(rows -> rows.isEmpty() ? division : name(rows.get(0), locale));
    }

    /** {@link #name} in a session of its own. */
    public Uni<String> nameOutsideSession(String division, Locale locale) {
        return io.quarkus.hibernate.reactive.panache.Panache.withSession(() -> name(division, locale));
    }

    private static String name(Object[] r, Locale locale) {
        return "en".equals(locale.getLanguage()) && r[2] != null ? (String) r[2] : (String) r[1];
    }

    /**
     * The table {@code name} of {@code query}'s counts for the divisions beneath {@code division} and the division
     * itself (its last row). Below county level the period must be whole months, and the counts are protected.
     *
     * @param withTotal whether the last column is the total of the others
     */
    public Uni<FigureTable> byDivision(String name, List<String> columns, boolean withTotal, CountQuery query,
                                       String division, Period period, Locale locale) {
        if (division.length() == 6 && !period.wholeMonths()) {
            // A county's own counts are shown for any period; its townships' only for whole months.
            return countyAlone(name, columns, query, division, period, locale);
        }
        if (division.length() >= 6) {
            period.requireWholeMonths(locale);
            return protectedTable(name, columns, withTotal, query, division, period, locale);
        }
        int childLength = division.length() + 2;
        String sql = query.grouped("substring(" + query.division() + ", 1, " + childLength + ")", "CAST(NULL AS int)");
        return Sql.rows(sql, params(division, period)).chain(rows -> children(division, locale).map(kids -> {
            Map<String, long[]> counts = new HashMap<>();
            rows.forEach(r -> counts.put((String) r[0], longs(r, 2, columns.size())));
            List<FigureTable.Row> out = new ArrayList<>();
            for (String[] kid : kids) {
                out.add(FigureTable.row(kid[0], kid[1], boxed(counts.getOrDefault(kid[0], new long[columns.size()]))));
            }
            // Records filed at the division itself (a city-level contact), so that the rows add up to the total.
            long[] own = counts.getOrDefault(division, new long[columns.size()]);
            out.add(FigureTable.row(CountTree.direct(division), null, boxed(own)));
            return new FigureTable(name, columns, out);
        }).chain(table -> name(division, locale).map(n -> {
            List<FigureTable.Row> all = new ArrayList<>(table.rows());
            long[] total = new long[columns.size()];
            all.forEach(r -> {
                for (int i = 0; i < total.length; i++) {
                    total[i] += r.values().get(i).longValue();
                }
            });
            all.add(FigureTable.row(division, n, boxed(total)));
            return new FigureTable(name, columns, all);
        })));
    }

    /** The county's own row alone (a county's counts are never hidden), for a period that is not whole months. */
    private Uni<FigureTable> countyAlone(String name, List<String> columns, CountQuery query, String county,
                                         Period period, Locale locale) {
        String sql = query.grouped("CAST(NULL AS varchar)", "CAST(NULL AS int)");
        return Sql.rows(sql, params(county, period)).chain(rows -> name(county, locale).map(n -> {
            long[] counts = rows.isEmpty() ? new long[columns.size()] : longs(rows.get(0), 2, columns.size());
            return new FigureTable(name, columns, List.of(FigureTable.row(county, n, boxed(counts))));
        }));
    }

    /** The protected tree of the county of {@code division} over the period's months. */
    public Uni<CountTree> tree(CountQuery query, int columns, boolean withTotal, String division, Period period) {
        String county = division.substring(0, 6);
        String sql = query.grouped(query.division(), "CAST(extract(year FROM " + query.time()
                + " AT TIME ZONE :zone) * 100 + extract(month FROM " + query.time() + " AT TIME ZONE :zone) AS int)");
        Object[] params = params(county, period);
        params = java.util.Arrays.copyOf(params, params.length + 2);
        params[params.length - 2] = "zone";
        params[params.length - 1] = period.zone().getId();
        return Sql.rows(sql, params).map(rows -> {
            Map<Integer, Map<String, long[]>> byMonth = new LinkedHashMap<>();
            for (YearMonth m : period.months()) {
                byMonth.put(m.getYear() * 100 + m.getMonthValue(), new HashMap<>());
            }
            rows.forEach(r -> byMonth.computeIfAbsent(((Number) r[1]).intValue(), k -> new HashMap<>())
                    .put((String) r[0], longs(r, 2, columns)));
            List<CountTree> trees = byMonth.values().stream()
                    .map(m -> CountTree.of(county, columns, m, withTotal)).toList();
            return CountTree.combine(trees);
        });
    }

    private Uni<FigureTable> protectedTable(String name, List<String> columns, boolean withTotal, CountQuery query,
                                            String division, Period period, Locale locale) {
        Uni<List<String[]>> kids = division.length() == 12 ? Uni.createFrom().item(List.of()) : children(division, locale);
        return tree(query, columns.size(), withTotal, division, period)
                .chain(tree -> kids.chain(k -> name(division, locale).map(n -> {
                    List<FigureTable.Row> out = new ArrayList<>();
                    for (String[] kid : k) {
                        out.add(row(tree, kid[0], kid[1], columns.size()));
                    }
                    if (division.length() < 12) {
                        out.add(row(tree, CountTree.direct(division), null, columns.size()));
                    }
                    out.add(row(tree, division, n, columns.size()));
                    return new FigureTable(name, columns, out);
                })));
    }

    private static FigureTable.Row row(CountTree tree, String node, String name, int columns) {
        List<Number> values = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            boolean hidden = tree.hidden(node, c);
            values.add(hidden ? null : tree.count(node, c));
            shown.add(hidden ? SmallCells.HIDDEN : Long.toString(tree.count(node, c)));
        }
        return new FigureTable.Row(node, name, java.util.Collections.unmodifiableList(values), List.copyOf(shown));
    }

    private static Object[] params(String prefix, Period period) {
        return new Object[]{"prefix", prefix + "%", "from", Sql.at(period.start()), "to", Sql.at(period.end())};
    }

    private static long[] longs(Object[] r, int offset, int n) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = Sql.number(r[offset + i]);
        }
        return out;
    }

    private static List<Long> boxed(long[] values) {
        List<Long> out = new ArrayList<>();
        for (long v : values) {
            out.add(v);
        }
        return out;
    }
}

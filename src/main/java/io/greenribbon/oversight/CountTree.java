package io.greenribbon.oversight;

import io.greenribbon.divisions.DivisionCodes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The counts of one county (everything beneath it) for one calendar month, as {@link SmallCells} protects
 * them: the unit in which counts below county level are released. Every table below county level is cut from
 * these, whatever it shows (a county's townships, a township's villages), so that two overlapping tables
 * hide the same cells and cannot be set against each other; a period of several months shows a cell only
 * where every one of its months shows it (so a period minus one of its sub-periods gives only sums of shown
 * months).
 *
 * <p>Nodes: the county, its townships and villages (those holding any record), and for the county and each
 * township its <em>direct</em> part ({@code code + "#"}: records filed at that division itself, not beneath
 * it), so that every node with children is exactly the sum of them. Columns: counts; optionally the last
 * column is the total of the others.
 */
public final class CountTree {

    /** The key of the part of {@code code} filed at {@code code} itself. */
    public static String direct(String code) {
        return code + "#";
    }

    private final String root;
    private final int columns;
    private final Map<String, long[]> counts;
    private final Map<String, boolean[]> hidden;

    private CountTree(String root, int columns, Map<String, long[]> counts, Map<String, boolean[]> hidden) {
        this.root = root;
        this.columns = columns;
        this.counts = counts;
        this.hidden = hidden;
    }

    /**
     * The protected tree of county {@code county} from the counts of the records at each division code beneath
     * it ({@code byDivision}: code, a row of counts).
     *
     * @param withTotal whether the last column is the total of the others (a sum to protect as well)
     */
    public static CountTree of(String county, int columns, Map<String, long[]> byDivision, boolean withTotal) {
        if (county.length() != 6) {
            throw new IllegalArgumentException("Counts are protected per county: " + county);
        }
        Map<String, long[]> counts = new TreeMap<>();
        counts.put(county, new long[columns]);
        counts.put(direct(county), new long[columns]);
        byDivision.forEach((code, row) -> {
            if (!code.startsWith(county) || row.length != columns) {
                throw new IllegalArgumentException("Not a row of " + county + ": " + code);
            }
            List<String> keys = new ArrayList<>();
            keys.add(county);
            if (code.length() == 6) {
                keys.add(direct(county));
            } else {
                String township = code.substring(0, 9);
                keys.add(township);
                counts.computeIfAbsent(direct(township), k -> new long[columns]);
                keys.add(code.length() == 9 ? direct(township) : code);
            }
            for (String k : keys) {
                long[] into = counts.computeIfAbsent(k, x -> new long[columns]);
                for (int c = 0; c < columns; c++) {
                    into[c] += row[c];
                }
            }
        });
        List<String> nodes = new ArrayList<>(counts.keySet());
        Map<String, Integer> index = new HashMap<>();
        List<SmallCells.Cell> cells = new ArrayList<>();
        for (String node : nodes) {
            index.put(node, cells.size() / columns);
            boolean county6 = node.equals(county);
            boolean sensitive = !county6 && !node.equals(direct(county));
            for (int c = 0; c < columns; c++) {
                cells.add(new SmallCells.Cell(counts.get(node)[c], sensitive, !county6));
            }
        }
        List<SmallCells.Sum> sums = new ArrayList<>();
        Map<String, List<String>> children = new LinkedHashMap<>();
        for (String node : nodes) {
            String parent = parentOf(node, county);
            if (parent != null) {
                children.computeIfAbsent(parent, k -> new ArrayList<>()).add(node);
            }
        }
        children.forEach((parent, kids) -> {
            for (int c = 0; c < columns; c++) {
                int col = c;
                sums.add(new SmallCells.Sum(index.get(parent) * columns + c,
                        kids.stream().mapToInt(k -> index.get(k) * columns + col).toArray()));
            }
        });
        if (withTotal) {
            for (String node : nodes) {
                int base = index.get(node) * columns;
                int[] parts = new int[columns - 1];
                for (int c = 0; c < columns - 1; c++) {
                    parts[c] = base + c;
                }
                sums.add(new SmallCells.Sum(base + columns - 1, parts));
            }
        }
        boolean[] flat = SmallCells.hide(cells, sums);
        Map<String, boolean[]> hidden = new HashMap<>();
        for (String node : nodes) {
            boolean[] h = new boolean[columns];
            System.arraycopy(flat, index.get(node) * columns, h, 0, columns);
            hidden.put(node, h);
        }
        return new CountTree(county, columns, counts, hidden);
    }

    /** The node a node sums into: a village's township, a township's county, a direct part's own division. */
    private static String parentOf(String node, String county) {
        if (node.equals(county)) {
            return null;
        }
        if (node.endsWith("#")) {
            return node.substring(0, node.length() - 1);
        }
        return node.length() == 12 ? node.substring(0, 9) : county;
    }

    /**
     * The months of one county together: a cell's count is the sum over the months, and it is shown only where
     * every month shows it.
     */
    public static CountTree combine(List<CountTree> months) {
        if (months.isEmpty()) {
            throw new IllegalArgumentException("No month to combine");
        }
        CountTree first = months.get(0);
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, boolean[]> hidden = new HashMap<>();
        TreeSet<String> nodes = new TreeSet<>();
        months.forEach(m -> nodes.addAll(m.counts.keySet()));
        for (String node : nodes) {
            long[] sum = new long[first.columns];
            boolean[] any = new boolean[first.columns];
            for (CountTree m : months) {
                for (int c = 0; c < first.columns; c++) {
                    sum[c] += m.count(node, c);
                    any[c] |= m.hidden(node, c);
                }
            }
            counts.put(node, sum);
            hidden.put(node, any);
        }
        return new CountTree(first.root, first.columns, counts, hidden);
    }

    /** The count of a node (a division code, or a direct part) in column {@code c}; 0 for a node without records. */
    public long count(String node, int c) {
        long[] row = counts.get(node);
        return row == null ? 0 : row[c];
    }

    /** Whether the count is shown as "&lt;5". */
    public boolean hidden(String node, int c) {
        boolean[] row = hidden.get(node);
        return row != null && row[c];
    }

    public String county() {
        return root;
    }

    /** Whether {@code code} is a division below county level (where counts are protected). */
    public static boolean belowCounty(String code) {
        return DivisionCodes.isValid(code) && code.length() > 6;
    }
}

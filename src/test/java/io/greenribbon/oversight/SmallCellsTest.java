package io.greenribbon.oversight;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Small-cell suppression against the attacks it exists for: a row's total minus its shown cells, a parent
 * division minus its other children, one table against an overlapping one, a period minus its sub-period. Each
 * attack is played by {@link Attacker}, who knows every shown count and every sum and solves every sum with
 * exactly one unknown, over and over, as a person with a spreadsheet would.
 */
class SmallCellsTest {

    private static final String COUNTY = "130104";
    private static final String T1 = "130104001";
    private static final String T2 = "130104002";
    private static final String T3 = "130104003";

    @Test
    void primarySuppressionHidesOneToFourAtTownshipAndVillageLevelButNotZeroNorTheCounty() {
        CountTree tree = CountTree.of(COUNTY, 1, counts(Map.of(T1, new long[]{3}, T2, new long[]{0},
                T3, new long[]{12}, COUNTY, new long[]{2})), false);
        assertThat(tree.hidden(T1, 0)).isTrue();
        assertThat(tree.hidden(T3, 0)).as("12 is shown unless needed to protect another").isFalse();
        assertThat(tree.hidden(COUNTY, 0)).as("a county's count is always shown").isFalse();
        assertThat(tree.count(COUNTY, 0)).isEqualTo(17);
        // County 17 minus T3 12 and the county's own 2 leaves T1 + T2: one more cell beside T1 is hidden, the
        // smallest (T2's zero, shown as "<5" too).
        assertThat(tree.hidden(T2, 0) || tree.hidden(CountTree.direct(COUNTY), 0)).isTrue();
        assertThat(Attacker.of(tree, 1, false).anySmallExposed()).isFalse();
    }

    @Test
    void aRowTotalMinusTheShownCellsDoesNotGiveTheHiddenOne() {
        // One township: moderate 3, high 9, imminent 7, total 19. Hiding 3 alone leaves 19 - 9 - 7 = 3.
        Map<String, long[]> rows = counts(Map.of(T1, new long[]{3, 9, 7, 19}, T2, new long[]{6, 8, 9, 23},
                T3, new long[]{7, 7, 6, 20}));
        CountTree tree = CountTree.of(COUNTY, 4, rows, true);
        assertThat(tree.hidden(T1, 0)).isTrue();
        long hiddenInRow = java.util.stream.IntStream.range(0, 3).filter(c -> tree.hidden(T1, c)).count();
        assertThat(hiddenInRow + (tree.hidden(T1, 3) ? 1 : 0)).as("never one hidden cell alone in a row and its total")
                .isGreaterThanOrEqualTo(2);
        assertThat(Attacker.of(tree, 4, true).solves(T1, 0)).isFalse();
        assertThat(Attacker.of(tree, 4, true).anySmallExposed()).isFalse();
    }

    @Test
    void aParentDivisionMinusTheOtherChildrenDoesNotGiveTheHiddenChild() {
        // County = 2 + 8 + 10 (+ 0 filed at the county): hiding 2 alone leaves 20 - 8 - 10 = 2.
        CountTree tree = CountTree.of(COUNTY, 1, counts(Map.of(T1, new long[]{2}, T2, new long[]{8},
                T3, new long[]{10})), false);
        assertThat(tree.hidden(T1, 0)).isTrue();
        assertThat(List.of(T2, T3, CountTree.direct(COUNTY)).stream().filter(k -> tree.hidden(k, 0)).count())
                .as("a second child hidden beside it").isGreaterThanOrEqualTo(1);
        assertThat(tree.hidden(COUNTY, 0)).isFalse();
        assertThat(Attacker.of(tree, 1, false).anySmallExposed()).isFalse();
    }

    @Test
    void aTownshipsVillagesTableAgainstTheCountysTownshipsTableGivesNothing() {
        // Villages of T1: 3 and 9; T1 = 12 is shown in the county's table, so 12 - 9 = 3 unless 9 is hidden too;
        // and T2 = 4 hidden in the county's table must stay hidden as the total of T2's villages table.
        Map<String, long[]> rows = counts(Map.of(T1 + "001", new long[]{3}, T1 + "002", new long[]{9},
                T2 + "001", new long[]{4}, T3 + "001", new long[]{30}));
        CountTree tree = CountTree.of(COUNTY, 1, rows, false);
        assertThat(tree.hidden(T1 + "001", 0)).isTrue();
        assertThat(tree.hidden(T2, 0)).isTrue();
        assertThat(tree.hidden(T2 + "001", 0)).as("T2's only village is T2").isTrue();
        Attacker attacker = Attacker.of(tree, 1, false);
        assertThat(attacker.anySmallExposed()).isFalse();
    }

    @Test
    void aPeriodMinusItsSubPeriodGivesNothing() {
        // T1 had 7 in October and 2 in November. October shows 7; October and November together would show 9,
        // and 9 - 7 = 2. A period shows a cell only where every month of it shows it.
        CountTree october = CountTree.of(COUNTY, 1, counts(Map.of(T1, new long[]{7}, T2, new long[]{9},
                T3, new long[]{8})), false);
        CountTree november = CountTree.of(COUNTY, 1, counts(Map.of(T1, new long[]{2}, T2, new long[]{6},
                T3, new long[]{11})), false);
        assertThat(october.hidden(T1, 0)).isFalse();
        assertThat(november.hidden(T1, 0)).isTrue();
        CountTree both = CountTree.combine(List.of(october, november));
        assertThat(both.hidden(T1, 0)).isTrue();
        assertThat(both.count(COUNTY, 0)).isEqualTo(43);
        // Every shown cell of the two months together is the sum of shown cells of each month: nothing new.
        for (String k : List.of(T1, T2, T3, CountTree.direct(COUNTY))) {
            if (!both.hidden(k, 0)) {
                assertThat(october.hidden(k, 0) || november.hidden(k, 0)).isFalse();
            }
        }
        // And within November, the county minus the shown townships does not give T1.
        assertThat(Attacker.of(november, 1, false).anySmallExposed()).isFalse();
    }

    @Test
    void manyRandomTreesNeverExposeASmallCountToTheAttacker() {
        java.util.Random random = new java.util.Random(16);
        for (int round = 0; round < 300; round++) {
            Map<String, long[]> rows = new TreeMap<>();
            int townships = 1 + random.nextInt(4);
            for (int t = 1; t <= townships; t++) {
                String township = COUNTY + String.format("%03d", t);
                int villages = random.nextInt(4);
                for (int v = 0; v <= villages; v++) {
                    String code = v == 0 ? township : township + String.format("%03d", v);
                    long[] row = new long[4];
                    for (int c = 0; c < 3; c++) {
                        row[c] = random.nextInt(3) == 0 ? 0 : random.nextInt(12);
                        row[3] += row[c];
                    }
                    rows.put(code, row);
                }
            }
            if (random.nextBoolean()) {
                long[] own = {random.nextInt(6), 0, 0, 0};
                own[3] = own[0];
                rows.put(COUNTY, own);
            }
            CountTree tree = CountTree.of(COUNTY, 4, rows, true);
            assertThat(Attacker.of(tree, 4, true).anySmallExposed()).as("round %d: %s", round, rows.keySet()).isFalse();
        }
    }

    @Test
    void theAttackerFindsWhatAMissingComplementLeaves() {
        // The check of the attacker itself: with only the primary suppression (no complement), it finds the cell.
        boolean[] hidden = {false, true, false, false};
        List<SmallCells.Cell> cells = List.of(new SmallCells.Cell(20, false, false), new SmallCells.Cell(2, true, true),
                new SmallCells.Cell(8, true, true), new SmallCells.Cell(10, true, true));
        List<SmallCells.Sum> sums = List.of(new SmallCells.Sum(0, 1, 2, 3));
        assertThat(SmallCells.firstExposed(hidden, sums)).isEqualTo(1);
        boolean[] protectedCells = SmallCells.hide(cells, sums);
        assertThat(protectedCells[1]).isTrue();
        assertThat(protectedCells[2]).as("the smallest shown cell beside it").isTrue();
        assertThat(SmallCells.firstExposed(protectedCells, sums)).isEqualTo(-1);
    }

    @Test
    void aTableWhoseSumsDoNotHoldIsRefused() {
        assertThatThrownBy(() -> SmallCells.hide(List.of(new SmallCells.Cell(5, false, false),
                new SmallCells.Cell(2, true, true)), List.of(new SmallCells.Sum(0, 1))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<String, long[]> counts(Map<String, long[]> rows) {
        return new TreeMap<>(rows);
    }

    /**
     * Someone with every shown count and the sums (parent = children, total = parts), solving any sum with one
     * unknown until nothing more comes out.
     */
    static final class Attacker {
        private final CountTree tree;
        private final int columns;
        private final Map<String, Long>[] known;
        private final List<String> nodes;
        private final List<String[]> parentChildren = new ArrayList<>();

        @SuppressWarnings("unchecked")
        private Attacker(CountTree tree, int columns, boolean withTotal, List<String> nodes) {
            this.tree = tree;
            this.columns = columns;
            this.nodes = nodes;
            this.known = new Map[columns];
            for (int c = 0; c < columns; c++) {
                known[c] = new TreeMap<>();
                for (String n : nodes) {
                    if (!tree.hidden(n, c)) {
                        known[c].put(n, tree.count(n, c));
                    }
                }
            }
            solve(withTotal);
        }

        static Attacker of(CountTree tree, int columns, boolean withTotal) {
            java.util.TreeSet<String> nodes = new java.util.TreeSet<>();
            nodes.add(COUNTY);
            nodes.add(CountTree.direct(COUNTY));
            for (int t = 1; t <= 9; t++) {
                String township = COUNTY + String.format("%03d", t);
                boolean any = false;
                for (int v = 1; v <= 9; v++) {
                    String village = township + String.format("%03d", v);
                    if (hasNode(tree, village, columns)) {
                        nodes.add(village);
                        any = true;
                    }
                }
                if (any || hasNode(tree, township, columns) || hasNode(tree, CountTree.direct(township), columns)) {
                    nodes.add(township);
                    nodes.add(CountTree.direct(township));
                }
            }
            return new Attacker(tree, columns, withTotal, new ArrayList<>(nodes));
        }

        private static boolean hasNode(CountTree tree, String node, int columns) {
            for (int c = 0; c < columns; c++) {
                if (tree.count(node, c) != 0 || tree.hidden(node, c)) {
                    return true;
                }
            }
            return false;
        }

        private void solve(boolean withTotal) {
            List<List<String[]>> equations = new ArrayList<>();
            boolean progress = true;
            while (progress) {
                progress = false;
                for (int c = 0; c < columns; c++) {
                    for (String parent : nodes) {
                        List<String> kids = nodes.stream().filter(k -> parentOf(k).equals(parent)).toList();
                        if (!kids.isEmpty()) {
                            progress |= solveSum(c, parent, kids);
                        }
                    }
                }
                if (withTotal) {
                    for (String n : nodes) {
                        progress |= solveRow(n);
                    }
                }
            }
        }

        private String parentOf(String node) {
            if (node.equals(COUNTY)) {
                return "";
            }
            if (node.endsWith("#")) {
                return node.substring(0, node.length() - 1);
            }
            return node.length() == 12 ? node.substring(0, 9) : COUNTY;
        }

        private boolean solveSum(int c, String total, List<String> parts) {
            List<String> unknown = new ArrayList<>();
            long sum = 0;
            for (String p : parts) {
                if (known[c].containsKey(p)) {
                    sum += known[c].get(p);
                } else {
                    unknown.add(p);
                }
            }
            if (known[c].containsKey(total) && unknown.size() == 1) {
                known[c].put(unknown.get(0), known[c].get(total) - sum);
                return true;
            }
            if (!known[c].containsKey(total) && unknown.isEmpty()) {
                known[c].put(total, sum);
                return true;
            }
            return false;
        }

        private boolean solveRow(String node) {
            int unknown = -1;
            int missing = 0;
            long sum = 0;
            for (int c = 0; c < columns - 1; c++) {
                if (known[c].containsKey(node)) {
                    sum += known[c].get(node);
                } else {
                    missing++;
                    unknown = c;
                }
            }
            boolean totalKnown = known[columns - 1].containsKey(node);
            if (totalKnown && missing == 1) {
                known[unknown].put(node, known[columns - 1].get(node) - sum);
                return true;
            }
            if (!totalKnown && missing == 0) {
                known[columns - 1].put(node, sum);
                return true;
            }
            return false;
        }

        boolean solves(String node, int c) {
            return tree.hidden(node, c) && known[c].containsKey(node);
        }

        /** Whether a hidden count between 1 and 4 of a township or village came out. */
        boolean anySmallExposed() {
            for (int c = 0; c < columns; c++) {
                for (String n : nodes) {
                    long v = tree.count(n, c);
                    if (solves(n, c) && v > 0 && v < SmallCells.THRESHOLD && !n.equals(CountTree.direct(COUNTY))) {
                        return true;
                    }
                }
            }
            return false;
        }
    }
}

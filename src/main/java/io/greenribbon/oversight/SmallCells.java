package io.greenribbon.oversight;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Small-cell suppression: which counts of a table must be shown as "&lt;5" so that no small number of
 * people can be read off it, not even by subtraction.
 *
 * <p>The table is a set of cells and the sums that tie them together (a row's total is the sum of its parts, a
 * parent division's count the sum of its children's). <em>Primary</em> suppression hides every sensitive cell
 * (a village's or township's) holding 1 to {@value #THRESHOLD}-1 (zero identifies nobody). <em>Complementary</em>
 * suppression then hides more cells until no hidden cell can be worked out exactly from the shown ones through
 * the sums: a hidden cell is exposed when the sums, restricted to the hidden cells (the shown ones are known),
 * combine into that cell alone, which is checked exactly by elimination. Each round hides, for one exposed
 * cell, the smallest shown cell it shares a sum with that may be hidden (never a county's or a city's: those
 * are always shown, so tables of counties need no suppression and each county's subtree stands alone).
 * Rounds go on until no hidden cell is exposed; hiding more never exposes, so it ends.
 */
public final class SmallCells {

    /** Counts below this (and above zero) in a sensitive cell are not shown. */
    public static final int THRESHOLD = 5;

    /** How a hidden count is shown. */
    public static final String HIDDEN = "<" + THRESHOLD;

    /**
     * One cell: its count; whether it is sensitive (a village's or township's count: hidden when small); whether
     * it may be hidden to protect another (false for counts of a county and above, which are always shown).
     */
    public record Cell(long count, boolean sensitive, boolean hideable) {
        public Cell {
            if (count < 0) {
                throw new IllegalArgumentException("A count below zero: " + count);
            }
            if (sensitive && !hideable) {
                throw new IllegalArgumentException("A sensitive cell must be hideable");
            }
        }
    }

    /** A sum that ties cells together: {@code total = parts[0] + parts[1] + ...} (indexes into the cells). */
    public record Sum(int total, int... parts) {
    }

    private SmallCells() {
    }

    /**
     * Which cells to hide; {@code hidden[i]} for cell {@code i}.
     *
     * @throws IllegalArgumentException when a sum does not hold for the counts (a table that does not add up
     *                                  cannot be protected by reasoning about its sums)
     */
    public static boolean[] hide(List<Cell> cells, List<Sum> sums) {
        for (Sum s : sums) {
            long parts = Arrays.stream(s.parts()).mapToLong(i -> cells.get(i).count()).sum();
            if (parts != cells.get(s.total()).count()) {
                throw new IllegalArgumentException("A sum that does not hold: cell " + s.total() + " = "
                        + cells.get(s.total()).count() + ", its parts " + parts);
            }
        }
        boolean[] hidden = new boolean[cells.size()];
        for (int i = 0; i < cells.size(); i++) {
            Cell c = cells.get(i);
            hidden[i] = c.sensitive() && c.count() > 0 && c.count() < THRESHOLD;
        }
        int exposed;
        while ((exposed = firstExposed(hidden, sums)) >= 0) {
            int cover = cover(exposed, cells, sums, hidden);
            if (cover < 0) {
                cover = smallestShownHideable(cells, hidden);
            }
            if (cover < 0) {
                // Nothing at all may be hidden beside it: refuse rather than leak.
                throw new IllegalStateException("Cell " + exposed + " cannot be protected: no cell may be hidden");
            }
            hidden[cover] = true;
        }
        return hidden;
    }

    /** The shown cell to hide for an exposed one: the smallest hideable shown cell sharing a sum with it. */
    private static int cover(int exposed, List<Cell> cells, List<Sum> sums, boolean[] hidden) {
        List<Integer> candidates = new ArrayList<>();
        for (Sum s : sums) {
            if (!touches(s, exposed)) {
                continue;
            }
            if (!hidden[s.total()] && cells.get(s.total()).hideable()) {
                candidates.add(s.total());
            }
            for (int p : s.parts()) {
                if (!hidden[p] && cells.get(p).hideable()) {
                    candidates.add(p);
                }
            }
        }
        // Parts before totals at equal counts (a total is usually the largest anyway), then the lowest index,
        // so that the choice is the same every time.
        return candidates.stream().distinct()
                .min(Comparator.<Integer>comparingLong(i -> cells.get(i).count()).thenComparing(i -> i))
                .orElse(-1);
    }

    private static int smallestShownHideable(List<Cell> cells, boolean[] hidden) {
        int best = -1;
        for (int i = 0; i < cells.size(); i++) {
            if (!hidden[i] && cells.get(i).hideable() && (best < 0 || cells.get(i).count() < cells.get(best).count())) {
                best = i;
            }
        }
        return best;
    }

    private static boolean touches(Sum s, int cell) {
        if (s.total() == cell) {
            return true;
        }
        for (int p : s.parts()) {
            if (p == cell) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first hidden cell that the sums determine, or -1. Each sum is a linear equation over the hidden
     * cells (shown cells are known constants); a hidden cell is determined exactly when its unit vector lies in
     * the span of those equations, i.e. when, after reduction to row echelon form, some row has that cell as its
     * only nonzero entry. Exact integer elimination (fraction-free), so no rounding can hide an exposure.
     */
    static int firstExposed(boolean[] hidden, List<Sum> sums) {
        int[] column = new int[hidden.length];
        int n = 0;
        for (int i = 0; i < hidden.length; i++) {
            column[i] = hidden[i] ? n++ : -1;
        }
        if (n == 0) {
            return -1;
        }
        List<java.math.BigInteger[]> rows = new ArrayList<>();
        for (Sum s : sums) {
            java.math.BigInteger[] row = new java.math.BigInteger[n];
            Arrays.fill(row, java.math.BigInteger.ZERO);
            boolean any = false;
            if (hidden[s.total()]) {
                row[column[s.total()]] = java.math.BigInteger.ONE;
                any = true;
            }
            for (int p : s.parts()) {
                if (hidden[p]) {
                    row[column[p]] = row[column[p]].subtract(java.math.BigInteger.ONE);
                    any = true;
                }
            }
            if (any) {
                rows.add(row);
            }
        }
        // Reduced row echelon form over the rationals, kept in integers.
        int rank = 0;
        int[] pivotOf = new int[n];
        Arrays.fill(pivotOf, -1);
        for (int col = 0; col < n && rank < rows.size(); col++) {
            int pivot = -1;
            for (int r = rank; r < rows.size(); r++) {
                if (rows.get(r)[col].signum() != 0) {
                    pivot = r;
                    break;
                }
            }
            if (pivot < 0) {
                continue;
            }
            java.math.BigInteger[] p = rows.get(pivot);
            rows.set(pivot, rows.get(rank));
            rows.set(rank, p);
            for (int r = 0; r < rows.size(); r++) {
                if (r == rank || rows.get(r)[col].signum() == 0) {
                    continue;
                }
                java.math.BigInteger[] row = rows.get(r);
                java.math.BigInteger a = p[col];
                java.math.BigInteger b = row[col];
                java.math.BigInteger g = java.math.BigInteger.ZERO;
                for (int k = 0; k < n; k++) {
                    row[k] = row[k].multiply(a).subtract(p[k].multiply(b));
                    g = g.gcd(row[k]);
                }
                if (g.signum() != 0 && !g.equals(java.math.BigInteger.ONE)) {
                    for (int k = 0; k < n; k++) {
                        row[k] = row[k].divide(g);
                    }
                }
            }
            pivotOf[col] = rank;
            rank++;
        }
        for (int i = 0; i < hidden.length; i++) {
            if (!hidden[i]) {
                continue;
            }
            int col = column[i];
            if (pivotOf[col] < 0) {
                continue;
            }
            java.math.BigInteger[] row = rows.get(pivotOf[col]);
            boolean alone = true;
            for (int k = 0; k < n && alone; k++) {
                alone = k == col || row[k].signum() == 0;
            }
            if (alone) {
                return i;
            }
        }
        return -1;
    }
}

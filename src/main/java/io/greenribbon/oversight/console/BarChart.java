package io.greenribbon.oversight.console;

import java.util.ArrayList;
import java.util.List;

/**
 * A bar chart laid out on the server, for an SVG the page draws with no script and no library: each bar's place
 * and size in the chart's own coordinates, its label and value as text (also in each bar's title, and the figures
 * stand in a table beside it). Bars of no value (a rate without a base) are left out, not drawn as zero.
 */
public record BarChart(String id, String title, int width, int height, List<Bar> bars, String max) {

    /** One bar: where it is, how tall, what it says. */
    public record Bar(String label, String text, double x, double y, double w, double h, double labelX, boolean labelled) {
    }

    private static final int WIDTH = 720;
    private static final int HEIGHT = 240;
    private static final int TOP = 16;
    private static final int BOTTOM = 40;
    private static final int LEFT = 8;

    /**
     * The chart of {@code values} under {@code labels} (equal length); {@code rate}: values are shares from 0 to 1,
     * drawn against 1 and written as percentages.
     */
    public static BarChart of(String id, String title, List<String> labels, List<? extends Number> values, boolean rate) {
        double max = rate ? 1.0 : values.stream().filter(v -> v != null).mapToDouble(Number::doubleValue).max().orElse(0);
        if (max <= 0) {
            max = 1;
        }
        int n = Math.max(1, labels.size());
        double slot = (WIDTH - LEFT * 2) / (double) n;
        double plot = HEIGHT - TOP - BOTTOM;
        int every = Math.max(1, (int) Math.ceil(n / 16.0));
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            Number v = values.get(i);
            if (v == null) {
                continue;
            }
            double h = v.doubleValue() / max * plot;
            double x = LEFT + i * slot + slot * 0.15;
            bars.add(new Bar(labels.get(i), text(v, rate), round(x), round(TOP + plot - h), round(slot * 0.7),
                    round(h), round(LEFT + i * slot + slot / 2), i % every == 0));
        }
        return new BarChart(id, title, WIDTH, HEIGHT, bars, rate ? "100%" : text(max, false));
    }

    /** Where the labels' baseline is. */
    public int labelY() {
        return HEIGHT - BOTTOM + 18;
    }

    public int axisY() {
        return HEIGHT - BOTTOM;
    }

    static String text(Number v, boolean rate) {
        if (rate) {
            return Math.round(v.doubleValue() * 1000) / 10.0 + "%";
        }
        double d = v.doubleValue();
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(Math.round(d * 10) / 10.0);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}

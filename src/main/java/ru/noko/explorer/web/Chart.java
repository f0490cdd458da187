package ru.noko.explorer.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An inline SVG chart as geometry the template draws (bars or lines), with its title, a
 * description and the same numbers as a table. Colours and strokes come from the stylesheet
 * (classes {@code s0..s9}), so the chart prints and needs no inline style.
 */
public record Chart(String id, String title, String description, int width, int height,
                    List<Shape> shapes, List<Label> labels, List<String> legend,
                    List<String> headers, List<List<String>> rows) {

    /** A rectangle, line, polyline (points) or dot; {@code kind} names the SVG element. */
    public record Shape(String kind, String cssClass, String points, double x, double y, double w, double h,
                        String tooltip) {
    }

    /** A text at a point; {@code anchor} start, middle or end. */
    public record Label(double x, double y, String anchor, String text) {
    }

    /** One line of a line chart: a value per x position, null where there is none. */
    public record Series(String name, List<Double> values) {
    }

    static final int WIDTH = 640;
    static final int HEIGHT = 260;
    private static final int LEFT = 44;
    private static final int RIGHT = 12;
    private static final int TOP = 14;
    private static final int BOTTOM = 40;

    /** Bars with a label under each, values 0..max. */
    static Chart bars(String id, String title, String description, List<String> names, List<Double> values, double max,
                      List<String> headers, List<List<String>> rows) {
        List<Shape> shapes = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        axes(shapes, labels, max);
        int n = Math.max(1, names.size());
        double slot = (double) (WIDTH - LEFT - RIGHT) / n;
        for (int i = 0; i < names.size(); i++) {
            Double v = values.get(i);
            double h = v == null ? 0 : plotHeight() * Math.min(v, max) / max;
            double x = LEFT + i * slot + slot * 0.15;
            shapes.add(new Shape("rect", "bar", null, r(x), r(TOP + plotHeight() - h), r(slot * 0.7), r(h),
                    names.get(i) + ": " + Format.score(v)));
            labels.add(new Label(r(LEFT + i * slot + slot / 2), HEIGHT - BOTTOM + 16, "middle", names.get(i)));
            if (v != null) {
                labels.add(new Label(r(LEFT + i * slot + slot / 2), r(TOP + plotHeight() - h - 3), "middle",
                        v == Math.rint(v) ? String.valueOf(v.intValue()) : Format.score(v)));
            }
        }
        return new Chart(id, title, description, WIDTH, HEIGHT, shapes, labels, List.of(), headers, rows);
    }

    /**
     * Lines over x positions (years), values 0..max; {@code breaks} are x indexes before which the
     * methodology changed: a dashed vertical line marks each.
     */
    static Chart lines(String id, String title, String description, List<String> xNames, List<Series> series,
                       double max, List<Integer> breaks, List<String> headers, List<List<String>> rows) {
        List<Shape> shapes = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        axes(shapes, labels, max);
        int n = xNames.size();
        double step = n <= 1 ? 0 : (double) (WIDTH - LEFT - RIGHT - 40) / (n - 1);
        double x0 = n <= 1 ? (WIDTH + LEFT - RIGHT) / 2.0 : LEFT + 20;
        for (int i = 0; i < n; i++) {
            labels.add(new Label(r(x0 + i * step), HEIGHT - BOTTOM + 16, "middle", xNames.get(i)));
        }
        for (int b : breaks) {
            double x = r(x0 + (b - 0.5) * step);
            shapes.add(new Shape("line", "break", null, x, TOP, x, TOP + plotHeight(), "смена методики"));
            labels.add(new Label(x, TOP + 10, "middle", "смена методики"));
        }
        List<String> legend = new ArrayList<>();
        for (int s = 0; s < series.size(); s++) {
            Series line = series.get(s);
            legend.add(line.name());
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < n; i++) {
                Double v = line.values().get(i);
                if (v == null) {
                    flush(shapes, points, s);
                    continue;
                }
                double x = r(x0 + i * step);
                double y = r(TOP + plotHeight() - plotHeight() * Math.min(v, max) / max);
                points.append(points.isEmpty() ? "" : " ").append(num(x)).append(',').append(num(y));
                shapes.add(new Shape("circle", "dot s" + (s % 10), null, x, y, 3.5, 0,
                        line.name() + ", " + xNames.get(i) + ": " + Format.score(v)));
            }
            flush(shapes, points, s);
        }
        return new Chart(id, title, description, WIDTH, HEIGHT, shapes, labels, legend, headers, rows);
    }

    private static void flush(List<Shape> shapes, StringBuilder points, int s) {
        if (points.indexOf(" ") > 0) {
            shapes.add(0, new Shape("polyline", "series s" + (s % 10), points.toString(), 0, 0, 0, 0, null));
        }
        points.setLength(0);
    }

    private static void axes(List<Shape> shapes, List<Label> labels, double max) {
        for (int i = 0; i <= 4; i++) {
            double value = max * i / 4;
            double y = r(TOP + plotHeight() - plotHeight() * i / 4.0);
            shapes.add(new Shape("line", "grid", null, LEFT, y, WIDTH - RIGHT, y, null));
            labels.add(new Label(LEFT - 6, r(y + 4), "end", value == Math.rint(value)
                    ? String.valueOf((long) value) : Format.score(value)));
        }
    }

    private static double plotHeight() {
        return HEIGHT - TOP - BOTTOM;
    }

    private static double r(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /** A coordinate as SVG writes it. */
    public static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    /** The {@code viewBox} attribute. */
    public String viewBox() {
        return "0 0 " + width + " " + height;
    }
}

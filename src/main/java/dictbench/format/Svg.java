package dictbench.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small SVG plot: a title and subtitle, a plot area with linear or logarithmic axes (ticks, grid, labels
 * with units; the labels carry {@code class="axis-x"} and {@code class="axis-y"}), a legend on the right (its
 * entries {@code class="legend"}), and the shapes drawn in data coordinates. Plain SVG 1.1, well-formed
 * XML, no scripts, no external references, so a report is one self-contained file.
 */
public final class Svg {
    /** Okabe–Ito colours: distinguishable with the common colour-vision deficiencies. */
    public static final List<String> PALETTE = List.of("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000", "#F0E442");

    public static final double LEGEND_WIDTH = 200;
    private static final double TOP = 58;

    private final StringBuilder body = new StringBuilder();
    private final List<String[]> legend = new ArrayList<>();
    private final double width;
    private final double height;
    private final double left;
    private final double bottom;
    private final String title;
    private double xMin;
    private double xMax;
    private double yMin;
    private double yMax;
    private double xMinStep;
    private boolean logY;

    /**
     * @param left   margin for the y axis and its labels, pixels
     * @param bottom margin for the x axis and its labels, pixels
     */
    public Svg(String title, String subtitle, double width, double height, double left, double bottom) {
        this.title = title;
        this.width = width;
        this.height = height;
        this.left = left;
        this.bottom = bottom;
        text(width / 2, 20, title, "middle", "font-size=\"15\" font-weight=\"bold\"");
        text(width / 2, 38, subtitle, "middle", "font-size=\"11\" fill=\"#555\"");
    }

    /** Sets the data ranges the plot area shows. */
    public Svg ranges(double xMin, double xMax, double yMin, double yMax) {
        this.xMin = xMin;
        this.xMax = xMax > xMin ? xMax : xMin + 1;
        this.yMin = yMin;
        this.yMax = yMax > yMin ? yMax : yMin + 1;
        return this;
    }

    public double px(double x) {
        return left + (x - xMin) / (xMax - xMin) * (width - LEGEND_WIDTH - left - 10);
    }

    /**
     * A logarithmic y axis, for values that span more than a decade (one slow bar would flatten the rest on a linear one);
     * call after {@link #ranges}, with {@code yMin > 0}.
     */
    public Svg logY() {
        if (!(yMin > 0)) {
            throw new IllegalArgumentException("a log axis needs yMin > 0, got " + yMin);
        }
        logY = true;
        return this;
    }

    public double py(double y) {
        double fraction = logY ? (Math.log10(Math.max(y, yMin)) - Math.log10(yMin)) / (Math.log10(yMax) - Math.log10(yMin))
                : (y - yMin) / (yMax - yMin);
        return height - bottom - fraction * (height - bottom - TOP);
    }

    public double plotLeft() {
        return left;
    }

    public double plotRight() {
        return width - LEGEND_WIDTH - 10;
    }

    public double plotBottom() {
        return height - bottom;
    }

    /** The frame, numeric ticks on the axes asked for (y ticks with grid lines), and both labels. */
    public Svg axes(String xLabel, String yLabel, boolean xTicks, boolean yTicks) {
        double yStep = tickStep(yMin, yMax, 0);
        for (double t : !yTicks ? List.<Double>of() : logY ? logTicks(yMin, yMax) : ticks(yMin, yMax, yStep)) {
            line(px(xMin), py(t), plotRight(), py(t), "#e5e5e5", "");
            text(left - 6, py(t) + 4, tickLabel(t, logY ? t : yStep), "end", "font-size=\"11\"");
        }
        double xStep = tickStep(xMin, xMax, xMinStep);
        for (double t : xTicks ? ticks(xMin, xMax, xStep) : List.<Double>of()) {
            line(px(t), plotBottom(), px(t), plotBottom() + 5, "#333", "");
            text(px(t), plotBottom() + 18, tickLabel(t, xStep), "middle", "font-size=\"11\"");
        }
        line(left, plotBottom(), plotRight(), plotBottom(), "#333", "");
        line(left, TOP, left, plotBottom(), "#333", "");
        text((left + plotRight()) / 2, height - 8, xLabel, "middle", "font-size=\"12\" class=\"axis-x\"");
        double cy = (TOP + plotBottom()) / 2;
        body.append(String.format(Locale.ROOT, "<text x=\"14\" y=\"%.1f\" transform=\"rotate(-90 14 %.1f)\" text-anchor=\"middle\" font-size=\"12\" class=\"axis-y\">%s</text>%n",
                cy, cy, escape(yLabel)));
        return this;
    }

    /** Ticks on the x axis at least {@code step} apart (1 for thread counts). */
    public Svg xStepAtLeast(double step) {
        this.xMinStep = step;
        return this;
    }

    /** Ticks {@code step} apart covering [min, max]. */
    public static List<Double> ticks(double min, double max, double step) {
        List<Double> out = new ArrayList<>();
        for (double t = Math.ceil(min / step) * step; t <= max + step * 1e-9; t += step) {
            out.add(Math.abs(t) < step * 1e-9 ? 0 : t);
        }
        return out;
    }

    /** Ticks at 1, 2 and 5 times each power of ten within [min, max], min > 0. */
    public static List<Double> logTicks(double min, double max) {
        List<Double> out = new ArrayList<>();
        for (double decade = Math.pow(10, Math.floor(Math.log10(min))); decade <= max; decade *= 10) {
            for (double m : new double[] {1, 2, 5}) {
                double t = decade * m;
                if (t >= min * (1 - 1e-9) && t <= max * (1 + 1e-9)) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    /** A round step (1, 2 or 5 times a power of ten, at least {@code minStep}) giving about five ticks over [min, max]. */
    public static double tickStep(double min, double max, double minStep) {
        double raw = (max - min) / 5;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        return Math.max(minStep, magnitude * (raw / magnitude >= 5 ? 5 : raw / magnitude >= 2 ? 2 : 1));
    }

    /** A tick value with as many decimals as the step needs: 0, 0.2, 0.4 or 0, 200, 400. */
    private static String tickLabel(double t, double step) {
        int decimals = step >= 1 ? 0 : (int) Math.ceil(-Math.log10(step) - 1e-9);
        return String.format(Locale.ROOT, "%." + decimals + "f", t);
    }

    /** The fill opacity that marks a second series in the same colour (a cold bar beside its warm one). */
    public static final String PALE = "0.45";

    /** A legend entry: {@code kind} is "box", "pale" (a box at {@link #PALE}), "line", "dash", "dot", "marker" or "note" (text only). */
    public Svg legend(String label, String colour, String kind) {
        legend.add(new String[] {label, colour, kind});
        return this;
    }

    public Svg line(double x1, double y1, double x2, double y2, String colour, String extra) {
        body.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" %s/>%n",
                x1, y1, x2, y2, colour, extra));
        return this;
    }

    public Svg rect(double x, double y, double w, double h, String colour, String tooltip) {
        return rect(x, y, w, h, colour, tooltip, "");
    }

    /** A rectangle with {@code extra} attributes (e.g. {@code fill-opacity="0.5"}). */
    public Svg rect(double x, double y, double w, double h, String colour, String tooltip, String extra) {
        body.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"%s><title>%s</title></rect>%n",
                x, y, Math.max(w, 0.5), Math.max(h, 0.5), colour, extra.isEmpty() ? "" : " " + extra, escape(tooltip)));
        return this;
    }

    public Svg circle(double x, double y, double r, String colour, String tooltip) {
        body.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\"><title>%s</title></circle>%n",
                x, y, r, colour, escape(tooltip)));
        return this;
    }

    /** A vertical error bar from {@code yLow} to {@code yHigh} (data units) at pixel {@code x}. */
    public Svg whisker(double x, double yLow, double yHigh, String colour) {
        line(x, py(yLow), x, py(yHigh), colour, "stroke-width=\"1.5\"");
        line(x - 4, py(yLow), x + 4, py(yLow), colour, "stroke-width=\"1.5\"");
        return line(x - 4, py(yHigh), x + 4, py(yHigh), colour, "stroke-width=\"1.5\"");
    }

    /** A polyline through data points, each {x, y}, in a legend {@code kind}; y is clipped to the range. */
    public Svg curve(List<double[]> points, String colour, String kind) {
        StringBuilder p = new StringBuilder();
        for (double[] xy : points) {
            p.append(String.format(Locale.ROOT, "%.1f,%.1f ", px(xy[0]), py(Math.max(yMin, Math.min(yMax, xy[1])))));
        }
        body.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.8\" %s/>%n",
                p.toString().strip(), colour, dashOf(kind)));
        return this;
    }

    public Svg text(double x, double y, String text, String anchor, String extra) {
        body.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" %s>%s</text>%n", x, y, anchor, extra, escape(text)));
        return this;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" role=\"img\""
                        + " font-family=\"sans-serif\">%n<title>%s</title>%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n",
                width, height, width, height, escape(title)));
        out.append(body);
        double y = TOP;
        double x = width - LEGEND_WIDTH + 5;
        for (String[] e : legend) {
            switch (e[2]) {
                case "box" -> out.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"14\" height=\"10\" fill=\"%s\"/>%n", x, y - 9, e[1]));
                case "pale" -> out.append(String.format(Locale.ROOT,
                        "<rect x=\"%.1f\" y=\"%.1f\" width=\"14\" height=\"10\" fill=\"%s\" fill-opacity=\"%s\"/>%n", x, y - 9, e[1], PALE));
                case "note" -> {
                    // text only
                }
                case "marker" -> out.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"/>%n", x + 7, y - 4, e[1]));
                default -> out.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"1.8\" %s/>%n",
                        x, y - 4, x + 14, y - 4, e[1], dashOf(e[2])));
            }
            out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" class=\"legend\">%s</text>%n", x + 20, y, escape(e[0])));
            y += 16;
        }
        return out.append("</svg>\n").toString();
    }

    public static String dashOf(String kind) {
        return switch (kind) {
            case "dash" -> "stroke-dasharray=\"7 4\"";
            case "dot" -> "stroke-dasharray=\"2 3\"";
            default -> "";
        };
    }

    /** Escapes text for XML and HTML content and attribute values. */
    public static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

package org.vascalc.cli.report;

import java.awt.Color;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * What a chart's image draws centred above and below its plot: its title, its x-axis title and its legend (each
 * line's or bar's name and colour). On a phone a chart keeps the size it was drawn at and scrolls sideways in its
 * box, so what it draws centred falls partly out of view; the pages write this key as text above the box there.
 * (The y-axis title is drawn at the left edge, where the box starts, so it shows whole and is not repeated.)
 *
 * @param title   the chart's title, as drawn
 * @param xTitle  the x axis's title, as drawn (blank: the chart draws none, and the key says none)
 * @param entries the legend, in the order drawn
 */
public record ChartKey(String title, String xTitle, List<Entry> entries) {

    /** How an entry's swatch is drawn: as its line, as its bar, or as its intake marker's symbol. */
    public enum Swatch { LINE, BAR, MARK }

    /**
     * One legend entry.
     *
     * @param name   the series' name (a mark's begins with its marker's symbol, "\u25b2 tablet: ...")
     * @param colour its colour as CSS {@code #rrggbb}
     * @param swatch how its swatch is drawn
     * @param width  a line's width as the chart draws it, pixels (storyaxis: every swatch was one bar, while a line
     *               that another lies on is drawn wider; {@link ChartRenderer#lineWidths}); unused for the others
     */
    public record Entry(String name, String colour, Swatch swatch, float width) {

        /** A line's entry at the usual width. */
        public Entry(String name, String colour) {
            this(name, colour, Swatch.LINE, ChartRenderer.LINE_WIDTH);
        }
    }

    public ChartKey {
        xTitle = xTitle == null ? "" : xTitle;
        entries = List.copyOf(entries);
    }

    /** The key of bars named {@code names}, coloured in turn from {@code palette} (as the chart colours them). */
    static ChartKey ofBars(String title, String xTitle, List<String> names, Color[] palette) {
        return new ChartKey(title, xTitle, IntStream.range(0, names.size())
                .mapToObj(i -> new Entry(names.get(i), css(palette[i % palette.length]), Swatch.BAR, 0)).toList());
    }

    static String css(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    /**
     * The key as HTML (text escaped): the title in bold, then each entry as its swatch ({@link #swatch}) and its name,
     * then the x axis's title ("x axis: hours since midnight"; centred under the whole chart, it is the first thing
     * a scrolled box cuts). Hidden from screen readers: the image's text alternative says the same.
     */
    public String html() {
        StringBuilder b = new StringBuilder("<div class=\"chart-key\" aria-hidden=\"true\"><b>").append(HtmlReport.esc(title))
                .append("</b>");
        for (Entry e : entries) {
            b.append(" <span>").append(swatch(e)).append(HtmlReport.esc(e.swatch() == Swatch.MARK ? afterSymbol(e.name())
                    : e.name())).append("</span>");
        }
        if (!xTitle.isBlank()) {
            b.append(" <span class=\"x-title\">x axis: ").append(HtmlReport.esc(xTitle)).append("</span>");
        }
        return b.append("</div>").toString();
    }

    /**
     * An entry's swatch as the chart draws it (storyaxis: every entry was the same bar): a line at its drawn width
     * (the wider line that another lies on as wide as on the chart), a bar as a square, a mark as its symbol in its
     * colour.
     */
    private static String swatch(Entry e) {
        return switch (e.swatch()) {
            case LINE -> String.format(Locale.ROOT, "<i style=\"background:%s;height:%.1fpx\"></i>", e.colour(), e.width());
            case BAR -> "<i class=\"bar\" style=\"background:" + e.colour() + "\"></i>";
            case MARK -> "<i class=\"mark\" style=\"color:" + e.colour() + "\">" + HtmlReport.esc(symbol(e.name())) + "</i>";
        };
    }

    private static String symbol(String name) {
        int sp = name.indexOf(' ');
        return sp > 0 ? name.substring(0, sp) : name;
    }

    private static String afterSymbol(String name) {
        int sp = name.indexOf(' ');
        return sp > 0 ? name.substring(sp + 1) : "";
    }

    /**
     * The style of {@link #html()}: not shown on a window wider than {@code narrowPx} CSS pixels, where the chart
     * fills its column and its own title, legend and x-axis title show whole. An x-axis title may wrap (it may be
     * longer than a phone is wide) and has a line of its own, under the legend; a legend entry may not wrap.
     */
    public static String style(int narrowPx) {
        return ".chart-key{display:none}@media (max-width:" + narrowPx + "px){.chart-key{display:block;font-size:.9em;"
                + "margin:.3em 0}.chart-key span{white-space:nowrap;margin-right:.6em}.chart-key i{display:inline-block;"
                + "width:1.4em;height:.35em;vertical-align:middle;margin:0 .3em 0 .6em}"
                + ".chart-key i.bar{width:.8em;height:.8em}.chart-key i.mark{width:auto;height:auto;font-style:normal}"
                + ".chart-key .x-title{display:block;white-space:normal}}";
    }
}

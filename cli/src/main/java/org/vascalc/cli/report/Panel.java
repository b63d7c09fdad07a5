package org.vascalc.cli.report;

import java.util.List;

/**
 * One chart of a report: title, axis labels with units, lines, and the sources of the mechanism it
 * shows (printed under the chart so a reader can check where the behaviour comes from).
 * {@code minYSpan} is the least height of the y axis in the data's unit (0: the data's own range):
 * a line that varies by less is drawn in the middle of an axis that tall, not stretched over it.
 * {@code marks} are the runs' calcium intakes, drawn as markers in rows of a strip under the plot, outside its y axis
 * (none: no strip).
 */
public record Panel(String id, String title, String xLabel, String yLabel, List<Series> series, String caption,
                    String sources, double minYSpan, List<IntakeMarks> marks) {
    public Panel {
        series = List.copyOf(series);
        marks = List.copyOf(marks);
        caption = caption == null ? "" : caption;
        sources = sources == null ? "" : sources;
        if (!(minYSpan >= 0) || Double.isInfinite(minYSpan)) {
            throw new IllegalArgumentException("panel " + id + ": minimum y span must be finite and >= 0, not " + minYSpan);
        }
        for (IntakeMarks m : marks) {
            if (m.series() < 0 || m.series() >= series.size()) {
                throw new IllegalArgumentException("panel " + id + ": marks " + m.name() + " take the colour of line "
                        + m.series() + " of " + series.size());
            }
        }
    }

    /** A panel without intake marks. */
    public Panel(String id, String title, String xLabel, String yLabel, List<Series> series, String caption,
                 String sources, double minYSpan) {
        this(id, title, xLabel, yLabel, series, caption, sources, minYSpan, List.of());
    }

    /** A panel whose y axis spans the data's own range. */
    public Panel(String id, String title, String xLabel, String yLabel, List<Series> series, String caption,
                 String sources) {
        this(id, title, xLabel, yLabel, series, caption, sources, 0);
    }

    /** The same panel with {@code marks} in a strip under its plot. */
    public Panel withMarks(List<IntakeMarks> marks) {
        return new Panel(id, title, xLabel, yLabel, series, caption, sources, minYSpan, marks);
    }
}

package org.vascalc.cli.report;

import java.util.List;

/**
 * One chart of a report: title, axis labels with units, lines, and the sources of the mechanism it
 * shows (printed under the chart so a reader can check where the behaviour comes from).
 */
public record Panel(String id, String title, String xLabel, String yLabel, List<Series> series, String caption,
                    String sources) {
    public Panel {
        series = List.copyOf(series);
        caption = caption == null ? "" : caption;
        sources = sources == null ? "" : sources;
    }
}

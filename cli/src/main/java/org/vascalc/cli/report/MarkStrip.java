package org.vascalc.cli.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.util.function.DoubleUnaryOperator;

/**
 * The strip of a panel's intake marks, under its plot and its time axis's tick labels, above the axis's title: one row
 * of markers per {@link IntakeMarks}, each at its time on the plot's axis (charts2: drawn inside the plot, the rows
 * stretched the lines' y axis below the data, so the gut-absorption panel read down to −10 mmol/d beside them). The
 * y axis is the lines' alone; the strip shares only the time axis.
 */
final class MarkStrip {

    /** Pixels between the tick labels and the first row. */
    private static final int TOP = 2;
    /** Pixels a row of marks takes. */
    private static final int ROW = 14;
    /** Pixels under the axis title. */
    private static final int BOTTOM = 6;
    /** A row's faint line across the time axis (the track its marks sit on). */
    private static final Color TRACK = new Color(225, 225, 225);

    private MarkStrip() {
    }

    /** Pixels the strip takes under the chart: its rows and the time axis's title. */
    static int height(Panel panel) {
        return TOP + panel.marks().size() * ROW + titleHeight(panel) + BOTTOM;
    }

    private static int titleHeight(Panel panel) {
        return panel.xLabel() == null || panel.xLabel().isBlank() ? 0 : ROW + 4;
    }

    /**
     * Draws the strip with its top at {@code top}.
     *
     * @param lineColour each line's colour (a row takes its line's)
     * @param screenX    the plot's time axis: a value to its pixel column (the chart laid out)
     * @param xSpan      {first, last} time the lines cover (the rows' tracks span it), or null
     * @param titleFont  the chart's axis-title font
     */
    static void draw(Graphics2D g, Panel panel, Color[] lineColour, DoubleUnaryOperator screenX, double[] xSpan, int top,
                     int width, Font titleFont) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        int left = 0;
        int right = width;
        if (xSpan != null) {
            left = (int) Math.round(screenX.applyAsDouble(xSpan[0]));
            right = (int) Math.round(screenX.applyAsDouble(xSpan[1]));
        }
        int y = top + TOP;
        for (IntakeMarks m : panel.marks()) {
            int mid = y + ROW / 2;
            g.setColor(TRACK);
            g.drawLine(left, mid, right, mid);
            g.setColor(lineColour[m.series()]);
            for (double x : m.x()) {
                int cx = (int) Math.round(screenX.applyAsDouble(x));
                if (xSpan != null && cx >= left - 1 && cx <= right + 1) {
                    GridLegend.marker(g, m.kind(), m.fill(), cx, mid);
                }
            }
            y += ROW;
        }
        if (titleHeight(panel) > 0) {
            g.setFont(titleFont);
            g.setColor(Color.BLACK);
            FontMetrics fm = g.getFontMetrics();
            int centre = (left + right) / 2;
            g.drawString(panel.xLabel(), centre - fm.stringWidth(panel.xLabel()) / 2, y + 4 + fm.getAscent());
        }
    }
}

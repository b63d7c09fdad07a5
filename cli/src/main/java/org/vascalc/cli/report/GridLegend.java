package org.vascalc.cli.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The one legend of a grid of panels (charts: each panel drew the same legend again), drawn under the grid as the
 * panels' own legends were drawn under each: a short line (at the line's width) or a marker in its colour, then its name; entries flow left
 * to right, centred, and wrap onto further rows when the grid is too narrow for them.
 */
final class GridLegend {

    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final int ROW = 22;
    private static final int PAD = 8;
    private static final int SWATCH = 26;
    private static final int GAP = 22;

    private GridLegend() {
    }

    /** Pixels the legend takes under a grid {@code width} pixels wide (0 without entries). */
    static int height(List<ChartRenderer.LegendEntry> entries, int width) {
        return entries.isEmpty() ? 0 : rows(entries, width).size() * ROW + 2 * PAD;
    }

    /** Draws the legend with its top left corner at ({@code left}, {@code top}). */
    static void draw(Graphics2D g, List<ChartRenderer.LegendEntry> entries, int left, int top, int width) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(FONT);
        FontMetrics fm = g.getFontMetrics();
        int y = top + PAD;
        for (List<ChartRenderer.LegendEntry> row : rows(entries, width)) {
            int x = left + (width - rowWidth(row, fm)) / 2;
            int mid = y + ROW / 2;
            for (ChartRenderer.LegendEntry e : row) {
                g.setColor(e.colour());
                if (e.bar()) {
                    g.fillRect(x + SWATCH / 2 - 6, mid - 6, 12, 12);
                } else if (e.kind() == null) {
                    // as the panels draw it (charts2: every line was one width here, wider lines among them)
                    g.setStroke(new BasicStroke(e.width(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                    g.drawLine(x + 2, mid, x + SWATCH - 2, mid);
                } else {
                    marker(g, e.kind(), e.fill(), x + SWATCH / 2, mid);
                }
                g.setColor(Color.BLACK);
                g.drawString(e.name(), x + SWATCH + 6, mid + fm.getAscent() / 2 - 1);
                x += entryWidth(e, fm) + GAP;
            }
            y += ROW;
        }
    }

    /**
     * A marker as {@link ChartRenderer} draws it for an intake of this kind, centred on (cx, cy), filled as {@code fill}
     * says ({@link IntakeMarks#fill}): whole, or its outline two pixels wide (so that it reads at the strip's size) and
     * nothing, its left half or a dot in its middle inside.
     */
    static void marker(Graphics2D g, IntakeMarks.Kind kind, IntakeMarks.Fill fill, int cx, int cy) {
        int r = ChartRenderer.MARK_SIZE / 2;
        Polygon triangle = new Polygon(new int[] {cx - r - 1, cx + r + 1, cx}, new int[] {cy + r, cy + r, cy - r - 1}, 3);
        java.awt.Shape shape = switch (kind) {
            case MEAL -> new java.awt.geom.Ellipse2D.Double(cx - r, cy - r, 2 * r + 1, 2 * r + 1);
            case TABLET -> triangle;
            case DRINK -> new java.awt.Rectangle(cx - r, cy - r, 2 * r + 1, 2 * r + 1);
        };
        if (fill == IntakeMarks.Fill.FILLED) {
            g.fill(shape);
            return;
        }
        java.awt.Shape clip = g.getClip();
        if (fill == IntakeMarks.Fill.HALF) {
            g.clipRect(cx - r - 2, cy - r - 2, r + 2, 2 * r + 5);
            g.fill(shape);
            g.setClip(clip);
        } else if (fill == IntakeMarks.Fill.DOTTED) {
            // the dot in the shape's middle (a triangle's is a little below its bounding box's)
            int dy = kind == IntakeMarks.Kind.TABLET ? 1 : 0;
            g.fillOval(cx - 1, cy - 1 + dy, 3, 3);
        }
        java.awt.Stroke was = g.getStroke();
        g.setStroke(new BasicStroke(2f));
        switch (kind) {
            case MEAL -> g.drawOval(cx - r, cy - r, 2 * r, 2 * r);
            case TABLET -> g.drawPolygon(triangle);
            case DRINK -> g.drawRect(cx - r, cy - r, 2 * r, 2 * r);
        }
        g.setStroke(was);
    }

    /** The entries as rows that fit {@code width}, each entry whole. */
    private static List<List<ChartRenderer.LegendEntry>> rows(List<ChartRenderer.LegendEntry> entries, int width) {
        FontMetrics fm = metrics();
        List<List<ChartRenderer.LegendEntry>> rows = new ArrayList<>();
        List<ChartRenderer.LegendEntry> row = new ArrayList<>();
        int used = 0;
        for (ChartRenderer.LegendEntry e : entries) {
            int w = entryWidth(e, fm);
            if (!row.isEmpty() && used + GAP + w > width - 2 * PAD) {
                rows.add(row);
                row = new ArrayList<>();
                used = 0;
            }
            used += (row.isEmpty() ? 0 : GAP) + w;
            row.add(e);
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        return rows;
    }

    private static int rowWidth(List<ChartRenderer.LegendEntry> row, FontMetrics fm) {
        int w = 0;
        for (ChartRenderer.LegendEntry e : row) {
            w += (w == 0 ? 0 : GAP) + entryWidth(e, fm);
        }
        return w;
    }

    private static int entryWidth(ChartRenderer.LegendEntry e, FontMetrics fm) {
        return SWATCH + 6 + fm.stringWidth(e.name());
    }

    private static FontMetrics metrics() {
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(FONT);
            return g.getFontMetrics();
        } finally {
            g.dispose();
        }
    }
}

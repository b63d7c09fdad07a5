package org.vascalc.cli.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * The white ground the charts drawn with Java2D start from ({@link ChartRenderer}'s composed images,
 * {@link TornadoChart}, {@link TrialChart}). The caller disposes of the graphics it is given.
 */
final class ChartCanvas {

    private ChartCanvas() {
    }

    /** The image's graphics with the whole image filled white. */
    static Graphics2D white(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        return g;
    }

    /**
     * The image's graphics for a drawn chart: shapes and text antialiased, the whole image filled white, then black
     * and the title's font (sans-serif, bold, 14 points) set for the title to come.
     */
    static Graphics2D forTitle(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        return g;
    }
}

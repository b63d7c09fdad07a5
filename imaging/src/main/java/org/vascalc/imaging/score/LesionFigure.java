package org.vascalc.imaging.score;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vascalc.imaging.volume.CtVolume;

/**
 * A PNG-ready figure: one tile per slice that holds lesions, cropped around them and magnified,
 * with each lesion outlined in the colour of its Agatston weight class. Plain Java2D.
 */
public final class LesionFigure {

    /** Weight 1..4: yellow, orange, red, magenta (index 0 unused). */
    public static final Color[] WEIGHT_COLOURS = {Color.GRAY, new Color(255, 230, 0), new Color(255, 140, 0),
        new Color(230, 20, 20), new Color(230, 0, 230)};
    private static final int CROP = 64;
    private static final int ZOOM = 4;
    private static final int COLUMNS = 4;
    static final int MAX_TILES = 16;
    private static final int CAPTION = 34;
    private static final int WINDOW_LOW = -300;
    private static final int WINDOW_HIGH = 700;

    private LesionFigure() {
    }

    /**
     * The look the imaging figures share (this one and the layer-blindness experiment's): {@code img}
     * painted black, {@code title} in white bold 14-point sans-serif at the top left, text antialiased;
     * the graphics returned still draws white, in that font.
     */
    public static Graphics2D titled(BufferedImage img, String title) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, 6, 18);
        return g;
    }

    /** Renders the figure; with no lesions, one tile of the middle slice says so. */
    public static BufferedImage render(CtVolume ct, CalciumScore score, String title) {
        return render(ct, score, title, score.coronaryCategory().map(InternalCacDrs::label).orElse(null));
    }

    /** As {@link #render(CtVolume, CalciumScore, String)}, with a CAC-DRS label from the caller (null: none). */
    public static BufferedImage render(CtVolume ct, CalciumScore score, String title, String cacDrsLabel) {
        Map<Integer, List<Lesion>> bySlice = new LinkedHashMap<>();
        List<int[]> tiles = new ArrayList<>();
        for (Lesion l : score.lesions()) {
            for (int z = l.firstSlice(); z <= l.lastSlice(); z++) {
                bySlice.computeIfAbsent(z, q -> new ArrayList<>()).add(l);
                tiles.add(new int[] {z, l.id()});
            }
        }
        tiles.sort((p, q) -> p[0] != q[0] ? Integer.compare(p[0], q[0]) : Integer.compare(p[1], q[1]));
        boolean truncated = tiles.size() > MAX_TILES;
        if (truncated) {
            tiles = tiles.subList(0, MAX_TILES);
        }
        int count = Math.max(1, tiles.size());
        int cols = Math.min(COLUMNS, count);
        int rows = (count + cols - 1) / cols;
        int tile = CROP * ZOOM;
        int width = Math.max(cols * tile, 4 * tile);
        List<String> summary = summaryLines(summaryLine(ct, score, cacDrsLabel, truncated), SUMMARY_FONT, width - 12);
        int shift = SUMMARY_LINE * (summary.size() - 1);
        int header = 58 + shift;
        BufferedImage img = new BufferedImage(width, header + rows * (tile + CAPTION), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = titled(img, title);
        g.setFont(SUMMARY_FONT);
        for (int i = 0; i < summary.size(); i++) {
            g.drawString(summary.get(i), 6, 36 + SUMMARY_LINE * i);
        }
        int lx = 6;
        String[] bands = {"", "130-199", "200-299", "300-399", ">=400"};
        for (int w = 1; w <= 4; w++) {
            g.setColor(WEIGHT_COLOURS[w]);
            g.fillRect(lx, 44 + shift, 10, 10);
            g.setColor(Color.WHITE);
            String s = "weight " + w + ": peak " + bands[w] + " HU";
            g.drawString(s, lx + 14, 54 + shift);
            lx += 14 + g.getFontMetrics().stringWidth(s) + 14;
        }
        if (tiles.isEmpty()) {
            int z = ct.depth() / 2;
            drawTile(g, ct, z, ct.width() / 2, ct.height() / 2, List.of(), 0, header);
            caption(g, "no lesions; slice " + z, 0, header + tile);
        }
        Map<Integer, Lesion> byId = new LinkedHashMap<>();
        for (Lesion l : score.lesions()) {
            byId.put(l.id(), l);
        }
        for (int t = 0; t < tiles.size(); t++) {
            int z = tiles.get(t)[0];
            Lesion centre = byId.get(tiles.get(t)[1]);
            int cx = (int) Math.round(centre.centroidXMm() / ct.pixelSpacingXMm());
            int cy = (int) Math.round(centre.centroidYMm() / ct.pixelSpacingYMm());
            int ox = (t % cols) * tile;
            int oy = header + (t / cols) * (tile + CAPTION);
            List<Lesion> shown = bySlice.get(z);
            drawTile(g, ct, z, cx, cy, shown, ox, oy);
            StringBuilder c = new StringBuilder(String.format(Locale.ROOT, "slice %d (z %.1f mm)  #%d %s w%d", z,
                    ct.slicePositionZMm(z), centre.id(), centre.territory(), centre.weight()));
            caption(g, c.toString(), ox, oy + tile);
        }
        g.dispose();
        return img;
    }

    /**
     * The line under the title: the scores, the category, the HU window and the width of a tile in mm (review15:
     * the tiles had no scale; a lesion's size could not be read off them).
     */
    static String summaryLine(CtVolume ct, CalciumScore score, String cacDrsLabel, boolean truncated) {
        return String.format(Locale.ROOT, "Agatston %.1f  volume %.1f mm3  mass %.2f mg  %s  (window %d..%d HU; tiles "
                + "%.1f mm wide%s)", score.agatston(), score.volumeMm3(), score.massMg(),
                cacDrsLabel == null ? ScoreReport.NO_CATEGORY : "CAC-DRS " + cacDrsLabel, WINDOW_LOW, WINDOW_HIGH,
                CROP * ct.pixelSpacingXMm(), truncated ? "; first " + MAX_TILES + " lesion slices" : "");
    }

    private static final Font SUMMARY_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final int SUMMARY_LINE = 14;

    /**
     * {@code summary} as drawn in {@code font} within {@code width} pixels: one line when it fits, else the scores
     * and category on one line and the parenthesis (window, tile width, the first 16 slices) on the next. review20:
     * an uploaded series without an artery label map ("no CAC-DRS category (no artery label map)") with more than
     * 16 lesion slices ran past the figure's right edge, cut off in the middle of "lesion slices".
     */
    static List<String> summaryLines(String summary, Font font, int width) {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        java.awt.FontMetrics fm = g.getFontMetrics(font);
        g.dispose();
        int cut = summary.lastIndexOf("  (");
        if (fm.stringWidth(summary) <= width || cut < 0) {
            return List.of(summary);
        }
        return List.of(summary.substring(0, cut), summary.substring(cut + 2));
    }

    private static void caption(Graphics2D g, String text, int x, int y) {
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawString(text.length() > 60 ? text.substring(0, 60) + "..." : text, x + 4, y + 14);
    }

    private static void drawTile(Graphics2D g, CtVolume ct, int z, int cx, int cy, List<Lesion> lesions, int ox,
                                 int oy) {
        drawCrop(g, ct, z, cx, cy, CROP, ZOOM, WINDOW_LOW, WINDOW_HIGH, lesions, ox, oy);
    }

    /**
     * Draws a {@code crop}-pixel square of slice {@code z} centred on column {@code cx}, row {@code cy},
     * magnified {@code zoom} times at ({@code ox}, {@code oy}), in the HU window [lo, hi], with the
     * lesions' outlines in their weight colours.
     */
    public static void drawCrop(Graphics2D g, CtVolume ct, int z, int cx, int cy, int crop, int zoom, int lo, int hi,
                                List<Lesion> lesions, int ox, int oy) {
        int x0 = cx - crop / 2;
        int y0 = cy - crop / 2;
        int w = ct.width();
        int h = ct.height();
        for (int y = 0; y < crop; y++) {
            for (int x = 0; x < crop; x++) {
                int xx = x0 + x;
                int yy = y0 + y;
                int grey = 0;
                if (xx >= 0 && yy >= 0 && xx < w && yy < h) {
                    double v = (ct.hu(xx, yy, z) - lo) / (double) (hi - lo);
                    grey = (int) Math.round(255 * Math.max(0, Math.min(1, v)));
                }
                g.setColor(new Color(grey, grey, grey));
                g.fillRect(ox + x * zoom, oy + y * zoom, zoom, zoom);
            }
        }
        g.setStroke(new BasicStroke(2f));
        int n = w * h;
        for (Lesion l : lesions) {
            java.util.Set<Integer> in = new java.util.HashSet<>();
            for (int k = 0; k < l.voxelIndexCount(); k++) {
                int v = l.voxel(k);
                if (v / n == z) {
                    in.add(v - z * n);
                }
            }
            g.setColor(WEIGHT_COLOURS[l.weight()]);
            for (int p : in) {
                int x = p % w - x0;
                int y = p / w - y0;
                if (x < 0 || y < 0 || x >= crop || y >= crop) {
                    continue;
                }
                int px = ox + x * zoom;
                int py = oy + y * zoom;
                if (!in.contains(p - w)) {
                    g.drawLine(px, py, px + zoom, py);
                }
                if (!in.contains(p + w)) {
                    g.drawLine(px, py + zoom, px + zoom, py + zoom);
                }
                if (p % w == 0 || !in.contains(p - 1)) {
                    g.drawLine(px, py, px, py + zoom);
                }
                if (p % w == w - 1 || !in.contains(p + 1)) {
                    g.drawLine(px + zoom, py, px + zoom, py + zoom);
                }
            }
        }
    }
}

package org.vascalc.imaging.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.vascalc.imaging.volume.CtVolume;

/**
 * What the figure's tiles say: grey levels follow the HU window linearly, and each lesion is outlined
 * in the colour of its Agatston weight, around its edge and not across it. Mutation testing
 * (docs/testing.md, imaging 2026-12-04) found no test looked at a drawn pixel; the layout of the
 * captions and tiles is left to the eye.
 */
class LesionFigureTest {

    private static final int ZOOM = 4;

    @Test
    void greyFollowsTheWindowAndEachLesionIsOutlinedInItsWeightColour() {
        // 16x16 px at 40 HU; lesion 1 (2x2 at 700 HU, weight 4) at columns/rows 3-4, lesion 2 (3x3 at
        // 150 HU, weight 1) at columns/rows 10-12; window -300..700: 40 HU -> 255 x 0.34 = 86.7 -> 87
        Grids g = new Grids(16, 16, 1, 40).box(0, 3, 3, 2, 2, 700).box(0, 10, 10, 3, 3, 150);
        CtVolume ct = g.volume(0.5, 3, 120);
        CalciumScore s = new CalciumScorer(ScoringOptions.clinical()).score(ct);
        assertThat(s.lesions()).extracting(Lesion::weight).containsExactly(4, 1);
        BufferedImage img = new BufferedImage(16 * ZOOM, 16 * ZOOM, BufferedImage.TYPE_INT_RGB);
        Graphics2D gr = img.createGraphics();
        LesionFigure.drawCrop(gr, ct, 0, 8, 8, 16, ZOOM, -300, 700, s.lesions(), 0, 0);
        gr.dispose();

        assertThat(rgb(img, 1 * ZOOM + 2, 1 * ZOOM + 2)).isEqualTo(new Color(87, 87, 87));
        // the inside of each lesion keeps its grey: 700 HU is white, 150 HU is 255 x 0.45 = 114.75 -> 115
        assertThat(rgb(img, 4 * ZOOM, 4 * ZOOM)).isEqualTo(Color.WHITE);
        assertThat(rgb(img, 11 * ZOOM + 2, 11 * ZOOM + 2)).isEqualTo(new Color(115, 115, 115));
        assertOutlined(img, 3, 4, LesionFigure.WEIGHT_COLOURS[4]);
        assertOutlined(img, 10, 12, LesionFigure.WEIGHT_COLOURS[1]);
    }

    @Test
    void theLineUnderTheTitleGivesTheTilesWidthInMillimetres() {
        // review15: the tiles (64 pixels of the scan, magnified) had no scale: at 0.5 mm pixels a tile is 32 mm wide
        CtVolume ct = new Grids(16, 16, 1, 40).box(0, 3, 3, 2, 2, 700).volume(0.5, 3, 120);
        CalciumScore s = new CalciumScorer(ScoringOptions.clinical()).score(ct);
        assertThat(LesionFigure.summaryLine(ct, s, null, false)).startsWith("Agatston ")
                .endsWith("(window -300..700 HU; tiles 32.0 mm wide)");
        assertThat(LesionFigure.summaryLine(ct, s, "A1/N1", true)).contains("CAC-DRS A1/N1")
                .endsWith("tiles 32.0 mm wide; first " + LesionFigure.MAX_TILES + " lesion slices)");
    }

    @Test
    void theLineUnderTheTitleStaysInsideTheFigureWithoutACategoryAndWithMoreThanSixteenSlices() {
        // review20: an uploaded series without an artery label map and with more than 16 lesion slices: the line
        // ran past the right edge, cut off in "first 16 lesion slices)". Now it breaks before the parenthesis.
        Grids grids = new Grids(16, 16, LesionFigure.MAX_TILES + 4, 40);
        for (int z = 0; z < LesionFigure.MAX_TILES + 4; z++) {
            grids.box(z, 3, 3, 6, 6, 1500);
        }
        CtVolume ct = grids.volume(0.4, 3, 120);
        CalciumScore s = new CalciumScorer(ScoringOptions.clinical()).score(ct);
        String line = LesionFigure.summaryLine(ct, s, null, true);
        assertThat(line).contains(ScoreReport.NO_CATEGORY).endsWith("lesion slices)");
        BufferedImage img = LesionFigure.render(ct, s, "uploaded", null);
        int inked = 0;
        for (int y = 22; y < 60; y++) {
            for (int x = img.getWidth() - 12; x < img.getWidth(); x++) {
                assertThat(rgb(img, x, y)).as("(%d, %d): no text reaches the right edge", x, y).isEqualTo(Color.BLACK);
            }
            for (int x = 0; x < img.getWidth(); x++) {
                inked += rgb(img, x, y).equals(Color.BLACK) ? 0 : 1;
            }
        }
        assertThat(inked).as("the line is drawn").isPositive();
        assertThat(LesionFigure.summaryLines(line, new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 12),
                img.getWidth() - 12)).containsExactly(line.substring(0, line.lastIndexOf("  (")),
                        line.substring(line.lastIndexOf("  (") + 2));
    }

    @Test
    void aTitledFigureIsBlackWithItsTitleInWhiteBoldAtTheTop() {
        // The look the lesion figure and the layer-blindness figure share (LesionFigure.titled).
        BufferedImage img = new BufferedImage(200, 60, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = LesionFigure.titled(img, "Title");
        assertThat(g.getColor()).isEqualTo(Color.WHITE);
        assertThat(g.getFont().isBold()).isTrue();
        assertThat(g.getFont().getSize()).isEqualTo(14);
        g.dispose();
        boolean inked = false;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                boolean black = rgb(img, x, y).equals(Color.BLACK);
                if (y > 24 || x > 80) {
                    // a 14-point baseline at y = 18: below it only descenders; "Title" ends well before x = 80
                    assertThat(black).as("(%d, %d) outside the title is black", x, y).isTrue();
                }
                inked |= !black;
            }
        }
        assertThat(inked).as("the title is drawn").isTrue();
    }

    /** The colour appears on all four sides of the square of pixels [lo, hi] and nowhere far from them. */
    private static void assertOutlined(BufferedImage img, int lo, int hi, Color colour) {
        int left = lo * ZOOM;
        int right = (hi + 1) * ZOOM;
        int mid = (left + right) / 2;
        assertThat(near(img, left, mid, colour)).as("left edge").isTrue();
        assertThat(near(img, right, mid, colour)).as("right edge").isTrue();
        assertThat(near(img, mid, left, colour)).as("top edge").isTrue();
        assertThat(near(img, mid, right, colour)).as("bottom edge").isTrue();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if (rgb(img, x, y).equals(colour)) {
                    assertThat(x).as("column of a %s pixel", colour).isBetween(left - 1, right + 1);
                    assertThat(y).as("row of a %s pixel", colour).isBetween(left - 1, right + 1);
                    boolean onEdge = x <= left + 1 || x >= right - 1 || y <= left + 1 || y >= right - 1;
                    assertThat(onEdge).as("(%d, %d) is on the outline, not inside", x, y).isTrue();
                }
            }
        }
    }

    private static boolean near(BufferedImage img, int x, int y, Color colour) {
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                if (rgb(img, x + dx, y + dy).equals(colour)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Color rgb(BufferedImage img, int x, int y) {
        return new Color(img.getRGB(x, y));
    }
}

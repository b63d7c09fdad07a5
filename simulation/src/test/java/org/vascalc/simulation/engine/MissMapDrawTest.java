package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vascalc.simulation.scenario.ProjectFiles;

/**
 * mapredraw: {@code -Dvascalc.scratch.png=FILE} draws the table {@code -Dvascalc.scratch.table} names (the picture in
 * docs/performance.md is drawn from {@code missmap-onsetdirect.tsv}); without it, {@link MissMapRunner#TABLE}, which
 * is {@code missmap-onsetdirect.tsv} since mapmark. mapmark: the cells inside the final line are drawn marked.
 */
class MissMapDrawTest {

    private static final String NEW_TABLE = "missmap-onsetdirect.tsv";
    private static final String OLD_TABLE = "missmap.tsv";

    @Test
    void theDrawingReadsTheNamedTable(@TempDir Path dir) throws IOException {
        Path named = dir.resolve("named.png");
        Path unnamed = dir.resolve("default.png");
        Path fromLines = dir.resolve("lines.png");
        drawByProperties(named, OLD_TABLE);
        drawByProperties(unnamed, null);
        MissMapRunner.draw(MissMapRunner.table(OLD_TABLE), fromLines);
        // The cells (not the titles, which name the table's fast mode): the named table's, not the default's.
        assertThat(Arrays.equals(cells(named), cells(fromLines))).as("the named table's cells").isTrue();
        assertThat(Arrays.equals(cells(named), cells(unnamed))).as("the tables' cells differ").isFalse();
        assertThat(Arrays.equals(cells(unnamed), cellsOf(MissMapRunner.table(NEW_TABLE), dir.resolve("new.png"))))
                .as("no name: " + MissMapRunner.TABLE).isTrue();
    }

    @Test
    void bothCommittedTablesAreFoundAndAnUnknownNameIsRefused() throws IOException {
        assertThat(MissMapRunner.table(NEW_TABLE).lines())
                .isEqualTo(Files.readAllLines(ProjectFiles.require("simulation/src/test/resources/missmap/" + NEW_TABLE)));
        assertThat(MissMapRunner.table("").name()).as("the default table (mapmark)").isEqualTo(NEW_TABLE);
        assertThatThrownBy(() -> MissMapRunner.table("missmap-x.tsv"))
                .hasMessageContaining("vascalc.scratch.table").hasMessageContaining("missmap-x.tsv")
                .hasMessageContaining(NEW_TABLE);
    }

    /**
     * mapmark: every cell inside the final line ({@link DirectClass#inClass} on the cell's scenario, which shipped fast
     * mode integrates directly) is drawn in greys only (its colour would say what the averaged engine gives, not what
     * fast mode gives); every cell outside it keeps its colour. Read from the drawn pixels of the default table.
     */
    @Test
    void cellsInsideTheFinalLineAreDrawnGreyAndTheOthersInColour(@TempDir Path dir) throws IOException {
        Path png = dir.resolve("map.png");
        MissMapRunner.draw(MissMapRunner.table(NEW_TABLE), png);
        BufferedImage img = ImageIO.read(png.toFile());
        var params = ModelAssembly.defaultParameters();
        int inside = 0;
        int outside = 0;
        int col = 0;
        for (var c : MissMapRunner.columns().entrySet()) {
            int row = 0;
            for (var l : MissMapRunner.loads().entrySet()) {
                boolean direct = DirectClass.inClass(MissMapRunner.cell(c.getKey(), c.getValue(), l.getKey(),
                        l.getValue()), params);
                int coloured = colouredPixels(img, 250 + 92 * col, 96 + 40 * row);
                String cell = c.getKey() + " " + l.getKey();
                if (direct) {
                    inside++;
                    assertThat(coloured).as(cell + ", inside the line: coloured pixels").isZero();
                } else {
                    outside++;
                    assertThat(coloured).as(cell + ", outside the line: coloured pixels").isGreaterThan(92 * 40 / 2);
                }
                row++;
            }
            col++;
        }
        assertThat(inside).as("cells inside the line").isPositive();
        assertThat(outside).as("cells outside the line").isPositive();
    }

    /**
     * mapmark: the cells {@link MissMapRunner#draw} says it drew: marked exactly when {@link DirectClass#inClass}, a
     * miss exactly when the table's level is 1 % or more (the bold frames are kept on marked cells too).
     */
    @Test
    void theDrawnCellsAreMarkedByTheLineAndFramedByTheLevel(@TempDir Path dir) throws IOException {
        var table = MissMapRunner.table(NEW_TABLE);
        List<MissMapRunner.DrawnCell> drawn = MissMapRunner.draw(table, dir.resolve("map.png"));
        var params = ModelAssembly.defaultParameters();
        var columns = MissMapRunner.columns();
        var loads = MissMapRunner.loads();
        assertThat(drawn).hasSize(table.lines().size());
        for (var d : drawn) {
            assertThat(d.direct()).as(d.column() + " " + d.load()).isEqualTo(DirectClass.inClass(
                    MissMapRunner.cell(d.column(), columns.get(d.column()), d.load(), loads.get(d.load())), params));
            assertThat(d.miss()).as(d.column() + " " + d.load()).isEqualTo(d.level() >= 0.01);
        }
        assertThat(drawn).anyMatch(d -> d.direct() && d.miss()).anyMatch(d -> d.direct() && !d.miss())
                .anyMatch(d -> !d.direct());
    }

    /** The pixels of the cell at (x, y) (92 × 40, its frame left out) whose red, green and blue are not all equal. */
    private static int colouredPixels(BufferedImage img, int x, int y) {
        int n = 0;
        for (int i = x + 1; i < x + 92; i++) {
            for (int j = y + 1; j < y + 40; j++) {
                int rgb = img.getRGB(i, j);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                n += r == g && g == b ? 0 : 1;
            }
        }
        return n;
    }

    private static int[] cellsOf(MissMapRunner.MapTable table, Path png) throws IOException {
        MissMapRunner.draw(table, png);
        return cells(png);
    }

    /** {@link MissMapRunner#print} as {@code -Dvascalc.scratch.png=png} (and the table, if named) runs it. */
    private static void drawByProperties(Path png, String table) throws IOException {
        String pngBefore = System.getProperty("vascalc.scratch.png");
        String tableBefore = System.getProperty("vascalc.scratch.table");
        System.setProperty("vascalc.scratch.png", png.toString());
        if (table != null) {
            System.setProperty("vascalc.scratch.table", table);
        } else {
            System.clearProperty("vascalc.scratch.table");
        }
        try {
            new MissMapRunner().print();
        } finally {
            restore("vascalc.scratch.png", pngBefore);
            restore("vascalc.scratch.table", tableBefore);
        }
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }

    /** The heat map's cells, as {@link MissMapRunner#draw} lays them out (left 250, top 96, 92 × 40 each). */
    private static int[] cells(Path png) throws IOException {
        BufferedImage img = ImageIO.read(png.toFile());
        int w = 92 * MissMapRunner.columns().size();
        int h = 40 * MissMapRunner.loads().size();
        return img.getRGB(250, 96, w, h, null, 0, w);
    }
}

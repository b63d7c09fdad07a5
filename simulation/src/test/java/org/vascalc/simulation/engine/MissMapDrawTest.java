package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vascalc.simulation.scenario.ProjectFiles;

/**
 * mapredraw: {@code -Dvascalc.scratch.png=FILE} draws the table {@code -Dvascalc.scratch.table} names (the picture in
 * docs/performance.md is drawn from {@code missmap-onsetdirect.tsv}); without it, {@link MissMapRunner#TABLE}.
 */
class MissMapDrawTest {

    private static final String NEW_TABLE = "missmap-onsetdirect.tsv";

    @Test
    void theDrawingReadsTheNamedTable(@TempDir Path dir) throws IOException {
        Path named = dir.resolve("named.png");
        Path unnamed = dir.resolve("default.png");
        Path fromLines = dir.resolve("lines.png");
        drawByProperties(named, NEW_TABLE);
        drawByProperties(unnamed, null);
        MissMapRunner.draw(MissMapRunner.table(NEW_TABLE), fromLines);
        // The cells (not the titles, which name the table's fast mode): the named table's, not the default's.
        assertThat(Arrays.equals(cells(named), cells(fromLines))).as("the named table's cells").isTrue();
        assertThat(Arrays.equals(cells(named), cells(unnamed))).as("the tables' cells differ").isFalse();
        assertThat(Arrays.equals(cells(unnamed), cellsOf(MissMapRunner.table("missmap.tsv"), dir.resolve("old.png"))))
                .as("no name: " + MissMapRunner.TABLE).isTrue();
    }

    @Test
    void bothCommittedTablesAreFoundAndAnUnknownNameIsRefused() throws IOException {
        assertThat(MissMapRunner.table(NEW_TABLE).lines())
                .isEqualTo(Files.readAllLines(ProjectFiles.require("simulation/src/test/resources/missmap/" + NEW_TABLE)));
        assertThat(MissMapRunner.table("").name()).isEqualTo("missmap.tsv");
        assertThatThrownBy(() -> MissMapRunner.table("missmap-x.tsv"))
                .hasMessageContaining("vascalc.scratch.table").hasMessageContaining("missmap-x.tsv")
                .hasMessageContaining(NEW_TABLE);
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

package org.vascalc.imaging.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.vascalc.imaging.experiment.LayerBlindnessExperiment.Result;
import org.vascalc.imaging.experiment.LayerBlindnessExperiment.Row;

class LayerBlindnessExperimentTest {

    @Test
    void equalMassInEveryShapeIsScoredAndReportedSideBySide() throws Exception {
        Result r = new LayerBlindnessExperiment().run(LayerBlindnessExperiment.Config.quick());
        assertThat(r.rows()).hasSize(LayerBlindnessExperiment.SHAPES.size());
        for (Row row : r.rows()) {
            assertThat(row.massMg()).isEqualTo(10);
            assertThat(row.agatston().mean()).as(row.shape().name()).isGreaterThan(0);
            // the threshold discards the partial-volume fringe, so the calibrated mass score can only fall short of
            // the true 10 mg, never far exceed it (1.5x allows for noise and the tissue baseline in each voxel)
            assertThat(row.massScore().mean()).as(row.shape().name()).isBetween(0.0, 15.0);
        }
        assertThat(r.separations()).hasSize(LayerBlindnessExperiment.MEASURES.length);
        String md = LayerBlindnessReport.markdown(r);
        assertThat(md).contains("| 10 | focal | intimal |").contains("| 10 | circumferential | medial |");
        Path dir = Path.of("target", "test-figures");
        Files.createDirectories(dir);
        LayerBlindnessReport.writeInto(r, dir);
        assertThat(Files.size(dir.resolve(LayerBlindnessReport.PNG))).isGreaterThan(1000);
        assertThat(LayerBlindnessReport.json(r)).contains("\"separations\"");
        assertThat(r.rows().get(0).volumeMm3()).isCloseTo(10.0 / 600 * 1000, within(1e-9));

        // review15: under each clinical tile, a third line says how many of the scan's lesions that slice shows (the
        // linear strip's 2.4 AU stood under a tile with nothing outlined); it is text, so only its ink is looked for
        var img = LayerBlindnessReport.figure(r);
        int tile = 210;
        int top = 40 + 2 * tile + 50 + 34;
        for (int i = 0; i < LayerBlindnessExperiment.SHAPES.size(); i++) {
            assertThat(inkIn(img, i * tile + 10, top, i * tile + tile - 10, Math.min(img.getHeight(), top + 13)))
                    .as("tile %d's third line", i).isTrue();
        }
        assertThat(LayerBlindnessReport.outlinedNote(0, 1)).isEqualTo("0 of 1 lesion outlined");
        assertThat(LayerBlindnessReport.outlinedNote(2, 2)).isEqualTo("2 of 2 lesions outlined");
    }

    private static boolean inkIn(java.awt.image.BufferedImage img, int x0, int y0, int x1, int y1) {
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) != 0) {
                    return true;
                }
            }
        }
        return false;
    }
}

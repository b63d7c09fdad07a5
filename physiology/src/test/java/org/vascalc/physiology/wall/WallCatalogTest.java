package org.vascalc.physiology.wall;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.vascalc.core.evidence.Evidence;
import org.vascalc.core.param.Parameter;
import org.vascalc.core.param.ParameterCatalog;

class WallCatalogTest {

    @Test
    void everyLiteratureKeyIsInTheBibliography() throws IOException {
        String bib = Files.readString(Path.of("../docs/references.bib"));
        for (Parameter p : WallBlock.defaultCatalog().parameters()) {
            if (p.evidence() instanceof Evidence.Literature l) {
                assertThat(bib).as("%s cites %s", p.name(), l.bibKey()).contains("{" + l.bibKey() + ",");
            }
        }
    }

    @Test
    void calibratedParametersNameOnlyFitRows() throws IOException {
        String targets = Files.readString(
                Path.of("../simulation/src/main/resources/org/vascalc/simulation/calibration/calibration-targets.csv"));
        for (Parameter p : WallBlock.defaultCatalog().parameters()) {
            if (p.evidence() instanceof Evidence.Calibrated c) {
                for (String id : c.targetIds().split("[ ;]+")) {
                    assertThat(targets).as("%s is fitted to %s, which must be a fit row", p.name(), id)
                            .containsPattern("(?m)^" + id + ",wall,fit,");
                }
            }
        }
    }

    @Test
    void catalogRoundTripsThroughCsv() {
        ParameterCatalog c = WallBlock.defaultCatalog();
        assertThat(ParameterCatalog.parse(c.toCsv(), "round trip").sha256()).isEqualTo(c.sha256());
    }
}

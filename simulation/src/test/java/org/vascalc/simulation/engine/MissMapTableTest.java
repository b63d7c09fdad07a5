package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vascalc.simulation.scenario.ProjectFiles;

/**
 * leftovers29: the fast-agreement map's table was not in the repository (the picture and docs/performance.md's
 * paragraph quoted a run of the fifty-fifth session). It is now committed ({@link MissMapRunner#TABLE}); these
 * check that it is the whole grid, and that the paragraph's counts are the table's.
 */
class MissMapTableTest {

    private static List<String[]> table() throws IOException {
        return Files.readAllLines(ProjectFiles.require(MissMapRunner.TABLE)).stream().map(l -> l.split("\t")).toList();
    }

    @Test
    void theCommittedTableHoldsEveryCellOfTheGridOnceInItsOrder() throws IOException {
        List<String> grid = new ArrayList<>();
        for (String column : MissMapRunner.columns().keySet()) {
            for (String load : MissMapRunner.loads().keySet()) {
                grid.add(column + "|" + load);
            }
        }
        List<String[]> rows = table();
        assertThat(rows.stream().map(f -> f[0] + "|" + f[1]).toList()).isEqualTo(grid);
        for (String[] f : rows) {
            assertThat(f).as(String.join(" ", f)).hasSize(6);
            assertThat(Double.parseDouble(f[2])).as(f[0] + " " + f[1]).isBetween(0.0, 1.0);
        }
    }

    /** "a calcium-based phosphate binder on dialysis, or at 2 250 mg calcium a day or more": counted from the table. */
    @Test
    void thePerformancePagesCountsAreTheTables() throws IOException {
        Set<String> dialysis = Set.of("hd-nolabs", "hd-labs");
        Set<String> binders = Set.of("cbind0.5", "cbind1.0", "cbind1.5", "cbind2.0", "abind1");
        Set<String> highDose = Set.of("cbind1.5", "cbind2.0");
        int within = 0;
        int inClass = 0;
        int classMisses = 0;
        int outsideMisses = 0;
        List<String[]> rows = table();
        for (String[] f : rows) {
            boolean miss = Double.parseDouble(f[2]) >= org.vascalc.simulation.trial.AgreementCheck.LIMIT; // 1 %, issue 2
            boolean cls = highDose.contains(f[1]) || dialysis.contains(f[0]) && binders.contains(f[1]);
            within += miss ? 0 : 1;
            inClass += cls ? 1 : 0;
            classMisses += cls && miss ? 1 : 0;
            outsideMisses += !cls && miss ? 1 : 0;
        }
        String page = Files.readString(ProjectFiles.require("docs/performance.md")).replaceAll("\\s+", " ");
        assertThat(page).contains("Fast mode is within 1 % in " + within + " of the " + rows.size() + " years")
                .contains("there " + classMisses + " of the " + inClass + " measured years miss")
                .contains("Outside that class " + outsideMisses + " of " + (rows.size() - inClass) + " miss");
    }
}

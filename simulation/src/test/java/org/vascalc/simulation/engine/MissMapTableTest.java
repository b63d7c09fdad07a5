package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vascalc.simulation.scenario.ProjectFiles;

/**
 * leftovers29: the fast-agreement map's table was not in the repository (the picture and docs/performance.md's
 * paragraph quoted a run of the fifty-fifth session). It is now committed ({@code missmap.tsv}), and beside it
 * the map with the gated direct onset ({@code missmap-onsetdirect.tsv}, onsetadopt); these check that each is the
 * whole grid, and that the paragraph's counts are the tables' (mapredraw: the new table's first, the old one's in a
 * sentence).
 */
class MissMapTableTest {

    private static final String NEW_TABLE = "missmap-onsetdirect.tsv";
    private static final String OLD_TABLE = "missmap.tsv";

    private static List<String[]> table(String name) throws IOException {
        return MissMapRunner.table(name).lines().stream().map(l -> l.split("\t")).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {OLD_TABLE, NEW_TABLE})
    void theCommittedTableHoldsEveryCellOfTheGridOnceInItsOrder(String name) throws IOException {
        List<String> grid = new ArrayList<>();
        for (String column : MissMapRunner.columns().keySet()) {
            for (String load : MissMapRunner.loads().keySet()) {
                grid.add(column + "|" + load);
            }
        }
        List<String[]> rows = table(name);
        assertThat(rows.stream().map(f -> f[0] + "|" + f[1]).toList()).isEqualTo(grid);
        for (String[] f : rows) {
            assertThat(f).as(String.join(" ", f)).hasSize(6);
            assertThat(Double.parseDouble(f[2])).as(f[0] + " " + f[1]).isBetween(0.0, 1.0);
        }
    }

    /**
     * The paragraph's counts, from the tables: within 1 %; against the final line ({@link DirectClass#inClass} on the
     * cell's scenario); against the class "a calcium-based phosphate binder on dialysis, or at 2 250 mg calcium a day
     * or more" the map was first read for.
     */
    @Test
    void thePerformancePagesCountsAreTheTables() throws IOException {
        Counts now = count(NEW_TABLE);
        Counts before = count(OLD_TABLE);
        String page = Files.readString(ProjectFiles.require("docs/performance.md")).replaceAll("\\s+", " ");
        assertThat(page)
                .contains("Averaged, fast mode is within 1 % in " + now.within + " of the " + now.years + " years")
                .contains("Outside the final line (below, \"The final line in the code\"; " + now.outsideLine
                        + " years) none misses, the worst " + sci(now.worstOutsideLine))
                .contains("inside it " + now.lineMisses + " of the " + now.inLine + " years miss")
                .contains("there " + now.classMisses + " of the " + now.inClass + " measured years miss (" + now.highDoseMisses
                        + " of the " + now.highDose + " high-dose years, " + now.dialysisMisses + " of the " + now.dialysis
                        + " dialysis binder years)")
                .contains("outside that class " + now.outsideClassMisses + " of " + (now.years - now.inClass)
                        + " miss, by at most " + sci(now.worstOutsideClass))
                .contains("Before the gated direct onset")
                .contains(before.within + " of " + before.years + " within 1 %, none of the " + before.outsideLine
                        + " outside the line (worst " + sci(before.worstOutsideLine) + "), " + before.lineMisses
                        + " of the " + before.inLine + " inside; the class " + before.classMisses + " of "
                        + before.inClass + ", outside it " + before.outsideClassMisses + " of "
                        + (before.years - before.inClass) + ", by at most " + sci(before.worstOutsideClass));
        assertThat(now.outsideLineMisses).as("outside the line").isZero();
        assertThat(before.outsideLineMisses).as("outside the line, before").isZero();
    }

    private static String sci(double x) {
        return String.format(Locale.ROOT, "%.2e", x).replace("e-0", "e-");
    }

    private static final class Counts {
        int years;
        int within;
        int inLine;
        int lineMisses;
        int outsideLine;
        int outsideLineMisses;
        double worstOutsideLine;
        int inClass;
        int classMisses;
        int outsideClassMisses;
        double worstOutsideClass;
        int highDose;
        int highDoseMisses;
        int dialysis;
        int dialysisMisses;
    }

    private static Counts count(String name) throws IOException {
        Set<String> dialysis = Set.of("hd-nolabs", "hd-labs");
        Set<String> binders = Set.of("cbind0.5", "cbind1.0", "cbind1.5", "cbind2.0", "abind1");
        Set<String> highDose = Set.of("cbind1.5", "cbind2.0");
        var params = ModelAssembly.defaultParameters();
        var columns = MissMapRunner.columns();
        var loads = MissMapRunner.loads();
        Counts c = new Counts();
        for (String[] f : table(name)) {
            double level = Double.parseDouble(f[2]);
            boolean miss = level >= org.vascalc.simulation.trial.AgreementCheck.LIMIT; // 1 %, issue 2
            boolean line = DirectClass.inClass(MissMapRunner.cell(f[0], columns.get(f[0]), f[1], loads.get(f[1])),
                    params);
            boolean high = highDose.contains(f[1]);
            boolean dialysisBinder = dialysis.contains(f[0]) && binders.contains(f[1]);
            boolean cls = high || dialysisBinder;
            c.years++;
            c.within += miss ? 0 : 1;
            if (line) {
                c.inLine++;
                c.lineMisses += miss ? 1 : 0;
            } else {
                c.outsideLine++;
                c.outsideLineMisses += miss ? 1 : 0;
                c.worstOutsideLine = Math.max(c.worstOutsideLine, level);
            }
            if (cls) {
                c.inClass++;
                c.classMisses += miss ? 1 : 0;
            } else {
                c.outsideClassMisses += miss ? 1 : 0;
                c.worstOutsideClass = Math.max(c.worstOutsideClass, level);
            }
            c.highDose += high ? 1 : 0;
            c.highDoseMisses += high && miss ? 1 : 0;
            c.dialysis += dialysisBinder ? 1 : 0;
            c.dialysisMisses += dialysisBinder && miss ? 1 : 0;
        }
        return c;
    }
}

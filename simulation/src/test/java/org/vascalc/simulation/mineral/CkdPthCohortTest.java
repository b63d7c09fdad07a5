package org.vascalc.simulation.mineral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vascalc.simulation.Simulator;
import org.vascalc.simulation.SimulatorFactory;

/**
 * PTH against eGFR as published in population cohorts (data in {@code ckd-pth-cohorts.csv}, each row
 * with its source and locator; docs/model/mineral.md "PTH in CKD"). The model woman without labs is held
 * at each row's eGFR for one year after stabilisation (as {@link CkdMineralPatternTest}); PTH is read at
 * the year's end (06:00, before breakfast, the highest PTH of the day). The bands are wide on purpose:
 * one virtual woman against a cohort's distribution. No constant was chosen against these rows.
 *
 * <ul>
 *   <li>{@code share_at_least_70}: the share of the cohort with PTH at or above 70 pg/mL; below one
 *       half means the median is below 70, so the model woman (a median patient) must be below 70.</li>
 *   <li>{@code mean}: the cohort mean of a right-skewed distribution, above its median; the model must
 *       lie within [mean / 2, 1.25 x mean].</li>
 *   <li>{@code above}: the cohort's PTH was reported above this value.</li>
 * </ul>
 * Before the gland capacity followed calcium instead of calcitriol the model read 116 pg/mL at eGFR 45,
 * 372 at 20 and 548 at 15 (CkdPthRunner), and this test failed (first at row N2).
 */
class CkdPthCohortTest {

    record CohortRow(String id, double modelEgfr, String statistic, double value, String source, String locator) {
        String label() {
            return id + " (" + source + ", " + locator + ") at model eGFR " + modelEgfr;
        }
    }

    private static final List<CohortRow> ROWS = read();
    private static final Map<Double, Double> PTH = new TreeMap<>();

    static List<CohortRow> read() {
        // id,egfr_low,egfr_high,model_egfr,statistic,value,unit,source,"locator"
        return PublishedRows.read(CkdPthCohortTest.class, "ckd-pth-cohorts.csv", 9).stream()
                .map(f -> new CohortRow(f[0], Double.parseDouble(f[3]), f[4], Double.parseDouble(f[5]), f[7], f[8]))
                .toList();
    }

    @BeforeAll
    static void run() {
        Simulator sim = SimulatorFactory.load().create(SimulatorFactory.load().defaultParameters());
        for (CohortRow row : ROWS) {
            PTH.computeIfAbsent(row.modelEgfr(), e -> CkdCourseRunner.held(sim, e, 1).last("pthPgMl"));
        }
    }

    @Test
    void theDataAreThere() {
        assertThat(ROWS).hasSizeGreaterThanOrEqualTo(6);
        assertThat(ROWS).allSatisfy(r -> assertThat(r.source()).isNotBlank());
    }

    @Test
    void pthRisesAsKidneyFunctionFalls() {
        double previous = Double.POSITIVE_INFINITY;
        for (Map.Entry<Double, Double> e : PTH.entrySet()) {
            // ascending eGFR: PTH must fall (rise as eGFR falls)
            assertThat(e.getValue()).as("PTH at eGFR " + e.getKey()).isLessThan(previous);
            previous = e.getValue();
        }
    }

    @Test
    void pthLiesInTheCohortBands() {
        for (CohortRow row : ROWS) {
            double pth = PTH.get(row.modelEgfr());
            switch (row.statistic()) {
                case "share_at_least_70" -> {
                    assertThat(row.value()).isLessThan(0.5);
                    assertThat(pth).as(row.label()).isLessThan(70);
                }
                case "mean" -> assertThat(pth).as(row.label()).isBetween(row.value() / 2, 1.25 * row.value());
                case "above" -> assertThat(pth).as(row.label()).isGreaterThan(row.value());
                default -> throw new IllegalStateException("unknown statistic " + row.statistic());
            }
        }
    }
}

package org.vascalc.simulation.mineral;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vascalc.core.units.Time;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.Simulator;
import org.vascalc.simulation.SimulatorFactory;

/**
 * Urinary calcium against eGFR as published (data in {@code ckd-urine-calcium.csv}, each row with its
 * source and locator; docs/model/mineral.md "Urinary calcium in CKD"). The model woman without labs is
 * held at each eGFR for one year after stabilisation (fast mode, as {@link CkdPthCohortTest}); urinary
 * calcium is the mean over that year (the 24-h collection of a steady patient).
 *
 * <p>The retrievable sources give the <em>direction</em> only (urinary calcium falls with eGFR in CKD and
 * is low in CKD against normal kidney function), no per-stage levels, so each row asserts that the
 * lower-eGFR urine is below the higher-eGFR urine; the size of the fall (reported as steep) is not tested.
 * The test can fail: with P&amp;R's calcitriol-driven gland (main before the ckdpth change) the model read
 * 2.79 mmol/d at eGFR 45 and 2.86 at eGFR 20, against row U1. No constant was chosen against these rows.
 */
class CkdUrineCalciumTest {

    record UrineRow(String id, double lowerEgfr, double higherEgfr, String statistic, String source, String locator) {
        String label() {
            return id + " (" + source + ", " + locator + "): urine at eGFR " + lowerEgfr + " vs " + higherEgfr;
        }
    }

    private static final List<UrineRow> ROWS = read();
    private static final Map<Double, Double> URINE = new TreeMap<>();

    static List<UrineRow> read() {
        var in = CkdUrineCalciumTest.class.getResourceAsStream("ckd-urine-calcium.csv");
        if (in == null) {
            throw new IllegalStateException("ckd-urine-calcium.csv not on the test class path");
        }
        List<UrineRow> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                // id,model_egfr_lower,model_egfr_higher,statistic,source,"locator"
                String[] f = line.split(",", 6);
                rows.add(new UrineRow(f[0], Double.parseDouble(f[1]), Double.parseDouble(f[2]), f[3], f[4],
                        f[5].replace("\"", "")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** Mean urinary calcium over the year after stabilisation, mmol/d. */
    static double yearUrine(Simulator sim, double egfr) {
        Scenario s = new Scenario("ckd-urine", "", CkdCourseRunner.atEgfr(egfr), List.of(), List.of(), 365.25,
                new Recording(List.of("mineral.caUrineCum"), Time.years(1), Time.years(1), 0, 0));
        double[] u = sim.run(s, Mode.FAST, ProgressListener.NONE).trajectory().series("mineral.caUrineCum");
        return (u[u.length - 1] - u[u.length - 2]) / 365.25;
    }

    @BeforeAll
    static void run() {
        Simulator sim = SimulatorFactory.load().create(SimulatorFactory.load().defaultParameters());
        for (UrineRow row : ROWS) {
            URINE.computeIfAbsent(row.lowerEgfr(), e -> yearUrine(sim, e));
            URINE.computeIfAbsent(row.higherEgfr(), e -> yearUrine(sim, e));
        }
    }

    @Test
    void theDataAreThere() {
        assertThat(ROWS).hasSizeGreaterThanOrEqualTo(2);
        assertThat(ROWS).allSatisfy(r -> assertThat(r.source()).isNotBlank());
        assertThat(ROWS).allSatisfy(r -> assertThat(r.lowerEgfr()).isLessThan(r.higherEgfr()));
    }

    @Test
    void urinaryCalciumFallsWithKidneyFunctionAsPublished() {
        for (UrineRow row : ROWS) {
            double low = URINE.get(row.lowerEgfr());
            double high = URINE.get(row.higherEgfr());
            if (!"lower".equals(row.statistic())) {
                throw new IllegalStateException("unknown statistic " + row.statistic());
            }
            assertThat(low).as(row.label() + " (" + low + " vs " + high + " mmol/d)").isLessThan(high);
        }
    }
}

package org.vascalc.simulation.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.patient.Patient;
import org.vascalc.core.patient.Sex;
import org.vascalc.simulation.engine.ModelAssembly;

/**
 * The cohorts' covariates against the baselines VirtualPopulation's documentation states (4 000 members
 * each: a share's standard error is under 0.008, a mean's a fortieth of its SD). Means of truncated
 * normals are allowed the shift their truncation gives (worked in each comment).
 */
class PopulationDrawsTest {

    private static final ParameterCatalog CATALOG = ModelAssembly.defaultParameters();
    private static final VirtualPopulation POP = new VirtualPopulation(2, CATALOG);
    private static final int N = 4000;
    // drawn in each test, not once for the class: a mutation tester swaps the drawing code between tests
    private final List<VirtualPerson> mesa = LongStream.range(0, N).mapToObj(POP::mesa).toList();
    private final List<VirtualPerson> cric = LongStream.range(0, N).mapToObj(POP::cric).toList();
    private final List<VirtualPerson> plausible = LongStream.range(0, N).mapToObj(POP::plausible).toList();

    private static double mean(List<VirtualPerson> c, Predicate<VirtualPerson> which, ToDoubleFunction<Patient> f) {
        return c.stream().filter(which).map(VirtualPerson::patient).mapToDouble(f).average().orElseThrow();
    }

    private static double mean(List<VirtualPerson> c, ToDoubleFunction<Patient> f) {
        return mean(c, p -> true, f);
    }

    private static double share(List<VirtualPerson> c, Predicate<VirtualPerson> which) {
        return c.stream().filter(which).count() / (double) c.size();
    }

    private static double median(List<VirtualPerson> c, ToDoubleFunction<Patient> f) {
        double[] v = c.stream().map(VirtualPerson::patient).mapToDouble(f).sorted().toArray();
        return v[v.length / 2];
    }

    private static boolean male(VirtualPerson p) {
        return p.patient().sex() == Sex.MALE;
    }

    @Test
    void mesaLikeBaselines() {
        // SBP 126 (SD 21) cut at 90 (-1.7 SD): the mean moves up by about 2
        assertThat(mean(mesa, p -> p.risk().systolicBpMmHg())).isBetween(125.5, 130.0);
        assertThat(mean(mesa, p -> p.risk().totalCholesterolMgDl())).isBetween(191.0, 198.0);
        assertThat(mean(mesa, p -> male(p), p -> p.risk().hdlCholesterolMgDl())).isBetween(43.5, 47.5);
        assertThat(mean(mesa, p -> !male(p), p -> p.risk().hdlCholesterolMgDl())).isBetween(54.0, 58.5);
        assertThat(share(mesa, p -> p.patient().risk().smoker())).isBetween(0.10, 0.16);
        assertThat(share(mesa, p -> p.patient().risk().diabetes())).isBetween(0.09, 0.15);
        assertThat(median(mesa, p -> p.risk().hsCrpMgL())).isBetween(1.9 / 1.1, 1.9 * 1.1);
        assertThat(mean(mesa, Patient::egfrMlPerMin)).isBetween(78.5, 81.5);
        assertThat(mean(mesa, p -> p.serumCalciumMmolL().orElseThrow())).isBetween(2.34, 2.36);
        // phosphate 1.10 (SD 0.15), 1.20 with eGFR < 60
        assertThat(mean(mesa, p -> p.patient().egfrMlPerMin() >= 60, p -> p.serumPhosphateMmolL().orElseThrow()))
                .isBetween(1.085, 1.115);
        assertThat(mean(mesa, p -> p.patient().egfrMlPerMin() < 60, p -> p.serumPhosphateMmolL().orElseThrow()))
                .isBetween(1.17, 1.23);
        assertThat(share(mesa, p -> p.statin().isPresent())).isBetween(0.13, 0.19);
        bloodPressureAndHdlAreConsistent(mesa);
    }

    @Test
    void cricLikeBaselines() {
        assertThat(mean(cric, Patient::ageYears)).isBetween(57.0, 59.0);
        assertThat(share(cric, PopulationDrawsTest::male)).isBetween(0.52, 0.58);
        assertThat(mean(cric, Patient::egfrMlPerMin)).isBetween(42.5, 45.5);
        assertThat(share(cric, p -> p.patient().risk().diabetes())).isBetween(0.45, 0.51);
        assertThat(share(cric, p -> p.patient().risk().smoker())).isBetween(0.10, 0.16);
        // SBP 128 (SD 22) cut at 90 (-1.7 SD): about +2; TC 185 (SD 45) cut at 100 (-1.9 SD): about +3
        assertThat(mean(cric, p -> p.risk().systolicBpMmHg())).isBetween(127.0, 132.5);
        assertThat(mean(cric, p -> p.risk().totalCholesterolMgDl())).isBetween(184.0, 192.0);
        assertThat(mean(cric, p -> p.risk().hdlCholesterolMgDl())).isBetween(44.5, 49.5);
        assertThat(median(cric, p -> p.risk().hsCrpMgL())).isBetween(2.5 / 1.1, 2.5 * 1.1);
        assertThat(mean(cric, p -> p.serumCalciumMmolL().orElseThrow())).isBetween(2.285, 2.315);
        // phosphate about 1.13 above eGFR 40 (cut at 0.8, -1.65 SD: about +0.02) and 1.32 at eGFR 25
        assertThat(mean(cric, p -> p.patient().egfrMlPerMin() > 40, p -> p.serumPhosphateMmolL().orElseThrow()))
                .isBetween(1.12, 1.18);
        assertThat(mean(cric, p -> Math.abs(p.patient().egfrMlPerMin() - 25) < 3,
                p -> p.serumPhosphateMmolL().orElseThrow())).isBetween(1.28, 1.37);
        bloodPressureAndHdlAreConsistent(cric);
    }

    @Test
    void plausibleAdultsSpanTheirRanges() {
        assertThat(plausible).allSatisfy(p -> {
            Patient pt = p.patient();
            assertThat(pt.ageYears()).isBetween(30.0, 85.0);
            assertThat(pt.egfrMlPerMin()).isBetween(15.0, 120.0);
            assertThat(pt.serumCalciumMmolL().orElseThrow()).isBetween(2.1, 2.6);
            double extra = 0.6 * Math.max(0, 60 - pt.egfrMlPerMin()) / 45;
            assertThat(pt.serumPhosphateMmolL().orElseThrow()).isBetween(0.8, 1.4 + extra + 1e-12);
            // the plausible limits the MESA- and CRIC-like draws are cut to
            assertThat(pt.risk().systolicBpMmHg()).isBetween(90.0, 200.0);
            assertThat(pt.risk().diastolicBpMmHg()).isBetween(45.0, 110.0);
            assertThat(pt.risk().totalCholesterolMgDl()).isBetween(100.0, 330.0);
            assertThat(pt.risk().hdlCholesterolMgDl()).isBetween(20.0, 110.0);
            assertThat(pt.risk().hsCrpMgL()).isBetween(0.1, 10.0);
            assertThat(pt.weightKg()).isBetween(40.0, 120.0);
            assertThat(pt.heightCm()).isBetween(140.0, 200.0);
        });
        // uniform: the ends are reached and the means are the midpoints
        assertThat(mean(plausible, Patient::ageYears)).isBetween(56.0, 59.0);
        assertThat(plausible.stream().mapToDouble(p -> p.patient().ageYears()).min().orElseThrow()).isLessThan(31.0);
        assertThat(plausible.stream().mapToDouble(p -> p.patient().ageYears()).max().orElseThrow()).isGreaterThan(84.0);
        assertThat(mean(plausible, Patient::egfrMlPerMin)).isBetween(65.5, 69.5);
        assertThat(mean(plausible, p -> p.serumCalciumMmolL().orElseThrow())).isBetween(2.34, 2.36);
        assertThat(share(plausible, PopulationDrawsTest::male)).isBetween(0.47, 0.53);
        // phosphate: uniform 0.8-1.4 at eGFR >= 60 (mean 1.1); below 25, up to 0.6 x (60 - eGFR)/45 more,
        // half of it on average: at eGFR 15-25 about 0.27
        assertThat(mean(plausible, p -> p.patient().egfrMlPerMin() >= 60, p -> p.serumPhosphateMmolL().orElseThrow()))
                .isBetween(1.08, 1.12);
        assertThat(mean(plausible, p -> p.patient().egfrMlPerMin() < 25, p -> p.serumPhosphateMmolL().orElseThrow()))
                .isBetween(1.31, 1.43);
        assertThat(share(plausible, p -> p.patient().risk().smoker())).isBetween(0.17, 0.23);
        assertThat(share(plausible, p -> p.patient().risk().diabetes())).isBetween(0.17, 0.23);
        assertThat(share(plausible, p -> p.statin().isPresent())).isBetween(0.27, 0.33);
        bloodPressureAndHdlAreConsistent(plausible);
    }

    @Test
    void theOwnMultipliersAndScanErrorsHaveTheCatalogsSpreads() {
        for (List<VirtualPerson> c : List.of(mesa, cric, plausible)) {
            logSpread(c, VirtualPopulation.MEDIAL, "medialSusceptibilityLogSd");
            logSpread(c, VirtualPopulation.STIFFNESS, "aorticStiffnessLogSd");
            // cut at ln 5, 2.8 SD: the SD shrinks by about 3 %
            logSpread(c, VirtualPopulation.VITAMIN_K_INTAKE, "vitaminKIntakeLogSd");
            double sd = CATALOG.value("ctInterscanLogSd");
            for (ToDoubleFunction<VirtualPerson> e : List.<ToDoubleFunction<VirtualPerson>>of(
                    VirtualPerson::scanErrorBaseline, VirtualPerson::scanErrorEnd)) {
                double[] v = c.stream().mapToDouble(e).toArray();
                assertThat(rms(v)).isBetween(0.94 * sd, 1.06 * sd);
            }
        }
    }

    private static void logSpread(List<VirtualPerson> c, String name, String sdName) {
        double[] v = c.stream().mapToDouble(p -> Math.log(p.individualParameters().get(name))).toArray();
        double sd = CATALOG.value(sdName);
        assertThat(Arrays.stream(v).average().orElseThrow()).as(name).isBetween(-0.1 * sd, 0.1 * sd);
        assertThat(rms(v)).as(name).isBetween(0.9 * sd, 1.06 * sd);
    }

    private static double rms(double[] v) {
        return Math.sqrt(Arrays.stream(v).map(x -> x * x).average().orElseThrow());
    }

    private static void bloodPressureAndHdlAreConsistent(List<VirtualPerson> c) {
        // diastolic at least 25 below systolic, HDL at least 40 below total cholesterol; both limits bind for some
        assertThat(c).allSatisfy(p -> {
            assertThat(p.patient().risk().diastolicBpMmHg()).isLessThanOrEqualTo(p.patient().risk().systolicBpMmHg() - 25);
            assertThat(p.patient().risk().hdlCholesterolMgDl())
                    .isLessThanOrEqualTo(p.patient().risk().totalCholesterolMgDl() - 40);
        });
        assertThat(c).anySatisfy(p -> assertThat(p.patient().risk().diastolicBpMmHg())
                .isEqualTo(p.patient().risk().systolicBpMmHg() - 25));
    }
}

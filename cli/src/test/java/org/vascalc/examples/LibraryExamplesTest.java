package org.vascalc.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vascalc.clinical.score.RiskEstimate;
import org.vascalc.imaging.score.Territory;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.SimulatorFactory;
import org.vascalc.simulation.cohort.ArmComparison;
import org.vascalc.simulation.scenario.ProjectFiles;
import org.vascalc.simulation.scenario.ScenarioFiles;

/**
 * Runs every example of docs/library.md ({@link LibraryGuideTest} holds the page to these sources)
 * and checks what each is meant to show. On the real engine: the cli tests' class path also
 * registers their fake simulator, so the factory is named here as a user's class path needs not.
 */
class LibraryExamplesTest {

    private static final String FACTORY = "vascalc.simulatorFactory";

    @BeforeAll
    static void realModel() {
        System.setProperty(FACTORY, "org.vascalc.simulation.engine.EngineSimulatorFactory");
    }

    @AfterAll
    static void clear() {
        System.clearProperty(FACTORY);
    }

    private static Path tenYears() {
        return ProjectFiles.require("examples/scenarios/ten-year-fast.yaml");
    }

    @Test
    void theScenarioFileGivesOneRowAYearWithTheScoreRisingAndSerumCalciumNormal() {
        List<RunScenarioFile.Year> years = RunScenarioFile.yearly(tenYears());
        // 3652 days: years 0 to 9 begin in the run, year 10 (day 3652.5) does not
        assertThat(years).extracting(RunScenarioFile.Year::year).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        for (int i = 1; i < years.size(); i++) {
            assertThat(years.get(i).cacAgatston()).as("CT score, year " + i).isGreaterThan(years.get(i - 1).cacAgatston());
            assertThat(years.get(i).medialCalciumMg()).as("medial calcium, year " + i)
                    .isGreaterThan(years.get(i - 1).medialCalciumMg());
        }
        assertThat(years).allSatisfy(y -> assertThat(y.serumCalciumMmolL()).isBetween(2.1, 2.7));
    }

    @Test
    void mk7SlowsTheMedialCalciumOfTheCodeBuiltPatient() {
        BuildScenarioInCode.LayerChanges c = BuildScenarioInCode.compare();
        assertThat(c.medialTablet()).isPositive();
        assertThat(c.intimalTablet()).isPositive();
        assertThat(c.medialMk7()).isLessThan(c.medialTablet());
    }

    @Test
    void aHeightInMetresIsRefusedNamingFieldValueUnitAndRange() {
        assertThat(BuildScenarioInCode.heightInMetres()).contains("patient.heightCm", "height = 1.76 cm",
                "120 to 230 cm", "1.76 m is 176 cm").doesNotContain("accepted");
    }

    @Test
    void theVirtualTrialComparesTheSameMembersAndMk7LowersMedialGrowth() {
        VirtualTrial.Result r = VirtualTrial.run(2026, 6, 2);
        assertThat(r.control().members()).isEqualTo(6);
        ArmComparison.Outcome medial = r.mk7VersusControl().outcome("medial calcium change");
        assertThat(medial.diff()).isNegative();
        assertThat(medial.diff()).isEqualTo(medial.arm() - medial.control(), within(1e-9));
        assertThatThrownBy(() -> r.mk7VersusControl().outcome("medial change")).hasMessageContaining(
                "no outcome 'medial change'; the outcomes are CT score change, intimal calcium change, medial calcium change");
    }

    /**
     * The deposits of examples/phantoms/mixed-plaque.yaml on a coarser scan (0.8 mm pixels, 256 matrix: the
     * same field of view; no supersampling), which renders in a fraction of the example's time.
     */
    private static final String COARSE_MIXED_PLAQUE = """
            name: mixed-plaque-coarse
            seed: 42
            acquisition: {kvp: 120, sliceThicknessMm: 3.0, sliceIncrementMm: 3.0, pixelSpacingMm: 0.8, matrix: 256,
                          psfFwhmMm: 0.8, noiseSdHu: 20, supersampling: 1}
            lesions:
              - {artery: LM,  layer: intimal, shape: spotty, massMg: 1.5, densityMgPerCm3: 700, positionMm: 5,  angleDeg: 0}
              - {artery: LAD, layer: intimal, shape: focal,  massMg: 10,  densityMgPerCm3: 600, positionMm: 20, angleDeg: 90}
              - {artery: LAD, layer: intimal, shape: spotty, massMg: 2,   densityMgPerCm3: 800, positionMm: 55, angleDeg: 200}
              - {artery: RCA, layer: intimal, shape: sheet,  massMg: 8,   densityMgPerCm3: 500, positionMm: 35, angleDeg: 120}
              - {artery: LCX, layer: medial,  shape: circumferential, massMg: 6, densityMgPerCm3: 800, positionMm: 25}
            """;

    @Test
    void thePhantomScoresTheSameFromItsDicomFilesAndFindsCalciumInEveryArtery(@TempDir Path dir) throws Exception {
        Path spec = Files.writeString(dir.resolve("mixed-plaque-coarse.yaml"), COARSE_MIXED_PLAQUE);
        ScorePhantom.Scores s = ScorePhantom.run(spec, dir.resolve("dicom"));
        assertThat(s.fromDicom().agatston()).isEqualTo(s.inMemory().agatston()).isPositive();
        assertThat(s.fromDicom().massMg()).isEqualTo(s.inMemory().massMg());
        for (Territory t : List.of(Territory.LM, Territory.LAD, Territory.LCX, Territory.RCA)) {
            assertThat(s.fromDicom().vessel(t).agatston()).as(t.name()).isPositive();
        }
        assertThat(s.trueMassMg()).isEqualTo(27.5, within(1e-9)); // the spec's five deposits: 1.5 + 10 + 2 + 8 + 6 mg
    }

    @Test
    void aZeroCalciumScoreLowersTheMesaRiskAndAHighOneRaisesIt() {
        List<RiskEstimate> zero = RiskWithAndWithoutCac.estimates(0);
        List<RiskEstimate> high = RiskWithAndWithoutCac.estimates(400);
        assertThat(zero.get(0).score()).isEqualTo("pce");
        assertThat(zero.get(0).risk()).isEqualTo(high.get(0).risk()); // the PCE have no CAC term
        assertThat(zero.get(1).risk()).isEqualTo(high.get(1).risk());
        assertThat(zero.get(2).risk()).isLessThan(zero.get(1).risk());
        assertThat(high.get(2).risk()).isGreaterThan(high.get(1).risk());
    }

    @Test
    void aStoredRunIsReadBackWithSqlAsSimulatedAndASecondOneIsAppended(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("results.duckdb");
        // the ten-year file's patient and tablet for one year: quicker, and she has a CT score from the start
        String tenYearText = Files.readString(tenYears());
        assertThat(tenYearText).contains("durationDays: 3652\n");
        Path oneYear = Files.writeString(dir.resolve("one-year.yaml"), tenYearText.replace("durationDays: 3652\n",
                "durationDays: 365\n"));
        StoreRunsInDuckDb.Stored first = StoreRunsInDuckDb.store(oneYear, db);
        StoreRunsInDuckDb.Stored second = StoreRunsInDuckDb.store(ProjectFiles.require("examples/scenarios/mk7-supplement.yaml"), db);
        assertThat(first.runId()).isEqualTo(1);
        assertThat(second.runId()).isEqualTo(2);
        SimulatorFactory f = SimulatorFactory.load();
        double simulated = f.create(f.defaultParameters()).run(ScenarioFiles.load(oneYear).scenario(), Mode.FAST,
                ProgressListener.NONE).trajectory().last("cacAgatston");
        assertThat(first.lastCacAgatston()).isPositive().isEqualTo(simulated); // stored as a DOUBLE: exactly
    }
}

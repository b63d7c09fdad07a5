package org.vascalc.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vascalc.core.input.InputProblem;
import org.vascalc.core.input.InvalidInputException;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.engine.EngineSimulator;
import org.vascalc.simulation.engine.ModelAssembly;
import org.vascalc.simulation.scenario.ProjectFiles;
import org.vascalc.simulation.scenario.ScenarioFiles;
import org.vascalc.simulation.scenario.ScenarioFiles.Format;

/** A scenario file's {@code parameters:} map: read by the loader, checked and applied by {@link ParameterOverrides}. */
class ScenarioParametersTest {

    private static final ParameterCatalog CATALOG = ModelAssembly.defaultParameters();

    private static final String HEAD = "name: t\ndurationDays: 1\nrecording: {intervalHours: 1}\n";

    @Test
    void aFileWithoutParametersHasNoneAndLeavesTheCatalogItself() {
        ScenarioFiles.Loaded l = ScenarioFiles.load(
                ProjectFiles.require("examples/scenarios/calcium-supplement-fasting.yaml"));
        assertThat(l.parameters()).isEmpty();
        ParameterOverrides.Result r = ParameterOverrides.applyScenario(CATALOG, l.parameters());
        assertThat(r.catalog()).isSameAs(CATALOG);
        assertThat(r.changes()).isEmpty();
        assertThat(l.scenarioWithoutParameters("a test")).isSameAs(l.scenario());
    }

    @Test
    void theMapIsReadInFileOrderAndAppliedWithItsOrigin() {
        ScenarioFiles.Loaded l = ScenarioFiles.parse(HEAD + "parameters: {pthRef: 3, ecfVolume: 15}\n", Format.YAML, "t");
        assertThat(l.parameters()).containsExactly(Map.entry("pthRef", 3.0), Map.entry("ecfVolume", 15.0));
        ParameterOverrides.Result r = ParameterOverrides.applyScenario(CATALOG, l.parameters());
        assertThat(r.catalog().value("pthRef")).isEqualTo(3.0);
        assertThat(r.catalog().value("ecfVolumeL")).isEqualTo(15.0); // the volume held twice follows
        assertThat(r.catalog().sha256()).isNotEqualTo(CATALOG.sha256());
        assertThat(r.changes()).extracting(ParameterOverrides.Change::why).containsExactly(
                ParameterOverrides.FROM_SCENARIO, ParameterOverrides.FROM_SCENARIO,
                ParameterOverrides.FROM_SCENARIO + "; the same quantity as ecfVolume");
        // a runner with a catalog of its own refuses it rather than ignoring it
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> l.scenarioWithoutParameters("a calibration check"));
        assertThat(e.problems()).extracting(InputProblem::path).containsExactly("parameters");
    }

    @Test
    void aValueThatIsNotANumberOrAMapThatIsNotAMapIsTheLoadersProblemWithItsPath() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> ScenarioFiles.parse(
                HEAD + "parameters: {pthRef: x, caTotalRef: [2.4]}\n", Format.YAML, "t.yaml"));
        assertThat(e.problems()).extracting(InputProblem::path).containsExactly("parameters.pthRef", "parameters.caTotalRef");
        assertThat(e.problems().get(0).message()).contains("expected a number", "found text 'x'");
        InvalidInputException list = catchThrowableOfType(InvalidInputException.class, () -> ScenarioFiles.parse(
                HEAD + "parameters: [pthRef]\n", Format.YAML, "t.yaml"));
        assertThat(list.problems()).extracting(InputProblem::path).containsExactly("parameters");
    }

    @Test
    void badNamesValuesAndLoneSourcesAreEveryOneReportedWithTheirPathUnitAndRange() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("gutParacellularRat", 0.072);
        m.put("pthRef", 9.0);
        m.put("ecfVolume", 18.0);
        m.put("miPlaqueExponent", 1.1);
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> ParameterOverrides.applyScenario(CATALOG, m));
        assertThat(e.problems()).extracting(InputProblem::path).containsExactly("parameters.gutParacellularRat",
                "parameters.pthRef", "parameters.ecfVolume", "parameters.miPlaqueExponent");
        assertThat(e.problems()).extracting(InputProblem::message).containsExactly(
                "the catalog has no parameter 'gutParacellularRat' (did you mean 'gutParacellularRate'?); "
                        + "docs/model/parameters.md lists them",
                "pthRef = 9 pmol/L lies outside its plausible range, allowed 1 to 8 pmol/L",
                "ecfVolume and ecfVolumeL are one quantity held twice, set together; 18 L lies outside ecfVolumeL's "
                        + "plausible range, allowed 12 to 16 L",
                e.problems().get(3).message());
        assertThat(e.problems().get(3).message()).startsWith("miBasePerYear was derived from miPlaqueExponent")
                .contains("set it too, e.g. miBasePerYear: 0.0006299 under parameters:").doesNotContain("--set");
        // the derived number set too: accepted
        m.clear();
        m.put("miPlaqueExponent", 1.1);
        m.put("miBasePerYear", 0.0006299);
        assertThat(ParameterOverrides.applyScenario(CATALOG, m).catalog().value("miPlaqueExponent")).isEqualTo(1.1);
    }

    /**
     * The example's map moves the result the way the physiology says (review10's absorption case, now
     * from the file): more paracellular uptake absorbs more of the fasting 1000 mg citrate dose, raises
     * the day's serum calcium peak and lowers the day's PTH; the example is calcium-supplement-fasting
     * with that one number changed.
     */
    @Test
    void theExamplesParametersAbsorbMoreRaiseSerumCalciumAndLowerPth() {
        ScenarioFiles.Loaded plain = ScenarioFiles.load(
                ProjectFiles.require("examples/scenarios/calcium-supplement-fasting.yaml"));
        ScenarioFiles.Loaded leaky = ScenarioFiles.load(
                ProjectFiles.require("examples/scenarios/calcium-supplement-fasting-leaky-gut.yaml"));
        assertThat(leaky.parameters()).containsExactly(Map.entry("gutParacellularRate", 0.072));
        assertThat(leaky.scenario().patient()).isEqualTo(plain.scenario().patient());
        assertThat(leaky.scenario().interventions()).isEqualTo(plain.scenario().interventions());
        assertThat(leaky.scenario().recording()).isEqualTo(plain.scenario().recording());
        ParameterCatalog catalog = ParameterOverrides.applyScenario(CATALOG, leaky.parameters()).catalog();
        Trajectory base = EngineSimulator.withoutWall(CATALOG).run(plain.scenario(), Mode.REFERENCE,
                ProgressListener.NONE).trajectory();
        Trajectory high = EngineSimulator.withoutWall(catalog).run(leaky.scenario(), Mode.REFERENCE,
                ProgressListener.NONE).trajectory();
        ParameterOverridesTest.assertLeakierGutAbsorbsMore(base, high);
    }
}

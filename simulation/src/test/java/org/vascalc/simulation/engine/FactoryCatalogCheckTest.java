package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.core.input.InvalidInputException;
import org.vascalc.core.param.Parameter;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.SimulatorFactory;

/**
 * staticfree: the library's {@link SimulatorFactory#create} refuses a catalog the model cannot run, at once and naming
 * every problem as the CLI's {@code --parameters} check does ({@link org.vascalc.simulation.CatalogCheck}). Before,
 * a null catalog and one without {@code ecfVolume} were taken and failed only at the run (a bare
 * NullPointerException, "no parameter named 'ecfVolume'"), and one with its own unit or a widened range ran.
 * leftovers23: refused with the library's {@code InvalidInputException} (every problem a line with its path), not an
 * IllegalArgumentException a caller catching what docs/library.md names would miss.
 */
class FactoryCatalogCheckTest {

    private final SimulatorFactory factory = new EngineSimulatorFactory();
    private final ParameterCatalog model = factory.defaultParameters();

    @Test
    void theModelsCatalogAndOneWithOtherValuesInsideItsRangesAreTaken() {
        Parameter p = model.get("ecfVolume");
        ParameterCatalog changed = model.with(java.util.Map.of("ecfVolume", (p.low() + p.high()) / 2));
        assertThat(factory.create(model)).isNotNull();
        assertThat(factory.create(changed)).isNotNull();
    }

    @Test
    void aNullCatalogIsRefusedAtCreateWithWhatToGive() {
        assertThatThrownBy(() -> factory.create(null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("parameter catalog has 1 problem:\n  error: parameters: missing (null)").hasMessageContaining("defaultParameters()");
    }

    @Test
    void aCatalogWithAMissingAndAnUnknownNameIsRefusedNamingBoth() {
        List<Parameter> rows = new ArrayList<>(model.parameters().stream().filter(p -> !p.name().equals("ecfVolume"))
                .toList());
        Parameter ecf = model.get("ecfVolume");
        rows.add(new Parameter("ecfVolumne", ecf.value(), ecf.unit(), ecf.low(), ecf.high(), ecf.evidence(),
                "a misspelt name"));
        assertThatThrownBy(() -> factory.create(ParameterCatalog.of(rows))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("error: names: 1 name(s) the model does not have (ecfVolumne)")
                .hasMessageContaining("lacks 1 of the model's " + model.parameters().size() + " parameters (ecfVolume)");
    }

    @Test
    void aCatalogWithItsOwnUnitAndAWidenedRangeIsRefusedNamingEveryProblemAtOnce() {
        List<Parameter> rows = new ArrayList<>();
        Parameter unit = null;
        Parameter wide = null;
        for (Parameter p : model.parameters()) {
            if (unit == null && !p.unit().equals("1")) {
                unit = p;
                rows.add(new Parameter(p.name(), p.value(), p.unit() + "/min", p.low(), p.high(), p.evidence(),
                        p.description()));
            } else if (unit != null && wide == null && p.high() > 0) {
                wide = p;
                rows.add(new Parameter(p.name(), p.high() * 2, p.unit(), p.low(), p.high() * 4, p.evidence(),
                        p.description()));
            } else {
                rows.add(p);
            }
        }
        String unitName = unit.name();
        String wideName = wide.name();
        assertThatThrownBy(() -> factory.create(ParameterCatalog.of(rows))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("parameter catalog has 2 problems:")
                .hasMessageContaining("error: " + unitName + ": unit '" + unit.unit() + "/min' is not the model's")
                .hasMessageContaining("error: " + wideName + ": " + wideName + " = ")
                .hasMessageContaining("lies outside the model's plausible range");
    }
}

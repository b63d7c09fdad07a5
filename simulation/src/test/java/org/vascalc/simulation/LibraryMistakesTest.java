package org.vascalc.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.patient.Patient;
import org.vascalc.simulation.cohort.FollowUp;
import org.vascalc.simulation.cohort.Population;
import org.vascalc.simulation.cohort.TrialArm;
import org.vascalc.simulation.cohort.VirtualPopulation;
import org.vascalc.simulation.engine.ModelAssembly;

/**
 * review17: a researcher's mistakes at the library, each said in her terms. A null list gave List.copyOf's
 * "Cannot invoke \"java.util.Collection.isEmpty()\" because \"coll\" is null"; a follow-up of -3 years gave
 * "recording intervals must be > 0 h, got intervalHours = -26298.0".
 */
class LibraryMistakesTest {

    @Test
    void aNullListOfAScenarioOrRecordingIsNamedWithWhatToGiveInstead() {
        Recording daily = Recording.every(24);
        assertThatThrownBy(() -> new Scenario("s", "", Patient.referenceAdult(), null, List.of(), 1, daily))
                .isInstanceOf(NullPointerException.class).hasMessage("conditions is null; give List.of() for none");
        assertThatThrownBy(() -> new Scenario("s", "", Patient.referenceAdult(), List.of(), null, 1, daily))
                .isInstanceOf(NullPointerException.class).hasMessage("interventions is null; give List.of() for none");
        assertThatThrownBy(() -> new Recording(null, 24, 24, 0, 0)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("outputs is null");
    }

    @Test
    void aFollowUpOfNoPositiveLengthIsNamedInYears() {
        ParameterCatalog catalog = ModelAssembly.defaultParameters();
        var person = Population.MESA.draw(new VirtualPopulation(1, catalog), 0);
        assertThatThrownBy(() -> FollowUp.scenario(person, -3, TrialArm.MK7)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("years must be > 0 years, got -3.0");
        assertThat(FollowUp.scenario(person, 1, TrialArm.MK7).durationDays()).isEqualTo(365.25);
    }

    @Test
    void differencesListTheValuesOfACatalogThatMovedFromTheModelsLeavingOutTheOnesNamedElsewhere() {
        ParameterCatalog model = ModelAssembly.defaultParameters();
        ParameterCatalog changed = model.with(Map.of("gutParacellularRate", 0.06, "pthCaHill", 10.0));
        List<ParameterOverrides.Change> d = ParameterOverrides.differences(model, changed, Set.of("pthCaHill"));
        assertThat(d).extracting(ParameterOverrides.Change::name).containsExactly("gutParacellularRate");
        assertThat(d.get(0).value()).isEqualTo(0.06);
        assertThat(d.get(0).defaultValue()).isEqualTo(model.value("gutParacellularRate"));
        assertThat(ParameterOverrides.differences(model, model, Set.of())).isEmpty();
    }
}

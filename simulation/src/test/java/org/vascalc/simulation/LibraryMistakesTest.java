package org.vascalc.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vascalc.core.input.InvalidInputException;
import org.vascalc.core.input.ValidRange;
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

    /**
     * leftovers24: a follow-up's length is a caller's value, refused as the library refuses every one
     * (InvalidInputException, docs/library.md; it was an IllegalArgumentException): at path years, naming the value,
     * its unit and the range; 100 years (a scenario file's longest, 36525 days) is the last taken.
     */
    @Test
    void aFollowUpOutsideItsRangeIsTheLibrarysInputExceptionNamedInYears() {
        ParameterCatalog catalog = ModelAssembly.defaultParameters();
        var person = Population.MESA.draw(new VirtualPopulation(1, catalog), 0);
        for (double years : new double[] {-3, 0, Double.NaN, 100.5, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> FollowUp.scenario(person, years, TrialArm.MK7)).as("%s", years)
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                            .singleElement().satisfies(p -> {
                                assertThat(p.path()).isEqualTo("years");
                                assertThat(p.message()).isEqualTo("follow-up = " + ValidRange.fmt(years) + " years is "
                                        + "outside the allowed range: more than 0 and at most 100 years (a scenario "
                                        + "file's longest duration, 36525 days)");
                            }));
        }
        assertThatThrownBy(() -> FollowUp.scenario(person, -3)).hasMessageStartingWith("follow-up has 1 problem:\n"
                + "  error: years: follow-up = -3 years is outside");
        assertThat(FollowUp.scenario(person, 1, TrialArm.MK7).durationDays()).isEqualTo(365.25);
        assertThat(FollowUp.scenario(person, 100).durationDays()).isEqualTo(36525);
        assertThat(FollowUp.scenario(person, 1.0 / 365).durationDays()).as("a day, as tests take").isCloseTo(1.0007,
                org.assertj.core.api.Assertions.within(1e-4));
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

package org.vascalc.simulation.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vascalc.core.intervention.Intervention.StatinIntensity;
import org.vascalc.core.patient.Patient;
import org.vascalc.core.patient.Sex;
import org.vascalc.core.units.Time;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.OutputChannel;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.SimulationResult;
import org.vascalc.simulation.Trajectory;

/**
 * A follow-up's bookkeeping on a made-up three-point trajectory, worked by hand: rates are each
 * cumulative hazard's rise over the years between the first and the last sample (there are no drawn
 * events and no censoring: every member is followed to the end), CT scores carry the member's scan
 * errors, the layers are read at the first and last sample.
 */
class FollowUpTest {

    private static final double H = Time.HOURS_PER_YEAR;

    /** Recorded from hour 100 (not 0, so a rate over t_end rather than t_end - t_0 shows), two years in all. */
    private static SimulationResult made(Scenario s) {
        // channels deliberately not in FollowUp.OUTPUTS' order: the follow-up reads them by name
        List<String> ids = List.of("wall.hazardCvDeath", "cacMedialMass", "t50", "wall.hazardHf", "cacAgatston",
                "wall.hazardStroke", "pwv", "cacIntimalMass", "wall.hazardMi");
        double[][] v = {
            // cvDeath, medial, t50, hf, cac, stroke, pwv, intimal, mi
            {0.1, 5, 300, 2.0, 10, 1.0, 7, 40, 0.5},
            {0.2, 6, 290, 2.2, 15, 1.1, 8, 45, 0.6},
            {0.5, 9, 280, 2.5, 30, 1.3, 9, 60, 0.7},
        };
        Trajectory tr = new Trajectory(ids.stream().map(id -> new OutputChannel(id, "u", id)).toList(),
                new double[] {100, 100 + 0.5 * H, 100 + 2 * H}, v);
        return new SimulationResult(s, Mode.FAST, tr, Map.of(), Map.of(), "sha");
    }

    private static VirtualPerson person(Sex sex, double e0, double e1) {
        Patient pt = Patient.referenceAdult().withId("p-3");
        pt = new Patient(pt.id(), pt.ageYears(), sex, pt.weightKg(), pt.heightCm(), pt.egfrMlPerMin(),
                pt.serumCalciumMmolL(), pt.serumPhosphateMmolL(), pt.pthPgMl(), pt.risk());
        return new VirtualPerson(3, pt, Map.of(), Optional.empty(), e0, e1);
    }

    @Test
    void ratesAreTheHazardsRiseOverTheYearsFollowedAndScoresCarryTheScanErrors() {
        VirtualPerson p = person(Sex.MALE, Math.log(2), Math.log(0.5));
        FollowUp u = FollowUp.of(p, made(FollowUp.scenario(p, 2)));
        assertThat(u.person()).isSameAs(p);
        assertThat(u.years()).isCloseTo(2.0, within(1e-12));
        assertThat(u.miRate()).isCloseTo(0.2 / 2, within(1e-12)); // 0.7 - 0.5 over 2 y
        // MI 0.2 + stroke 0.3 + heart failure 0.5, over 2 y; CV death is not a cardiovascular event here
        assertThat(u.cvdRate()).isCloseTo(1.0 / 2, within(1e-12));
        assertThat(u.cvDeathRate()).isCloseTo(0.4 / 2, within(1e-12));
        assertThat(u.cac0()).isCloseTo(10 * 2, within(1e-9)); // the model's 10 AU read 2x too high
        assertThat(u.cacEnd()).isCloseTo(30 * 0.5, within(1e-9)); // 30 AU read at half
        assertThat(u.pwv0()).isEqualTo(7);
        assertThat(u.t50()).isEqualTo(300);
        assertThat(u.layers()).isEqualTo(new FollowUp.Layers(40, 60, 5, 9));
        assertThat(u.annualChange()).isCloseTo((15 - 20) / 2.0, within(1e-9));
        assertThat(u.intimalChange()).isCloseTo((60 - 40) / 2.0, within(1e-12));
        assertThat(u.medialChange()).isCloseTo((9 - 5) / 2.0, within(1e-12));
        assertThat(u.male()).isTrue();
        assertThat(FollowUp.of(person(Sex.FEMALE, 0, 0), made(FollowUp.scenario(p, 2))).male()).isFalse();
    }

    @Test
    void withoutScanErrorTheScoresAreTheModels() {
        VirtualPerson p = person(Sex.FEMALE, 0, 0);
        FollowUp u = FollowUp.of(p, made(FollowUp.scenario(p, 2)));
        assertThat(u.cac0()).isEqualTo(10);
        assertThat(u.cacEnd()).isEqualTo(30);
        assertThat(u.annualChange()).isCloseTo(10, within(1e-12));
    }

    @Test
    void theScenarioFollowsTheMemberForTheYearsAskedRecordingOnlyStartAndEnd() {
        VirtualPerson p = new VirtualPopulation(5, org.vascalc.simulation.engine.ModelAssembly.defaultParameters())
                .mesa(4);
        Scenario s = FollowUp.scenario(p, 0.5);
        assertThat(s.name()).isEqualTo("mesa-4");
        assertThat(s.patient()).isEqualTo(p.patient());
        assertThat(s.conditions()).isEmpty();
        assertThat(s.durationDays()).isCloseTo(0.5 * 365.25, within(1e-9));
        assertThat(s.recording().outputs()).containsExactlyElementsOf(FollowUp.OUTPUTS);
        assertThat(s.recording().intervalHours()).isCloseTo(0.5 * 365.25 * 24, within(1e-6));
        assertThat(s.interventions()).isEqualTo(TrialArm.NONE.interventions(p));
        assertThat(FollowUp.scenario(p, 0.5, TrialArm.MK7).interventions()).isEqualTo(TrialArm.MK7.interventions(p))
                .hasSize(TrialArm.NONE.interventions(p).size() + 1);
        VirtualPerson onStatin = new VirtualPerson(1, p.patient(), Map.of(), Optional.of(StatinIntensity.HIGH));
        assertThat(FollowUp.scenario(onStatin, 1).interventions()).isEqualTo(TrialArm.NONE.interventions(onStatin))
                .isNotEmpty();
    }
}

package org.vascalc.simulation.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vascalc.core.patient.Patient;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.OutputChannel;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.SimulationResult;
import org.vascalc.simulation.Trajectory;
import org.vascalc.simulation.cohort.VirtualPerson;

/** What a trial keeps of a member's run, on a hand-made recording (no model run). */
class MemberRunTest {

    private static final Trajectory RUN = new Trajectory(List.of(new OutputChannel("cacAgatston", "AU", "CT score"),
            new OutputChannel("pwv", "m/s", "aortic PWV")), new double[] {0, 24, 48},
            new double[][] {{10, 7}, {20, 8}, {40, 9}});

    private static SimulationResult result() {
        Scenario s = new Scenario("m", "", Patient.referenceAdult(), List.of(), List.of(), 2, Recording.every(24));
        return new SimulationResult(s, Mode.FAST, RUN, Map.of(), Map.of(), "sha");
    }

    @Test
    void theBaselineIsTheRowAtRandomisationAndOnlyTheCtScoreCarriesTheScanErrors() {
        // the scanner reads the score times exp(error): x1.1 at baseline, x0.8 at the end
        VirtualPerson p = new VirtualPerson(3, Patient.referenceAdult(), Map.of(), Optional.empty(), Math.log(1.1),
                Math.log(0.8));
        MemberRun m = MemberRun.of(p, result(), List.of("pwv", "cacAgatston"), 24);
        assertThat(m.first()[0]).isEqualTo(8);
        assertThat(m.last()[0]).isEqualTo(9);
        assertThat(m.first()[1]).isCloseTo(22, within(1e-12));
        assertThat(m.last()[1]).isCloseTo(32, within(1e-12));
        MemberRun atStart = MemberRun.of(p, result(), List.of("pwv"));
        assertThat(atStart.first()[0]).isEqualTo(7);
    }

    @Test
    void aBaselineTheRunDidNotRecordIsRefused() {
        VirtualPerson p = new VirtualPerson(3, Patient.referenceAdult(), Map.of(), Optional.empty());
        assertThatThrownBy(() -> MemberRun.of(p, result(), List.of("pwv"), 12)).isInstanceOf(IllegalStateException.class)
                .hasMessage("the run recorded no row at 12.0 h (the baseline)");
    }
}

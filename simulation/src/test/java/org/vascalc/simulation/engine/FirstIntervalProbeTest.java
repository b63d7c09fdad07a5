package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;

/**
 * {@link BiasProbe#firstIntervalHours} (onsetcause, sixtieth session; docs/performance-log.md): a new regimen's first
 * orbit outside the run-in is measured after the capped interval instead of {@link OrbitReuse#FIRST_INTERVAL_HOURS};
 * off (0) by default, and the run-in's orbits keep their 60 days.
 */
class FirstIntervalProbeTest {

    @Test
    void theProbeRejectsANegativeOrNonFiniteCapAndIsOffByDefault() {
        assertThat(BiasProbe.NONE.firstIntervalHours()).isZero();
        assertThatThrownBy(() -> BiasProbe.NONE.withFirstInterval(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("first interval -1.0 h");
        assertThatThrownBy(() -> BiasProbe.NONE.withFirstInterval(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The restart lines of a 20-day run's orbit trace: {@code [stabilising, next interval]} per restart. */
    private static List<String> restarts(double firstIntervalHours) {
        Scenario y = AgreementScenarios.oneYearTwiceDailyWithMk7();
        Scenario s = new Scenario(y.name(), "", y.patient(), y.conditions(), y.interventions(), 20,
                new Recording(FastVersusReferenceTest.slowChannels(), 24, 24, 0, 0));
        List<String> lines = new ArrayList<>();
        BiasProbe probe = BiasProbe.NONE.withFirstInterval(firstIntervalHours).withTrace(lines::add);
        new EngineSimulator(ModelAssembly.defaultParameters(), Integrators.standard(),
                FastSettings.DEFAULT.withProbe(probe), FastSettings.DEFAULT, true)
                .run(s, Mode.FAST, ProgressListener.NONE);
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            if (l.contains("restart: next interval")) {
                out.add((l.contains("stabilising") ? "run-in " : "regimen ")
                        + l.substring(l.indexOf("next interval")));
            }
        }
        return out;
    }

    @Test
    void aCapShortensOnlyTheRegimensFirstIntervalNotTheRunIns() {
        List<String> plain = restarts(0);
        List<String> capped = restarts(24);
        assertThat(plain).contains("regimen next interval 60.0 d");
        assertThat(capped).contains("regimen next interval 1.0 d").doesNotContain("regimen next interval 60.0 d");
        assertThat(capped.stream().filter(l -> l.startsWith("run-in")).toList())
                .isEqualTo(plain.stream().filter(l -> l.startsWith("run-in")).toList());
    }
}

package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;

/**
 * The reason the run's trace ({@link BiasProbe#trace}) gives for each orbit of a fast run ({@code FastRun.advance}'s trace text, which
 * no test read: PIT found its mutants unreached, docs/testing.md, forty-fourth session). The reasons follow from the
 * run's shape, not from the code's numbers: the run's first orbit and the first after a change of regimen are due to
 * the new segment (no orbit of that regimen exists; the regimen's, after the onset piece fast mode runs in reference
 * mode); an orbit of a regimen already on its orbit is due to the reuse
 * control's interval, the secant bound or the drift guard, never to a segment; {@code expired} is set only between the
 * stabiliser's chunks, so a run proper never reads it; and with orbits at most 96 h old the 8 days after the change
 * hold at least one orbit of the same regimen. Diagnostics only: the run's results do not read the text.
 */
class OrbitTraceReasonTest {

    private static final Pattern LINE = Pattern.compile("ORBIT day +([0-9.]+) after +\\S+ d \\(([a-zA-Z-]+)(, stabilising)?\\)");

    /** The defaults, but orbits at most 96 h old (as FastGuardCutTest's), so that a short run has orbits of one regimen. */
    private static final FastSettings FOUR_DAYS = new FastSettings(FastSettings.DEFAULT.maxStepPeriods(),
            FastSettings.DEFAULT.samples(), FastSettings.DEFAULT.maxOrbitPeriods(), FastSettings.DEFAULT.orbitTolerance(),
            FastSettings.DEFAULT.driftTolerance(), 96, FastSettings.DEFAULT.integrationRelativeTolerance(),
            FastSettings.DEFAULT.fluxTolerance(), FastSettings.DEFAULT.stageQuadrature(),
            FastSettings.DEFAULT.exactLinearPart());

    private record Orbit(double day, String reason) {
    }

    @Test
    void eachOrbitNamesWhyItWasDue() {
        // 500 mg carbonate at 08:00 and 20:00 from day 4: habitual meals only before, the supplement after
        Scenario sc = Scenarios.of("trace", 12, new Recording(List.of("bmd"), 24, 24, 0, 12),
                new Intervention.CalciumSupplement(500, Intervention.CalciumSalt.CARBONATE, true,
                        new Schedule(4, Double.POSITIVE_INFINITY, List.of(8.0, 20.0), Schedule.EVERY_DAY)));
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        new EngineSimulator(ModelAssembly.defaultParameters(), Integrators.standard(), FOUR_DAYS,
                FastSettings.DEFAULT, false).traced(lines::add).run(sc, Mode.FAST, ProgressListener.NONE);
        List<Orbit> run = new ArrayList<>();
        for (String l : lines) {
            if (l.startsWith("GATE")) {
                // the gated direct onset's verdict at the day-4 onset (OnsetDirect, the default since onsetadopt:
                // weak, 5.26 tolerances, so the orbit at once); not an orbit
                continue;
            }
            Matcher m = LINE.matcher(l);
            assertThat(m.find()).as(l).isTrue();
            if (m.group(3) == null) { // the run proper, not the stabiliser's run-in
                run.add(new Orbit(Double.parseDouble(m.group(1)), m.group(2)));
            }
        }
        assertThat(run).as("the run's orbits: %s", lines).isNotEmpty();
        assertThat(run.get(0)).as("the run's first orbit").isEqualTo(new Orbit(0, "segment"));
        // the regimen's first orbit: at day 4, after the onset piece fast mode integrates in reference mode
        Orbit regimen = run.stream().filter(o -> o.day() >= 4 - 1e-9).findFirst().orElseThrow();
        assertThat(regimen.reason()).as("the regimen's first orbit, day %s", regimen.day()).isEqualTo("segment");
        assertThat(regimen.day()).isLessThan(5);
        List<Orbit> sameRegimen = run.stream().filter(o -> o != run.get(0) && o != regimen).toList();
        assertThat(sameRegimen).as("orbits of a regimen already on its orbit").allSatisfy(o ->
                assertThat(o.reason()).isIn("interval", "beyondSecant", "drift"));
        assertThat(sameRegimen).as("orbits at most 4 days old: one within 4 days of the regimen's first")
                .anySatisfy(o -> assertThat(o.day()).isGreaterThan(regimen.day()).isLessThanOrEqualTo(regimen.day() + 4 + 1e-9));
    }
}

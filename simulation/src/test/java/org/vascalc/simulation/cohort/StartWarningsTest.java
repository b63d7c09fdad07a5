package org.vascalc.simulation.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.vascalc.core.input.InputProblem;
import org.vascalc.core.patient.Patient;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.OutputChannel;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.SimulationResult;
import org.vascalc.simulation.SimulatorFactory;
import org.vascalc.simulation.StartLabMiss;
import org.vascalc.simulation.Trajectory;

/**
 * A cohort's or trial's members' run warnings (a start that is not the member's measured labs) as one
 * line per lab: how many members, the largest difference and whose (labwarn2).
 */
class StartWarningsTest {

    private static final Recording DAILY = new Recording(List.of("serumCalciumTotal", "serumPhosphate", "pthPgMl"),
            24, 24, 0, 0);
    private static final String SEE = ": see docs/model/mineral.md, 'When the start is not the labs'";

    private static VirtualPerson member(long index, String id, double egfr, double ca, double po4, double pth) {
        Patient a = Patient.referenceAdult();
        return new VirtualPerson(index, new Patient(id, a.ageYears(), a.sex(), a.weightKg(), a.heightCm(), egfr,
                OptionalDouble.of(ca), OptionalDouble.of(po4), OptionalDouble.of(pth), a.risk()), Map.of(), java.util.Optional.empty());
    }

    /**
     * Members built to warn: at eGFR 7 without dialysis the kidney cannot excrete the habitual phosphate at
     * 1.9 or 1.5 mmol/L, so phosphate rises in the run-in (docs/model/mineral.md, "When the start is not the
     * labs"); the reference adult's healthy labs hold. Run in two plans (a trial's two arms): each member is
     * counted once. The expected lines are made here from each run's own start and the bands (1.96 x the
     * within-subject CV: calcium 2 %, phosphate 7 %, PTH 19.2 %), not read from the class.
     */
    @Test
    void membersBuiltToWarnGiveOneLinePerLabCountingEachMemberOnce() {
        List<VirtualPerson> members = List.of(member(0, "healthy-0", 95, 2.35, 1.1, 40),
                member(1, "ckd5-1", 7, 2.30, 1.9, 320), member(2, "ckd5-2", 7, 2.30, 1.5, 320));
        SimulatorFactory factory = SimulatorFactory.load();
        CohortRunner runner = new CohortRunner(factory, factory.defaultParameters(), 2);
        StartWarnings warned = new StartWarnings();
        List<double[]> starts = new ArrayList<>(); // per member: calcium, phosphate, PTH at the start
        CohortRunner.ScenarioPlan day = p -> new Scenario(p.patient().id(), "", p.patient(), List.of(), List.of(), 1, DAILY);
        runner.stream(members.size(), i -> members.get((int) i), List.of(day, day), Mode.FAST, (p, r) -> {
            warned.add(p, r);
            Trajectory t = r.trajectory();
            return new double[] {t.series("serumCalciumTotal")[0], t.series("serumPhosphate")[0], t.series("pthPgMl")[0]};
        }, 3, (m, byPlan) -> starts.addAll(byPlan.get(0)), CohortProgress.NONE, () -> false);

        String[] what = {"total calcium", "phosphate", "intact PTH"};
        double[] band = {1.96 * 0.02, 1.96 * 0.07, 1.96 * 0.192};
        List<String> expected = new ArrayList<>();
        for (int lab = 0; lab < 3; lab++) {
            int count = 0;
            double largest = 0;
            String who = "";
            for (int j = 0; j < members.size(); j++) {
                Patient pt = members.get(j).patient();
                double measured = (lab == 0 ? pt.serumCalciumMmolL() : lab == 1 ? pt.serumPhosphateMmolL() : pt.pthPgMl())
                        .getAsDouble();
                double d = starts.get(j)[lab] / measured - 1;
                if (Math.abs(d) > band[lab]) {
                    count++;
                    if (Math.abs(d) > Math.abs(largest)) {
                        largest = d;
                        who = pt.id();
                    }
                }
            }
            if (count > 0) {
                expected.add(String.format(Locale.ROOT, "%d of 3 members do not start at their measured %s (largest %+.0f %%, "
                        + "member %s)", count, what[lab], 100 * largest, who) + SEE);
            }
        }
        assertThat(expected).as("the members built to warn do: phosphate of both CKD 5 members")
                .anySatisfy(l -> assertThat(l).startsWith("2 of 3 members do not start at their measured phosphate")
                        .contains("member ckd5-2"));
        assertThat(warned.lines(3)).isEqualTo(expected);
    }

    private static Scenario scenario() {
        return new Scenario("x", "", Patient.referenceAdult(), List.of(), List.of(), 1, DAILY);
    }

    private static Trajectory oneRow() {
        return new Trajectory(List.of(new OutputChannel("a", "1", "a")), new double[] {0}, new double[][] {{1}});
    }

    private static SimulationResult warning(String path, String message) {
        return new SimulationResult(scenario(), Mode.FAST, oneRow(), Map.of(), Map.of(), "sha",
                List.of(InputProblem.warning(path, message)));
    }

    private static String labMessage(String what, int percent) {
        return String.format(Locale.ROOT, "the run does not start at the measured %s: it starts at 1.000 mmol/L, measured "
                + "1.00 mmol/L (%+d %%; one person's %s varies by ±14 %% from day to day, within which a start counts "
                + "as held). Why: why. The run goes on from the model's start", what, percent, what);
    }

    /** A run whose start misses {@code lab} by {@code percent} (measured 1, start 1 + percent / 100). */
    private static SimulationResult miss(StartLabMiss.Lab lab, int percent) {
        return SimulationResult.withMisses(scenario(), Mode.FAST, oneRow(), Map.of(), Map.of(), "sha",
                List.of(new StartLabMiss(lab, 1, 1 + percent / 100.0, percent / 100.0, 0.137,
                        List.of(new StartLabMiss.RunIn()))));
    }

    /**
     * The lines do not depend on the order the worker threads finish in: labs in the run's order (calcium,
     * phosphate, PTH) whatever was met first, and of two differences as large the earlier member's.
     */
    @Test
    void theLinesAreTheSameWhateverOrderTheMembersFinishIn() {
        StartWarnings w = new StartWarnings();
        w.add(member(5, "m-5", 7, 2.3, 1.9, 320), miss(StartLabMiss.Lab.INTACT_PTH, -40));
        w.add(member(5, "m-5", 7, 2.3, 1.9, 320), miss(StartLabMiss.Lab.PHOSPHATE, 20));
        w.add(member(3, "m-3", 7, 2.3, 1.9, 320), miss(StartLabMiss.Lab.PHOSPHATE, -20));
        w.add(member(4, "m-4", 7, 2.3, 1.9, 320), miss(StartLabMiss.Lab.TOTAL_CALCIUM, 5));
        w.add(member(6, "m-6", 7, 2.3, 1.9, 320), warning("patient.other", "something else"));
        assertThat(w.lines(10)).containsExactly(
                "1 of 10 members do not start at their measured total calcium (largest +5 %, member m-4)" + SEE,
                "2 of 10 members do not start at their measured phosphate (largest -20 %, member m-3)" + SEE,
                "1 of 10 members do not start at their measured intact PTH (largest -40 %, member m-5)" + SEE,
                "1 of 10 members get this run warning (e.g. member m-6): something else");
        assertThat(new StartWarnings().lines(10)).as("no member warned: no line").isEmpty();
    }

    /**
     * The count reads the runs' misses, not their English: a warning on a lab's field that only reads like
     * a miss (no {@link StartLabMiss} behind it) is another warning, and a miss whose start the model could
     * not give (NaN) is counted without a difference. The regexes of the forty-ninth session counted the
     * first as a lab's miss of -20 %.
     */
    @Test
    void theCountReadsTheMissesAndNotTheirEnglish() {
        StartWarnings w = new StartWarnings();
        w.add(member(2, "m-2", 7, 2.3, 1.9, 320), warning("patient.serumPhosphateMmolL", labMessage("phosphate", -20)));
        assertThat(w.lines(5)).containsExactly("1 of 5 members get this run warning (e.g. member m-2): "
                + labMessage("phosphate", -20));

        StartWarnings nan = new StartWarnings();
        nan.add(member(1, "m-1", 7, 2.3, 1.9, 320), SimulationResult.withMisses(scenario(), Mode.FAST, oneRow(), Map.of(),
                Map.of(), "sha", List.of(new StartLabMiss(StartLabMiss.Lab.INTACT_PTH, 320, Double.NaN, Double.NaN,
                        0.376, List.of(new StartLabMiss.RunIn())))));
        assertThat(nan.lines(5)).containsExactly(
                "1 of 5 members do not start at their measured intact PTH (e.g. member m-1)" + SEE);
    }

    /**
     * checkagree2: a run warning other than a lab's reads by its own words, not by its path: fast mode's
     * regimen-class caution (path "mode") read "N of M members warn about mode", which told a reader nothing;
     * the commands still tell it from a lab's line ({@link StartWarnings#labLine}).
     */
    @Test
    void anotherRunWarningReadsByItsWordsNotItsPath() {
        StartWarnings w = new StartWarnings();
        w.add(member(1, "m-1", 7, 2.3, 1.9, 320), miss(StartLabMiss.Lab.PHOSPHATE, 20));
        w.add(member(2, "m-2", 7, 2.3, 1.9, 320), warning("mode", "fast mode measured up to 7.0 % off reference mode"));
        List<String> lines = w.lines(3, "members run now");
        assertThat(lines).containsExactly(
                "1 of 3 members run now do not start at their measured phosphate (largest +20 %, member m-1)" + SEE,
                "1 of 3 members run now get this run warning (e.g. member m-2): fast mode measured up to 7.0 % off "
                        + "reference mode");
        assertThat(lines).noneMatch(l -> l.contains("about mode"));
        assertThat(lines.stream().map(StartWarnings::labLine)).containsExactly(true, false);
    }
}

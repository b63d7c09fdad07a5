package org.vascalc.simulation.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.units.Time;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.Trajectory;
import org.vascalc.simulation.engine.EngineSimulatorFactory;
import org.vascalc.simulation.engine.ModelAssembly;

/**
 * A high-intensity statin in a small CRIC-like in-silico trial (the trial of docs/cohorts.md, seed 1, fewer
 * members and years): what the imaging evidence says a statin does to coronary plaque and its calcium as CT
 * sees it (docs/model/wall.md, "Statins and the CT score"). Plaque volume falls (Puri 2015, PARADIGM);
 * the CT-visible calcium does not fall — its mass grows faster (PARADIGM: faster calcified-plaque
 * progression; van Rosendael 2021: more high-density calcium) and it is denser; and the Agatston score is
 * not slowed: randomised trials found no slowing (SALTIRE, BELLES, St Francis; pooled SMD −0.06, 95 % CI
 * −0.19 to 0.06, Nekouei Shahraki 2023), and SALTIRE's 95 % interval of the difference in yearly growth,
 * −3 to +18 %/y, bounds the model's geometric mean ratio on both sides. Before issue 3's statin pass the
 * model failed the mass and Agatston checks (mass score gain −1 %, CT score change −7 % with its 95 %
 * interval below 0).
 */
class StatinTrialTest {

    static final int MEMBERS = 30;
    static final double YEARS = 3;
    static final String[] CORONARY = {"lm", "lad", "lcx", "rca"};

    record Arm(List<FollowUp> followUps, double[] plaqueEnd, double[] massGain, double[] densityEnd) {
    }

    static Arm none;
    static Arm statin;

    @BeforeAll
    static void run() {
        ParameterCatalog cat = ModelAssembly.defaultParameters();
        VirtualPopulation pop = new VirtualPopulation(1, cat);
        List<VirtualPerson> people = LongStream.range(0, MEMBERS).mapToObj(pop::cric).toList();
        none = arm(cat, people, TrialArm.NONE);
        statin = arm(cat, people, TrialArm.STATIN);
    }

    private static Arm arm(ParameterCatalog cat, List<VirtualPerson> people, TrialArm arm) {
        List<String> outs = new ArrayList<>(FollowUp.OUTPUTS);
        outs.add("cacMass");
        for (String b : CORONARY) {
            outs.add("wall." + b + ".plaqueVolume");
            outs.add("wall." + b + ".macroCalcium");
            outs.add("wall." + b + ".macroDensity");
        }
        double days = YEARS * Time.DAYS_PER_YEAR;
        record Row(FollowUp f, double plaque, double mass, double density) {
        }
        List<Row> rows = new CohortRunner(new EngineSimulatorFactory(), cat, 2).run(people, p -> {
            Scenario s = FollowUp.scenario(p, YEARS, arm);
            return new Scenario(s.name(), s.description(), s.patient(), s.conditions(), s.interventions(), days,
                    new Recording(outs, Time.days(days), Time.days(days), 0, 0));
        }, Mode.FAST, (p, r) -> {
            Trajectory t = r.trajectory();
            double plaque = 0;
            double macro = 0;
            double rhoMass = 0;
            for (String b : CORONARY) {
                plaque += t.last("wall." + b + ".plaqueVolume");
                double m = t.last("wall." + b + ".macroCalcium");
                macro += m;
                rhoMass += m * t.last("wall." + b + ".macroDensity");
            }
            return new Row(FollowUp.of(p, r), plaque, t.last("cacMass") - t.series("cacMass")[0],
                    macro > 0 ? rhoMass / macro : Double.NaN);
        }, CohortProgress.NONE);
        return new Arm(rows.stream().map(Row::f).toList(), rows.stream().mapToDouble(Row::plaque).toArray(),
                rows.stream().mapToDouble(Row::mass).toArray(), rows.stream().mapToDouble(Row::density).toArray());
    }

    @Test
    void plaqueFallsWhileItsCtVisibleCalciumGrowsFasterAndDenser() {
        int lowerPlaque = 0;
        int denser = 0;
        int calcified = 0;
        double massDiff = 0;
        for (int i = 0; i < MEMBERS; i++) {
            if (statin.plaqueEnd[i] < none.plaqueEnd[i]) {
                lowerPlaque++;
            }
            if (!Double.isNaN(none.densityEnd[i])) {
                calcified++;
                if (statin.densityEnd[i] > none.densityEnd[i]) {
                    denser++;
                }
            }
            massDiff += statin.massGain[i] - none.massGain[i];
        }
        assertThat(lowerPlaque).as("members whose coronary plaque ends smaller on the statin").isEqualTo(MEMBERS);
        assertThat(calcified).as("members with plaque calcium").isGreaterThan(MEMBERS / 2);
        assertThat(denser).as("members whose plaque calcium ends denser on the statin").isEqualTo(calcified);
        double noneMass = java.util.Arrays.stream(none.massGain).average().orElseThrow();
        // PARADIGM: calcified plaque progresses faster on a statin; at least 5 % more CT mass-score gain
        assertThat(massDiff / MEMBERS).as("paired mean difference of the CT mass-score gain, mg")
                .isGreaterThan(0.05 * noneMass);
    }

    @Test
    void theCtScoreIsNotSlowedBeyondWhatTheTrialsAllow() {
        ArmComparison c = ArmComparison.of(TrialArm.STATIN, statin.followUps(), TrialArm.NONE, none.followUps());
        ArmComparison.Outcome ct = c.outcomes().get(0);
        assertThat(ct.name()).isEqualTo("CT score change");
        // no randomised trial found a statin slowing CT calcium: the interval must reach 0 or lie above it
        assertThat(ct.hi()).as("upper end of the 95 % interval of the CT score change, AU/y").isGreaterThanOrEqualTo(0);
        // SALTIRE (Houslay 2006): geometric mean difference of yearly growth +7 %/y, 95 % CI -3 to +18 %/y,
        // in patients who all had coronary calcium at baseline
        double sum = 0;
        int k = 0;
        for (int i = 0; i < MEMBERS; i++) {
            FollowUp a = none.followUps().get(i);
            FollowUp b = statin.followUps().get(i);
            if (a.cac0() > 10) {
                sum += Math.log(b.cacEnd() / a.cacEnd()) / YEARS;
                k++;
            }
        }
        assertThat(k).as("members with CAC > 10 AU at baseline").isGreaterThanOrEqualTo(10);
        double ratio = Math.exp(sum / k) - 1;
        assertThat(ratio).as("geometric mean ratio of yearly CT-score growth, statin vs none").isBetween(-0.03, 0.18);
        // and the statin still lowers the modelled MI hazard (its plaque and event effects are the calibrated part)
        assertThat(c.outcomes().get(3).diff()).as("MI rate difference").isLessThan(0);
    }
}

package org.vascalc.simulation.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vascalc.core.intervention.Intervention.StatinIntensity;
import org.vascalc.core.patient.Patient;
import org.vascalc.core.patient.RiskFactors;
import org.vascalc.core.patient.Sex;

/**
 * The cohort statistics on tiny hand-made follow-ups whose answers are worked out by hand from the
 * definitions: paired differences and their 95 % interval, the summary's shares, rates and CT score
 * categories at their edges, the compensated sum, the sample SD and the regressions' coefficients.
 */
class CohortArithmeticTest {

    private static VirtualPerson person(long index, Patient p, boolean statin) {
        return new VirtualPerson(index, p, Map.of(), statin ? Optional.of(StatinIntensity.MODERATE) : Optional.empty());
    }

    private static VirtualPerson person(long index) {
        return person(index, Patient.referenceAdult(), false);
    }

    /** A follow-up of 2 years; the layers' ends are 2 x their change per year (start 0). */
    private static FollowUp followUp(VirtualPerson p, double cac0, double cacEnd, double intimalPerYear,
                                     double medialPerYear, double mi, double cvd, double cvDeath) {
        return new FollowUp(p, 2, cac0, cacEnd, 9, 300, mi, cvd, cvDeath,
                new FollowUp.Layers(0, 2 * intimalPerYear, 0, 2 * medialPerYear));
    }

    @Test
    void armsAreComparedByTheMeanPairedDifferenceAndItsNormalInterval() {
        // CT score change per year: control 4, 5, 6; arm 5, 7, 12: differences 1, 2, 6 (mean 3,
        // sample variance ((-2)^2 + (-1)^2 + 3^2) / 2 = 7, standard error sqrt(7 / 3))
        double[] controlChange = {4, 5, 6};
        double[] armChange = {5, 7, 12};
        List<FollowUp> control = new ArrayList<>();
        List<FollowUp> arm = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            VirtualPerson p = person(i);
            control.add(followUp(p, 10, 10 + 2 * controlChange[i], 1, 3, 0.001 * (i + 1), 0.010, 0.002));
            arm.add(followUp(p, 10, 10 + 2 * armChange[i], 2, 1, 0.001, 0.012, 0.001));
        }
        ArmComparison c = ArmComparison.of(TrialArm.CALCIUM, arm, TrialArm.NONE, control);
        ArmComparison.Outcome ct = c.outcome("CT score change");
        double half = 1.96 * Math.sqrt(7.0 / 3);
        assertThat(ct.unit()).isEqualTo("AU/y");
        assertThat(ct.control()).isCloseTo(5, within(1e-12));
        assertThat(ct.arm()).isCloseTo(8, within(1e-12));
        assertThat(ct.diff()).isCloseTo(3, within(1e-12));
        assertThat(ct.lo()).isCloseTo(3 - half, within(1e-12));
        assertThat(ct.hi()).isCloseTo(3 + half, within(1e-12));
        assertThat(c.outcome("intimal calcium change").diff()).isCloseTo(1, within(1e-12));
        assertThat(c.outcome("medial calcium change").diff()).isCloseTo(-2, within(1e-12));
        // MI per 1000 person-years: control 1, 2, 3 (mean 2), arm 1: differences 0, -1, -2, variance 1
        ArmComparison.Outcome mi = c.outcome("MI rate");
        assertThat(mi.unit()).isEqualTo("/1000 py");
        assertThat(mi.control()).isCloseTo(2, within(1e-12));
        assertThat(mi.arm()).isCloseTo(1, within(1e-12));
        assertThat(mi.lo()).isCloseTo(-1 - 1.96 * Math.sqrt(1.0 / 3), within(1e-12));
        ArmComparison.Outcome cvd = c.outcome("MI + stroke + HF rate");
        assertThat(cvd.diff()).isCloseTo(2, within(1e-12));
        assertThat(cvd.hi() - cvd.lo()).as("the same difference in everyone: no spread").isCloseTo(0, within(1e-12));
        assertThat(c.outcome("CV death rate").diff()).isCloseTo(-1, within(1e-12));
        assertThat(c.arm()).isEqualTo(TrialArm.CALCIUM);
        assertThat(c.control()).isEqualTo(TrialArm.NONE);
        assertThatThrownBy(() -> c.outcome("stroke")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no outcome 'stroke'; the outcomes are CT score change, intimal calcium change,");
        // one member: a mean, but no spread and no interval
        ArmComparison one = ArmComparison.of(TrialArm.CALCIUM, arm.subList(0, 1), TrialArm.NONE, control.subList(0, 1));
        assertThat(one.outcome("CT score change").diff()).isCloseTo(1, within(1e-12));
        assertThat(one.outcome("CT score change").lo()).isNaN();
        assertThat(one.outcome("CT score change").hi()).isNaN();
    }

    @Test
    void armsOfOtherMembersOrNoneAreRefused() {
        List<FollowUp> a = List.of(followUp(person(0), 0, 0, 0, 0, 0, 0, 0), followUp(person(1), 0, 0, 0, 0, 0, 0, 0));
        List<FollowUp> swapped = List.of(a.get(1), a.get(0));
        assertThatThrownBy(() -> ArmComparison.of(TrialArm.MK7, a, TrialArm.NONE, a.subList(0, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("arms must hold the same members: 2 vs 1");
        assertThatThrownBy(() -> ArmComparison.of(TrialArm.MK7, List.of(), TrialArm.NONE, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ArmComparison.of(TrialArm.MK7, a, TrialArm.NONE, swapped))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(row 0)");
        ArmComparison.Accumulator acc = new ArmComparison.Accumulator(TrialArm.MK7, TrialArm.NONE);
        assertThatThrownBy(acc::comparison).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> acc.add(a.get(0), a.get(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a pair must be one member: 0 vs 1");
    }

    @Test
    void theSummarysSharesRatesAndScoreCategoriesFollowTheirDefinitions() {
        Patient woman = Patient.referenceAdult().withAgeYears(50).withEgfrMlPerMin(90)
                .withRisk(RiskFactors.typical().withBloodPressureMmHg(110, 70).withHabits(false, false));
        Patient man = Patient.referenceAdult().withSex(Sex.MALE).withAgeYears(70).withEgfrMlPerMin(50)
                .withRisk(RiskFactors.typical().withBloodPressureMmHg(140, 80).withHabits(false, true));
        // baseline scores 0, 0, 50, 100, 400: categories 0, 0, 1-99, 100-399, 400+ (100 and 400 open the next)
        List<FollowUp> us = List.of(
                followUp(person(0, woman, false), 0, 0, 0, 0, 0.001, 0.004, 0.0005),
                followUp(person(1, woman, true), 0, 3, 0, 0, 0.003, 0.006, 0.0015),
                followUp(person(2, man, false), 50, 70, 0, 0, 0.002, 0.010, 0.001),
                followUp(person(3, man, true), 100, 160, 0, 0, 0.004, 0.012, 0.002),
                followUp(person(4, woman, false), 400, 500, 0, 0, 0.010, 0.020, 0.005));
        CohortSummary s = CohortSummary.of(us);
        assertThat(s.members()).isEqualTo(5);
        assertThat(s.years()).isEqualTo(2);
        assertThat(s.meanAge()).isCloseTo((50 + 50 + 70 + 70 + 50) / 5.0, within(1e-12));
        assertThat(s.men()).isCloseTo(0.4, within(1e-12));
        assertThat(s.meanEgfr()).isCloseTo((90 * 3 + 50 * 2) / 5.0, within(1e-12));
        assertThat(s.meanSbp()).isCloseTo((110 * 3 + 140 * 2) / 5.0, within(1e-12));
        assertThat(s.diabetes()).isCloseTo(0.4, within(1e-12));
        assertThat(s.statin()).isCloseTo(0.4, within(1e-12));
        assertThat(s.cacPositive()).isCloseTo(0.6, within(1e-12));
        assertThat(s.medianCacPositive()).isEqualTo(100);
        // among those above 0: (20 + 60 + 100) / 2 y / 3
        assertThat(s.changePositive()).isCloseTo(30, within(1e-12));
        // of the two at 0, one has calcium at the end: 1/2 over 2 years
        assertThat(s.incidentPerYear()).isCloseTo(0.25, within(1e-12));
        assertThat(s.meanPwv()).isEqualTo(9);
        assertThat(s.meanT50()).isEqualTo(300);
        assertThat(s.mi()).isCloseTo(1000 * 0.020 / 5, within(1e-12));
        assertThat(s.cvd()).isCloseTo(1000 * 0.052 / 5, within(1e-12));
        assertThat(s.cvDeath()).isCloseTo(1000 * 0.010 / 5, within(1e-12));
        assertThat(s.byCategory()).extracting(CohortSummary.Category::label).containsExactly("0", "1-99", "100-399", "400+");
        assertThat(s.byCategory()).extracting(CohortSummary.Category::members).containsExactly(2, 1, 1, 1);
        CohortSummary.Category zero = s.byCategory().get(0);
        assertThat(zero.mi()).isCloseTo(2, within(1e-12));
        assertThat(zero.cvd()).isCloseTo(5, within(1e-12));
        assertThat(zero.cvDeath()).isCloseTo(1, within(1e-12));
        assertThat(s.byCategory().get(2).mi()).isCloseTo(4, within(1e-12));
        assertThat(s.byCategory().get(3).cvDeath()).isCloseTo(5, within(1e-12));
        // nobody at 0 and nobody in 100-399: no incidence, and that category's rates are not numbers
        CohortSummary positive = CohortSummary.of(us.subList(2, 3));
        assertThat(positive.incidentPerYear()).isNaN();
        assertThat(positive.byCategory().get(2).members()).isZero();
        assertThat(positive.byCategory().get(2).mi()).isNaN();
        CohortSummary none = CohortSummary.of(us.subList(0, 1));
        assertThat(none.cacPositive()).isZero();
        assertThat(none.medianCacPositive()).isNaN();
        assertThat(none.changePositive()).isNaN();
        assertThat(none.incidentPerYear()).isZero();
        assertThatThrownBy(() -> CohortSummary.of(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CohortSummary.Accumulator().summary()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCompensatedSumKeepsWhatAPlainSumLoses() {
        // Neumaier's example: 1 + 1e100 + 1 - 1e100 = 2; a plain running sum gives 0
        StreamingStats.Mean m = new StreamingStats.Mean();
        for (double x : new double[] {1, 1e100, 1, -1e100}) {
            m.add(x);
        }
        assertThat(m.sum()).isEqualTo(2);
        assertThat(m.mean()).isEqualTo(0.5);
        assertThat(m.count()).isEqualTo(4);
        // the small term first, then the large (the other branch of the compensation)
        StreamingStats.Mean n = new StreamingStats.Mean();
        for (double x : new double[] {1e100, 1, -1e100}) {
            n.add(x);
        }
        assertThat(n.sum()).isEqualTo(1);
    }

    @Test
    void sampleVarianceAndSdUseNMinusOne() {
        // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, squared deviations sum to 32
        double[] x = {2, 4, 4, 4, 5, 5, 7, 9};
        StreamingStats.Variance v = new StreamingStats.Variance();
        for (double d : x) {
            v.add(d);
        }
        assertThat(v.count()).isEqualTo(8);
        assertThat(v.mean()).isCloseTo(5, within(1e-15));
        assertThat(v.variance()).isCloseTo(32.0 / 7, within(1e-14));
        assertThat(Regression.mean(x)).isEqualTo(5);
        assertThat(Regression.sd(x)).isCloseTo(Math.sqrt(32.0 / 7), within(1e-14));
        assertThat(Regression.sd(new double[] {3})).isZero();
        assertThat(Regression.mean(new double[0])).isNaN();
        StreamingStats.Variance oneValue = new StreamingStats.Variance();
        oneValue.add(4);
        assertThat(oneValue.mean()).isEqualTo(4);
        assertThat(oneValue.variance()).isNaN();
        oneValue.add(6); // 4 and 6: (1 + 1) / 1
        assertThat(oneValue.variance()).isEqualTo(2);
        assertThat(new StreamingStats.Variance().mean()).isNaN();
        assertThat(Regression.median(new double[] {9, 1, 5})).isEqualTo(5);
        assertThat(Regression.median(new double[] {9, 1, 5, 2})).isEqualTo(3.5);
        assertThat(Regression.median(new double[0])).isNaN();
    }

    @Test
    void theLogRateCoefficientIsTheSlopeOfLogRateOnTheExposure() {
        // rate = exp(-3 + 0.4 exposure) exactly: the least-squares slope is 0.4, with or without the
        // standard covariates (they explain nothing here), and with a further covariate
        VirtualPopulation pop = new VirtualPopulation(11, org.vascalc.simulation.engine.ModelAssembly.defaultParameters());
        List<FollowUp> us = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            VirtualPerson p = pop.mesa(i);
            double exposure = (i * 7) % 11;
            us.add(new FollowUp(p, 1, i, exposure, 9, 300, Math.exp(-3 + 0.4 * exposure), 0, 0,
                    new FollowUp.Layers(0, 0, 0, 0)));
        }
        assertThat(Regression.logRateCoefficient(us, FollowUp::cacEnd, FollowUp::miRate, false)).isCloseTo(0.4, within(1e-10));
        assertThat(Regression.logRateCoefficient(us, FollowUp::cacEnd, FollowUp::miRate, true)).isCloseTo(0.4, within(1e-10));
        assertThat(Regression.logRateCoefficient(us, FollowUp::cacEnd, FollowUp::miRate, true,
                List.of(FollowUp::cac0))).isCloseTo(0.4, within(1e-10));
        // an exposure that moves with a covariate: only the adjusted fit separates them
        // (log rate = 0.4 exposure + 0.05 age; exposure = age / 10 + (i mod 3))
        List<FollowUp> confounded = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            VirtualPerson p = pop.mesa(i);
            double age = p.patient().ageYears();
            double exposure = age / 10 + i % 3;
            confounded.add(new FollowUp(p, 1, 0, exposure, 9, 300, Math.exp(0.4 * exposure + 0.05 * age), 0, 0,
                    new FollowUp.Layers(0, 0, 0, 0)));
        }
        assertThat(Regression.logRateCoefficient(confounded, FollowUp::cacEnd, FollowUp::miRate, true))
                .isCloseTo(0.4, within(1e-9));
        assertThat(Regression.logRateCoefficient(confounded, FollowUp::cacEnd, FollowUp::miRate, false))
                .isNotCloseTo(0.4, within(0.05));
        // as many persons as coefficients, or an exposure equal for everyone: no estimate
        assertThat(Regression.logRateCoefficient(us.subList(0, 2), FollowUp::cacEnd, FollowUp::miRate, false)).isNaN();
        assertThat(Regression.logRateCoefficient(us.subList(0, 3), FollowUp::cacEnd, FollowUp::miRate, false)).isNotNaN();
        assertThat(Regression.logRateCoefficient(us.subList(0, 9), FollowUp::cacEnd, FollowUp::miRate, true)).isNaN();
        assertThat(Regression.logRateCoefficient(us, o -> 1, FollowUp::miRate, false)).isNaN();
    }

    @Test
    void theLogisticFitOfOneBinaryCovariateGivesTheTwoGroupsLogOdds() {
        // saturated model: intercept = logit(1/4) = ln(1/3), slope = logit(3/4) - logit(1/4) = ln 9
        double[][] x = {{1, 0}, {1, 0}, {1, 0}, {1, 0}, {1, 1}, {1, 1}, {1, 1}, {1, 1}};
        double[] y = {1, 0, 0, 0, 1, 1, 1, 0};
        double[] beta = Regression.logistic(x, y);
        assertThat(beta[0]).isCloseTo(Math.log(1.0 / 3), within(1e-9));
        assertThat(beta[1]).isCloseTo(Math.log(9), within(1e-9));
        // two equal columns: no fit
        assertThat(Regression.logistic(new double[][] {{1, 1}, {1, 1}, {1, 1}}, new double[] {0, 1, 0})).containsOnly(Double.NaN);
    }
}

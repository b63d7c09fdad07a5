package org.vascalc.simulation.engine;

import java.util.Locale;
import java.util.Map;
import org.hipparchus.analysis.UnivariateFunction;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.hipparchus.analysis.solvers.AllowedSolution;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.vascalc.core.intervention.Intervention.PhosphateBinderKind;
import org.vascalc.core.param.ParameterCatalog;

/**
 * Fits {@code binderRate} to the sevelamer arm of the single-meal balance study
 * (Martin2011LanthanumSevelamerBalance: 2.4 g sevelamer carbonate bound 63.2 +/- 12.3 mg from a meal of
 * about 375 mg phosphorus) by a 1-D root find (Brent, Hipparchus) of model-bound minus measured, with the
 * capacities as catalogued (sevelamer 0.75 x carbonate, Daugirdas2011BinderEquivalentDose). Sevelamer,
 * not lanthanum, because its catalog capacity agrees with the study (a gram holds 0.9375 mmol, the study
 * bound 0.85): what the meal shows is then how close to capacity binding gets in the gut, which is the
 * rate. Lanthanum's catalog capacity (2.5 mmol/g) is below what a gram bound in the study (4.36), so
 * its arm cannot inform the rate (docs/model/mineral-fit.md, binders2). Also solves for the rates at the
 * study's mean - 1 SD (the lower end of the rate's plausible range) and prints the residuals of both arms.
 * A runner, not a test: prints only, with {@code -Dvascalc.scratch=true}.
 */
class BinderRateFitRunner {

    @Test
    void fitBinderRateToTheSevelamerMeal() {
        Assumptions.assumeTrue(Boolean.getBoolean("vascalc.scratch"));
        ParameterCatalog base = ModelAssembly.defaultParameters();
        for (double targetMg : new double[] {63.2, 63.2 - 12.3}) {
            double target = targetMg / BinderMealBinding.MG_P_PER_MMOL;
            UnivariateFunction residual = logRate -> BinderMealBinding.boundMmol(
                    base.with(Map.of("binderRate", Math.exp(logRate))), PhosphateBinderKind.SEVELAMER, 2400) - target;
            double logRate = new BracketingNthOrderBrentSolver(1e-4, 5)
                    .solve(60, residual, Math.log(0.1), Math.log(5), AllowedSolution.ANY_SIDE); // binderRate's range
            double rate = Math.exp(logRate);
            ParameterCatalog c = base.with(Map.of("binderRate", rate));
            double sev = BinderMealBinding.boundMmol(c, PhosphateBinderKind.SEVELAMER, 2400);
            double la = BinderMealBinding.boundMmol(c, PhosphateBinderKind.LANTHANUM, 1000);
            System.out.printf(Locale.ROOT, "target %.1f mg: binderRate %.4f 1/(mmol*h); sevelamer 2.4 g binds "
                    + "%.3f mmol (%.1f mg, residual %+.2f mg); lanthanum 1 g %.3f mmol (%.1f mg; study 135.1 +/- 12.3, "
                    + "residual %+.1f mg)%n", targetMg, rate, sev, sev * BinderMealBinding.MG_P_PER_MMOL,
                    sev * BinderMealBinding.MG_P_PER_MMOL - 63.2, la, la * BinderMealBinding.MG_P_PER_MMOL,
                    la * BinderMealBinding.MG_P_PER_MMOL - 135.1);
        }
        for (double rate : new double[] {0.1, 0.2, 0.4, 1, 5}) { // the old 0.05 lies below the range
            ParameterCatalog c = base.with(Map.of("binderRate", rate));
            double sev = BinderMealBinding.boundMmol(c, PhosphateBinderKind.SEVELAMER, 2400);
            System.out.printf(Locale.ROOT, "binderRate %.2f: sevelamer 2.4 g binds %.3f mmol (%.1f mg)%n", rate,
                    sev, sev * BinderMealBinding.MG_P_PER_MMOL);
        }
    }
}

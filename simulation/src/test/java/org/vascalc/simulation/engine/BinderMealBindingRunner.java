package org.vascalc.simulation.engine;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.vascalc.core.intervention.Intervention.PhosphateBinderKind;
import org.vascalc.core.param.ParameterCatalog;

/**
 * How much phosphate one binder dose takes out of one meal in the model, against the single-meal
 * balance study in healthy volunteers (Martin2011LanthanumSevelamerBalance, abstract: with a meal of
 * about 375 mg phosphorus, one 1000-mg lanthanum tablet bound 135.1 +/- 12.3 mg, three 800-mg sevelamer
 * carbonate tablets 63.2 +/- 12.3 mg). The reference adult takes that meal at 8 h each day (on top of the
 * habitual diet) with or without the dose; what the dose binds is the extra faecal phosphorus over the
 * third day (no wall; fast mode; {@link BinderMealBinding}). Prints the catalog's values and a few alternatives of
 * {@code binderRate} and the two capacities (docs/review-log.md, evidence2 session). A runner, not a
 * test: prints only, with {@code -Dvascalc.scratch=true}.
 */
class BinderMealBindingRunner {

    @Test
    void printWhatOneDoseBindsFromOneMeal() {
        Assumptions.assumeTrue(Boolean.getBoolean("vascalc.scratch"));
        ParameterCatalog base = ModelAssembly.defaultParameters();
        // binderRate, lanthanum capacity, sevelamer capacity; the first row is the catalog's
        // (the old 0.05 lies below binderRate's range since binders2; 0.1 is its lowest value)
        double[][] sets = {{base.value("binderRate"), base.value("binderCapacityLanthanum"),
            base.value("binderCapacitySevelamer")}, {0.1, 2.5, 0.9375}, {0.3, 2.5, 0.9375}, {0.4, 2.5, 0.9375},
            {0.4, 5.0, 0.9375}};
        for (double[] p : sets) {
            ParameterCatalog c = base.with(Map.of("binderRate", p[0], "binderCapacityLanthanum", p[1],
                    "binderCapacitySevelamer", p[2]));
            double la = BinderMealBinding.boundMmol(c, PhosphateBinderKind.LANTHANUM, 1000);
            double sev = BinderMealBinding.boundMmol(c, PhosphateBinderKind.SEVELAMER, 2400);
            System.out.printf(Locale.ROOT, "binderRate %.3f, lanthanum %.4f mmol/g, sevelamer %.4f mmol/g: "
                    + "1 g lanthanum binds %.2f mmol (%.0f mg; study 135.1 +/- 12.3 mg), 2.4 g sevelamer %.2f mmol "
                    + "(%.0f mg; study 63.2 +/- 12.3 mg)%n", p[0], p[1], p[2], la, la * BinderMealBinding.MG_P_PER_MMOL, sev,
                    sev * BinderMealBinding.MG_P_PER_MMOL);
        }
    }
}

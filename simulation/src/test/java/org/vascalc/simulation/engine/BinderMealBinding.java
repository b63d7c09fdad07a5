package org.vascalc.simulation.engine;

import java.util.List;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;

/**
 * The model's version of the single-meal balance study in healthy volunteers
 * (Martin2011LanthanumSevelamerBalance, abstract: a meal of about 375 mg phosphorus; three 800-mg
 * sevelamer carbonate tablets bound 63.2 +/- 12.3 mg, one 1000-mg lanthanum tablet 135.1 +/- 12.3 mg).
 * The reference adult takes that meal at 8 h each day (on top of the habitual diet) with or without the
 * dose; what the dose binds is the extra faecal phosphorus over the third day (no wall; fast mode).
 */
final class BinderMealBinding {

    static final double MG_P_PER_MMOL = 30.97;
    static final double MEAL_MG_P = 375;

    private BinderMealBinding() {
    }

    /** Phosphorus one dose binds from the meal, mmol (faecal phosphorus with the dose less without). */
    static double boundMmol(ParameterCatalog c, Intervention.PhosphateBinderKind kind, double mgPerDose) {
        Intervention meal = new Intervention.DietaryPhosphate(MEAL_MG_P, Schedule.daily(8));
        return faecalPhosphorusOfTheThirdDay(c, meal, new Intervention.PhosphateBinder(kind, mgPerDose,
                Schedule.daily(8))) - faecalPhosphorusOfTheThirdDay(c, meal);
    }

    private static double faecalPhosphorusOfTheThirdDay(ParameterCatalog c, Intervention... ivs) {
        Scenario s = Scenarios.of("binder-meal", 3,
                new Recording(List.of("mineral.po4FaecesCum"), 1, 1, 0, 0), ivs);
        double[] f = EngineSimulator.withoutWall(c).run(s, Mode.FAST, ProgressListener.NONE).trajectory()
                .series("mineral.po4FaecesCum");
        return f[f.length - 1] - f[f.length - 25];
    }
}

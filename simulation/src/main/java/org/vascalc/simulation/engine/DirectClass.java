package org.vascalc.simulation.engine;

import org.vascalc.core.condition.Condition;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.Scenario;

/**
 * The regimen class in which fast mode integrates the full model directly instead of averaging it over the dosing
 * period's orbit ({@link DirectSettings}; classdirect, fifty-sixth session), told from what the scenario states before
 * it runs: a calcium-based phosphate binder (calcium carbonate or calcium acetate) taken either on haemodialysis or at
 * {@link #HIGH_BINDER_CALCIUM_MG_PER_DAY} mg of calcium a day or more. There the averaging was measured to miss its
 * 1 % agreement with reference mode often (missmap, fifty-fifth session; docs/performance.md, "Where fast mode
 * agrees"; {@code MissMapRunner}): of the map's 88 one-year runs (11 kidney columns × 8 daily calcium loads) the class
 * holds 28, of which 19 missed (by 1.11e-2 to 7.00e-2, mostly at the regimen's onset), against 3 of the 60 outside
 * it; fast mode's own error control cannot tell which years of the class miss (selfcheck, fifty-fourth session), and
 * some twenty-five sessions of changes to the averaging did not mend them. Integrated directly, every year of the
 * class agrees within {@code ClassDirectRunner}'s measured level (docs/performance-log.md, "classdirect").
 */
final class DirectClass {

    /**
     * Calcium from calcium-based binders, mg a day, from which the class holds at any kidney function: 1.5 times
     * the tested carbonate binder (1 875 mg with each of three meals, 40 % calcium), the map's lowest such load
     * (its next lower one, the tested 1 500 mg a day, missed in 3 of 11 kidney columns, all on dialysis or G5).
     */
    static final double HIGH_BINDER_CALCIUM_MG_PER_DAY = 2250;

    private DirectClass() {
    }

    /** Whether {@code scenario} takes a calcium-based binder on haemodialysis or at the high daily calcium. */
    static boolean inClass(Scenario scenario, ParameterCatalog parameters) {
        double binderCalciumMgPerDay = 0;
        boolean calciumBinder = false;
        for (Intervention iv : scenario.interventions()) {
            if (iv instanceof Intervention.PhosphateBinder b) {
                String fraction = switch (b.kind()) {
                    case CALCIUM_CARBONATE -> "calciumMassFractionCarbonate";
                    case CALCIUM_ACETATE -> "calciumMassFractionAcetate";
                    case SEVELAMER, LANTHANUM -> null;
                };
                if (fraction != null) {
                    calciumBinder = true;
                    // the mean over the schedule's week: doses a dosing day times the share of dosing days
                    double dosesPerDay = b.schedule().clockHours().size() * b.schedule().daysOfWeek().size() / 7.0;
                    binderCalciumMgPerDay += b.mgPerDose() * parameters.value(fraction) * dosesPerDay;
                }
            }
        }
        if (!calciumBinder) {
            return false;
        }
        boolean dialysis = scenario.conditions().stream().anyMatch(c -> c instanceof Condition.Haemodialysis);
        return dialysis || binderCalciumMgPerDay >= HIGH_BINDER_CALCIUM_MG_PER_DAY * (1 - 1e-9);
    }
}

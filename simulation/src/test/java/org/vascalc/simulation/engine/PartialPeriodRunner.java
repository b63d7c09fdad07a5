package org.vascalc.simulation.engine;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vascalc.core.condition.Condition;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;

/**
 * Fast versus reference mode for CKD years that end half a day after their last whole period, with
 * two-hourly rows through that half day (the piece {@code FastRun.partialPeriod} finishes on the
 * orbit); developer aid, on request only ({@code -Dvascalc.scratch=true}).
 */
class PartialPeriodRunner {
    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void print() {
        for (Condition.CkdStage stage : new Condition.CkdStage[] {Condition.CkdStage.G4, Condition.CkdStage.G5}) {
            for (Scenario base : new Scenario[] {AgreementScenarios.oneYearCkdWithBinder(stage),
                    AgreementScenarios.oneYearCkdWithCarbonate(stage)}) {
                Scenario s = new Scenario(base.name() + "-half", base.description(), base.patient(), base.conditions(),
                        base.interventions(), 365.5, new Recording(FastVersusReferenceTest.slowChannels(), 73 * 24, 2, 365, 366));
                System.out.printf(Locale.ROOT, "PARTIAL %s worst %.3e%n", s.name(),
                        FastVersusReferenceTest.worstRelativeDifference(s));
            }
        }
    }
}

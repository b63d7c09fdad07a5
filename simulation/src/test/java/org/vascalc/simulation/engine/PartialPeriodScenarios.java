package org.vascalc.simulation.engine;

import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;

/**
 * The regimen of the runs that end inside a period ({@code FastRun.partialPeriod}): 500 mg calcium
 * carbonate with food at 08:00 and 20:00 and 180 µg MK-7 at 08:00, so a last piece can hold the
 * morning doses and not the evening one. Shared by {@link PartialPeriodTest} (the year-long cases),
 * {@link PartialPeriodQuickTest} (the 40-day ones) and {@link PartialPeriodEndRowTest}.
 */
final class PartialPeriodScenarios {

    private PartialPeriodScenarios() {
    }

    /** The regimen for the reference adult over {@code days}, recorded as {@code recording}. */
    static Scenario of(String name, double days, Recording recording) {
        return Scenarios.of(name, days, recording,
                Scenarios.supplement(500, Intervention.CalciumSalt.CARBONATE, true, 8, 20),
                new Intervention.VitaminK(Intervention.VitaminKForm.MK7, 180, Schedule.daily(8)));
    }

    /** {@link #of} named {@code tail-<days>}. */
    static Scenario tail(double days, Recording recording) {
        return of("tail-" + days, days, recording);
    }
}

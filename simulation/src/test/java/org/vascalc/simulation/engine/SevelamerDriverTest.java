package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.core.condition.Condition;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.patient.Patient;
import org.vascalc.core.units.Time;
import org.vascalc.physiology.model.Drivers;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;

/**
 * Sevelamer lowers non-HDL cholesterol while it is taken (a bile-acid binder; {@code sevelamerNonHdlReduction},
 * BenHamidaSevelamerLipids): the drivers carry the lowering inside its schedule's window, not during the
 * run-in, not outside the window, and not for a calcium-based binder.
 */
class SevelamerDriverTest {

    private static Scenario scenario(Intervention.PhosphateBinderKind kind) {
        Schedule days10to20 = new Schedule(10, 20, List.of(8.0, 13.0, 19.0), Schedule.EVERY_DAY);
        return new Scenario("binder", "", Patient.referenceAdult(), List.of(new Condition.Haemodialysis()),
                List.of(new Intervention.PhosphateBinder(kind, 1600, days10to20)), 30,
                new Recording(List.of("serumPhosphate"), 24, 24, 0, 0));
    }

    @Test
    void sevelamerLowersNonHdlInsideItsWindowOnly() {
        ParameterCatalog p = ModelAssembly.defaultParameters();
        double lowering = p.value("sevelamerNonHdlReduction");
        assertThat(lowering).isBetween(0.1, 0.3);
        DriverCourse course = new DriverCourse(scenario(Intervention.PhosphateBinderKind.SEVELAMER), p);
        Drivers d = new Drivers();
        course.apply(Time.days(15), d);
        assertThat(d.nonHdlLowering()).isEqualTo(lowering);
        course.apply(Time.days(5), d);
        assertThat(d.nonHdlLowering()).isZero();
        course.apply(Time.days(25), d);
        assertThat(d.nonHdlLowering()).isZero();
        course.setStabilising(true);
        course.apply(Time.days(15), d);
        assertThat(d.nonHdlLowering()).isZero();
        course.setStabilising(false);

        DriverCourse acetate = new DriverCourse(scenario(Intervention.PhosphateBinderKind.CALCIUM_ACETATE), p);
        acetate.apply(Time.days(15), d);
        assertThat(d.nonHdlLowering()).isZero();
    }
}

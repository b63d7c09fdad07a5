package org.vascalc.physiology.vitamink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.vascalc.core.param.ParameterCatalog;

/**
 * Re-runs the Levenberg–Marquardt fit from the a-priori start and checks that the catalog holds its
 * result (so the {@code calibrated} rows are what the fit gives, not hand-tuned), and that every fit
 * row ends inside its tolerance band.
 */
class VitaminKCalibrationIT {

    @Test
    void catalogHoldsTheFitResultAndEveryFitRowIsInsideItsBand() {
        ParameterCatalog catalog = ParameterCatalog.fromResource(VitaminKBlock.class, VitaminKBlock.CATALOG);
        TargetRows rows = TargetRows.load();
        VitaminKCalibration.Result r = new VitaminKCalibration(catalog, rows, HipparchusPropagator.standard())
                .fit(VitaminKCalibration.PRIOR_START);
        for (String name : VitaminKCalibration.FITTED) {
            // the catalog stores 4 significant digits; 0.5 % covers rounding and the optimiser's stopping tolerance
            assertThat(r.after().value(name)).as(name).isCloseTo(catalog.value(name), within(0.005 * catalog.value(name)));
        }
        for (int i = 0; i < VitaminKCalibration.RESIDUALS.size(); i++) {
            TargetRows.Row row = rows.get(VitaminKCalibration.RESIDUALS.get(i).targetId());
            assertThat(row.use()).isEqualTo("fit");
            assertThat(r.modelAfter()[i]).as(VitaminKCalibration.RESIDUALS.get(i).label()).isBetween(row.low(), row.high());
        }
    }
}

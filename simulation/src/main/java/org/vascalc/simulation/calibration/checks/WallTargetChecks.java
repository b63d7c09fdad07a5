package org.vascalc.simulation.calibration.checks;

import java.util.List;
import org.vascalc.simulation.calibration.TargetCheck;
import org.vascalc.simulation.calibration.TargetCheckProvider;
import org.vascalc.simulation.calibration.wall.WallChecks;

/** Registers the wall's single-patient checks (W01, W02, W03, W17, W19; {@link WallChecks}). */
public final class WallTargetChecks implements TargetCheckProvider {
    @Override
    public List<TargetCheck> checks() {
        return WallChecks.all();
    }
}

package org.vascalc.simulation.calibration;

import java.util.List;

/**
 * Contributes {@link TargetCheck}s. Each model part (mineral engine, vitamin K, wall) registers one
 * provider in {@code META-INF/services/org.vascalc.simulation.calibration.TargetCheckProvider}, so
 * the validation report and the calibrator find every check without depending on its classes.
 */
public interface TargetCheckProvider {

    List<TargetCheck> checks();
}

package org.vascalc.simulation.calibration;

import java.util.List;

/** Registered in the test resources' META-INF/services to prove that discovery works. */
public final class RegisteredTestProvider implements TargetCheckProvider {
    @Override
    public List<TargetCheck> checks() {
        return List.of(TargetCheck.of("T-registered", s -> 1));
    }
}

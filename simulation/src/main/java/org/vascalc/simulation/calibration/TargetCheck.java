package org.vascalc.simulation.calibration;

import java.util.function.ToDoubleFunction;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.Simulator;

/**
 * Reproduces one calibration target with the model: runs the scenario the target describes
 * (normally from a scenario file under {@code examples/calibration/}) and extracts the statistic.
 * Implementations are stateless; the simulator given is the one to use (its parameter set is
 * what calibration varies).
 */
public interface TargetCheck {

    /** The target id this check reproduces, e.g. {@code E06}. */
    String targetId();

    /** The model's value of the target's statistic, in the target's unit. */
    double modelValue(Simulator simulator);

    /**
     * The same for an explicit parameter set (the one {@code simulator} was made with). Checks that
     * run one block alone rather than the whole simulator override this so that the calibrator's
     * trial parameters reach them; the others simply run the simulator.
     */
    default double modelValue(Simulator simulator, ParameterCatalog parameters) {
        return modelValue(simulator);
    }

    /** A check that runs the given simulator and extracts its statistic with {@code statistic}. */
    static TargetCheck of(String targetId, ToDoubleFunction<Simulator> statistic) {
        java.util.Objects.requireNonNull(targetId, "targetId");
        java.util.Objects.requireNonNull(statistic, "statistic");
        return new TargetCheck() {
            @Override
            public String targetId() {
                return targetId;
            }

            @Override
            public double modelValue(Simulator simulator) {
                return statistic.applyAsDouble(simulator);
            }
        };
    }
}

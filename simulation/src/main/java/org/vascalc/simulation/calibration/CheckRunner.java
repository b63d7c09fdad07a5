package org.vascalc.simulation.calibration;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.Simulator;

/**
 * Runs the check of every target given and tabulates model value, signed percent error and band.
 * A target without a registered check, or whose run fails, still gets a row (NOT_RUN, with the
 * reason), so the table shows what the model does not yet reproduce instead of hiding it.
 */
public final class CheckRunner {

    private final TargetChecks checks;

    public CheckRunner(TargetChecks checks) {
        this.checks = checks;
    }

    public List<CheckRow> run(List<CalibrationTarget> targets, Simulator simulator, Consumer<CheckRow> eachDone) {
        return run(targets, simulator, null, eachDone);
    }

    /** As above, telling block-level checks the parameter set the simulator was made with. */
    public List<CheckRow> run(List<CalibrationTarget> targets, Simulator simulator, ParameterCatalog parameters,
                              Consumer<CheckRow> eachDone) {
        List<CheckRow> rows = new ArrayList<>();
        for (CalibrationTarget t : targets) {
            Optional<TargetCheck> c = checks.forTarget(t.id());
            CheckRow row;
            if (c.isEmpty()) {
                row = CheckRow.notRun(t, "no check registered");
            } else {
                try {
                    row = CheckRow.of(t, parameters == null ? c.get().modelValue(simulator)
                            : c.get().modelValue(simulator, parameters));
                } catch (RuntimeException e) {
                    // One failing scenario must not hide the rest of the table; the reason is shown in its row.
                    row = CheckRow.notRun(t, "run failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
                }
            }
            rows.add(row);
            eachDone.accept(row);
        }
        return rows;
    }
}

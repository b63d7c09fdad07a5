package org.vascalc.clinical.io;

import java.util.List;
import java.util.Objects;
import org.vascalc.clinical.input.RiskInput;
import org.vascalc.clinical.serial.Scan;
import org.vascalc.clinical.serial.SerialContext;
import org.vascalc.core.input.InputProblem;

/**
 * A patient spec turned into typed inputs.
 *
 * @param input   risk factors in the equations' units
 * @param scans   dated scans (maybe empty)
 * @param context what matters for the serial interpretation
 * @param notes   warnings raised while resolving (assumed defaults, computed eGFR)
 */
public record ResolvedPatient(RiskInput input, List<Scan> scans, SerialContext context, List<InputProblem> notes) {

    public ResolvedPatient {
        Objects.requireNonNull(input, "input");
        scans = List.copyOf(scans);
        Objects.requireNonNull(context, "context");
        notes = List.copyOf(notes);
    }
}

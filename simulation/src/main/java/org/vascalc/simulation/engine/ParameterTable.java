package org.vascalc.simulation.engine;

import org.vascalc.core.param.Parameter;
import org.vascalc.core.param.ParameterCatalog;

/**
 * Generates {@code docs/model/parameters.md} from the model's catalogs, so the documented numbers
 * are the numbers the model uses (a test fails when the file is stale).
 */
public final class ParameterTable {

    private ParameterTable() {
    }

    public static String markdown(ParameterCatalog catalog) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Model parameters\n\n")
                .append("Generated from the parameter catalogs by `org.vascalc.simulation.engine.ParameterTable`; ")
                .append("do not edit by hand (regenerate with `./mvnw -B -q -o test -pl simulation -am ")
                .append("-Dtest=ParameterTableTest -Dvascalc.regenerate=true`).\n\n")
                .append("| name | value | unit | plausible range | evidence | description |\n")
                .append("|---|---|---|---|---|---|\n");
        for (Parameter p : catalog.parameters()) {
            sb.append("| `").append(p.name()).append("` | ").append(fmt(p.value())).append(" | ").append(p.unit())
                    .append(" | ").append(fmt(p.low())).append(" – ").append(fmt(p.high())).append(" | ")
                    .append(escape(p.evidence().describe())).append(" | ").append(escape(p.description()))
                    .append(" |\n");
        }
        return sb.toString();
    }

    /**
     * Six significant digits, trailing zeros dropped, never in E-notation (leftovers33: "%.6g" wrote k14a as
     * 2.44437e-05 and its range as 1e-06 – 0.0001; a reader gets 0.0000244437 and 0.000001 – 0.0001).
     */
    private static String fmt(double v) {
        return org.vascalc.core.input.ValidRange.fmt(v, 6);
    }

    private static String escape(String s) {
        return s.replace("|", "\\|");
    }
}

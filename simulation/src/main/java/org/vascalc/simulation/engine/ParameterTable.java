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

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.6g", v).replaceAll("\\.?0+(e|$)", "$1");
    }

    private static String escape(String s) {
        return s.replace("|", "\\|");
    }
}

package org.vascalc.imaging.phantom;

import java.util.Locale;
import org.vascalc.core.param.Parameter;
import org.vascalc.core.param.ParameterCatalog;

/**
 * Generates {@code docs/model/imaging-parameters.md} from {@code coronary-phantom.csv}, so the
 * documented numbers are the ones the phantom uses (a test fails when the file is stale).
 */
public final class PhantomParameterTable {

    private PhantomParameterTable() {
    }

    public static String markdown(ParameterCatalog catalog) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Imaging phantom parameters\n\n")
                .append("Generated from `imaging/src/main/resources/org/vascalc/imaging/phantom/coronary-phantom.csv` by ")
                .append("`org.vascalc.imaging.phantom.PhantomParameterTable`; do not edit by hand (regenerate with ")
                .append("`./mvnw -B -q -o test -pl imaging -am -Dtest=PhantomParameterTableTest ")
                .append("-Dvascalc.regenerate=true -Dsurefire.failIfNoSpecifiedTests=false`).\n\n")
                .append("| name | value | unit | plausible range | evidence | description |\n")
                .append("|---|---|---|---|---|---|\n");
        for (Parameter p : catalog.parameters()) {
            sb.append("| `").append(p.name()).append("` | ").append(fmt(p.value())).append(" | ").append(p.unit())
                    .append(" | ").append(fmt(p.low())).append(" – ").append(fmt(p.high())).append(" | ")
                    .append(p.evidence().describe().replace("|", "\\|")).append(" | ")
                    .append(p.description().replace("|", "\\|")).append(" |\n");
        }
        return sb.toString();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v).replaceAll("\\.?0+(e|$)", "$1");
    }
}

package org.vascalc.cli.imaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vascalc.imaging.phantom.Deposit;
import org.vascalc.imaging.synth.SyntheticScan;

/**
 * A synthetic scan's deposits as the spec placed them, one row each: the ground truth no scan shows, for
 * {@code vascalc phantom}'s console and the /ct page alike (charts: /ct listed them, the command only pointed to
 * ground-truth.json).
 */
public final class DepositList {

    /** The columns of {@link #rows}. */
    public static final String[] HEADER = {"artery", "layer", "shape", "mass (mg)", "density (mg/cm³)"};

    private DepositList() {
    }

    /** "Ground truth (what no scan shows): 3.75 mg hydroxyapatite in 2 deposits", the list's heading. */
    public static String heading(SyntheticScan scan) {
        return String.format(Locale.ROOT, "Ground truth (what no scan shows): %.2f mg hydroxyapatite in %s",
                scan.trueMassMg(), PhantomCommand.deposits(scan.deposits().size()));
    }

    /** One row per deposit, in the spec's order: artery, layer, shape, mass (mg, 2 decimals), density (mg/cm³). */
    public static List<String[]> rows(SyntheticScan scan) {
        List<String[]> rows = new ArrayList<>();
        for (Deposit d : scan.deposits()) {
            var s = d.spec();
            rows.add(new String[] {s.artery().name(), s.layer().name().toLowerCase(Locale.ROOT),
                s.shape().name().toLowerCase(Locale.ROOT), String.format(Locale.ROOT, "%.2f", s.massMg()),
                String.format(Locale.ROOT, "%.0f", s.densityMgPerCm3())});
        }
        return rows;
    }

    /**
     * The console's form: the header, then the rows, in aligned columns, ending in a newline ("" without deposits);
     * the command's line above it says the total, as {@link #heading} does on /ct.
     */
    static String text(SyntheticScan scan) {
        List<String[]> rows = rows(scan);
        if (rows.isEmpty()) {
            return "";
        }
        String line = "%-8s %-8s %-16s %10s %17s%n";
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, line, (Object[]) HEADER));
        for (String[] r : rows) {
            b.append(String.format(Locale.ROOT, line, (Object[]) r));
        }
        return b.toString();
    }
}

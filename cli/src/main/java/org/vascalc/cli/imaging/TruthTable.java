package org.vascalc.cli.imaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vascalc.imaging.phantom.Deposit;
import org.vascalc.imaging.phantom.Layer;
import org.vascalc.imaging.score.CalciumScore;
import org.vascalc.imaging.score.Territory;
import org.vascalc.imaging.synth.SyntheticScan;
import org.vascalc.imaging.volume.CoronaryArtery;

/**
 * A synthetic scan's true mineral per artery and layer beside the mass score of that artery
 * (review9: {@code vascalc phantom} printed only the total truth, 27.50 mg, under a mass score of
 * 16.71 mg, with no word on where the difference lies; /ct shows the deposits, the console did not).
 */
public final class TruthTable {

    /** The columns of {@link #rows}, the units in the heading: mg hydroxyapatite. */
    public static final String[] HEADER = {"artery", "intimal", "medial", "true total", "mass score", "found"};

    /** Why the mass score falls short of the truth (the console's and /ct's words). */
    public static final String WHY = "The mass score counts only voxels at or above the candidate threshold in lesions of "
            + "at least the minimum area: mineral that blur and partial volume spread below the threshold is missed, "
            + "the more so the smaller or thinner the deposit.";

    private TruthTable() {
    }

    /** The table and one line on why the mass score falls short, ending in a newline. */
    static String text(SyntheticScan scan, CalciumScore score) {
        StringBuilder b = new StringBuilder("Ground truth against the mass score (mg hydroxyapatite):\n");
        b.append(String.format(Locale.ROOT, "%-8s %12s %12s %12s %12s %10s%n", (Object[]) HEADER));
        for (String[] r : rows(scan, score)) {
            b.append(String.format(Locale.ROOT, "%-8s %12s %12s %12s %12s %10s%n", (Object[]) r));
        }
        b.append("The mass score counts only voxels at or above the candidate threshold in lesions of at least the\n"
                + "minimum area (both printed above): mineral that blur and partial volume spread below the threshold\n"
                + "is missed, the more so the smaller or thinner the deposit.\n");
        return b.toString();
    }

    /**
     * Per artery, then the total: the true intimal and medial mineral (mg hydroxyapatite), their sum, the
     * artery's mass score and the share found ("-" where there is no mineral), as printed.
     */
    public static List<String[]> rows(SyntheticScan scan, CalciumScore score) {
        int n = CoronaryArtery.values().length;
        double[] intimal = new double[n];
        double[] medial = new double[n];
        for (Deposit d : scan.deposits()) {
            int a = d.spec().artery().ordinal();
            if (d.spec().layer() == Layer.MEDIAL) {
                medial[a] += d.spec().massMg();
            } else {
                intimal[a] += d.spec().massMg();
            }
        }
        List<String[]> rows = new ArrayList<>();
        double ti = 0;
        double tm = 0;
        double scored = 0;
        for (CoronaryArtery a : CoronaryArtery.values()) {
            double i = intimal[a.ordinal()];
            double m = medial[a.ordinal()];
            double s = score.vessel(Territory.valueOf(a.name())).massMg();
            ti += i;
            tm += m;
            scored += s;
            rows.add(row(a.name(), i, m, s));
        }
        rows.add(row("total", ti, tm, scored));
        return rows;
    }

    private static String[] row(String name, double intimal, double medial, double scored) {
        double truth = intimal + medial;
        String found = truth > 0 ? String.format(Locale.ROOT, "%.0f %%", 100 * scored / truth) : "-";
        return new String[] {name, mg(intimal), mg(medial), mg(truth), mg(scored), found};
    }

    private static String mg(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}

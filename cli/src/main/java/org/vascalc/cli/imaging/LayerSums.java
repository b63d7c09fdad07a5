package org.vascalc.cli.imaging;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.vascalc.imaging.phantom.Deposit;
import org.vascalc.imaging.phantom.Layer;
import org.vascalc.imaging.score.CalciumScore;
import org.vascalc.imaging.score.Territory;
import org.vascalc.imaging.synth.SyntheticScan;

/**
 * A synthetic scan's score set against the truth by layer, the phantom's point: the Agatston points of the arteries
 * whose deposits are all intimal, all medial, or of both, which the score itself adds up as one. One wording for
 * {@code vascalc phantom} and the web /ct page (leftovers20: only the page said it; the sums were the page's own).
 */
public final class LayerSums {

    /** The sentence that opens {@link #text} when the scan scores anything (the page sets it in bold). */
    public static final String HEAD = "The score cannot tell the layers apart.";

    /** What {@link #text} says of a scan that scores nothing. */
    public static final String ZERO = "The scan scores zero: no deposit reached the 130 HU threshold over the minimum "
            + "lesion area.";

    private LayerSums() {
    }

    /**
     * "The score cannot tell the layers apart. It adds up 72.2 AU from arteries with only plaque (intimal) calcium
     * (LM, LAD, RCA); 14.1 AU from arteries with only medial calcium (LCX). A clinical report reads all 86.2 AU as
     * coronary plaque.", or {@link #ZERO}.
     */
    public static String text(SyntheticScan scan, CalciumScore score) {
        Map<String, Set<Layer>> layers = new TreeMap<>();
        for (Deposit d : scan.deposits()) {
            layers.computeIfAbsent(d.spec().artery().name(), k -> EnumSet.noneOf(Layer.class)).add(d.spec().layer());
        }
        double[] points = new double[3]; // intimal only, medial only, both
        List<List<String>> arteries = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        double elsewhere = 0;
        for (Territory t : Territory.values()) {
            double a = score.vessel(t).agatston();
            Set<Layer> in = layers.get(t.name());
            if (in == null) {
                elsewhere += a;
                continue;
            }
            int k = in.size() > 1 ? 2 : in.contains(Layer.MEDIAL) ? 1 : 0;
            points[k] += a;
            arteries.get(k).add(t.name());
        }
        if (score.agatston() <= 0) {
            return ZERO;
        }
        String[] names = {"only plaque (intimal) calcium", "only medial calcium", "calcium in both layers"};
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            if (!arteries.get(k).isEmpty()) {
                parts.add(String.format(Locale.ROOT, "%.1f AU from arteries with %s (%s)", points[k], names[k],
                        String.join(", ", arteries.get(k))));
            }
        }
        if (elsewhere > 0) {
            parts.add(String.format(Locale.ROOT, "%.1f AU outside the arteries with deposits", elsewhere));
        }
        return HEAD + " It adds up " + String.join("; ", parts) + String.format(Locale.ROOT,
                ". A clinical report reads all %.1f AU as coronary plaque.", score.agatston());
    }
}

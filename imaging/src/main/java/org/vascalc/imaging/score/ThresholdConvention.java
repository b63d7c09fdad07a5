package org.vascalc.imaging.score;

import java.util.Locale;

/**
 * HU threshold and density-weight band edges. {@link #AGATSTON_120} is the clinical rule (candidate
 * at HU &ge; 130, weight 1 for 130-199, 2 for 200-299, 3 for 300-399, 4 from 400; Agatston 1990).
 * {@link #KV_SPECIFIC} uses the tube-voltage-specific edges of Gr&auml;ni et al. 2018 as tabulated in
 * the clinical reference note, section 1.2 (weight w if HU &ge; edge[w-1]); at 120 kV its weight
 * edges are 199/299/399, one HU below Agatston's.
 */
public enum ThresholdConvention {
    AGATSTON_120,
    KV_SPECIFIC;

    private static final int[] KV = {70, 80, 100, 120, 135};
    // {candidate threshold, w>=2 from, w>=3 from, w=4 from}, Graeni2018 via reference note Table 1.2
    private static final int[][] KV_EDGES = {
        {207, 318, 477, 636},
        {177, 271, 408, 544},
        {145, 222, 334, 446},
        {130, 199, 299, 399},
        {119, 183, 274, 364},
    };
    private static final int[] AGATSTON_EDGES = {130, 200, 300, 400};

    /** The four integer HU edges {threshold, w2, w3, w4} for this convention at {@code kvp}. */
    public int[] edges(double kvp) {
        return switch (this) {
            case AGATSTON_120 -> AGATSTON_EDGES.clone();
            case KV_SPECIFIC -> kvEdges(kvp);
        };
    }

    /** Whether {@link #edges} accepts {@code kvp}. */
    public boolean supports(double kvp) {
        return this == AGATSTON_120 || indexOfKv(kvp) >= 0;
    }

    private static int[] kvEdges(double kvp) {
        int i = indexOfKv(kvp);
        if (i < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "tube voltage %.1f kV has no kV-specific Agatston thresholds (tabulated: 70, 80, 100, 120, 135 kV)",
                    kvp));
        }
        return KV_EDGES[i].clone();
    }

    private static int indexOfKv(double kvp) {
        for (int i = 0; i < KV.length; i++) {
            if (Math.abs(kvp - KV[i]) < 0.5) {
                return i;
            }
        }
        return -1;
    }
}

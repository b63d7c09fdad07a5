package org.vascalc.clinical.cacdrs;

import java.util.OptionalInt;
import org.vascalc.core.input.InputProblems;
import org.vascalc.core.input.ValidRange;

/**
 * CAC-DRS, the SCCT Coronary Artery Calcium Data and Reporting System (Hecht 2018, J Cardiovasc
 * Comput Tomogr 12:185) for gated CT with an Agatston score: A0 = 0, A1 = 1–99, A2 = 100–299,
 * A3 ≥ 300; modifier N1–N4 = number of coronary arteries (LM, LAD, LCX, RCA) with calcium; "A0"
 * carries no modifier.
 *
 * <p>Checked in the forty-first session: the paper's own text (its Table 1) was not found in the
 * stored sources, so bands and vessel list are not checked against the paper: not found. Secondary
 * sources agree: the 2023 multimodality appropriate-use table "CAC score 0 (CAC-DRS 0) / 1–99
 * (CAC-DRS 1) / 100–299 (CAC-DRS 2) / ≥300 (CAC-DRS 3)" (quoted in the research note, section 1.5),
 * and the CAC-DRS validation (Dzaye 2019, J Cardiovasc Comput Tomogr, doi 10.1016/j.jcct.2019.03.011,
 * abstract): "Agatston score category (A) and the number of calcified vessels (N)", groups from "A0"
 * (no modifier) to "A3/N4" (so N counts up to four vessels).
 *
 * <p>Depends on {@code core} only, so the imaging module can label its own scores with it.
 * Fractional Agatston scores (slice-normalised) are banded at the same cut points: any score above
 * 0 and below 100 is A1.
 */
public final class CacDrs {

    public static final ValidRange AGATSTON = ValidRange.of("Agatston score", "Agatston units", 0, 50_000);
    public static final ValidRange VESSELS = ValidRange.of("number of coronary arteries with calcium", "", 0, 4);

    /** Lower bound of A2 and A3 (Agatston units); sources checked: see the class comment. */
    public static final double A2_FROM = 100;
    public static final double A3_FROM = 300;

    private CacDrs() {
    }

    /** Category from the Agatston score alone. */
    public static CacDrsCategory classify(double agatston) {
        return classify(agatston, OptionalInt.empty());
    }

    /**
     * Category with the vessel modifier when the number of calcified arteries is known. A zero
     * score with calcified vessels, or a positive score with none, is contradictory and rejected.
     */
    public static CacDrsCategory classify(double agatston, OptionalInt vesselsWithCalcium) {
        InputProblems problems = new InputProblems();
        AGATSTON.check(agatston, "cac", problems);
        vesselsWithCalcium.ifPresent(n -> {
            if (VESSELS.check(n, "cacVessels", problems)) {
                if (agatston == 0 && n > 0) {
                    problems.error("cacVessels", "number of coronary arteries with calcium = " + n
                            + " contradicts an Agatston score of 0");
                } else if (agatston > 0 && n == 0) {
                    problems.error("cacVessels", "number of coronary arteries with calcium = 0 contradicts an"
                            + " Agatston score of " + ValidRange.fmt(agatston) + " (must be 1 to 4)");
                }
            }
        });
        problems.throwIfErrors("CAC-DRS input");
        CacDrsCategory.Grade grade = agatston == 0 ? CacDrsCategory.Grade.A0
                : agatston < A2_FROM ? CacDrsCategory.Grade.A1
                : agatston < A3_FROM ? CacDrsCategory.Grade.A2
                : CacDrsCategory.Grade.A3;
        OptionalInt n = grade == CacDrsCategory.Grade.A0 ? OptionalInt.empty() : vesselsWithCalcium;
        return new CacDrsCategory(grade, n);
    }
}

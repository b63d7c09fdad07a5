package org.vascalc.cli.clinical;

import java.util.Locale;
import java.util.OptionalInt;
import org.vascalc.clinical.cacdrs.CacDrsCategory;

/**
 * A CAC-DRS label in plain words, for a reader who does not know the system: the Agatston band and the risk
 * wording of its grade, and the number of arteries its N counts (Hecht 2018, J Cardiovasc Comput Tomogr
 * 12:185). The pages and {@code vascalc risk} showed "CAC-DRS: A2/N2" and no more (review, fortieth session).
 * Words only: the treatment recommendations are left out, as this is not medical advice.
 *
 * <p>The risk words ("very low", "mildly increased", "moderately increased", "moderately to severely
 * increased") were written in the fortieth session from memory of Hecht 2018's Table 1. That table was not
 * found in the stored sources in the forty-first session (searched: the paper, the CAC-DRS primers of
 * Ramanathan 2019 and Kumar 2023, whose stored copies end before their tables): the wording is not checked
 * against the paper: not found. Searched again on 2026-12-05 (leftovers10; search corpora docs and pages: the same two
 * primers' openings, clinical-guide pages with other bands, FHIR code systems of the plain Agatston bands): the
 * table still could not be read here, so the wording stays as it is and unchecked. The bands and the A/N notation are checked against secondary sources
 * ({@link org.vascalc.clinical.cacdrs.CacDrs}).
 */
public final class CacDrsReading {

    private CacDrsReading() {
    }

    /**
     * Where the words come from, as a page writes it beside them, where a clinician reads them: the pages wrote
     * only "Hecht 2018" beside words that were not checked against it (review, forty-first session). The bands are
     * checked against a secondary source (the 2023 appropriate-use criteria, Table 1.2, scenarios 18–21); the risk
     * words are not (clinical/README.md, "Checked against the sources").
     */
    public static final String SOURCE = "Hecht 2018. The bands as the 2023 appropriate-use criteria (Table 1.2) give "
            + "them; the risk words are VasCalc's reading of Hecht 2018's Table 1, not checked against it (the table "
            + "was not found in the sources read)";

    /** The same for the command line's bracket of citation keys, each key in docs/references.bib. */
    public static final String SOURCE_KEYS = "[Hecht2018CacDrs; bands as Winchester2023Auc Table 1.2; risk words not "
            + "checked against Hecht 2018's Table 1: not found]";

    /** The heading of what a calcium score cannot tell, said under a CAC-DRS category by /risk and {@code vascalc risk}. */
    public static final String LAYERS_HEAD = "What the score cannot tell:";

    /**
     * What it cannot tell (Lanzer 2021), one wording for /risk and {@code vascalc risk} (leftovers20: only the page said
     * it); the page bolds the two layers' names.
     */
    public static final String LAYERS = "CT counts every calcified spot above 130 HU, in plaque (intimal calcium, part of "
            + "the atherosclerosis behind heart attacks) and in the artery's muscular layer (medial calcium, which forms "
            + "through mineral imbalance and is common with chronic kidney disease and diabetes) alike.";

    /** What that means for a score that falls on vitamin K2. */
    public static final String LAYERS_K2 = "A score that falls while taking vitamin K2 is most likely medial calcium or "
            + "measurement variability, not regressed plaque.";

    /** "Agatston 100 to 299: moderately increased risk; calcium in 2 of the 4 coronary arteries". */
    public static String of(CacDrsCategory category) {
        String grade = switch (category.grade()) {
            case A0 -> "no coronary calcium (Agatston 0): very low risk";
            case A1 -> "Agatston 1 to 99: mildly increased risk";
            case A2 -> "Agatston 100 to 299: moderately increased risk";
            case A3 -> "Agatston 300 or more: moderately to severely increased risk";
        };
        OptionalInt n = category.vesselModifier();
        return n.isPresent() ? grade + String.format(Locale.ROOT, "; calcium in %d of the 4 coronary arteries (LM, LAD, "
                + "LCX, RCA)", n.getAsInt()) : grade;
    }

    /** The same for a label as a score report writes it ("A1/N4", "A0"); null for none (no label map). */
    public static String ofLabel(String label) {
        if (label == null) {
            return null;
        }
        CacDrsCategory.Grade grade = CacDrsCategory.Grade.valueOf(label.substring(0, 2));
        int slash = label.indexOf("/N");
        OptionalInt n = slash < 0 ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(label.substring(slash + 2)));
        return of(new CacDrsCategory(grade, n));
    }
}

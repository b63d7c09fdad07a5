package org.vascalc.cli.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vascalc.cli.FakeModel;
import org.vascalc.cli.clinical.CacDrsReading;
import org.vascalc.clinical.cacdrs.CacDrsCategory;
import org.vascalc.clinical.cacdrs.CacDrsCategory.Grade;

/**
 * CAC-DRS in plain words (Hecht 2018: the Agatston bands 0, 1–99, 100–299, ≥ 300, checked against the 2023
 * appropriate-use criteria, Table 1.2; the risk wording of each, recalled from Hecht 2018's Table 1 and not checked
 * against it, which every page and command says beside the words; N the number of the four coronary arteries with calcium), on the risk page and under a
 * CT score (review, fortieth session: both showed "A2/N2" and no more).
 */
class CacDrsReadingTest {

    @RegisterExtension
    static final TestServer SERVER = new TestServer(new FakeModel());

    @Test
    void eachGradeIsItsBandAndRiskWording() {
        assertThat(CacDrsReading.of(new CacDrsCategory(Grade.A0, OptionalInt.empty())))
                .isEqualTo("no coronary calcium (Agatston 0): very low risk");
        assertThat(CacDrsReading.of(new CacDrsCategory(Grade.A1, OptionalInt.empty())))
                .isEqualTo("Agatston 1 to 99: mildly increased risk");
        assertThat(CacDrsReading.of(new CacDrsCategory(Grade.A2, OptionalInt.of(2))))
                .isEqualTo("Agatston 100 to 299: moderately increased risk; calcium in 2 of the 4 coronary arteries (LM, LAD, LCX, RCA)");
        assertThat(CacDrsReading.of(new CacDrsCategory(Grade.A3, OptionalInt.of(4))))
                .startsWith("Agatston 300 or more: moderately to severely increased risk; calcium in 4 of the 4");
    }

    @Test
    void aReportsLabelReadsAsItsCategory() {
        assertThat(CacDrsReading.ofLabel("A1/N4")).isEqualTo(CacDrsReading.of(new CacDrsCategory(Grade.A1, OptionalInt.of(4))));
        assertThat(CacDrsReading.ofLabel("A0")).isEqualTo(CacDrsReading.of(new CacDrsCategory(Grade.A0, OptionalInt.empty())));
        assertThat(CacDrsReading.ofLabel(null)).isNull();
    }

    @Test
    void theRiskPageSaysWhatItsCategoryMeans() throws Exception {
        String page = SERVER.get("/risk?age=58&sex=male&race=white&tc=213&hdl=50&sbp=138&cac=120&cacVessels=2").body();
        // 120 AU is in 100-299 (A2); two arteries: N2
        assertThat(page).contains("<b>CAC-DRS: A2/N2</b> (Agatston 100 to 299: moderately increased risk; calcium in 2 of "
                + "the 4 coronary arteries (LM, LAD, LCX, RCA))");
        // beside the words, where they come from: the page said only "Hecht 2018", whose Table 1 was not found to
        // check the risk words against (review, forty-first session)
        assertThat(page).contains("coronary arteries (LM, LAD, LCX, RCA)) <span class=\"src\">Hecht 2018. The bands as the "
                + "2023 appropriate-use criteria (Table 1.2) give them; the risk words are VasCalc&#39;s reading of Hecht "
                + "2018&#39;s Table 1, not checked against it (the table was not found in the sources read).</span>");
    }

    @Test
    void theCtPagesLinkOpensTheRiskFormFilledInNotRefused() throws Exception {
        var r = SERVER.get("/risk?cac=86.2&cacVessels=4");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).doesNotContain("Please correct").contains("name=\"cac\" value=\"86.2\"")
                .contains("name=\"cacVessels\" value=\"4\"").contains("Some fields are filled in");
        // the form sends its six required fields even empty: Assess on a blank form still names them
        var blank = SERVER.get("/risk?age=&sex=&race=&tc=&hdl=&sbp=&cac=86.2");
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("missing: give age in years");
    }

    /**
     * leftovers30: the values a link fills in are checked as if typed, each problem named under its field, while the
     * fields it leaves empty are not called missing (a hand-edited link's "cac=-5" was shown without a word).
     */
    @Test
    void aLinksFilledInValuesAreCheckedAsIfTypedAndTheEmptyOnesAreNotCalledMissing() throws Exception {
        var negative = SERVER.get("/risk?cac=-5&cacVessels=2");
        assertThat(negative.statusCode()).isEqualTo(400);
        assertThat(negative.body()).contains("name=\"cac\" value=\"-5\"").contains("Coronary calcium score: ")
                .contains("-5").contains("outside the allowed range").doesNotContain("missing")
                .contains("Some fields are filled in");
        var vessels = SERVER.get("/risk?cac=86.2&cacVessels=7");
        assertThat(vessels.statusCode()).isEqualTo(400);
        assertThat(vessels.body()).contains("Arteries with calcium: ").doesNotContain("Coronary calcium score: ")
                .doesNotContain("missing");
        var text = SERVER.get("/risk?cac=lots");
        assertThat(text.statusCode()).isEqualTo(400);
        assertThat(text.body()).contains("Coronary calcium score: ").contains("lots").doesNotContain("missing");
    }

    @Test
    void aCtScoreIsReadAndLinkedToTheRiskPageWithItsScore() {
        String r = CtPage.reading(86.2, "A1/N4");
        assertThat(r).contains("Agatston 86.2, CAC-DRS A1/N4: Agatston 1 to 99: mildly increased risk; calcium in 4 of the 4")
                .contains("(LM, LAD, LCX, RCA) <span class=\"src\">Hecht 2018. The bands as the 2023 appropriate-use "
                        + "criteria (Table 1.2) give them; the risk words are VasCalc&#39;s reading of Hecht 2018&#39;s "
                        + "Table 1, not checked against it (the table was not found in the sources read).</span>")
                .contains("href=\"/risk?cac=86.2&amp;cacVessels=4\"").contains("plaque (intimal)").contains("(medial)");
        assertThat(CtPage.reading(0, "A0")).contains("very low risk").contains("href=\"/risk?cac=0\"");
        // no label map: every voxel over the threshold counted, bone too; not a coronary score, so no reading
        assertThat(CtPage.reading(150, null)).isEmpty();
        // above the risk form's 50 000 AU the link would only be refused there
        assertThat(CtPage.reading(60_000, "A3/N1")).contains("300 or more").doesNotContain("href=");
    }
}

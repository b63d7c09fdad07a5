package org.vascalc.cli.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vascalc.cli.web.Forms.form;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The CT page's two forms list every problem of a submission at once, as the README promises ("lists every
 * problem ... next to the form"): an empty upload or an empty spec was refused alone, and the bad c_HA beside
 * it only on the next try (review, fortieth session).
 */
class CtPageEveryProblemTest {

    @Test
    void anEmptyUploadWithABadCalibrationNamesBoth() throws Exception {
        Response r = CtPage.upload(form("cha", "abc"), List.of(BytesPart.upload("", new byte[0])), List.of());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("no files were uploaded").contains("Mass calibration c_HA: &#39;abc&#39; is not a number")
                .contains("2 problems");
    }

    @Test
    void anEmptySpecWithABadCalibrationNamesBoth() throws Exception {
        Answer a = CtPage.phantom(form("text", " ", "cha", "9"));
        assertThat(a).isInstanceOf(Response.class);
        Response r = (Response) a;
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("the phantom spec is empty")
                .contains("9 mg/(cm³·HU) is outside the allowed range 0.1 to 5 mg/(cm³·HU)").contains("2 problems");
    }

    /** review9: a spec with a wrong value beside a bad c_HA named only the c_HA; the spec's problem came on the next try. */
    @Test
    void aWrongSpecWithABadCalibrationNamesBoth() throws Exception {
        String spec = "name: x\nacquisition:\n  kvp: 300\nlesions:\n"
                + "  - {artery: LAD, layer: intimal, shape: focal, massMg: 10, densityMgPerCm3: 600, positionMm: 20}\n";
        Answer a = CtPage.phantom(form("text", spec, "cha", "9"));
        assertThat(a).isInstanceOf(Response.class);
        Response r = (Response) a;
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("9 mg/(cm³·HU) is outside the allowed range 0.1 to 5 mg/(cm³·HU)")
                .contains("acquisition.kvp").contains("2 problems");
    }

    /**
     * leftovers10: an upload of files that are no CT series beside a bad c_HA named only the c_HA; the files' problem
     * came on the next upload. As the phantom's form, both at once; and an unreadable label map with them.
     */
    @Test
    void unreadableFilesWithABadCalibrationNameBoth() throws Exception {
        byte[] text = "not an image".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Response r = CtPage.upload(form("cha", "9"), List.of(BytesPart.upload("notes.txt", text)), List.of());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("9 mg/(cm³·HU) is outside the allowed range 0.1 to 5 mg/(cm³·HU)")
                .contains("not one readable CT series").contains("2 problems");

        Response three = CtPage.upload(form("cha", "9"), List.of(BytesPart.upload("notes.txt", text)),
                List.of(BytesPart.upload("labels.txt", text)));
        assertThat(three.status()).isEqualTo(400);
        assertThat(three.body()).contains("9 mg/(cm³·HU) is outside").contains("not one readable CT series")
                .contains("not one readable VasCalc label-map series").contains("3 problems");
    }

    /**
     * One spelling of c_HA's unit on the page: the field read "mg/(cm³·HU), 0.1 to 5" and its error "9 mg/(cm3*HU) is
     * outside ..." (review, forty-first session). The field's hint, its error and the list all write mg/(cm³·HU), and
     * the page nowhere the command line's ASCII mg/(cm3*HU).
     */
    @Test
    void theMassCalibrationsUnitIsSpelledOneWayOnThePage() throws Exception {
        Response r = (Response) CtPage.phantom(form("text", " ", "cha", "9"));
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(r.body());
        org.jsoup.nodes.Element field = page.selectFirst("form[action=/ct/phantom] input[name=cha]").parent();
        assertThat(field.selectFirst(".unit").text()).startsWith("mg/(cm³·HU), 0.1 to 5;");
        assertThat(field.selectFirst(".field-problem").text())
                .isEqualTo("9 mg/(cm³·HU) is outside the allowed range 0.1 to 5 mg/(cm³·HU)");
        assertThat(r.body()).doesNotContain("cm3*HU");
        // the score report as the page shows it: the same spelling; the command line's stays ASCII
        assertThat(CtPage.shown("c_HA 0.750 mg/(cm3*HU)\nNote: the mass uses the default c_HA 0.75 mg/(cm3*HU), a"))
                .isEqualTo("c_HA 0.750 mg/(cm³·HU)\nNote: the mass uses the default c_HA 0.75 mg/(cm³·HU), a");
    }
}

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
                .contains("9 mg/(cm3*HU) is outside the allowed range 0.1 to 5 mg/(cm3*HU)").contains("2 problems");
    }
}

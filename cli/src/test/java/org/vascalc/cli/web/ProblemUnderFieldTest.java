package org.vascalc.cli.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vascalc.cli.FakeModel;
import org.vascalc.core.input.InputProblem;

/**
 * A refused form shows each error under the field it names, as well as in the list after the form (review,
 * fortieth session: on the risk form the list was a screen below the age field it named, on a phone two).
 */
class ProblemUnderFieldTest {

    @RegisterExtension
    static final TestServer SERVER = new TestServer(new FakeModel());

    @Test
    void eachFieldCarriesOnlyItsOwnErrors() {
        FormProblems p = FormProblems.of(List.of(InputProblem.error("age", "age = 150 years is outside the allowed range"),
                InputProblem.error("age", "second <one>"), InputProblem.warning("sbp", "a warning"),
                InputProblem.error("tc", "line one\nline two")));
        assertThat(p.under("age")).as("one element a problem (a line each), escaped")
                .isEqualTo("<span class=\"field-problem\" aria-hidden=\"true\">age = 150 years is outside the allowed range</span>"
                        + "<span class=\"field-problem\" aria-hidden=\"true\">second &lt;one&gt;</span>");
        assertThat(Html.STYLE).as("each under the control on a line of its own").contains(".field-problem{display:block;");
        assertThat(p.under("sbp")).as("a warning does not mark its field").isEmpty();
        assertThat(p.under("tc")).as("a parser's caret lines stay in the list").contains("line one").doesNotContain("line two");
        assertThat(p.under("hdl")).isEmpty();
        assertThat(FormProblems.NONE.under("age")).isEmpty();
    }

    @Test
    void theRiskFormShowsTheErrorUnderItsField() throws Exception {
        String page = SERVER.get("/risk?age=150&sex=male&race=white&tc=200&hdl=50&sbp=120").body();
        assertThat(RefusedForms.label(page, "age")).contains("field-problem").contains("150 years is outside the allowed range 18 to 110 years")
                .doesNotContain("age = "); // the label above names the field (RiskPageProblemWordsTest)
        assertThat(RefusedForms.label(page, "sbp")).doesNotContain("field-problem");
        String unchosen = SERVER.get("/risk?age=50&sex=&race=white&tc=200&hdl=50&sbp=120").body();
        assertThat(RefusedForms.label(unchosen, "sex")).contains("field-problem");
    }

    @Test
    void theComparisonFormShowsTheErrorUnderItsField() throws Exception {
        String page = SERVER.get("/compare?age=5").body();
        assertThat(RefusedForms.label(page, "age")).contains("field-problem").contains("outside the allowed range");
        assertThat(RefusedForms.label(page, "weight")).doesNotContain("field-problem");
    }

    @Test
    void theCtFormShowsTheCalibrationErrorUnderItsField() throws Exception {
        Response r = CtPage.upload(Forms.form("cha", "9"), List.of(BytesPart.upload("IM1.dcm", new byte[3])), List.of());
        // the phantom's form comes first on the page with its own c_HA field: the upload's is the last
        String page = r.body();
        String uploadForm = page.substring(page.indexOf("action=\"/ct/score\""));
        assertThat(RefusedForms.label(uploadForm, "cha")).contains("field-problem").contains("0.1 to 5");
        assertThat(RefusedForms.label(page, "cha")).as("the phantom form's field, not submitted").doesNotContain("field-problem");
    }
}

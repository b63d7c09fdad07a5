package org.vascalc.cli.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.vascalc.core.input.InputProblem;

/** The problems of a form: numbered as listed, and the attributes that tie each control to its own errors. */
class FormProblemsTest {

    private static final FormProblems PROBLEMS = FormProblems.of(List.of(
            InputProblem.error("age", "age = 300 years is outside the allowed range 18 to 110"),
            InputProblem.warning("hdl", "hdl = 95 mg/dL is unusually high"),
            InputProblem.error("weight", "body weight = 'abc' is not a number (kg)"),
            InputProblem.error("age", "age = 300 years: the equations were fitted from 40 to 79"),
            InputProblem.error("parameters.x<y", "no control has this name")));

    @Test
    void eachFieldIsDescribedByItsOwnErrorsInTheOrderTheListNumbersThem() {
        assertThat(PROBLEMS.on("age")).isEqualTo(" aria-invalid=\"true\" aria-describedby=\"problem-1 problem-3\"");
        assertThat(PROBLEMS.on("weight")).isEqualTo(" aria-invalid=\"true\" aria-describedby=\"problem-2\"");
        assertThat(PROBLEMS.on("hdl")).as("a warning does not make a field invalid").isEmpty();
        assertThat(PROBLEMS.on("height")).as("a field without a problem").isEmpty();
        assertThat(PROBLEMS.errorCount()).isEqualTo(4);
        assertThat(PROBLEMS.hasErrors()).isTrue();
    }

    @Test
    void everyIdAControlNamesIsTheListItemOfAnErrorOfThatField() {
        // a form written with the attributes, and the list, parsed as a browser would
        String form = "<form>" + "<input" + PROBLEMS.on("age") + " name=\"age\">" + "<input" + PROBLEMS.on("weight")
                + " name=\"weight\">" + "<select" + PROBLEMS.on("hdl") + " name=\"hdl\"></select></form>";
        Document d = Jsoup.parse(form + PROBLEMS.html());
        for (Element control : d.select("[aria-describedby]")) {
            assertThat(control.attr("aria-invalid")).isEqualTo("true");
            for (String id : control.attr("aria-describedby").split(" ")) {
                Element item = d.getElementById(id);
                assertThat(item).as(id).isNotNull();
                assertThat(item.tagName()).isEqualTo("li");
                assertThat(item.text()).startsWith(control.attr("name") + ": ");
            }
        }
        assertThat(d.select("[aria-invalid]")).hasSize(2);
        assertThat(d.select("div.problems li[id]")).extracting(e -> e.id())
                .containsExactly("problem-1", "problem-2", "problem-3", "problem-4");
        assertThat(d.select("div.warnings li")).singleElement().satisfies(w -> assertThat(w.id()).isEmpty());
        assertThat(d.getElementById(FormProblems.LIST_ID).text()).isEqualTo("Please correct:");
        assertThat(d.getElementById("problem-4").text()).as("the field's name escaped").startsWith("parameters.x<y: ");
    }

    @Test
    void noErrorsNoListNoAttributesAndNoCorrectionOnThePage() {
        FormProblems warningsOnly = FormProblems.of(List.of(InputProblem.warning("hdl", "unusually high")));
        assertThat(warningsOnly.hasErrors()).isFalse();
        assertThat(warningsOnly.html()).contains("class=\"warnings\"").doesNotContain("class=\"problems\"")
                .doesNotContain("id=");
        assertThat(FormProblems.of(List.of())).isSameAs(FormProblems.NONE);
        assertThat(FormProblems.NONE.html()).isEmpty();
        assertThat(FormProblems.NONE.on("age")).isEmpty();
        String page = Html.page("Risk", warningsOnly, warningsOnly.html());
        assertThat(Jsoup.parse(page).title()).isEqualTo("Risk · VasCalc");
        assertThat(Jsoup.parse(page).select("p.to-problems")).isEmpty();
    }

    @Test
    void aRefusedPageSaysSoInItsTitleAndLeadsFromItsTopToTheList() {
        Document d = Jsoup.parse(Html.page("Risk", PROBLEMS, "<form></form>" + PROBLEMS.html()));
        assertThat(d.title()).isEqualTo("Please correct: Risk · VasCalc");
        assertThat(d.selectFirst("h1").text()).as("the heading stays the page's").isEqualTo("Risk");
        Element link = d.selectFirst("main > p.to-problems:first-of-type a");
        assertThat(d.selectFirst("main > h1").nextElementSibling()).isSameAs(link.parent());
        assertThat(link.text()).isEqualTo("The form needs correcting: 4 problems, each named by its field");
        assertThat(link.attr("href")).isEqualTo("#" + FormProblems.LIST_ID);
        Document one = Jsoup.parse(Html.page("Risk", FormProblems.of(List.of(InputProblem.error("age", "x"))), ""));
        assertThat(one.selectFirst("p.to-problems a").text()).as("'each' of one problem (review, fortieth session)")
                .isEqualTo("The form needs correcting: 1 problem, named by its field");
    }

    /** A parser's message of several lines: its first line as text, the rest (the text and a caret) kept as typed. */
    @Test
    void aMessageOfSeveralLinesKeepsItsLinesAfterTheFirstAsTyped() {
        FormProblems p = FormProblems.of(List.of(InputProblem.error("text", "bad YAML at line 2\n  age: [60\n       ^")));
        Element item = Jsoup.parse(p.html()).getElementById("problem-1");
        assertThat(item.ownText()).isEqualTo(": bad YAML at line 2");
        assertThat(item.selectFirst("pre").wholeText()).isEqualTo("  age: [60\n       ^");
        Element first = Jsoup.parse(FormProblems.of(List.of(InputProblem.error("text", "\nonly below"))).html())
                .getElementById("problem-1");
        assertThat(first.selectFirst("pre").wholeText()).isEqualTo("only below");
    }
}

package org.vascalc.cli.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vascalc.cli.web.Forms.form;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.core.input.InputProblem;
import org.vascalc.simulation.cohort.ArmComparison;
import org.vascalc.simulation.cohort.ArmComparison.Outcome;
import org.vascalc.simulation.cohort.TrialArm;

/**
 * The cohort page's parts that need no run: how the form becomes a request (the page's limit of 400
 * member-runs, the arms), the command line it prints, and the story sentence on hand-made comparisons.
 */
class CohortPageReadTest {

    private static List<String> errorFields(CohortPage.Request r) {
        return r.problems().all().stream().filter(p -> p.severity() == InputProblem.Severity.ERROR)
                .map(InputProblem::path).toList();
    }

    @Test
    void atMostFourHundredMemberRunsAreAskedOfThePage() {
        var twoHundredInTwo = CohortPage.read(form("population", "mesa", "size", "200", "arm", "none", "arm", "mk7"));
        assertThat(errorFields(twoHundredInTwo)).isEmpty();
        var hundredInFour = CohortPage.read(form("population", "mesa", "size", "100", "arm", "none", "arm", "mk7",
                "arm", "calcium", "arm", "statin"));
        assertThat(errorFields(hundredInFour)).isEmpty();
        var tooMany = CohortPage.read(form("population", "mesa", "size", "134", "arm", "none", "arm", "mk7", "arm", "calcium"));
        assertThat(tooMany.problems().all()).filteredOn(p -> p.path().equals("size")).singleElement()
                .extracting(InputProblem::message).isEqualTo("134 members in 3 arms are 402 runs; the page runs at most 400 "
                        + "(fewer members or arms, or the command line for larger cohorts)");
    }

    @Test
    void theArmsAreTheTickedOnesInOrder() {
        var r = CohortPage.read(form("population", "cric", "size", "10", "years", "2.5", "seed", "7",
                "arm", "statin", "arm", "none"));
        assertThat(errorFields(r)).isEmpty();
        assertThat(r.arms()).containsExactly(TrialArm.STATIN, TrialArm.NONE);
        assertThat(r.population()).isEqualTo("cric");
        assertThat(r.size()).isEqualTo(10);
        assertThat(r.years()).isEqualTo(2.5);
        assertThat(r.seed()).isEqualTo(7);
        assertThat(CohortPage.command(r)).isEqualTo("./vascalc cohort --population cric --size 10 --years 2.5 --seed 7 "
                + "--arm statin,none");
    }

    /** review20: the paired table printed a small difference as "-1.752e-05"; plain decimals as the command's table. */
    @Test
    void thePairedTablePrintsSmallNumbersInPlainDecimals() {
        String table = CohortPage.comparisonTable(new ArmComparison(TrialArm.MK7, TrialArm.NONE, List.of(
                new Outcome("MI rate", "/1000 py", 0.6419, 0.6418, -1.752e-05, -3.1e-05, -4.0e-06))));
        assertThat(table).doesNotContainPattern("\\de[-+]\\d").contains(">-0.00001752<")
                .contains("[-0.00003100, -0.000004000]").contains(">0.6419<");
    }

    /** "?arm=none&arm=none" ran one arm silently (review20); the command line refuses "--arm none,none" too. */
    @Test
    void anArmGivenTwiceIsAProblemNamingTheArmAndTheArmsAllowed() {
        var r = CohortPage.read(form("population", "mesa", "size", "10", "arm", "none", "arm", "NONE", "arm", "mk7",
                "arm", "none"));
        assertThat(r.problems().all()).filteredOn(p -> p.path().equals("arm")).singleElement()
                .extracting(InputProblem::message).isEqualTo("arm = 'none' is given more than once; give each arm once, "
                        + "of none, calcium, mk7, calcium+mk7, statin (the first is the control)");
    }

    @Test
    void noArmTickedIsAProblemButAnAddressWithoutArmsRunsNoneAndMk7() {
        assertThat(errorFields(CohortPage.read(form("population", "mesa", "size", "10")))).containsExactly("arm");
        var typed = CohortPage.read(form("size", "10"));
        assertThat(errorFields(typed)).isEmpty();
        assertThat(typed.arms()).containsExactly(TrialArm.NONE, TrialArm.MK7);
        assertThat(CohortPage.command(typed)).isEqualTo("./vascalc cohort --population mesa --size 10 --years 5 --seed 1 "
                + "--arm none,mk7");
        assertThat(errorFields(CohortPage.read(form("population", "mesa", "arm", "k2")))).containsExactly("arm");
    }

    @Test
    void theFieldHintsAreTheCheckedRanges() {
        assertThat(FormFields.range(CohortPage.SIZE)).isEqualTo("1 to 200");
        assertThat(FormFields.range(CohortPage.YEARS)).isEqualTo("0.5 to 10");
        assertThat(CohortPage.shown(TrialArm.MK7)).isEqualTo("180 µg MK-7 (vitamin K2) with breakfast");
    }

    private static Outcome o(String name, double control, double arm, double lo, double hi) {
        return new Outcome(name, "AU/yr", control, arm, arm - control, lo, hi);
    }

    @Test
    void theStoryGivesEachOutcomesRelativeChangeAndWhetherItsIntervalExcludesNone() {
        // CT: 10 -> 9, -1/10 = -10 %, interval [-1.5, -0.5] below zero; plaque: 4 -> 4.001, 0.025 %: unchanged;
        // medial: zero in both
        var mk7 = new ArmComparison(TrialArm.MK7, TrialArm.NONE, List.of(o("CT score change", 10, 9, -1.5, -0.5),
                o("intimal calcium change", 4, 4.001, -1, 1), o("medial calcium change", 0, 0, 0, 0)));
        // CT: zero under control, 2 in the arm; plaque 2 -> 2.5, +25 %, interval [0, 1.1] touches zero: not clear;
        // medial -4 -> -3: +1 against |-4|, +25 %, interval [0.2, 1.8] above zero
        var calcium = new ArmComparison(TrialArm.CALCIUM, TrialArm.NONE, List.of(o("CT score change", 0, 2, 1, 3),
                o("intimal calcium change", 2, 2.5, 0, 1.1), o("medial calcium change", -4, -3, 0.2, 1.8)));
        assertThat(CohortPage.story(List.of(mk7, calcium))).isEqualTo("<p>"
                + "<b>mk7</b> against none: the yearly gain in the CT score falls by 10.0&nbsp;%; in plaque (intimal) "
                + "calcium it is unchanged; in medial calcium it is zero in both arms. "
                + "<b>calcium</b> against none: the yearly gain in the CT score is zero under none (no relative change to "
                + "give); in plaque (intimal) calcium it rises by 25.0&nbsp;% (the 95&nbsp;% interval includes no change); "
                + "in medial calcium it rises by 25.0&nbsp;%. </p>\n");
    }

    @Test
    void aChangeOfExactlyAFiftiethOfAPercentIsSaidAndAnIntervalEndingAtZeroIncludesNoChange() {
        // 1 against 2000 is 0.05 %: said (one decimal: 0.1 %); the interval [-1, 0] ends at no change
        var c = new ArmComparison(TrialArm.MK7, TrialArm.NONE, List.of(o("CT score change", 2000, 2001, 0.5, 1.5),
                o("intimal calcium change", 2, 1, -1, 0), o("medial calcium change", 2, 3, 0.5, 1.5)));
        assertThat(CohortPage.story(List.of(c))).contains("the CT score rises by 0.1&nbsp;%;")
                .contains("in plaque (intimal) calcium it falls by 50.0&nbsp;% (the 95&nbsp;% interval includes no change);")
                .contains("in medial calcium it rises by 50.0&nbsp;%.");
    }
}

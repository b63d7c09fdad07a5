package org.vascalc.cli.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vascalc.cli.web.Forms.form;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The cohort page's form after a submission keeps what the user chose (population, members, years, seed,
 * the ticked arms), so a second run needs only the change: a run's page (its head, sent before the run) and
 * a refused form alike. No run: the streamed page's work is never started, so no model is needed.
 */
class CohortPageFormTest {

    private static final Pattern SELECTED = Pattern.compile("<option value=\"([a-z]+)\" selected>");
    private static final Pattern CHECKED = Pattern.compile("name=\"arm\" value=\"([a-z+0-9]+)\" checked>");

    private static List<String> all(Pattern p, String html) {
        List<String> found = new ArrayList<>();
        Matcher m = p.matcher(html);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void aRunsPageKeepsThePopulationTheArmsAndTheNumbersChosen() {
        Answer a = new CohortPage(null).html(form("population", "cric", "size", "12", "years", "2.5", "seed", "9",
                "arm", "statin", "arm", "calcium"));
        assertThat(a).isInstanceOf(StreamedPage.class);
        String head = ((StreamedPage) a).head();
        assertThat(all(SELECTED, head)).containsExactly("cric");
        // ticked boxes come in the form's own order (none, calcium, mk7, calcium+mk7, statin), not the user's
        assertThat(all(CHECKED, head)).containsExactly("calcium", "statin");
        assertThat(head).contains("name=\"size\" value=\"12\"", "name=\"years\" value=\"2.5\"", "name=\"seed\" value=\"9\"");
        assertThat(((StreamedPage) a).what()).isEqualTo("12 members in 2 arms, 24 member-runs");
    }

    @Test
    void aRefusedFormKeepsTheChoicesToo() {
        // 0 members is outside 1 to 200: refused, and the form shown again with the choices made
        Answer a = new CohortPage(null).html(form("population", "plausible", "size", "0", "arm", "calcium+mk7"));
        assertThat(a).isInstanceOf(Response.class);
        Response r = (Response) a;
        assertThat(r.status()).isEqualTo(400);
        assertThat(all(SELECTED, r.body())).containsExactly("plausible");
        assertThat(all(CHECKED, r.body())).containsExactly("calcium+mk7");
        assertThat(r.body()).contains("name=\"size\" value=\"0\"");
    }

    @Test
    void anEmptiedNumberFieldIsRefusedAndShownEmptyWhileAnEmptyCheckMeansNone() {
        // review18: size, years and seed emptied ran 40 members, 5 years, seed 1 unsaid, the form showing them again
        Answer a = new CohortPage(null).html(form("population", "mesa", "size", "", "years", "", "seed", "",
                "arm", "none", "check", ""));
        assertThat(a).isInstanceOf(Response.class);
        Response r = (Response) a;
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("is empty; the allowed range is 1 to 200 people",
                "is empty; the allowed range is 0.5 to 10 years", "name=\"size\" value=\"\"", "name=\"years\" value=\"\"");
        var req = CohortPage.read(form("population", "mesa", "size", "", "years", "", "seed", "", "arm", "none", "check", ""));
        assertThat(req.problems().all()).extracting(org.vascalc.core.input.InputProblem::path)
                .containsExactly("size", "years", "seed");
        // not sent at all (a hand-typed address): the defaults, and an empty check is no check
        var link = CohortPage.read(form("population", "mesa", "arm", "none", "check", ""));
        assertThat(link.problems().all()).isEmpty();
        assertThat(link.size()).isEqualTo(40);
        assertThat(link.years()).isEqualTo(5);
        assertThat(link.check()).isZero();
    }

    @Test
    void theFirstVisitOffersMesaWithNoneAgainstMk7() {
        Response r = (Response) new CohortPage(null).html(form());
        assertThat(r.status()).isEqualTo(200);
        assertThat(all(SELECTED, r.body())).containsExactly("mesa");
        assertThat(all(CHECKED, r.body())).containsExactly("none", "mk7");
    }

    @Test
    void aRunOfOneMemberInOneArmIsSingular() {
        StreamedPage p = (StreamedPage) new CohortPage(null).html(form("population", "mesa", "size", "1", "arm", "none"));
        assertThat(p.what()).isEqualTo("1 member in 1 arm, 1 member-run");
    }

    @Test
    void noArmTickedMarksTheArmsGroupOnceOnItsFirstBox() {
        // the form always sends its population: every box unticked is the user's to fix, named on the group
        Response r = (Response) new CohortPage(null).html(form("population", "mesa", "size", "10"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(all(CHECKED, r.body())).isEmpty();
        String marked = " aria-invalid=\"true\" aria-describedby=\"problem-1\" type=\"checkbox\" name=\"arm\"";
        assertThat(r.body()).contains("<input" + marked + " value=\"none\">");
        assertThat(r.body().split(java.util.regex.Pattern.quote(marked), -1)).hasSize(2); // once: the first box
    }
}

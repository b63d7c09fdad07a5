package org.vascalc.cli.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.cohort.CohortAgreementCheck;
import org.vascalc.simulation.cohort.CohortProgress;
import org.vascalc.simulation.cohort.CohortRunner;
import org.vascalc.simulation.cohort.FollowUp;
import org.vascalc.simulation.cohort.Population;
import org.vascalc.simulation.cohort.TrialArm;
import org.vascalc.simulation.cohort.VirtualPerson;
import org.vascalc.simulation.cohort.VirtualPopulation;
import org.vascalc.simulation.engine.EngineSimulatorFactory;
import org.vascalc.simulation.trial.AgreementCheck;

/**
 * cohortweb: {@code /cohort} offers {@code cohort --check-agreement N} as {@code /trials} offers the trial's check:
 * 1 to 10 members, its cost on the form, the result on the page as the shared {@link CohortAgreementCheck} makes it.
 */
class CohortPageCheckTest {

    private static final EngineSimulatorFactory MODEL = new EngineSimulatorFactory();

    @RegisterExtension
    static final TestServer SERVER = new TestServer(MODEL);

    @Test
    void aCheckOutsideOneToTenIsA400NamingTheFieldValueAndRange() throws Exception {
        for (String[] c : List.of(
                new String[] {"0", "Reference-checked members: 0 members is outside the allowed range 1 to 10 members"},
                new String[] {"11", "Reference-checked members: 11 members is outside the allowed range 1 to 10 members"},
                new String[] {"2.5", "Reference-checked members: 2.5 is not a whole number of members"},
                new String[] {"some", "Reference-checked members: &#39;some&#39; is not a number (members)"})) {
            HttpResponse<String> r = SERVER.get("/cohort?population=mesa&size=2&years=1&arm=none&check=" + c[0]);
            assertThat(r.statusCode()).as(c[0]).isEqualTo(400);
            assertThat(r.body()).as(c[0]).contains(c[1]).doesNotContain("Running").doesNotContain("\tat org.")
                    .doesNotContain("<h2>");
        }
        // the form: the field, its range and a member's cost for the arms and years shown (2 arms of 5 years at 10 s
        // a member-year: 100 s, rounded up to 2 min)
        assertThat(SERVER.get("/cohort").body()).contains("Reference-checked members")
                .contains("1 to 10; empty: none; about 2 min of CPU a member for 2 arms of 5 years")
                .contains("in reference mode in every arm, to measure fast mode");
        assertThat(SERVER.get("/cohort?population=mesa&size=2&years=2&arm=none&arm=mk7&arm=statin").body())
                .contains("about 60 s of CPU a member for 3 arms of 2 years");
        assertThat(SERVER.log()).as("no internal error logged").isEmpty();
    }

    @Test
    void aRunWithTheCheckShowsFastAgainstReferenceModeAsTheSharedCheckMakesIt() throws Exception {
        // a reference run takes more than the test server's 10 s on a busy machine: a client of its own, 3 min
        java.net.http.HttpRequest ask = java.net.http.HttpRequest.newBuilder(SERVER.uri(
                "/cohort?population=mesa&size=3&years=0.5&seed=5&arm=none&arm=mk7&check=1"))
                .timeout(java.time.Duration.ofMinutes(3)).build();
        HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().sendAsync(ask,
                HttpResponse.BodyHandlers.ofString()).get(3, java.util.concurrent.TimeUnit.MINUTES);
        assertThat(r.statusCode()).isEqualTo(200);
        String body = r.body();
        assertThat(SERVER.log()).as("no internal error logged").isEmpty();
        assertThat(body).contains("Running 3 members in 2 arms, 6 member-runs, then 1 of them in reference mode "
                + "(about 10 s of CPU)");
        // the same check made directly: the members the seed chooses, the fast rows of the same cohort
        List<TrialArm> arms = List.of(TrialArm.NONE, TrialArm.MK7);
        VirtualPopulation pop = new VirtualPopulation(5, MODEL.defaultParameters());
        List<VirtualPerson> members = LongStream.range(0, 3).mapToObj(i -> Population.MESA.draw(pop, i)).toList();
        CohortRunner runner = new CohortRunner(MODEL, MODEL.defaultParameters(), 1);
        List<List<FollowUp>> fast = arms.stream().map(arm -> runner.run(members, p -> FollowUp.scenario(p, 0.5, arm),
                Mode.FAST, FollowUp::of, CohortProgress.NONE)).toList();
        List<Integer> chosen = AgreementCheck.choose(3, 1, 5);
        CohortAgreementCheck c = CohortAgreementCheck.run(MODEL, MODEL.defaultParameters(), 1, Population.MESA, pop,
                arms, 0.5, 3, chosen, (member, arm) -> fast.get(arm).get((int) member), CohortProgress.NONE);
        Pattern seconds = Pattern.compile("\\d+\\.\\d s"); // the wall time is the one thing that differs
        String section = body.substring(body.indexOf("<h3 id=\"agreement\">Fast mode against reference mode</h3>"));
        assertThat(seconds.matcher(section).replaceAll("T s")).contains(seconds.matcher(Html.esc(c.line()) + ".</p>")
                .replaceAll("T s"));
        assertThat(section).contains("fast vs reference mode on 1 of the 3 members (member " + chosen.get(0)
                + ", chosen by the seed), every arm").contains("within fast mode&#39;s 1 % agreement with reference mode");
        for (int a = 0; a < arms.size(); a++) { // each arm's worst, where and verdict in the table
            assertThat(section).contains(String.format(java.util.Locale.ROOT, "%.2e", c.worstByArm().get(a)))
                    .contains(Html.esc(c.whereByArm().get(a)));
        }
        assertThat(section).contains(">within 1 %?</th>").contains(">yes</td>");
        assertThat(body).contains("<code>./vascalc cohort --population mesa --size 3 --years 0.5 --seed 5 --arm none,mk7 "
                + "--check-agreement 1</code>");
        assertThat(PageChecks.problems(body)).as("the accessibility rules of every page").isEmpty();
        assertThat(SERVER.get("/cohort?population=mesa&size=3&years=0.5&seed=5&arm=none&arm=mk7").body())
                .as("no check asked: no section").doesNotContain("Fast mode against reference mode");
    }
}

package org.vascalc.cli.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import java.util.List;
import org.vascalc.simulation.cohort.ArmComparison;
import org.vascalc.simulation.cohort.TrialArm;
import org.vascalc.simulation.engine.EngineSimulatorFactory;

/** The cohort page over real HTTP on the real model (the fake of {@link WebAppTest} has no population parameters). */
class CohortPageTest {

    @RegisterExtension
    static final TestServer SERVER = new TestServer(new EngineSimulatorFactory());

    private static HttpResponse<String> get(String pathAndQuery) throws Exception {
        return SERVER.get(pathAndQuery);
    }

    @Test
    void theEmptyFormOffersEveryArmWithNoneAndMk7Ticked() throws Exception {
        HttpResponse<String> r = get("/cohort");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("value=\"none\" checked").contains("value=\"mk7\" checked")
                .contains("value=\"statin\">").contains("value=\"calcium+mk7\">").doesNotContain("<h2>")
                .contains("180 µg MK-7").doesNotContain(" ug ");
        assertThat(get("/").body()).contains("href=\"/cohort\"");
    }

    @Test
    void theChartsSubtitleSaysOneYearInTheSingular() throws Exception {
        String body = get("/cohort?population=cric&size=3&years=1&seed=5&arm=none&arm=calcium").body();
        // the chart's subtitle, also in the key shown on a phone, as the heading has it
        assertThat(body).contains("cric-like, 3 members, 1 year").doesNotContain("1 years");
        assertThat(get("/cohort?population=cric&size=3&years=2&seed=5&arm=none&arm=calcium").body())
                .contains("cric-like, 3 members, 2 years");
    }

    @Test
    void aSmallTrialComparesTheSameMembersByLayerAndNamesTheCommandLine() throws Exception {
        HttpResponse<String> r = get("/cohort?population=cric&size=3&years=1&seed=5&arm=none&arm=calcium");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        String body = r.body();
        assertThat(body).contains("<h2>3 CRIC-like members, 1 year</h2>")
                .contains("<b>calcium</b> against none: the yearly gain in the CT score ")
                .contains("calcium vs none (paired, same members)").contains("medial calcium change")
                .contains("Arm none: no added intervention").contains("CT score   above 0 in")
                .contains("./vascalc cohort --population cric --size 3 --years 1 --seed 5 --arm none,calcium");
        assertThat(PageChecks.problems(body)).as("the accessibility rules of every page").isEmpty();
        Matcher png = Pattern.compile("data:image/png;base64,([A-Za-z0-9+/=]+)").matcher(body);
        assertThat(png.find()).isTrue();
        assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(Base64.getDecoder().decode(png.group(1))))
                .getWidth()).isEqualTo(900);
        // calcium tablets add mineral: the medial gain cannot fall against the same members without them
        Matcher medial = Pattern.compile("<td[^>]*>medial calcium change</td><td[^>]*>[^<]*</td><td>([^<]+)</td><td>([^<]+)</td>")
                .matcher(body);
        assertThat(medial.find()).isTrue();
        assertThat(Double.parseDouble(medial.group(2))).isGreaterThan(Double.parseDouble(medial.group(1)));
    }

    @Test
    void badInputIsA400NamingEveryFieldWithoutRunning() throws Exception {
        HttpResponse<String> r = get("/cohort?population=framingham&size=150&years=50&arm=none&arm=aspirin&arm=mk7&arm=statin");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("Population: &#39;framingham&#39; is not one of: mesa, cric, plausible")
                .contains("years").contains("outside the allowed range")
                .contains("&#39;aspirin&#39; is not a trial arm")
                .contains("150 members in 3 arms are 450 runs; the page runs at most 400").doesNotContain("<h2>");
        assertThat(get("/cohort?size=2.5").body()).contains("Members: 2.5 is not a whole number of people");
        // the seed's whole-number rule is the one /trials applies (FormValues.wholeNumber, shared)
        assertThat(get("/cohort?seed=1.5").body()).contains("Seed: 1.5 is not a whole number");
        // review9: the form shows each field's allowed range, the seed's too, as the checks hold it
        assertThat(get("/cohort").body()).contains("people, 1 to 200").contains("years, 0.5 to 10")
                .contains("0 to 1000000000; same seed, same people");
        assertThat(get("/cohort?seed=1000000001").body()).contains("outside the allowed range 0 to 1000000000");
        assertThat(get("/cohort?sise=20").statusCode()).isEqualTo(400);
        // the form with every arm unticked sends no arm at all: say so, do not run none and mk7 unasked
        HttpResponse<String> unticked = get("/cohort?population=mesa&size=2&years=1&seed=1");
        assertThat(unticked.statusCode()).isEqualTo(400);
        assertThat(unticked.body()).contains("no arm is ticked")
                .as("leftovers17: how to run what the command runs without --arm")
                .contains("none alone is what ./vascalc cohort runs without --arm").doesNotContain("<h2>")
                .doesNotContain("value=\"none\" checked");
        // review20: a repeated arm ran one arm silently; a 400 naming the parameter, the value and the arms
        HttpResponse<String> twice = get("/cohort?population=mesa&size=2&years=1&seed=1&arm=none&arm=none");
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(twice.body()).contains("Arms: &#39;none&#39; is given more than once; give each arm once, of none, "
                + "calcium, mk7, calcium+mk7, statin").doesNotContain("<h2>");
        assertThat(SERVER.log()).as("no internal error logged").isEmpty();
    }

    private static ArmComparison.Outcome outcome(String name, double control, double arm, double lo, double hi) {
        return new ArmComparison.Outcome(name, "mg/y", control, arm, arm - control, lo, hi);
    }

    @Test
    void theStoryReadsAsASentenceInEveryCase() {
        // a clear fall, a rise whose interval includes no change, and no change
        String mixed = CohortPage.story(List.of(new ArmComparison(TrialArm.MK7, TrialArm.NONE, List.of(
                outcome("CT score change", 10, 9, -1.5, -0.5),
                outcome("intimal calcium change", 5, 5.1, -0.1, 0.3),
                outcome("medial calcium change", 2, 2, -0.01, 0.01)))));
        assertThat(mixed).isEqualTo("<p><b>mk7</b> against none: the yearly gain in the CT score falls by 10.0&nbsp;%; "
                + "in plaque (intimal) calcium it rises by 2.0&nbsp;% (the 95&nbsp;% interval includes no change); "
                + "in medial calcium it is unchanged. </p>\n");
        // no gain in the control: no relative change, said as such
        String zero = CohortPage.story(List.of(new ArmComparison(TrialArm.CALCIUM, TrialArm.NONE, List.of(
                outcome("CT score change", 0, 0, 0, 0),
                outcome("intimal calcium change", 0, 0.2, 0.1, 0.3),
                outcome("medial calcium change", 1, 1.5, 0.4, 0.6)))));
        assertThat(zero).isEqualTo("<p><b>calcium</b> against none: the yearly gain in the CT score is zero in both arms; "
                + "in plaque (intimal) calcium it is zero under none (no relative change to give); "
                + "in medial calcium it rises by 50.0&nbsp;%. </p>\n");
        assertThat(mixed + zero).doesNotContain("calcium's").doesNotContain("NaN");
    }
}

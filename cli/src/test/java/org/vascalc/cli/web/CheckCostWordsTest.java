package org.vascalc.cli.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vascalc.cli.CliRun;
import org.vascalc.simulation.engine.EngineSimulatorFactory;
import org.vascalc.simulation.trial.AgreementCheck;

/**
 * checkbars: the agreement check's cost is said once ({@link AgreementCheck#REFERENCE_CPU_COST}, from the measured
 * {@link AgreementCheck#REFERENCE_CPU_SECONDS_PER_MEMBER_YEAR}) and the same in every place a user reads it: {@code
 * trial --help} and {@code cohort --help} said "about 3 s of CPU" (a floor) while /trials and /cohort said 10 s
 * (webedges' measurement).
 */
class CheckCostWordsTest {

    @RegisterExtension
    static final TestServer SERVER = new TestServer(new EngineSimulatorFactory());

    /** The text without white space: picocli wraps the help at spaces and after hyphens ("MESA-" / "like"). */
    private static String unwrapped(String text) {
        return text.replaceAll("\\s+", "");
    }

    @Test
    void theCommandsHelpAndTheWebFormsStateTheSameMeasuredCost() throws Exception {
        String cost = unwrapped(AgreementCheck.REFERENCE_CPU_COST);
        assertThat(AgreementCheck.REFERENCE_CPU_COST).startsWith("about "
                + AgreementCheck.REFERENCE_CPU_SECONDS_PER_MEMBER_YEAR + " s of CPU per member-year, "
                + AgreementCheck.REFERENCE_CPU_SECONDS_PER_CRIC_MEMBER_YEAR + " s for CRIC-like members (measured");
        for (String command : List.of("trial", "cohort")) {
            CliRun help = CliRun.of(command, "--help");
            assertThat(help.code()).as(command).isZero();
            assertThat(unwrapped(help.out())).as(command + " --help").contains(cost).doesNotContain("3sofCPU");
        }
        for (String page : List.of("/trials", "/cohort")) {
            String body = SERVER.get(page).body();
            assertThat(unwrapped(body)).as(page).contains(cost);
        }
        // the form's estimate before a trial is chosen, from the same number
        assertThat(SERVER.get("/trials").body()).contains("about " + AgreementCheck.REFERENCE_CPU_SECONDS_PER_MEMBER_YEAR
                + " s of CPU a member-year");
        assertThat(SERVER.log()).as("no internal error logged").isEmpty();
    }

    /**
     * leftovers29: a checked member's reference runs rerun the vintage before randomisation too, but the estimate
     * priced the follow-up alone, at the MESA-like rate. care2 (examples/trials/care2.yaml: CRIC-like, 2 arms, 1 year
     * after 0.5 to 6 years on dialysis, 3.25 on average): 2 × (1 + 3.25) × 3 s ≈ 26 s a member (measured: 23.7 and
     * 34.0 s), where it said 20 s; saltire (MESA-like, 2 arms, 2 years, no vintage) 40 s as before; the help says how.
     */
    @Test
    void aVintageTrialsEstimateCountsTheVintageItsReferenceRunsRerun() throws Exception {
        String care2 = String.format(java.util.Locale.ROOT, "%.0f",
                2 * (1 + 3.25) * AgreementCheck.REFERENCE_CPU_SECONDS_PER_CRIC_MEMBER_YEAR);
        assertThat(SERVER.get("/trials?trial=care2").body()).contains("about " + care2 + " s of CPU a member for care2");
        long saltire = Math.round(2 * 2.0 * AgreementCheck.REFERENCE_CPU_SECONDS_PER_MEMBER_YEAR);
        assertThat(SERVER.get("/trials?trial=saltire").body()).as("no vintage: the follow-up alone (2 arms, 2 years)")
                .contains("about " + saltire + " s of CPU a member for saltire");
        // the cohort form sent with no arm ticked (a 400 that shows the form again): CRIC-like, 1 arm of 5 years
        assertThat(SERVER.get("/cohort?population=cric").body()).as("the cohort form's CRIC-like rate")
                .contains("about " + 5 * AgreementCheck.REFERENCE_CPU_SECONDS_PER_CRIC_MEMBER_YEAR
                        + " s of CPU a member for 1 arm of 5 years");
        CliRun help = CliRun.of("trial", "--help");
        assertThat(unwrapped(help.out())).contains(unwrapped("N x arms x (years + vintage) x "
                + AgreementCheck.REFERENCE_CPU_SECONDS_PER_MEMBER_YEAR + " s"));
        assertThat(SERVER.log()).as("no internal error logged").isEmpty();
    }
}

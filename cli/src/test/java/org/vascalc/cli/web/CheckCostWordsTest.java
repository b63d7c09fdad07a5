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
                + AgreementCheck.REFERENCE_CPU_SECONDS_PER_MEMBER_YEAR + " s of CPU per member-year (measured");
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
}

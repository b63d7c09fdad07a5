package org.vascalc.cli.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vascalc.simulation.engine.ModelAssembly;
import org.vascalc.simulation.scenario.ProjectFiles;

/**
 * The pages made of many runs at the catalog's values, too slow to remake in a unit test (docs/validation.md:
 * the wall's seeded cohorts, a minute; docs/trials.md: 200 members per arm of every trial, 2-5 minutes),
 * were made from today's parameter values. On 2026-12-03 validation.md still named the
 * parameter set of before three catalog changes and nothing said whether its rows could have moved.
 * Each page records {@code parameter values sha256} (the values alone, so an edit of an evidence text
 * does not ask for a remake); this test fails when today's catalog has another, naming the command
 * that remakes the page. A change of the model's code, the targets or the trial files is caught by
 * simulation's {@code ValidationPageIT} and {@code TrialsPageIT}, which make the pages again (minutes).
 */
class GeneratedPagesStampTest {

    private static final Path ROOT = ProjectFiles.require("docs/architecture.md").getParent().getParent();
    private static final Pattern VALUES = Pattern.compile("(?m)^parameter values sha256 ([0-9a-f]{64})$");

    @ParameterizedTest
    @CsvSource({
        "docs/validation.md, ./vascalc validate --scope all --write docs/validation.md",
        "docs/trials.md, ./vascalc trial --all --write docs/trials.md"})
    void thePageWasMadeAtTodaysParameterValues(String page, String command) throws IOException {
        String text = Files.readString(ROOT.resolve(page));
        assertThat(text).as("%s names the command that remakes it", page).contains(command);
        Matcher m = VALUES.matcher(text);
        assertThat(m.find()).as("%s records the values sha256 of its parameter set", page).isTrue();
        assertThat(text).as("%s is made from the model's own values (no --set: they would follow the hash)", page)
                .containsPattern("(?m)^parameter set sha256 [0-9a-f]{64}$");
        assertThat(m.group(1)).as("%s is stale: a parameter value changed since it was made; remake it with `%s` "
                + "(from the checkout's root)", page, command)
                .isEqualTo(ModelAssembly.defaultParameters().valuesSha256());
    }
}

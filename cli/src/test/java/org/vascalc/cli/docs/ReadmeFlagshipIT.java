package org.vascalc.cli.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.vascalc.cli.flagship.FlagshipReport;
import org.vascalc.core.patient.Patient;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.engine.EngineSimulatorFactory;
import org.vascalc.simulation.flagship.FlagshipComparison;
import org.vascalc.simulation.scenario.ProjectFiles;

/**
 * README's effect sizes under its flagship figure are the ones {@code ./vascalc flagship} prints
 * (review9: "medial ... about 12 % faster, plaque ... 5 %" had been written from a note of an earlier
 * model state, and no command printed a growth figure to check it against). The flagship is run as the
 * command runs it (reference adult, ten years, the model's defaults); README's sentence is compared in
 * the precision it is written in: whole percent for "about N %", the report's own digits for the MK-7
 * figures. A model change that moves them fails here until README is re-derived.
 */
class ReadmeFlagshipIT {

    private static final Path ROOT = ProjectFiles.require("docs/architecture.md").getParent().getParent();

    @Test
    void readmesFlagshipEffectSizesAreTheOnesTheFlagshipPrints() throws Exception {
        FlagshipComparison.Results results = new FlagshipComparison(Patient.referenceAdult(), 10)
                .run(new EngineSimulatorFactory(), ProgressListener.NONE); // the model, not the tests' FakeModel
        FlagshipReport report = new FlagshipReport(results);
        String growth = report.growth();
        Matcher g = Pattern.compile("With the supplement, medial calcium grows (\\S+) % faster and plaque calcium "
                + "(\\S+) % faster than on food; with MK-7 as well, medial calcium grows (\\S+) % faster").matcher(growth);
        assertThat(g.find()).as("the flagship's growth sentence: %s", growth).isTrue();
        Matcher end = Pattern.compile("against Food \\+ supplement: CT score [^,]+, plaque calcium [^(]+\\(-(\\S+) %\\)")
                .matcher(report.findings());
        assertThat(end.find()).as("plaque calcium ends lower on MK-7 than on the supplement: %s", report.findings())
                .isTrue();

        String readme = Files.readString(ROOT.resolve("README.md")).replaceAll("\\s+", " ");
        int from = readme.indexOf("The tablets raise serum calcium");
        assertThat(from).as("README's paragraph under the flagship figure").isNotNegative();
        readme = readme.substring(from, Math.min(readme.length(), from + 900)); // a failure shows the paragraph
        assertThat(readme).contains(String.format(Locale.ROOT,
                "makes medial calcium grow about %.0f %% faster and plaque calcium about %.0f %% faster",
                Double.parseDouble(g.group(1)), Double.parseDouble(g.group(2))))
                .contains("takes back most of the extra medial growth (to " + g.group(3) + " % above the food arm)")
                .contains("almost where the supplement put it (" + end.group(1) + " % lower)");
    }
}

package org.vascalc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.SimulatorFactory;

/**
 * {@code vascalc parameters} on the model's own catalog (review17: no command wrote it; a researcher had to
 * run calibrate for a whole catalog to edit), and calibrate's smallest evaluation budget on the model's
 * nine free parameters.
 */
@ExtendWith(RealModel.class)
class ParametersCommandTest {

    @Test
    void aNameFragmentListsTheMatchingParametersWithUnitRangeAndEvidence() {
        CliRun r = CliRun.of("parameters", "GUTpara");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("gutParacellularRate = 0.0389 1/h  (plausible 0.022 to 0.072 1/h; ");
        assertThat(CliRun.of("parameters", "gutCaNephronExponent").out()).as("a dimensionless value has no unit '1'")
                .startsWith("gutCaNephronExponent = 0  (plausible 0 to 1; ");
        assertThat(r.out().lines()).allMatch(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith("gutparacellular"));
        CliRun all = CliRun.of("parameters");
        assertThat(all.out().lines().count()).isEqualTo(SimulatorFactory.load().defaultParameters().parameters().size());
    }

    /**
     * catalognames: scripts had to parse the listing's lines. --json prints the same parameters as one array, each
     * with name, value, unit, range, evidence (the listing's text), its kind and the calibrated flag, the numbers
     * those of the catalog; a NAME keeps the same ones; with --write it is refused (the file is the CSV).
     */
    @Test
    void jsonListsTheSameParametersWithTheirFieldsForScripts() throws IOException {
        CliRun r = CliRun.of("parameters", "gutPara", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        com.fasterxml.jackson.databind.JsonNode a = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        assertThat(a.isArray()).isTrue();
        assertThat(a.size()).isEqualTo(CliRun.of("parameters", "gutPara").out().lines().count());
        com.fasterxml.jackson.databind.JsonNode p = a.get(0);
        org.vascalc.core.param.Parameter model = SimulatorFactory.load().defaultParameters().parameters().stream()
                .filter(x -> x.name().equals("gutParacellularRate")).findFirst().orElseThrow();
        assertThat(p.get("name").asText()).isEqualTo("gutParacellularRate");
        assertThat(p.get("value").asDouble()).isEqualTo(model.value());
        assertThat(p.get("unit").asText()).isEqualTo("1/h");
        assertThat(p.get("low").asDouble()).isEqualTo(model.low());
        assertThat(p.get("high").asDouble()).isEqualTo(model.high());
        assertThat(p.get("evidence").asText()).isEqualTo(model.evidence().describe());
        assertThat(p.get("evidenceKind").asText()).isEqualTo("literature");
        assertThat(p.get("calibrated").asBoolean()).isEqualTo(model.isCalibrated());
        com.fasterxml.jackson.databind.JsonNode all = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(CliRun.of("parameters", "--json").out());
        long calibrated = SimulatorFactory.load().defaultParameters().parameters().stream()
                .filter(org.vascalc.core.param.Parameter::isCalibrated).count();
        assertThat(calibrated).isPositive();
        int flagged = 0;
        for (com.fasterxml.jackson.databind.JsonNode n : all) {
            flagged += n.get("calibrated").asBoolean() ? 1 : 0;
        }
        assertThat(flagged).isEqualTo(calibrated);
        CliRun both = CliRun.of("parameters", "--json", "--write", "/tmp/never-written.csv");
        assertThat(both.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(both.err()).contains("--json").contains("--write");
        assertThat(CliRun.of("parameters", "--help").out()).contains("--json");
    }

    @Test
    void aFragmentNoNameContainsIsBadInputWithTheNearestName() {
        CliRun r = CliRun.of("parameters", "gutParacelularRate");
        assertThat(r.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("no parameter name contains 'gutParacelularRate' (did you mean 'gutParacellularRate'?)")
                .doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void theWrittenCatalogIsTheModelsAndSimulateReadsItAsSuch(@TempDir Path tmp) throws IOException {
        Path csv = tmp.resolve("new").resolve("catalog.csv");
        CliRun w = CliRun.of("parameters", "--write", csv.toString());
        assertThat(w.code()).as(w.err()).isZero();
        assertThat(w.out()).contains("wrote " + csv);
        ParameterCatalog model = SimulatorFactory.load().defaultParameters();
        assertThat(Files.readString(csv)).isEqualTo(model.toCsv());
        assertThat(ParameterCatalog.parse(Files.readString(csv), csv.toString()).sha256()).isEqualTo(model.sha256());
        CliRun sim = CliRun.of("simulate", CommandsTest.example("calcium-supplement-fasting.yaml"), "--parameters",
                csv.toString(), "--no-chart", "--out", tmp.resolve("sim").toString());
        assertThat(sim.code()).as(sim.err()).isZero();
        assertThat(sim.out()).contains("parameters catalog " + csv + ": every value is the model's");
    }

    @Test
    void aFolderOrANameWithWriteIsRefusedAndNothingIsWritten(@TempDir Path tmp) throws IOException {
        CliRun folder = CliRun.of("parameters", "--write", tmp.toString());
        assertThat(folder.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(folder.err()).contains("cannot write " + tmp + ": it is a folder");
        Path csv = tmp.resolve("part.csv");
        CliRun part = CliRun.of("parameters", "gut", "--write", csv.toString());
        assertThat(part.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(part.err()).contains("--write writes the whole catalog; give no NAME with it (got 'gut')");
        assertThat(csv).doesNotExist();
        try (var files = Files.list(tmp)) {
            assertThat(files).isEmpty();
        }
    }

    /** review17: with nine free parameters --max-evaluations 20 ended where it began; fewer cannot take a step. */
    @Test
    void calibrateRefusesABudgetTooSmallForBobyqasFirstStep(@TempDir Path tmp) {
        CliRun r = CliRun.of("calibrate", "--max-evaluations", "19", "--out", tmp.resolve("cal").toString());
        assertThat(r.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("--max-evaluations = 19 is too few for 9 free parameters: BOBYQA evaluates "
                + "2n + 1 = 19 points before its first step, so at least 20").doesNotContain("Exception");
        assertThat(r.out()).as("the fit did not start").doesNotContain("fit targets");
        assertThat(tmp.resolve("cal")).doesNotExist();
    }
}

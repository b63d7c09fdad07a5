package org.vascalc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vascalc.cli.store.ResultDatabase;
import org.vascalc.simulation.ParameterOverrides;
import org.vascalc.simulation.engine.ModelAssembly;

/**
 * catalognames: cohort, trial and sensitivity with a changed {@code --parameters} catalog printed nothing of it and
 * kept only its hash (simulate and calibrate named its values since review17). Now each prints simulate's line, its
 * written page says the same, and {@code --db} stores the values in catalog_changes; on the model's own catalog
 * nothing is added. The real model, the smallest runs: a cohort of 2 over 0.1 year, a trial of 3 per arm, one
 * parameter's sensitivity over a three-day scenario.
 */
@ExtendWith(RealModel.class)
class CatalogChangesCommandsTest {

    /** The line every command prints for {@link #changed}: simulate's words. */
    private static String line(Path csv) {
        return "parameters catalog " + csv + ": 1 value(s) differ from the model's: miBasePerYear = 0.001 1/y "
                + "(default 0.0006299)";
    }

    private static final ParameterOverrides.Change STORED =
            new ParameterOverrides.Change("miBasePerYear", 0.001, "1/y", 0.0006299, "");

    /** The model's catalog with miBasePerYear's value and unit columns as given. */
    private static Path catalog(Path dir, String name, String value, String unit) throws IOException {
        String model = ModelAssembly.defaultParameters().toCsv();
        String row = model.lines().filter(l -> l.startsWith("miBasePerYear,")).findFirst().orElseThrow();
        String[] f = row.split(",", -1);
        f[1] = value;
        f[2] = unit;
        Path csv = dir.resolve(name);
        Files.writeString(csv, model.replace(row, String.join(",", f)));
        return csv;
    }

    private static Path changed(Path dir) throws IOException {
        return catalog(dir, "changed.csv", "0.001", "1/y");
    }

    @Test
    void aCohortNamesTheChangedValuesAndStoresThemBesideTheHash(@TempDir Path dir) throws Exception {
        Path csv = changed(dir);
        Path db = dir.resolve("results.duckdb");
        CliRun r = CommandsTest.run("cohort", "--size", "2", "--years", "0.1", "--threads", "1", "--parameters",
                csv.toString(), "--out", dir.resolve("a").toString(), "--db", db.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith(line(csv) + "\n");
        assertThat(ResultDatabase.readCatalogChanges(db, "cohorts", 1)).containsExactly(STORED);
        // leftovers26: and in the cohort's summary file, as simulate's summary keeps them
        com.fasterxml.jackson.databind.JsonNode catalog = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(dir.resolve("a/mesa-n2-seed1.summary.json").toFile()).at("/provenance/parameterCatalog");
        assertThat(catalog.get("file").asText()).isEqualTo(csv.toString());
        assertThat(catalog.at("/differsFromModel/0/name").asText()).isEqualTo("miBasePerYear");
        assertThat(catalog.at("/differsFromModel/0/value").asDouble()).isEqualTo(0.001);

        CliRun own = CommandsTest.run("cohort", "--size", "2", "--years", "0.1", "--threads", "1",
                "--out", dir.resolve("b").toString(), "--db", db.toString());
        assertThat(own.code()).as(own.err()).isZero();
        assertThat(own.out()).as("the model's own catalog: nothing more printed").doesNotContain("parameters catalog");
        assertThat(ResultDatabase.readCatalogChanges(db, "cohorts", 2)).isEmpty();
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(dir.resolve("b/mesa-n2-seed1.summary.json")
                .toFile()).get("provenance").has("parameterCatalog")).as("the model's own catalog").isFalse();
    }

    @Test
    void aTrialNamesTheChangedValuesInItsReportAndDatabase(@TempDir Path dir) throws Exception {
        Path csv = changed(dir);
        Path db = dir.resolve("trials.duckdb");
        Path md = dir.resolve("trial.md");
        CliRun r = CommandsTest.run("trial", "knapen2015", "--size", "3", "--threads", "1", "--seed", "2",
                "--parameters", csv.toString(), "--write", md.toString(), "--db", db.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith(line(csv) + "\n");
        assertThat(Files.readString(md)).contains("\n" + line(csv) + "\n");
        assertThat(ResultDatabase.readCatalogChanges(db, "trial_runs", 1)).containsExactly(STORED);
    }

    @Test
    void aSensitivityPageNamesTheChangedValues(@TempDir Path dir) throws Exception {
        Path csv = changed(dir);
        Path md = dir.resolve("sensitivity.md");
        CliRun r = CommandsTest.run("sensitivity", CommandsTest.example("calcium-with-food.yaml"), "--output",
                "serumCalciumTotal", "--parameter", "caTotalRef", "--threads", "1", "--parameters", csv.toString(),
                "--write", md.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith(line(csv) + "\n");
        assertThat(Files.readString(md)).contains("\n- " + line(csv) + ".\n");

        Path ownMd = dir.resolve("own.md");
        CliRun own = CommandsTest.run("sensitivity", CommandsTest.example("calcium-with-food.yaml"), "--output",
                "serumCalciumTotal", "--parameter", "caTotalRef", "--threads", "1", "--write", ownMd.toString());
        assertThat(own.code()).as(own.err()).isZero();
        assertThat(own.out()).doesNotContain("parameters catalog");
        assertThat(Files.readString(ownMd)).doesNotContain("parameters catalog");
    }

    /**
     * leftovers24: sensitivity --out's CSV carried no provenance at all. Now sensitivity.summary.json beside it holds
     * simulate's provenance object, key for key (the same scenario file, catalog and --set give the same object as
     * simulate --mode fast's summary: version, commit, both SHA-256s, the --set value, the catalog's changed
     * values), the inputs SHA-256 the page names and the table's SHA-256; the CSV stays a plain table.
     */
    @Test
    void sensitivitysOutKeepsSimulatesProvenanceBesideThePlainTable(@TempDir Path dir) throws Exception {
        Path csv = changed(dir);
        String scenario = CommandsTest.example("calcium-with-food.yaml");
        Path out = dir.resolve("out");
        Path md = dir.resolve("sensitivity.md");
        CliRun r = CommandsTest.run("sensitivity", scenario, "--output", "serumCalciumTotal", "--parameter", "caTotalRef",
                "--threads", "1", "--parameters", csv.toString(), "--set", "gutParacellularRate=0.05",
                "--out", out.toString(), "--write", md.toString());
        assertThat(r.code()).as(r.err()).isZero();
        Path json = out.resolve("sensitivity.summary.json");
        assertThat(r.out()).contains("summary    " + json + "\n");
        byte[] table = Files.readAllBytes(out.resolve("sensitivity.csv"));
        assertThat(new String(table, java.nio.charset.StandardCharsets.UTF_8)).as("a plain table for the tools")
                .startsWith("parameter,evidence,role,").doesNotContain("#").doesNotContain("sha256");
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.JsonNode summary = mapper.readTree(json.toFile());

        CliRun sim = CommandsTest.run("simulate", scenario, "--mode", "fast", "--parameters", csv.toString(), "--set",
                "gutParacellularRate=0.05", "--out", dir.resolve("sim").toString());
        assertThat(sim.code()).as(sim.err()).isZero();
        com.fasterxml.jackson.databind.JsonNode simulated = mapper.readTree(
                dir.resolve("sim").resolve("calcium-with-food.summary.json").toFile());
        assertThat(summary.get("provenance")).as("simulate's provenance, key for key").isEqualTo(simulated.get("provenance"));

        com.fasterxml.jackson.databind.JsonNode p = summary.get("provenance");
        assertThat(p.get("toolVersion").asText()).isEqualTo(BuildInfo.version());
        assertThat(p.get("scenarioSha256").asText())
                .isEqualTo(org.vascalc.simulation.scenario.ScenarioFiles.sha256(Files.readAllBytes(Path.of(scenario))));
        assertThat(p.get("parameterCatalog").get("file").asText()).isEqualTo(csv.toString());
        assertThat(p.get("parameterCatalog").get("differsFromModel").get(0).get("name").asText()).isEqualTo("miBasePerYear");
        assertThat(p.get("parameterCatalog").get("differsFromModel").get(0).get("value").asDouble()).isEqualTo(0.001);
        assertThat(p.get("parameterOverrides").get(0).get("name").asText()).isEqualTo("gutParacellularRate");
        assertThat(summary.get("table").get("file").asText()).isEqualTo("sensitivity.csv");
        assertThat(summary.get("table").get("sha256").asText())
                .isEqualTo(org.vascalc.simulation.scenario.ScenarioFiles.sha256(table));
        assertThat(summary.get("table").get("rows").asLong()).isEqualTo(Files.readAllLines(out.resolve("sensitivity.csv"))
                .size() - 1);
        assertThat(Files.readString(md)).as("the inputs the page names")
                .contains("inputs sha256 `" + summary.get("analysis").get("inputsSha256").asText() + "`");
    }

    /** A catalog in another unit is refused by each command before it runs: exit 1, naming name, unit and file. */
    @ParameterizedTest
    @ValueSource(strings = {"cohort", "trial", "sensitivity", "validate", "calibrate", "simulate"})
    void aCatalogInAnotherUnitIsRefusedByEveryCommand(String command, @TempDir Path dir) throws IOException {
        Path csv = catalog(dir, "per-day.csv", "0.0006299", "1/d");
        Path out = dir.resolve("out");
        List<String> args = new java.util.ArrayList<>(List.of(command));
        switch (command) {
            case "trial" -> args.add("knapen2015");
            case "simulate", "sensitivity" -> args.add(CommandsTest.example("calcium-with-food.yaml"));
            default -> { }
        }
        if (!command.equals("validate") && !command.equals("sensitivity") && !command.equals("trial")) {
            args.addAll(List.of("--out", out.toString()));
        }
        args.addAll(List.of("--parameters", csv.toString()));
        CliRun r = CommandsTest.run(args.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("parameter catalog " + csv + ": miBasePerYear: unit '1/d' is not the model's '1/y'")
                .doesNotContain("\tat ");
        assertThat(r.out()).as("nothing ran").doesNotContain("parameters catalog");
        assertThat(out).doesNotExist();
    }
}

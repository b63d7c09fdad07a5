package org.vascalc.cli.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vascalc.cli.CliRun;
import org.vascalc.cli.UserInputException;
import org.vascalc.cli.VasCalc;
import org.vascalc.clinical.input.RiskInput;
import org.vascalc.core.input.ValidRange;

class RiskCommandTest {

    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void flagsGiveEveryScoreInATable() {
        CliRun r = run("risk", "--age", "55", "--sex", "male", "--race", "white", "--tc", "213", "--hdl", "50",
                "--sbp", "120", "--no-bp-treated", "--no-smoker", "--no-diabetes", "--bmi", "27", "--egfr", "90",
                "--cac", "150", "--cac-vessels", "2");
        assertThat(r.code()).as(r.err()).isZero();
        // Goff example, white man: PCE 5.4 % (PooledCohort vector)
        assertThat(r.out()).contains("Pooled Cohort Equations").containsPattern("Pooled Cohort Equations\\s+5\\.4%")
                .contains("PREVENT 30-year heart failure").contains("CAC-DRS: A2/N2").contains("MESA CAC percentile:");
    }

    @Test
    void aNoteNamesItsFieldOnce() {
        CliRun r = run("risk", "--age", "55", "--sex", "male", "--race", "white", "--tc", "213", "--hdl", "50",
                "--sbp", "120", "--creatinine", "1.0");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("  note: smoker not given: assumed no").doesNotContain("smoker: smoker")
                .containsPattern("  note: egfr: \\d+\\.\\d mL/min/1\\.73 m², computed from creatinine").doesNotContain("egfr: eGFR");
    }

    @Test
    void aCholesterolOutOfRangeIsNamedInItsOwnUnitWithAHintWhenTheUnitLooksWrong() {
        CliRun mg = run("risk", "--age", "58", "--sex", "male", "--race", "white", "--tc", "5.4", "--hdl", "1.2",
                "--sbp", "138");
        assertThat(mg.code()).isEqualTo(1);
        // the number in mg/dL too, in the library's and scenario files' words (leftovers23: RiskFactors.mmolPerLHint)
        assertThat(mg.err()).contains("total cholesterol = 5.4 mg/dL is outside the allowed range 50 to 700 mg/dL; "
                + "if it is in mmol/L, 5.4 mmol/L is 209 mg/dL: give the lipid unit as mmol/L")
                .contains("HDL cholesterol = 1.2 mg/dL is outside the allowed range 5 to 200 mg/dL; if it is in mmol/L, "
                        + "1.2 mmol/L is 46 mg/dL: give the lipid unit as mmol/L");
        CliRun mmol = run("risk", "--age", "58", "--sex", "male", "--race", "white", "--tc", "200", "--hdl", "50",
                "--sbp", "138", "--lipid-unit", "mmol/L");
        assertThat(mmol.code()).isEqualTo(1);
        assertThat(mmol.err()).as("the value as typed, not its mg/dL conversion (7734)")
                .contains("total cholesterol = 200 mmol/L is outside the allowed range 1.3 to 18.1 mmol/L; "
                        + "if it is in mg/dL, give the lipid unit as mg/dL")
                .doesNotContain("7734");
        CliRun neither = run("risk", "--age", "58", "--sex", "male", "--race", "white", "--tc", "9000", "--hdl", "50",
                "--sbp", "138");
        assertThat(neither.err()).contains("total cholesterol = 9000 mg/dL is outside the allowed range 50 to 700 mg/dL")
                .doesNotContain("give the lipid unit");
    }

    @Test
    void mmolPerLitreLipidsGiveTheSameRiskAsMgPerDl() {
        CliRun mg = run("risk", "--age", "55", "--sex", "female", "--race", "black", "--tc", "213", "--hdl", "50",
                "--sbp", "120", "--json");
        CliRun mmol = run("risk", "--age", "55", "--sex", "female", "--race", "black", "--tc",
                Double.toString(213 / 38.67), "--hdl", Double.toString(50 / 38.67), "--lipid-unit", "mmol/L",
                "--sbp", "120", "--json");
        assertThat(mg.code()).isZero();
        assertThat(mmol.code()).isZero();
        assertThat(pce(mmol.out())).isCloseTo(pce(mg.out()), org.assertj.core.api.Assertions.within(1e-12));
    }

    private static double pce(String json) {
        try {
            for (JsonNode s : new ObjectMapper().readTree(json).get("scores")) {
                if (s.get("id").asText().equals("pce")) {
                    return s.get("risk").asDouble();
                }
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no pce in " + json);
    }

    @Test
    void serialScansOnVitaminK2StateTheNuanceAndJsonCarriesIt() throws IOException {
        CliRun r = run("risk", "--age", "62", "--sex", "female", "--race", "white", "--tc", "200", "--hdl", "55",
                "--sbp", "130", "--vitamin-k2", "--scan", "2021-01-10=220", "--scan", "2024-01-10=180", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode serial = new ObjectMapper().readTree(r.out()).get("serial");
        assertThat(serial.get("overall").get("absoluteChange").asDouble()).isEqualTo(-40);
        assertThat(serial.get("interpretation").toString()).contains("not known to regress")
                .contains("CT cannot tell the two kinds apart");
        assertThat(serial.get("references").toString()).contains("Shea2009").contains("Hokanson2004");
    }

    @Test
    void outOfRangeInputIsExitOneWithFieldValueUnitAndRange() {
        CliRun r = run("risk", "--age", "55", "--sex", "male", "--race", "white", "--tc", "213", "--hdl", "50",
                "--sbp", "400");
        assertThat(r.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("systolic blood pressure = 400 mmHg").contains("60 to 280 mmHg")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aValueRefusedByAScoreIsNamedByItsFlagToo() {
        CliRun r = run("risk", "--age", "55", "--sex", "male", "--race", "white", "--tc", "213", "--hdl", "50",
                "--sbp", "120", "--cac", "120", "--cac-vessels", "7");
        assertThat(r.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("cacVessels (--cac-vessels): number of coronary arteries with calcium = 7")
                .contains("allowed range 0 to 4").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aCreatinineOutOfRangeIsNamedAsTypedWithAHintWhenTheUnitLooksWrong() {
        CliRun r = run("risk", "--age", "55", "--sex", "male", "--race", "white", "--tc", "213", "--hdl", "50",
                "--sbp", "120", "--creatinine", "88");
        assertThat(r.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("serum creatinine = 88 mg/dL is outside the allowed range 0.1 to 25 mg/dL; "
                + "if it is in µmol/L, give the creatinine unit as umol/L");
        CliRun umol = run("risk", "--age", "55", "--sex", "male", "--race", "white", "--tc", "213", "--hdl", "50",
                "--sbp", "120", "--creatinine", "3000", "--creatinine-unit", "umol/L");
        assertThat(umol.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(umol.err()).as("named in the unit it was typed in, not converted to mg/dL")
                .contains("serum creatinine = 3000 µmol/L is outside the allowed range").doesNotContain("33.9");
        assertThat(run("risk", "--age", "55", "--sex", "male", "--race", "white", "--tc", "213", "--hdl", "50",
                "--sbp", "120", "--creatinine", "88", "--creatinine-unit", "umol/L").code()).isZero();
    }

    /** review10: the help says why its eGFR and systolic ranges are wider than the simulation's, as /risk does. */
    @Test
    void theHelpSaysWhyItsRangesAreNotTheSimulations() {
        String help = run("risk", "--help").out().replaceAll("\\s+", " ");
        assertThat(help).contains(InputEnvelopes.risk());
    }

    /** The help's ranges are the ones the check uses (a change to RiskInput without the help fails here). */
    @Test
    void theHelpStatesWhatIsRequiredAndEachNumbersRange() {
        String help = run("risk", "--help").out().replaceAll("\\s+", " ");
        // percentalone: the lipids and pressure for the risk scores, or a calcium score alone for its percentile
        assertThat(help).contains("Required (as flags or in the file): age, sex and race, with total cholesterol, HDL and "
                + "systolic pressure for the risk scores, or a calcium score (--cac, or --scan) for its percentile and "
                + "CAC-DRS alone");
        for (Object[] o : new Object[][] {{"--age=YEARS", RiskInput.AGE}, {"--tc, --total-cholesterol=VALUE", RiskInput.TOTAL_CHOLESTEROL},
            {"--hdl=VALUE", RiskInput.HDL_CHOLESTEROL}, {"--sbp=MMHG", RiskInput.SYSTOLIC_BP}, {"--bmi=KG/M2", RiskInput.BMI},
            {"--egfr=ML/MIN", RiskInput.EGFR}, {"--cac=AU", RiskInput.CAC},
            {"--scan=DATE=SCORE", org.vascalc.clinical.serial.SerialScans.AGATSTON}}) { // review10: the scan's unit and range
            ValidRange r = (ValidRange) o[1];
            String range = UserInputException.typed(r.hardLow()) + " to " + UserInputException.typed(r.hardHigh());
            assertThat(help).as((String) o[0]).containsPattern(java.util.regex.Pattern.quote((String) o[0]) + " [^=]*" + range + "\\b");
        }
    }

    @Test
    void missingFieldsAreAllListedAtOnce() {
        CliRun r = run("risk", "--age", "55");
        assertThat(r.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("sex").contains("race").contains("totalCholesterol").contains("systolicBp");
        assertThat(r.err()).as("each field with the flag that sets it where the names differ")
                .contains("error: totalCholesterol (--tc): missing: give total cholesterol (mg/dL)")
                .contains("error: hdlCholesterol (--hdl): missing").contains("error: systolicBp (--sbp): missing")
                .contains("error: race: missing").doesNotContain("race (--race)");
        CliRun scan = run("risk", "--age", "55", "--sex", "male", "--race", "white", "--tc", "200", "--hdl", "50",
                "--sbp", "120", "--scan", "2021-13-01=100");
        assertThat(scan.err()).contains("error: scans[0].date (--scan): date = '2021-13-01' is not an ISO date");
    }

    @Test
    void missingFieldsAndOutOfRangeValuesComeInOneAnswer() {
        CliRun r = run("risk", "--age", "150", "--sex", "male", "--sbp", "20", "--cac", "-5");
        assertThat(r.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        // percentalone: with --cac given the lipids are not required (the percentile needs none), race still is
        assertThat(r.err()).contains("error: race: missing").doesNotContain("totalCholesterol")
                .contains("age = 150 years is outside the allowed range 18 to 110 years")
                .contains("systolic blood pressure = 20 mmHg is outside the allowed range 60 to 280 mmHg")
                .contains("coronary artery calcium = -5 Agatston units is outside the allowed range");
    }

    @Test
    void aScanAfterTodayIsRefusedWithTheLastAllowedDayAndEveryOtherProblem() {
        // review10: 2030 and 2031 were taken on 2026-12-05 without a word. 2999 is after any day this runs;
        // PatientFilesTest fixes the clock to check the day itself.
        CliRun r = run("risk", "--age", "150", "--sex", "male", "--race", "white", "--tc", "200", "--hdl", "50",
                "--sbp", "120", "--scan", "2021-01-01=100", "--scan", "2999-01-01=140");
        assertThat(r.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("error: scans[1].date (--scan): date = 2999-01-01 is after today: allowed on or "
                + "before 20").contains("age = 150 years is outside the allowed range").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aMalformedScanIsNamedWithEveryOtherProblem() {
        // review, fortieth session: "--scan foo --scan 2021-13-01=140" named only foo; the second --scan's date, the
        // third's score and the age are named in the same answer, each at its position as typed
        CliRun r = run("risk", "--age", "150", "--sex", "male", "--race", "white", "--tc", "200", "--hdl", "50",
                "--sbp", "120", "--scan", "foo", "--scan", "2021-13-01=140", "--scan", "2022-01-01=-5");
        assertThat(r.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("patient has 4 problems")
                .contains("error: scans[0] (--scan): 'foo' must be DATE=SCORE, e.g. 2021-03-01=140")
                .contains("error: scans[1].date (--scan): date = '2021-13-01' is not an ISO date")
                .contains("error: scans[2].agatston (--scan)")
                .contains("age = 150 years is outside the allowed range 18 to 110 years");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aMalformedScanOrPatientFileIsExitOne(@TempDir Path dir) throws IOException {
        assertThat(run("risk", "--scan", "2021-01-01").code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "age: [1, 2\nsex: male\n");
        CliRun r = run("risk", "--patient", bad.toString());
        assertThat(r.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("not valid YAML").doesNotContain("\tat ")
                .as("the parser's message without its trailing blank line").doesNotContainPattern("\\n[ \\t]*\\n");
        CliRun missing = run("risk", "--patient", dir.resolve("nope.yaml").toString());
        assertThat(missing.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(missing.err()).contains("(file): no such file");
    }

    /**
     * Every example patient file runs; one with the risk factors gives the scores, one without (a CT report alone,
     * leftovers30: there was no such example) the MESA percentile and CAC-DRS and names the scores not computed.
     */
    @Test
    void theExamplePatientFilesRun() throws IOException {
        Path examples = Path.of("..", "examples", "patients");
        List<String> ctAlone = new ArrayList<>();
        try (var files = Files.list(examples)) {
            for (Path f : files.toList()) {
                CliRun r = run("risk", "--patient", f.toString());
                assertThat(r.code()).as(f + ": " + r.err()).isZero();
                if (Files.readString(f).contains("totalCholesterol")) {
                    assertThat(r.out()).as(f.toString()).contains("PREVENT 10-year ASCVD");
                } else {
                    ctAlone.add(f.getFileName().toString());
                    assertThat(r.out()).as(f.toString()).contains("MESA CAC percentile: ").contains("CAC-DRS: A")
                            .contains("Risk scores not computed (MESA CHD risk, Pooled Cohort Equations, Revised "
                                    + "Pooled Cohort Equations,").doesNotContain("PREVENT 10-year ASCVD");
                }
            }
        }
        assertThat(ctAlone).as("an example of a CT report alone").contains("ct-report-alone.yaml");
    }

    /**
     * riskunit: a user of a patient file was told the scores "need --tc (...; ... with --lipid-unit mmol/L)", the
     * flags, where their file spells the keys {@code totalCholesterol} and {@code lipidUnit}. With --patient the line
     * names the file's keys; with flags alone it names the flags, as before.
     */
    @Test
    void theNotComputedLineOfAPatientFileNamesTheFilesKeys(@TempDir Path dir) throws IOException {
        CliRun file = run("risk", "--patient", Path.of("..", "examples", "patients", "ct-report-alone.yaml").toString());
        assertThat(file.code()).as(file.err()).isZero();
        String line = file.out().substring(file.out().indexOf("Risk scores not computed")).replaceAll("\\s+", " ");
        assertThat(line).contains("they need totalCholesterol (total cholesterol", "hdlCholesterol (HDL cholesterol",
                "systolicBp (systolic blood pressure", "with lipidUnit: mmol/L").doesNotContain("--");
        // with the pressure but no lipids PREVENT heart failure is computed and each other score's row names its needs
        Path sbpOnly = dir.resolve("sbp-only.yaml");
        Files.writeString(sbpOnly, "age: 55\nsex: male\nrace: white\nsystolicBp: 130\negfr: 90\nbmi: 27\ncac: 120\n");
        CliRun rows = run("risk", "--patient", sbpOnly.toString());
        assertThat(rows.code()).as(rows.err()).isZero();
        assertThat(rows.out()).contains("not computed: needs totalCholesterol, hdlCholesterol").doesNotContain("--tc");
        CliRun flags = run("risk", "--age", "55", "--sex", "male", "--race", "white", "--cac", "120");
        assertThat(flags.code()).as(flags.err()).isZero();
        assertThat(flags.out().replaceAll("\\s+", " ")).contains("they need --tc (total cholesterol",
                "with --lipid-unit mmol/L");
    }

    /**
     * leftovers32: {@code risk --patient FILE --json} gave the table's line in the file's keys but a message naming
     * {@code --tc}; the message now is the table's line of the same invocation, and {@code needs[]} keeps the file's
     * {@code field} and the flag's {@code option}.
     */
    @Test
    void theJsonMessageOfAPatientFileNamesTheFilesKeysAsItsTableDoes() throws IOException {
        String file = Path.of("..", "examples", "patients", "ct-report-alone.yaml").toString();
        CliRun table = run("risk", "--patient", file);
        CliRun json = run("risk", "--patient", file, "--json");
        assertThat(json.code()).as(json.err()).isZero();
        com.fasterxml.jackson.databind.JsonNode nc = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(json.out()).get("riskScoresNotComputed");
        String message = nc.get("message").asText();
        assertThat(message).contains("they need totalCholesterol (", "with lipidUnit: mmol/L").doesNotContain("--");
        assertThat(table.out().replaceAll("\\s+", " ")).as("the table's line, word for word")
                .contains(message.replaceAll("\\s+", " "));
        assertThat(nc.get("needs").get(0).get("field").asText()).isEqualTo("totalCholesterol");
        assertThat(nc.get("needs").get(0).get("option").asText()).isEqualTo("--tc");
    }

    @Test
    void helpShowsAnExample() {
        CliRun r = run("risk", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Examples:").contains("--scan");
    }

    /**
     * The abbreviations risk takes (m, f, mmol, aa, ...) are the ones its --help names, and a value
     * that is not taken is refused with the full list: no silent guess here and refusal there.
     */
    @Test
    void theAbbreviationsTakenAreTheOnesTheHelpAndTheRefusalName() {
        String help = run("risk", "--help").out();
        assertThat(help).contains("female or male (f, m, woman, man are taken too)")
                .contains("mg/dL (default) or mmol/L (mgdl, mmol are taken too; any case)")
                .contains("caucasian, african-american, aa,");
        CliRun abbreviated = run("risk", "--age", "58", "--sex", "m", "--race", "aa", "--tc", "5.4", "--hdl", "1.2",
                "--lipid-unit", "mmol", "--sbp", "138");
        CliRun full = run("risk", "--age", "58", "--sex", "male", "--race", "black", "--tc", "5.4", "--hdl", "1.2",
                "--lipid-unit", "mmol/L", "--sbp", "138");
        assertThat(abbreviated.code()).as(abbreviated.err()).isZero();
        assertThat(abbreviated.out()).isEqualTo(full.out());
        CliRun bad = run("risk", "--age", "58", "--sex", "fem", "--race", "white", "--tc", "5.4", "--hdl", "1.2",
                "--lipid-unit", "mmol/dL", "--sbp", "138");
        assertThat(bad.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(bad.err()).contains("sex = 'fem' is not one of: female, male (or f, m, woman, man)")
                .contains("lipidUnit = 'mmol/dL' is not one of: mg/dL, mmol/L (or mgdl, mmol)").doesNotContain("\tat ");
    }

    /**
     * A range converted to mmol/L (or umol/L) is shown to three significant digits, rounded inward,
     * and that shown range is the range enforced: 1.295 mmol/L (50.08 mg/dL) is refused, as the
     * message's "[1.3, 18.1]" says, while 1.3 is taken.
     */
    @Test
    void aConvertedRangeIsShownToThreeDigitsAndIsTheRangeEnforced() {
        CliRun hdl = run("risk", "--age", "58", "--sex", "male", "--race", "white", "--tc", "5.4", "--hdl", "0.1",
                "--lipid-unit", "mmol/L", "--sbp", "138");
        assertThat(hdl.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(hdl.err()).contains("HDL cholesterol = 0.1 mmol/L is outside the allowed range 0.13 to 5.17 mmol/L");
        CliRun justBelow = run("risk", "--age", "58", "--sex", "male", "--race", "white", "--tc", "1.295", "--hdl", "1.2",
                "--lipid-unit", "mmol/L", "--sbp", "138");
        assertThat(justBelow.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(justBelow.err()).contains("total cholesterol = 1.295 mmol/L is outside the allowed range 1.3 to 18.1 mmol/L");
        CliRun atTheShownEnd = run("risk", "--age", "58", "--sex", "male", "--race", "white", "--tc", "1.3", "--hdl", "1.2",
                "--lipid-unit", "mmol/L", "--sbp", "138");
        assertThat(atTheShownEnd.err()).doesNotContain("total cholesterol = ");
        assertThat(run("risk", "--help").out()).as("the help names the same converted ranges")
                .contains("50 to 700 mg/dL (1.3 to 18.1 mmol/L)").contains("5 to 200 mg/dL (0.13 to 5.17 mmol/L)")
                .contains("0.1 to 25 mg/dL (8.84 to 2210 umol/L)");
        CliRun creatinine = run("risk", "--age", "58", "--sex", "male", "--race", "white", "--tc", "213", "--hdl", "50",
                "--sbp", "138", "--creatinine", "5000", "--creatinine-unit", "umol/L");
        assertThat(creatinine.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(creatinine.err()).contains("= 5000 µmol/L is outside the allowed range 8.84 to 2210 µmol/L");
    }

    @Test
    void aMalformedScanIsNotFollowedByACountOfTheOthers() {
        // review15: the second error "needs at least two scans with dates; got 1" followed the malformed one
        CliRun r = run("risk", "--age", "55", "--sex", "male", "--race", "white", "--tc", "213", "--hdl", "50",
                "--sbp", "120", "--scan", "2021-01-01", "--scan", "2022-01-01=120");
        assertThat(r.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("scans[0] (--scan): '2021-01-01' must be DATE=SCORE, e.g. 2021-03-01=140")
                .doesNotContain("at least two scans");
        CliRun one = run("risk", "--age", "55", "--sex", "male", "--race", "white", "--tc", "213", "--hdl", "50",
                "--sbp", "120", "--scan", "2022-01-01=120");
        assertThat(one.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(one.err()).as("one well-formed scan alone is still refused").contains("at least two scans");
    }

    @Test
    void theJsonsNotesHaveTheSeverityTheTablePrints() throws IOException {
        // review15: the table prints "note:", the JSON said "warning"
        String[] args = {"risk", "--age", "55", "--sex", "male", "--race", "white", "--tc", "213", "--hdl", "50",
            "--sbp", "120", "--creatinine", "1.0"};
        assertThat(run(args).out()).contains("  note: smoker not given");
        JsonNode notes = new ObjectMapper().readTree(run(append(args, "--json")).out()).get("notes");
        assertThat(notes).isNotEmpty();
        notes.forEach(n -> assertThat(n.get("severity").asText()).as(n.toString()).isEqualTo("note"));
    }

    /**
     * leftovers30: every object of the printed JSON has its keys in a fixed order; a note, a score's warning, a reason it
     * does not apply and a factor it lacks all field, message, severity. They were built with {@code Map.of}, whose
     * order is not fixed and changes from one run of the JVM to the next, so two runs could print them differently.
     */
    @Test
    void everyProblemInTheJsonListsFieldMessageSeverityInThatOrder() throws IOException {
        // creatinine without smoker: notes; SBP 200: MESA's warning; no CAC: MESA with CAC does not apply
        String withWarnings = run("risk", "--age", "55", "--sex", "male", "--race", "white", "--tc", "213", "--hdl",
                "50", "--sbp", "200", "--creatinine", "1.0", "--json").out();
        // a CT report alone: every score not computed
        String ctAlone = run("risk", "--age", "55", "--sex", "male", "--race", "white", "--cac", "120", "--json").out();
        List<String> kinds = new ArrayList<>();
        for (String out : List.of(withWarnings, ctAlone)) {
            JsonNode root = new ObjectMapper().readTree(out);
            root.get("notes").forEach(n -> {
                kinds.add("notes");
                assertThat(n.fieldNames()).toIterable().as(n.toString()).containsExactly("field", "message", "severity");
            });
            root.get("scores").forEach(sc -> List.of("warnings", "notApplicable", "notComputed").forEach(key -> {
                if (sc.has(key)) {
                    sc.get(key).forEach(n -> {
                        kinds.add(key);
                        assertThat(n.fieldNames()).toIterable().as(n.toString())
                                .containsExactly("field", "message", "severity");
                    });
                }
            }));
        }
        assertThat(kinds).as("each kind of problem is seen").contains("notes", "warnings", "notApplicable", "notComputed");
    }

    private static String[] append(String[] args, String more) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = more;
        return all;
    }
}

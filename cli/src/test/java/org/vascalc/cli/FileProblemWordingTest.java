package org.vascalc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vascalc.simulation.scenario.ProjectFiles;

/**
 * The four file readers (scenario, trial, phantom spec, patient) word each kind of problem alike, as the
 * command line prints it with exit 1: a file that does not parse, a file that is missing or a folder, an
 * unknown key, a value out of its range (review9, fifty-first session, found four wordings of each). One
 * case per reader and per kind; each compares the whole problem line.
 */
@ExtendWith(UsesFakeModel.class)
class FileProblemWordingTest {

    /** A reader, the command that uses it and an example file of its kind to spoil. */
    enum Reader {
        SCENARIO("scenario file ", "examples/scenarios/adams1979-calcium-deprivation.yaml"),
        TRIAL("trial file ", "examples/trials/avadec.yaml"),
        PHANTOM("phantom spec ", "examples/phantoms/mixed-plaque.yaml"),
        PATIENT("patient file ", "examples/patients/intermediate-risk-man.yaml");

        final String what;
        final String example;

        Reader(String what, String example) {
            this.what = what;
            this.example = example;
        }

        CliRun run(Path file, Path dir) {
            return switch (this) {
                case SCENARIO -> CliRun.of("simulate", file.toString(), "--out", dir.resolve("out").toString());
                case TRIAL -> CliRun.of("trial", file.toString());
                case PHANTOM -> CliRun.of("phantom", "--spec", file.toString(), "--out", dir.resolve("out").toString());
                case PATIENT -> CliRun.of("risk", "--patient", file.toString());
            };
        }

        String exampleText() throws IOException {
            return Files.readString(ProjectFiles.require(example));
        }
    }

    /** The problem lines under "vascalc: <what> FILE has N problems:", after checking that header and exit 1. */
    private static List<String> problems(Reader reader, Path file, CliRun r) {
        assertThat(r.code()).as(r.err()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception");
        List<String> lines = r.err().lines().toList();
        assertThat(lines.get(0)).startsWith("vascalc: " + reader.what + file + " has ");
        return lines.subList(1, lines.size());
    }

    @ParameterizedTest
    @EnumSource(Reader.class)
    void aFileThatDoesNotParseIsPlacedAtItsLineAndColumnInTheParsersWords(Reader reader, @TempDir Path dir)
            throws IOException {
        Path file = Files.writeString(dir.resolve("bad.yaml"), "name: bad\nseed: 2: 3\n");
        // the parser's own "at line 2, column 8:" repeated the place given before it
        assertThat(problems(reader, file, reader.run(file, dir))).containsExactly(
                "  error: (line 2, column 8): not valid YAML: mapping values are not allowed here",
                "          seed: 2: 3",
                "                 ^");
        Path nan = Files.writeString(dir.resolve("nan.yaml"), "name: nan\nseed: .nan\n");
        assertThat(problems(reader, nan, reader.run(nan, dir))).containsExactly("  error: (line 2, column 7): not valid "
                + "YAML: '.nan' is YAML's not-a-number or infinity, and every number here must be finite: write the "
                + "number itself");
    }

    @ParameterizedTest
    @EnumSource(Reader.class)
    void aMissingFileOrAFolderIsTheWholeFilesProblem(Reader reader, @TempDir Path dir) throws IOException {
        Path missing = dir.resolve("none.yaml");
        assertThat(problems(reader, missing, reader.run(missing, dir))).containsExactly("  error: (file): no such file");
        Path folder = Files.createDirectory(dir.resolve("folder.yaml"));
        String extensions = switch (reader) {
            case SCENARIO -> "a scenario file (.yaml, .yml or .json)";
            case TRIAL -> "a trial file (.yaml or .yml)";
            case PHANTOM -> "a phantom spec (.yaml or .json)";
            case PATIENT -> "a patient file (.yaml or .json)";
        };
        assertThat(problems(reader, folder, reader.run(folder, dir))).containsExactly(
                "  error: (file): is a folder; give " + extensions + ", e.g. " + folder.resolve("NAME.yaml"));
    }

    @ParameterizedTest
    @EnumSource(Reader.class)
    void anUnknownKeyIsNamedWithTheNearestKeyAndTheKeysAllowedThere(Reader reader, @TempDir Path dir)
            throws IOException {
        String text = reader.exampleText();
        String expected = switch (reader) {
            case SCENARIO -> {
                text = text.replace("  heightCm: 160", "  heihgtCm: 160\n  heightCm: 160");
                yield "  error: patient.heihgtCm: unknown key 'heihgtCm' (did you mean 'heightCm'?); allowed here: id, "
                        + "ageYears, sex, weightKg, heightCm, egfrMlPerMin, serumCalciumMmolL, serumPhosphateMmolL, "
                        + "pthPgMl, risk";
            }
            case TRIAL -> {
                text = text.replace("\nyears: 2", "\nyears: 2\nyaers: 2");
                yield "  error: yaers: unknown key 'yaers' (did you mean 'years'?); allowed here: title, citation, "
                        + "design, population, inclusion, conditions, vintageYears, baselineLabs, years, arms, outcomes, "
                        + "mapping";
            }
            case PHANTOM -> {
                text = text.replace("  kvp: 120 ", "  kvp: 120\n  kpv: 120 ");
                yield "  error: acquisition.kpv: unknown key 'kpv' (did you mean 'kvp'?); allowed here: kvp, "
                        + "sliceThicknessMm, sliceIncrementMm, pixelSpacingMm, matrix, zStartMm, zEndMm, psfFwhmMm, "
                        + "noiseSdHu, supersampling, huPerMgCm3";
            }
            case PATIENT -> {
                text = text.replace("\nbmi: 29.1", "\nbmi: 29.1\nbmii: 29.1");
                yield "  error: bmii: unknown key 'bmii' (did you mean 'bmi'?); allowed here: age, sex, race, "
                        + "totalCholesterol, hdlCholesterol, lipidUnit, systolicBp, bpTreated, statin, diabetes, smoker, "
                        + "familyHistory, bmi, egfr, creatinine, creatinineUnit, cac, cacVessels, vitaminK2, scans";
            }
        };
        Path file = Files.writeString(dir.resolve("typo.yaml"), text);
        assertThat(problems(reader, file, reader.run(file, dir))).containsExactly(expected);
    }

    @ParameterizedTest
    @EnumSource(Reader.class)
    void aValueOutOfRangeNamesFieldValueUnitAndRangeWithTheFilesOtherProblems(Reader reader, @TempDir Path dir)
            throws IOException {
        String text = reader.exampleText();
        String expected = switch (reader) {
            case SCENARIO -> {
                // a minute in hours: "1/60", not "0.0166667", which is not the bound
                text = text.replace("intervalHours: 6", "intervalHours: 0.01");
                yield "  error: recording.intervalHours: recording interval = 0.01 h is outside the allowed range "
                        + "1/60 to 8766 h";
            }
            case TRIAL -> {
                text = text.replace("microgramsPerDose: 720", "microgramsPerDose: -5");
                yield "  error: arms[1].interventions[0].microgramsPerDose: vitamin K per dose = -5 µg is outside the "
                        + "allowed range 0 to 50000 µg";
            }
            case PHANTOM -> {
                text = text.replace("noiseSdHu: 20", "noiseSdHu: -3");
                yield "  error: acquisition.noiseSdHu: noise standard deviation = -3 HU is outside the allowed range "
                        + "0 to 200 HU";
            }
            case PATIENT -> {
                // the patient reader named the range only on the next try, once its unknown key was mended
                text = text.replace("\nage: 58", "\nage: 130");
                yield "  error: age: age = 130 years is outside the allowed range 18 to 110 years";
            }
        };
        // with an unknown key beside it: every problem of the file in one answer
        text = text + "\ncolour: blue\n";
        Path file = Files.writeString(dir.resolve("range.yaml"), text);
        List<String> problems = problems(reader, file, reader.run(file, dir));
        assertThat(problems).contains(expected)
                .anyMatch(l -> l.startsWith("  error: colour: unknown key 'colour'; allowed here: "));
    }
}

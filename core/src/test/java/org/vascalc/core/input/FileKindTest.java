package org.vascalc.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileKindTest {

    private static final Set<String> SCENARIO = Set.of("name", "patient", "interventions", "durationDays", "recording");
    private static final Set<String> TRIAL = Set.of("title", "population", "years", "arms", "outcomes");
    private static final Set<String> PHANTOM = Set.of("name", "seed", "acquisition", "lesions");
    private static final Set<String> PATIENT = Set.of("age", "sex", "race", "totalCholesterol", "scans");

    @Test
    void eachFormatIsKnownByItsOwnKeys() {
        assertThat(FileKind.of(SCENARIO)).contains(FileKind.SCENARIO);
        assertThat(FileKind.of(TRIAL)).contains(FileKind.TRIAL);
        assertThat(FileKind.of(PHANTOM)).contains(FileKind.PHANTOM);
        assertThat(FileKind.of(PATIENT)).contains(FileKind.PATIENT);
        assertThat(FileKind.of(Set.of("foo", "bar"))).isEmpty();
    }

    @Test
    void aFileOfAnotherKindIsNamedWithItsCommandAndTheExpectedFormat() {
        // simulate given a phantom spec listed six unknown or missing keys and never said what the file was
        assertThat(FileKind.otherKind(PHANTOM, FileKind.SCENARIO)).contains("this looks like a phantom spec (it has"
                + " 'acquisition' and 'lesions'): make its CT with ./vascalc phantom --spec FILE; a scenario file's"
                + " format is in docs/scenario-format.md");
        assertThat(FileKind.otherKind(SCENARIO, FileKind.PATIENT)).contains("this looks like a scenario file (it has"
                + " 'patient' and 'durationDays', no 'arms'): run it with ./vascalc simulate FILE; a patient file's"
                + " format is in examples/patients/");
        assertThat(FileKind.otherKind(TRIAL, FileKind.PHANTOM).orElseThrow())
                .startsWith("this looks like a trial file (it has 'arms', no 'patient'): run it with ./vascalc trial FILE");
        assertThat(FileKind.otherKind(PATIENT, FileKind.TRIAL).orElseThrow())
                .contains("a patient file (it has 'age' and 'sex')", "./vascalc risk --patient FILE");
        // a file of the expected kind, or of no known kind, gets no such sentence
        assertThat(FileKind.otherKind(PHANTOM, FileKind.PHANTOM)).isEmpty();
        assertThat(FileKind.otherKind(Set.of("foo"), FileKind.SCENARIO)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void aFileLargerThanItsKindsLimitIsRefusedBeforeItIsReadAndOneAtTheLimitIsNot(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
        java.nio.file.Path at = dir.resolve("at.yaml");
        java.nio.file.Files.write(at, new byte[(int) FileKind.SCENARIO.maxBytes()]);
        FileKind.SCENARIO.requireSize(at, "scenario file at.yaml", "(file)"); // no refusal
        java.nio.file.Path over = dir.resolve("over.yaml");
        java.nio.file.Files.write(over, new byte[(int) FileKind.SCENARIO.maxBytes() + 1]);
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> FileKind.SCENARIO.requireSize(over, "scenario file over.yaml", "(file)"));
        assertThat(e.problems()).hasSize(1);
        assertThat(e.problems().get(0).path()).isEqualTo("(file)");
        assertThat(e.problems().get(0).message()).isEqualTo("file is 1.0 MB (1000001 bytes); a scenario file is at most "
                + "1 MB (the examples are a few kB): is this the right file?");
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> FileKind.PATIENT.requireSize(over, "patient file over.yaml", "file"))
                .problems().get(0).message()).startsWith("file is 1.0 MB (1000001 bytes); a patient file is at most 0.1 MB");
        FileKind.TRIAL.requireSize(dir.resolve("missing.yaml"), "trial file missing.yaml", "(file)"); // its reader says so
        FileKind.TRIAL.requireSize(dir, "trial file " + dir, "(file)"); // a folder: its reader says so
        for (FileKind k : FileKind.values()) {
            assertThat(k.maxBytes()).as(k + ": generous, a hundred times the largest example (a few kB) and more")
                    .isGreaterThanOrEqualTo(100_000);
        }
    }


    @Test
    void aYamlLineLongerThanTheLimitIsRefusedNamingItsNumberAndOneAtTheLimitIsNot() {
        String atLimit = "x".repeat(FileKind.MAX_YAML_LINE_CHARS);
        String over = atLimit + "x";
        FileKind.TRIAL.requireYamlLines("a: 1\n" + atLimit + "\r\n" + atLimit, "t", "(file)"); // no refusal
        FileKind.TRIAL.requireYamlLines((atLimit + "\n").repeat(3), "t", "(file)"); // many long lines, each within
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> FileKind.TRIAL.requireYamlLines("a: 1\r\nb: 2\n" + over + "\n", "trial file t.yaml", "(file)"));
        assertThat(e.problems()).hasSize(1);
        assertThat(e.problems().get(0).path()).isEqualTo("(file)");
        assertThat(e.problems().get(0).message()).isEqualTo("line 3 is 100001 characters long; a line of a trial file"
                + " in YAML is at most 100000 characters (the examples' are under 300): is this the right file?");
        // YAML's other line breaks end a line too (CR alone, NEL, LS, PS): the line is named as YAML counts it
        for (String br : new String[] {"\r", "\u0085", "\u2028", "\u2029"}) {
            assertThat(catchThrowableOfType(InvalidInputException.class,
                    () -> FileKind.TRIAL.requireYamlLines("a: 1" + br + atLimit + br + over, "t", "(file)"))
                    .problems().get(0).message()).startsWith("line 3 is 100001 characters long");
        }
        // the last line needs no line break
        assertThat(catchThrowableOfType(InvalidInputException.class,
                () -> FileKind.SCENARIO.requireYamlLines(over, "t", "(file)")).problems().get(0).message())
                .startsWith("line 1 is 100001 characters long; a line of a scenario file in YAML");
    }

    @Test
    void aFileEndingInACarriageReturnIsReadToItsEnd() {
        // CR LF is one line break; a lone CR as the very last character must not look past the end
        FileKind.TRIAL.requireYamlLines("a: 1\r", "t", "(file)");
        FileKind.TRIAL.requireYamlLines("a: 1\r\nb: 2\r", "t", "(file)");
    }

    @Test
    void readTextNamesAMissingFileAndTextThatIsNotUtf8(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("none.yaml");
        assertThatThrownBy(() -> FileKind.TRIAL.readText(missing, "trial"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no such file");
        Path binary = Files.write(dir.resolve("b.yaml"), new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, (byte) 0xc3});
        assertThatThrownBy(() -> FileKind.TRIAL.readText(binary, "trial"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not UTF-8 text");
        Path ok = Files.writeString(dir.resolve("t.yaml"), "key: värde\n");
        FileKind.Contents c = FileKind.TRIAL.readText(ok, "trial");
        assertThat(c.text()).isEqualTo("key: värde\n");
        assertThat(c.bytes()).hasSize(12);
        Path big = Files.write(dir.resolve("big.yaml"), new byte[(int) FileKind.TRIAL.maxBytes() + 1]);
        assertThatThrownBy(() -> FileKind.TRIAL.readText(big, "trial")).isInstanceOf(InvalidInputException.class);
    }

    /** Every reader's words for a file it cannot have (loaders, fifty-second session; review9 found three). */
    @Test
    void aMissingFileIsNamedWithWhereItWasLookedForWhenTheFirstLineCannotSay(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> FileKind.PATIENT.readText(dir.resolve("none.yaml"), "patient file x"))
                .hasMessage("patient file x has 1 problem:\n  error: (file): no such file");
        Path relative = Path.of("no-such-folder-here", "none.yaml");
        assertThatThrownBy(() -> FileKind.PHANTOM.readText(relative, "phantom spec y"))
                .hasMessage("phantom spec y has 1 problem:\n  error: (file): no such file (looked for "
                        + relative.toAbsolutePath().normalize() + ")");
        assertThatThrownBy(() -> FileKind.SCENARIO.readText(dir, "scenario file z"))
                .hasMessage("scenario file z has 1 problem:\n  error: (file): is a folder; give a scenario file (.yaml, "
                        + ".yml or .json), e.g. " + dir.resolve("NAME.yaml"));
    }

    @Test
    void aUtf8ByteOrderMarkIsNotPartOfTheText(@TempDir Path dir) throws Exception {
        // review12: a JSON file saved by Windows Notepad was refused with "Unexpected character ('U+FEFF'
        // (code 65279 / 0xfeff))" while the same YAML file read
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] json = "{\"name\": \"x\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] all = java.util.Arrays.copyOf(bom, bom.length + json.length);
        System.arraycopy(json, 0, all, bom.length, json.length);
        Path file = dir.resolve("bom.json");
        Files.write(file, all);
        FileKind.Contents read = FileKind.SCENARIO.readText(file, "scenario");
        assertThat(read.text()).isEqualTo("{\"name\": \"x\"}");
        assertThat(read.bytes()).isEqualTo(all); // the file's bytes, as hashed, are the file's
        assertThat(FileKind.SCENARIO.readTree(read.text(), true, "scenario").get("name").asText()).isEqualTo("x");
    }

    @Test
    void aDeviceThatNeverEndsIsReadOnlyToTheLimit() {
        // review12: /dev/zero (and any device or pipe) has size 0, passed the size check and was read whole:
        // an OutOfMemoryError's stack trace
        Path endless = Path.of("/dev/zero");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(endless), "no /dev/zero here");
        assertThatThrownBy(() -> FileKind.PATIENT.readText(endless, "patient file z"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("patient file z has 1 problem:\n  error: (file): holds more than 0.1 MB; a patient file is at "
                        + "most 0.1 MB (the examples are a few kB): is this the right file?");
    }
}

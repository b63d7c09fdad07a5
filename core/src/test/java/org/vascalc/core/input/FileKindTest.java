package org.vascalc.core.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

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
}

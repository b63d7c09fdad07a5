package org.vascalc.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.vascalc.clinical.serial.Scan;
import org.vascalc.clinical.serial.SerialContext;
import org.vascalc.clinical.serial.SerialScans;
import org.vascalc.core.patient.Sex;

/** Every citation key the module prints resolves in docs/references.bib. */
class ReferencesResolveTest {

    static String bib() throws IOException {
        Path p = Path.of("..", "docs", "references.bib");
        return Files.readString(p);
    }

    @Test
    void serialInterpretationKeysAndScoreCitationsAreInTheBibliography() throws IOException {
        String bib = bib();
        var report = SerialScans.analyse(List.of(new Scan(LocalDate.of(2020, 1, 1), 300),
                new Scan(LocalDate.of(2023, 1, 1), 250)), new SerialContext(Sex.MALE, true, true));
        for (String key : report.references()) {
            assertThat(bib).as(key).contains("{" + key + ",");
        }
        Matcher m = Pattern.compile("\\[([A-Za-z]+\\d{4}[A-Za-z]*)\\]").matcher(String.join(" ", report.paragraphs()));
        while (m.find()) {
            assertThat(bib).as(m.group(1)).contains("{" + m.group(1) + ",");
        }
        for (String key : List.of("McClelland2015", "McClelland2006", "Goff2013", "Yadlowsky2018", "Khan2024",
                "Inker2021", "Hecht2018CacDrs")) {
            assertThat(bib).as(key).contains("{" + key + ",");
        }
    }
}

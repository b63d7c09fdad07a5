package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ParameterTableTest {

    private static final Path FILE = Path.of("..", "docs", "model", "parameters.md");

    @Test
    void theDocumentedParameterTableIsUpToDate() throws Exception {
        String expected = ParameterTable.markdown(ModelAssembly.defaultParameters());
        if (Boolean.getBoolean("vascalc.regenerate")) {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(FILE)).as("%s exists (regenerate with -Dvascalc.regenerate=true)", FILE).isTrue();
        assertThat(Files.readString(FILE, StandardCharsets.UTF_8))
                .as("docs/model/parameters.md is stale: rerun ParameterTableTest with -Dvascalc.regenerate=true")
                .isEqualTo(expected);
    }

    @Test
    void noNumberIsWrittenInENotation() {
        // leftovers33: "%.6g" wrote k14a as 2.44437e-05 and its range as 1e-06 – 0.0001; the value and range
        // columns only (the evidence texts are the catalog's own words)
        String md = ParameterTable.markdown(ModelAssembly.defaultParameters());
        assertThat(md).contains("| `k14a` | 0.0000244437 | 1/h | 0.000001 – 0.0001 |");
        md.lines().filter(l -> l.startsWith("| `")).forEach(row -> {
            String[] cells = row.split(" \\| ");
            assertThat(cells[1] + " " + cells[3]).as(row.substring(0, 40)).doesNotContainPattern("\\d[eE][+-]?\\d");
        });
    }
}

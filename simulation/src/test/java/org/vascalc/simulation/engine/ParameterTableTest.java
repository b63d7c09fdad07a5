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
}

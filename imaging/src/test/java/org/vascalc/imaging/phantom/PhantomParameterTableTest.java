package org.vascalc.imaging.phantom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PhantomParameterTableTest {

    private static final Path FILE = Path.of("..", "docs", "model", "imaging-parameters.md");

    @Test
    void theDocumentedPhantomParametersAreTheCatalogs() throws Exception {
        String table = PhantomParameterTable.markdown(PhantomParameters.catalog());
        if (Boolean.getBoolean("vascalc.regenerate")) {
            Files.writeString(FILE, table);
        }
        assertThat(Files.readString(FILE))
                .as("docs/model/imaging-parameters.md is stale: rerun PhantomParameterTableTest with -Dvascalc.regenerate=true")
                .isEqualTo(table);
    }
}

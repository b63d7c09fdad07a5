package org.vascalc.physiology.vitamink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.vascalc.core.param.Parameter;
import org.vascalc.core.param.ParameterCatalog;

/**
 * The parameter table of docs/model/vitamin-k.md is generated from the catalog; this test fails when
 * the two disagree and prints the table to paste (so the doc never drifts from the numbers used).
 */
class CatalogTableTest {

    static final Path DOC = Path.of("../docs/model/vitamin-k.md");

    static String table(ParameterCatalog c) {
        StringBuilder sb = new StringBuilder("| name | value | unit | plausible range | evidence | description |\n")
                .append("|---|---|---|---|---|---|\n");
        for (Parameter p : c.parameters()) {
            sb.append(String.format(Locale.ROOT, "| `%s` | %s | %s | %s–%s | %s | %s |%n", p.name(), num(p.value()), p.unit(),
                    num(p.low()), num(p.high()), p.evidence().describe().replace("|", "/"), p.description()));
        }
        return sb.toString();
    }

    private static String num(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(5)).stripTrailingZeros().toPlainString();
    }

    @Test
    void docParameterTableMatchesTheCatalog() throws IOException {
        String table = table(ParameterCatalog.fromResource(VitaminKBlock.class, VitaminKBlock.CATALOG));
        String doc = Files.readString(DOC);
        if (!doc.contains(table)) {
            System.out.println("---- paste into " + DOC + " ----\n" + table);
        }
        assertThat(doc).contains(table);
    }
}

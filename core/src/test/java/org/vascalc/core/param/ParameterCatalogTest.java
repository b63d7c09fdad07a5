package org.vascalc.core.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vascalc.core.evidence.Evidence;

class ParameterCatalogTest {

    private static final String CSV = """
            name,value,unit,low,high,evidence,source,locator,description
            # a comment line
            V1,14,L,10,20,literature,Peterson2010,"Table 1, V1",extracellular volume
            gutVmax,3.5,mmol/h,0.5,10,calibrated,"E06,E07",,saturable absorption capacity
            kOff,0.01,1/h,0,1,assumption,slow reversal of osteogenic phenotype,,""
            """;

    @Test
    void readsEveryEvidenceKindAndRoundTripsThroughCsv() {
        ParameterCatalog c = ParameterCatalog.parse(CSV, "test.csv");
        assertThat(c.value("V1")).isEqualTo(14.0);
        assertThat(c.get("V1").evidence()).isEqualTo(new Evidence.Literature("Peterson2010", "Table 1, V1"));
        assertThat(c.get("gutVmax").isCalibrated()).isTrue();
        assertThat(c.get("kOff").evidence()).isInstanceOf(Evidence.Assumption.class);
        ParameterCatalog again = ParameterCatalog.parse(c.toCsv(), "round-trip");
        assertThat(again.parameters()).containsExactlyElementsOf(c.parameters());
        assertThat(again.sha256()).isEqualTo(c.sha256());
    }

    @Test
    void valueOutsideItsPlausibleRangeIsRejectedWithTheLine() {
        String bad = CSV.replace("V1,14,", "V1,40,");
        assertThatThrownBy(() -> ParameterCatalog.parse(bad, "bad.csv"))
                .hasMessageContaining("bad.csv line 3 (V1)")
                .hasMessageContaining("outside its plausible range [10.0, 20.0] L");
    }

    @Test
    void withReplacesValuesAndChangesTheHash() {
        ParameterCatalog c = ParameterCatalog.parse(CSV, "test.csv");
        ParameterCatalog d = c.with(Map.of("gutVmax", 4.0));
        assertThat(d.value("gutVmax")).isEqualTo(4.0);
        assertThat(d.sha256()).isNotEqualTo(c.sha256());
    }
}

package org.vascalc.core.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
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

    /** Hostile (fifty-eighth session): a line given twice was "parameter catalog duplicate parameter V1", no file, no line. */
    @Test
    void aParameterGivenTwiceIsRejectedWithTheFileAndBothLines() {
        String twice = CSV + "V1,15,L,10,20,literature,Peterson2010,x,again\n";
        assertThatThrownBy(() -> ParameterCatalog.parse(twice, "twice.csv"))
                .hasMessage("twice.csv line 6 (V1): the parameter is given twice, first on line 3; give each parameter once");
    }

    @Test
    void withReplacesValuesAndChangesTheHash() {
        ParameterCatalog c = ParameterCatalog.parse(CSV, "test.csv");
        ParameterCatalog d = c.with(Map.of("gutVmax", 4.0));
        assertThat(d.value("gutVmax")).isEqualTo(4.0);
        assertThat(d.sha256()).isNotEqualTo(c.sha256());
    }

    /** The hash of the catalog's CSV text, computed here in one piece. */
    private static String hashOfText(ParameterCatalog c) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(c.toCsv().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theValuesHashMovesWithAValueAndNotWithAnEvidenceTextOrARange() {
        ParameterCatalog c = ParameterCatalog.parse(CSV, "test.csv");
        ParameterCatalog reworded = ParameterCatalog.parse(CSV.replace("slow reversal", "slower reversal")
                .replace("V1,14,L,10,20", "V1,14,L,9,21"), "reworded.csv");
        assertThat(reworded.sha256()).isNotEqualTo(c.sha256());
        assertThat(reworded.valuesSha256()).isEqualTo(c.valuesSha256());
        assertThat(c.with(Map.of("kOff", 0.02)).valuesSha256()).isNotEqualTo(c.valuesSha256());
        assertThat(c.valuesSha256()).hasSize(64).isEqualTo(c.with(Map.of()).valuesSha256());
    }

    @Test
    void aDerivedCatalogsHashIsTheHashOfItsTextWhereverItsValuesChanged() throws Exception {
        // longer than a SHA-256 block before and after each change, so the continued state matters
        ParameterCatalog c = ParameterCatalog.parse(CSV + """
                kA,0.5,1/h,0,1,assumption,"a rationale, long enough to fill a block of the hash by itself",,a
                kB,0.25,1/h,0,1,assumption,another rationale that is also longer than sixty-four bytes of text,,b
                kC,0.75,1/h,0,1,derived,"a rule, with a comma and a ""quote"" in it",,c
                """, "test.csv");
        for (Map<String, Double> change : java.util.List.of(Map.of("V1", 15.0), Map.of("kB", 0.3),
                Map.of("kC", 0.7), Map.of("V1", 11.0, "kC", 0.2), Map.of("kA", 0.5), Map.<String, Double>of())) {
            ParameterCatalog d = c.with(change);
            assertThat(d.sha256()).isEqualTo(hashOfText(d));
            // a second catalog with the same change (the root's state is then remembered)
            assertThat(c.with(change).sha256()).isEqualTo(d.sha256());
            ParameterCatalog e = d.with(Map.of("kA", 0.9));
            assertThat(e.sha256()).isEqualTo(hashOfText(e));
        }
        assertThat(c.with(Map.of("kB", 0.3)).sha256()).isNotEqualTo(c.sha256());
        assertThat(c.sha256()).isEqualTo(hashOfText(c));
    }

    @Test
    void theCsvReaderKeepsQuotedCommasAndReadsALastLineWithoutABreak() {
        assertThat(ParameterCatalog.Csv.quote("plain")).isEqualTo("plain");
        assertThat(ParameterCatalog.Csv.quote("a, b")).isEqualTo("\"a, b\"");
        assertThat(ParameterCatalog.Csv.quote("say \"x\"")).isEqualTo("\"say \"\"x\"\"\"");
        assertThat(ParameterCatalog.Csv.quote("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(ParameterCatalog.Csv.read(new java.io.StringReader("a,b\n"))).containsExactly(List.of("a", "b"));
        assertThat(ParameterCatalog.Csv.read(new java.io.StringReader("a,b\nc,\"d, e\""))).containsExactly(
                List.of("a", "b"), List.of("c", "d, e"));
        assertThat(ParameterCatalog.Csv.read(new java.io.StringReader("a,\n"))).containsExactly(List.of("a", ""));
        // blank and comment lines between the rows are skipped
        ParameterCatalog c = ParameterCatalog.parse(CSV.replace("# a comment line\n", "# a comment line\n\n"), "t");
        assertThat(c.parameters()).hasSize(3);
    }

    @Test
    void catalogsCombineWithoutClashesAndAMissingResourceIsNamed() {
        ParameterCatalog c = ParameterCatalog.parse(CSV, "test.csv");
        assertThat(c.contains("V1")).isTrue();
        assertThat(c.contains("V2")).isFalse();
        ParameterCatalog more = ParameterCatalog.parse(CSV.replace("V1,", "V2,").replace("gutVmax,", "gutVmax2,")
                .replace("kOff,", "kOff2,"), "more.csv");
        ParameterCatalog both = c.plus(more);
        assertThat(both.parameters()).hasSize(6);
        assertThat(both.value("V2")).isEqualTo(14.0);
        assertThatThrownBy(() -> c.plus(c)).hasMessageContaining("V1");
        assertThatThrownBy(() -> ParameterCatalog.fromResource(ParameterCatalogTest.class, "/no/such/catalog.csv"))
                .hasMessageContaining("parameter catalog resource not found: /no/such/catalog.csv");
    }
}

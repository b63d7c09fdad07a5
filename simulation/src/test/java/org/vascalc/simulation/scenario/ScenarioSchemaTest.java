package org.vascalc.simulation.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.vascalc.core.input.ValidRange;

/** The JSON Schema in docs/ and the loader must name the same keys, spellings and hard limits. */
class ScenarioSchemaTest {

    private static JsonNode defs() throws IOException {
        return new ObjectMapper().readTree(ProjectFiles.require("docs/scenario.schema.json").toFile()).get("$defs");
    }

    @Test
    void schemaAndLoaderNameTheSameObjectsAndKeys() throws IOException {
        JsonNode defs = defs();
        List<String> schemaDefs = new ArrayList<>();
        defs.fieldNames().forEachRemaining(schemaDefs::add);
        assertThat(new TreeSet<>(schemaDefs)).isEqualTo(new TreeSet<>(ScenarioKeys.all().keySet()));
        for (Map.Entry<String, java.util.Set<String>> e : ScenarioKeys.all().entrySet()) {
            JsonNode def = defs.get(e.getKey());
            List<String> props = new ArrayList<>();
            def.get("properties").fieldNames().forEachRemaining(props::add);
            assertThat(new TreeSet<>(props)).as(e.getKey()).isEqualTo(new TreeSet<>(e.getValue()));
            assertThat(def.get("additionalProperties").asBoolean(true)).as(e.getKey() + " is strict").isFalse();
        }
    }

    @Test
    void schemaEnumsAreTheLoadersSpellings() throws IOException {
        JsonNode defs = defs();
        Map<String, Vocabulary<?>> byField = Map.of("patient.sex", Vocabulary.SEX,
                "calciumSupplement.salt", Vocabulary.CALCIUM_SALT, "vitaminK.form", Vocabulary.VITAMIN_K_FORM,
                "phosphateBinder.kind", Vocabulary.BINDER, "statin.intensity", Vocabulary.STATIN,
                "ckdStage.stage", Vocabulary.CKD_STAGE);
        for (Map.Entry<String, Vocabulary<?>> e : byField.entrySet()) {
            String[] p = e.getKey().split("\\.");
            List<String> spellings = new ArrayList<>();
            defs.get(p[0]).get("properties").get(p[1]).get("enum").forEach(n -> spellings.add(n.asText()));
            assertThat(spellings).as(e.getKey()).containsExactlyInAnyOrderElementsOf(e.getValue().accepted());
        }
    }

    @Test
    void schemaLimitsAreTheLoadersHardRanges() throws IOException {
        JsonNode defs = defs();
        Map<String, ValidRange> ranges = Map.ofEntries(
                Map.entry("patient.ageYears", ScenarioRanges.AGE), Map.entry("patient.weightKg", ScenarioRanges.WEIGHT),
                Map.entry("patient.heightCm", ScenarioRanges.HEIGHT),
                Map.entry("patient.egfrMlPerMin", ScenarioRanges.EGFR),
                Map.entry("patient.serumCalciumMmolL", ScenarioRanges.SERUM_CALCIUM),
                Map.entry("patient.serumPhosphateMmolL", ScenarioRanges.SERUM_PHOSPHATE),
                Map.entry("patient.pthPgMl", ScenarioRanges.PTH),
                Map.entry("risk.totalCholesterolMgDl", ScenarioRanges.TOTAL_CHOLESTEROL),
                Map.entry("risk.hdlCholesterolMgDl", ScenarioRanges.HDL),
                Map.entry("risk.systolicBpMmHg", ScenarioRanges.SYSTOLIC),
                Map.entry("risk.diastolicBpMmHg", ScenarioRanges.DIASTOLIC),
                Map.entry("risk.hsCrpMgL", ScenarioRanges.HS_CRP),
                Map.entry("gfrPoint.years", ScenarioRanges.COURSE_YEARS),
                Map.entry("haemodialysis.dialysateCalciumMmolL", ScenarioRanges.DIALYSATE_CALCIUM),
                Map.entry("haemodialysis.residualGfrMlPerMin", ScenarioRanges.RESIDUAL_GFR),
                Map.entry("gfrPoint.egfrMlPerMin", ScenarioRanges.EGFR),
                Map.entry("dietaryCalcium.mgPerMeal", ScenarioRanges.DIETARY_CALCIUM),
                Map.entry("calciumDrink.mgPerDrink", ScenarioRanges.DRINK_CALCIUM),
                Map.entry("calciumSupplement.elementalMgPerDose", ScenarioRanges.SUPPLEMENT_CALCIUM),
                Map.entry("dietaryPhosphate.mgPhosphorusPerMeal", ScenarioRanges.DIETARY_PHOSPHORUS),
                Map.entry("vitaminK.microgramsPerDose", ScenarioRanges.VITAMIN_K),
                Map.entry("warfarin.mgPerDose", ScenarioRanges.WARFARIN),
                Map.entry("phosphateBinder.mgPerDose", ScenarioRanges.BINDER),
                Map.entry("schedule.startDay", ScenarioRanges.START_DAY),
                Map.entry("schedule.stopDay", ScenarioRanges.STOP_DAY),
                Map.entry("scenario.durationDays", ScenarioRanges.DURATION),
                Map.entry("recording.intervalHours", ScenarioRanges.INTERVAL),
                Map.entry("recording.fineIntervalHours", ScenarioRanges.INTERVAL),
                Map.entry("recording.fineFromDay", ScenarioRanges.FINE_DAY),
                Map.entry("recording.fineToDay", ScenarioRanges.FINE_DAY));
        for (Map.Entry<String, ValidRange> e : ranges.entrySet()) {
            String[] p = e.getKey().split("\\.");
            JsonNode prop = defs.get(p[0]).get("properties").get(p[1]);
            assertThat(prop.get("minimum").asDouble()).as(e.getKey()).isCloseTo(e.getValue().hardLow(),
                    org.assertj.core.data.Offset.offset(1e-9));
            assertThat(prop.get("maximum").asDouble()).as(e.getKey()).isCloseTo(e.getValue().hardHigh(),
                    org.assertj.core.data.Offset.offset(1e-9));
        }
    }
}

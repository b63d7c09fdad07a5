package org.vascalc.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.vascalc.simulation.cohort.ArmComparison;
import org.vascalc.simulation.cohort.CohortAgreementCheck;
import org.vascalc.simulation.cohort.CohortSummary;
import org.vascalc.simulation.cohort.TrialArm;
import org.vascalc.simulation.output.Provenance;
import org.vascalc.simulation.output.SummaryJson;

/**
 * {@code cohort}'s summary file, {@code <out>/<population>-n<size>-seed<seed>.summary.json} beside the members' CSV
 * files (leftovers26: the cohort's record was its console and {@code --db}; simulate and sensitivity --out leave a
 * summary beside their tables). It holds simulate's {@code provenance} block ({@link SummaryJson#putProvenance}), the
 * cohort as asked for, and the numbers the console prints: each arm's summary ({@link CohortSummary}), each arm against
 * the first ({@link ArmComparison}) and the agreement check when one ran. A number with no value (a median of nobody)
 * is null. Each key names its unit where it has one.
 */
final class CohortSummaryJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CohortSummaryJson() {
    }

    /** The cohort as asked for: population, size, seed, follow-up and arms; the first member run now. */
    record Cohort(String population, int size, long seed, double years, List<TrialArm> arms, long resumedFrom) {
        Cohort {
            arms = List.copyOf(arms);
        }
    }

    /** One arm's results: its summary and its members' CSV file (a name in the same folder). */
    record Arm(CohortSummary summary, String membersFile) {
    }

    /**
     * The file's text.
     *
     * @param warnings the console's start-warning lines (members whose run does not start at their labs)
     * @param check    the agreement check, or null when none ran
     * @param chart    the trial chart's file name, or "" for one arm
     */
    static String format(Provenance provenance, Cohort cohort, List<Arm> arms, List<ArmComparison> comparisons,
                         List<String> warnings, CohortAgreementCheck check, String chart) {
        ObjectNode root = JSON.createObjectNode();
        // mode FAST without a fastPath: the members' runs take either path, each its own
        SummaryJson.putProvenance(root.putObject("provenance"), provenance, Optional.empty());
        ObjectNode c = root.putObject("cohort");
        c.put("population", cohort.population());
        c.put("size", cohort.size());
        c.put("seed", cohort.seed());
        c.put("years", cohort.years());
        ArrayNode names = c.putArray("arms");
        cohort.arms().forEach(a -> names.add(a.label()));
        if (cohort.resumedFrom() > 0) { // --resume: the members before it were read from the partial files
            c.put("resumedFromMember", cohort.resumedFrom());
        }
        ArrayNode out = root.putArray("arms");
        for (int a = 0; a < arms.size(); a++) {
            ObjectNode o = out.addObject();
            o.put("arm", cohort.arms().get(a).label());
            o.put("description", cohort.arms().get(a).description());
            o.put("membersFile", arms.get(a).membersFile());
            summary(o.putObject("summary"), arms.get(a).summary());
        }
        ArrayNode pairs = root.putArray("comparisons");
        for (ArmComparison cmp : comparisons) {
            ObjectNode o = pairs.addObject();
            o.put("arm", cmp.arm().label());
            o.put("control", cmp.control().label());
            ArrayNode rows = o.putArray("outcomes");
            for (ArmComparison.Outcome x : cmp.outcomes()) {
                ObjectNode r = rows.addObject();
                r.put("name", x.name());
                r.put("unit", x.unit());
                number(r, "control", x.control());
                number(r, "arm", x.arm());
                number(r, "difference", x.diff());
                number(r, "low95", x.lo());
                number(r, "high95", x.hi());
            }
        }
        if (!chart.isEmpty()) {
            root.put("chart", chart);
        }
        if (check != null) {
            ObjectNode o = root.putObject("agreement");
            o.put("line", check.line());
            ArrayNode members = o.putArray("members");
            check.members().forEach(members::add);
            number(o, "worst", check.worst());
            o.put("worstAt", check.worstAt());
        }
        ArrayNode warn = root.putArray("warnings");
        warnings.forEach(warn::add);
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // a tree of strings and numbers always writes
        }
    }

    /** {@link CohortSummary}'s numbers, as its console lines give them, with their units in the keys. */
    private static void summary(ObjectNode o, CohortSummary s) {
        o.put("members", s.members());
        number(o, "years", s.years());
        number(o, "meanAgeYears", s.meanAge());
        number(o, "menShare", s.men());
        number(o, "meanEgfrMlPerMin", s.meanEgfr());
        number(o, "meanSbpMmHg", s.meanSbp());
        number(o, "diabetesShare", s.diabetes());
        number(o, "statinShare", s.statin());
        number(o, "ctScoreAboveZeroShare", s.cacPositive());
        number(o, "medianCtScoreAboveZeroAu", s.medianCacPositive());
        number(o, "ctScoreChangeAboveZeroAuPerYear", s.changePositive());
        number(o, "newCalciumShareOfZeroPerYear", s.incidentPerYear());
        number(o, "meanPwvMPerS", s.meanPwv());
        number(o, "meanT50Min", s.meanT50());
        ObjectNode events = o.putObject("eventsPer1000PersonYears");
        rates(events, s.mi(), s.cvd(), s.cvDeath());
        ArrayNode cats = o.putArray("byBaselineCtScore");
        for (CohortSummary.Category cat : s.byCategory()) {
            ObjectNode r = cats.addObject();
            r.put("ctScore", cat.label());
            r.put("members", cat.members());
            rates(r, cat.mi(), cat.cvd(), cat.cvDeath());
        }
    }

    /** The three event rates per 1000 person-years, under the console's names. */
    private static void rates(ObjectNode o, double mi, double cvd, double cvDeath) {
        number(o, "mi", mi);
        number(o, "miStrokeHf", cvd);
        number(o, "cvDeath", cvDeath);
    }

    /** JSON has no NaN or infinity: those become null, as in simulate's summary. */
    private static void number(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }
}

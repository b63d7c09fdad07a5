package org.vascalc.simulation.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.vascalc.core.input.InputProblem;
import org.vascalc.simulation.FastPath;
import org.vascalc.simulation.OutputChannel;
import org.vascalc.simulation.ParameterOverrides;
import org.vascalc.simulation.SimulationResult;
import org.vascalc.simulation.Trajectory;

/**
 * The summary of a run as JSON: provenance, the scenario's name and length, the model's end-of-run
 * summary values, per-channel unit, description, probability mark ({@link OutputChannel#probability()}) and
 * first / minimum / maximum (with its time) / last, the CT score next to
 * its true intimal and medial parts when the run recorded them ({@link CtVersusGroundTruth}), solver counters,
 * input warnings, and the trajectory file's name and SHA-256.
 */
public final class SummaryJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    /** One line, no indentation: the parameter changes as a database column holds them. */
    private static final ObjectMapper COMPACT = new ObjectMapper();

    private SummaryJson() {
    }

    /**
     * The parameter changes as the summary's {@code provenance.parameterOverrides} lists them, on one line
     * ({@code []} for none): what the result database stores beside the parameter-set hash.
     */
    public static String overridesJson(List<ParameterOverrides.Change> changes) {
        ArrayNode a = MAPPER.createArrayNode();
        addOverrides(a, changes);
        try {
            return COMPACT.writeValueAsString(a);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // a tree of strings and numbers always writes
        }
    }

    /**
     * The warnings as the summary's {@code warnings} lists them ({@code "path: message"}, the file's, then
     * the run's own), on one line ({@code []} for none): what the result database stores with the run.
     */
    public static String warningsJson(List<InputProblem> fileWarnings, SimulationResult r) {
        List<InputProblem> all = new ArrayList<>(fileWarnings);
        all.addAll(r.warnings()); // the run's own after the file's, as the summary lists them
        return warningsJson(all);
    }

    /**
     * Warnings as {@link #warningsJson(List, SimulationResult)} writes them, from a list ({@code []} for
     * none): what the result database stores with a cohort's member.
     */
    public static String warningsJson(List<InputProblem> warnings) {
        ArrayNode a = MAPPER.createArrayNode();
        warnings.forEach(w -> a.add(w.path() + ": " + w.message()));
        try {
            return COMPACT.writeValueAsString(a);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // a list of strings always writes
        }
    }

    private static void addWarnings(ArrayNode warn, List<InputProblem> fileWarnings, SimulationResult r) {
        fileWarnings.forEach(w -> warn.add(w.path() + ": " + w.message()));
        // the run's own (the model's: e.g. a measured lab the run does not start at), after the file's
        r.warnings().forEach(w -> warn.add(w.path() + ": " + w.message()));
    }

    private static void addOverrides(ArrayNode overrides, List<ParameterOverrides.Change> changes) {
        for (ParameterOverrides.Change c : changes) {
            ObjectNode o = overrides.addObject();
            o.put("name", c.name());
            o.put("value", c.value());
            o.put("unit", c.unit());
            o.put("default", c.defaultValue());
            if (!c.why().isEmpty()) {
                o.put("why", c.why());
            }
        }
    }

    /**
     * Fills {@code prov} with a summary's {@code provenance} object: the same keys in every file that carries
     * one (a run's summary.json, {@code sensitivity --out}'s sensitivity.summary.json), so one query reads both.
     *
     * @param fastPath fast mode's path of the run ("averaged", or "direct" in the regimen class where it
     *                 integrates every dose); empty in reference mode
     */
    public static void putProvenance(ObjectNode prov, Provenance p, Optional<FastPath> fastPath) {
        prov.put("toolVersion", p.toolVersion());
        prov.put("commit", p.commit());
        prov.put("scenarioFile", p.scenarioFile());
        prov.put("scenarioSha256", p.scenarioSha256());
        prov.put("parameterSetSha256", p.parameterSetSha256());
        prov.put("mode", p.mode());
        fastPath.ifPresent(f -> prov.put("fastPath", f.id()));
        if (!p.parameterOverrides().isEmpty()) { // absent without --set: those summaries stay as they were
            addOverrides(prov.putArray("parameterOverrides"), p.parameterOverrides());
        }
        if (!p.parameterCatalog().isEmpty()) { // absent on the model's own catalog: those summaries stay as they were
            ObjectNode catalog = prov.putObject("parameterCatalog");
            catalog.put("file", p.parameterCatalog());
            addOverrides(catalog.putArray("differsFromModel"), p.catalogChanges());
        }
    }

    public static String format(SimulationResult r, Provenance p, List<InputProblem> warnings,
                                String trajectoryFile, String trajectorySha256) {
        ObjectNode root = MAPPER.createObjectNode();
        putProvenance(root.putObject("provenance"), p, r.fastPath());
        ObjectNode sc = root.putObject("scenario");
        sc.put("name", r.scenario().name());
        sc.put("description", r.scenario().description());
        sc.put("patientId", r.scenario().patient().id());
        sc.put("durationDays", r.scenario().durationDays());
        ObjectNode files = root.putObject("trajectory");
        files.put("file", trajectoryFile);
        files.put("sha256", trajectorySha256);
        files.put("rows", r.trajectory().size());
        ObjectNode summary = root.putObject("summary");
        new TreeMap<>(r.summary()).forEach((k, v) -> putNumber(summary, k, v));
        ArrayNode channels = root.putArray("channels");
        Trajectory t = r.trajectory();
        for (int k = 0; k < t.channels().size(); k++) {
            OutputChannel c = t.channels().get(k);
            ObjectNode o = channels.addObject();
            o.put("id", c.id());
            o.put("unit", c.unit());
            o.put("description", c.description());
            // leftovers26: whether the values are a probability recorded as a fraction 0 to 1 (charts and tables show
            // it in per cent), so a script reading the summary need not know which ids are risks
            o.put("probability", c.probability());
            int n = t.size();
            if (n == 0) {
                continue;
            }
            int iMin = 0;
            int iMax = 0;
            for (int i = 1; i < n; i++) {
                if (t.value(i, k) < t.value(iMin, k)) {
                    iMin = i;
                }
                if (t.value(i, k) > t.value(iMax, k)) {
                    iMax = i;
                }
            }
            putNumber(o, "first", t.value(0, k));
            putNumber(o, "min", t.value(iMin, k));
            putNumber(o, "minAtHours", t.time(iMin));
            putNumber(o, "max", t.value(iMax, k));
            putNumber(o, "maxAtHours", t.time(iMax));
            putNumber(o, "last", t.value(n - 1, k));
        }
        CtVersusGroundTruth.of(t).ifPresent(ct -> {
            ObjectNode o = root.putObject("ctVersusGroundTruth");
            for (CtVersusGroundTruth.Row row : ct.rows()) {
                ObjectNode one = o.putObject(row.id());
                one.put("unit", row.unit());
                putNumber(one, "start", row.start());
                putNumber(one, "end", row.end());
            }
        });
        ObjectNode counters = root.putObject("counters");
        new TreeMap<>(r.counters()).forEach(counters::put);
        addWarnings(root.putArray("warnings"), warnings, r);
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** JSON has no NaN or infinity: those become null (and the reader sees a gap, not a fake number). */
    private static void putNumber(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }

}

package org.vascalc.clinical.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.vascalc.core.input.EditDistance;
import org.vascalc.core.input.FileKind;
import org.vascalc.core.input.InputFileMappers;
import org.vascalc.core.input.InputProblem;
import org.vascalc.core.input.InputProblems;
import org.vascalc.core.input.InvalidInputException;

/**
 * Reads a patient file (YAML, or JSON by the {@code .json} extension) into a {@link PatientSpec}.
 * Every problem (unknown key, wrong type, unreadable syntax) is reported with its field path; a
 * corrupt file gives a clear {@link InvalidInputException}, never a crash.
 */
public final class PatientFiles {

    // strict YAML and JSON (a key given twice, a second document, aliases refused): InputFileMappers
    private static final ObjectMapper YAML = InputFileMappers.YAML;
    private static final ObjectMapper JSON = InputFileMappers.JSON;

    private PatientFiles() {
    }

    public static PatientSpec read(Path file) {
        FileKind.PATIENT.requireSize(file, "patient file " + file, "file");
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("patient file " + file, InputProblem.error("file", "not found"));
        } catch (IOException e) {
            throw new InvalidInputException("patient file " + file,
                    InputProblem.error("file", "cannot be read: " + e.getMessage()));
        }
        boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        return parse(text, json, file.toString());
    }

    public static PatientSpec parse(String text, boolean json, String origin) {
        ObjectMapper mapper = json ? JSON : YAML;
        if (!json) {
            FileKind.PATIENT.requireYamlLines(text, "patient file " + origin, "file"); // as the other kinds
        }
        JsonNode root;
        try {
            root = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new InvalidInputException("patient file " + origin,
                    InputProblem.error("file", "is not valid " + (json ? "JSON" : "YAML") + where + ": "
                            + InputProblem.parserMessage(e.getOriginalMessage())));
        }
        if (!json) {
            InputFileMappers.firstYamlAlias(text).ifPresent(alias -> {
                throw new InvalidInputException("patient file " + origin, alias);
            });
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInputException("patient file " + origin,
                    InputProblem.error("file", "must be a mapping of keys to values, e.g. 'age: 58'"));
        }
        InputProblems p = new InputProblems();
        // a scenario, trial or phantom file given as a patient: say that first, before its unknown keys
        java.util.Set<String> keys = new java.util.HashSet<>();
        root.fieldNames().forEachRemaining(keys::add);
        FileKind.otherKind(keys, FileKind.PATIENT).ifPresent(m -> p.error("file", m));
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!PatientSpec.KEYS.contains(key)) {
                p.error(key, "unknown key" + EditDistance.didYouMean(key, PatientSpec.KEYS) + "; allowed keys: "
                        + String.join(", ", PatientSpec.KEYS));
            }
        }
        PatientSpec spec = new PatientSpec(num(root, "age", p), text(root, "sex", p), text(root, "race", p),
                num(root, "totalCholesterol", p), num(root, "hdlCholesterol", p), text(root, "lipidUnit", p),
                num(root, "systolicBp", p), bool(root, "bpTreated", p), bool(root, "statin", p),
                bool(root, "diabetes", p), bool(root, "smoker", p), bool(root, "familyHistory", p),
                num(root, "bmi", p), num(root, "egfr", p), num(root, "creatinine", p),
                text(root, "creatinineUnit", p), num(root, "cac", p), integer(root, "cacVessels", p),
                bool(root, "vitaminK2", p), scans(root, p));
        p.throwIfErrors("patient file " + origin);
        return spec;
    }

    private static Double num(JsonNode root, String key, InputProblems p) {
        JsonNode n = root.get(key);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isNumber()) {
            p.error(key, key + " = '" + n.asText() + "' is not a number");
            return null;
        }
        return n.doubleValue();
    }

    private static Integer integer(JsonNode root, String key, InputProblems p) {
        JsonNode n = root.get(key);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isIntegralNumber()) {
            p.error(key, key + " = '" + n.asText() + "' is not a whole number");
            return null;
        }
        return n.intValue();
    }

    private static String text(JsonNode root, String key, InputProblems p) {
        JsonNode n = root.get(key);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isValueNode()) {
            p.error(key, key + " must be a single word");
            return null;
        }
        return n.asText();
    }

    private static Boolean bool(JsonNode root, String key, InputProblems p) {
        JsonNode n = root.get(key);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isBoolean()) {
            p.error(key, key + " = '" + n.asText() + "' is not true or false");
            return null;
        }
        return n.booleanValue();
    }

    private static List<PatientSpec.ScanSpec> scans(JsonNode root, InputProblems p) {
        JsonNode n = root.get("scans");
        List<PatientSpec.ScanSpec> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (!n.isArray()) {
            p.error("scans", "scans must be a list of {date, agatston}");
            return out;
        }
        for (int i = 0; i < n.size(); i++) {
            JsonNode s = n.get(i);
            String path = "scans[" + i + "]";
            if (!s.isObject()) {
                p.error(path, "must be {date: YYYY-MM-DD, agatston: number}");
                continue;
            }
            JsonNode date = s.get("date");
            JsonNode score = s.get("agatston");
            if (date == null || !date.isValueNode()) {
                p.error(path + ".date", "missing: give the scan date as YYYY-MM-DD");
            }
            if (score == null || !score.isNumber()) {
                p.error(path + ".agatston", "missing or not a number: give the Agatston score");
            }
            for (Iterator<String> it = s.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!key.equals("date") && !key.equals("agatston")) {
                    p.error(path + "." + key, "unknown key; a scan has date and agatston");
                }
            }
            if (date != null && date.isValueNode() && score != null && score.isNumber()) {
                out.add(new PatientSpec.ScanSpec(date.asText(), score.doubleValue()));
            }
        }
        return out;
    }
}

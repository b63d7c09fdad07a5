package org.vascalc.clinical.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.vascalc.clinical.input.RiskInput;
import org.vascalc.clinical.prevent.CkdEpi2021;
import org.vascalc.clinical.serial.SerialScans;
import org.vascalc.core.input.FileKind;
import org.vascalc.core.input.InputProblem;
import org.vascalc.core.input.InputProblems;
import org.vascalc.core.input.InvalidInputException;
import org.vascalc.core.input.ValidRange;

/**
 * Reads a patient file (YAML, or JSON by the {@code .json} extension) into a {@link PatientSpec}.
 * Every problem (unknown key, wrong type, unreadable syntax) is reported with its field path; a
 * corrupt file gives a clear {@link InvalidInputException}, never a crash. A key written with no value
 * ({@code bmi: ~}, {@code bmi:}, JSON {@code null}) is an error naming what the key takes, as in every file
 * the command line reads ({@link InputProblem#noValue}): read as the key left out, a forgotten number was
 * taken as "not known" or a flag as "no" in silence.
 */
public final class PatientFiles {

    /** A scan's keys, in the order the examples write them. */
    private static final List<String> SCAN_KEYS = List.of("date", "agatston");

    private PatientFiles() {
    }

    public static PatientSpec read(Path file) {
        // missing, a folder, unreadable, too large, not UTF-8: in the words of every reader (FileKind)
        String text = FileKind.PATIENT.readText(file, "patient file " + file).text();
        boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        return parse(text, json, file.toString());
    }

    public static PatientSpec parse(String text, boolean json, String origin) {
        // a parse error at "(line 3, column 8)": "not valid YAML: ..." as every reader says it (FileKind)
        JsonNode root = FileKind.PATIENT.readTree(text, json, "patient file " + origin);
        if (root == null || !root.isObject()) {
            throw new InvalidInputException("patient file " + origin,
                    InputProblem.error(FileKind.WHOLE_FILE, "must be a mapping of keys to values, e.g. 'age: 58'"));
        }
        InputProblems p = new InputProblems();
        // a scenario, trial or phantom file given as a patient: say that first, before its unknown keys
        java.util.Set<String> keys = new java.util.HashSet<>();
        root.fieldNames().forEachRemaining(keys::add);
        FileKind.otherKind(keys, FileKind.PATIENT).ifPresent(m -> p.error(FileKind.WHOLE_FILE, m));
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!PatientSpec.KEYS.contains(key)) {
                p.add(InputProblem.unknownKey(key, key, PatientSpec.KEYS));
            }
        }
        PatientSpec spec = new PatientSpec(num(root, "age", p), text(root, "sex", p), text(root, "race", p),
                num(root, "totalCholesterol", p), num(root, "hdlCholesterol", p), text(root, "lipidUnit", p),
                num(root, "systolicBp", p), bool(root, "bpTreated", p), bool(root, "statin", p),
                bool(root, "diabetes", p), bool(root, "smoker", p), bool(root, "familyHistory", p),
                num(root, "bmi", p), num(root, "egfr", p), num(root, "creatinine", p),
                text(root, "creatinineUnit", p), num(root, "cac", p), integer(root, "cacVessels", p),
                bool(root, "vitaminK2", p), scans(root, p));
        if (p.hasErrors()) {
            // every problem at once: a file refused for an unknown key names its values out of range too,
            // which resolve() would name only on the next try (review9's new user, fifty-first session)
            spec.checkGivenRanges(p);
        }
        p.throwIfErrors("patient file " + origin);
        return spec;
    }

    /** Whether {@code key}'s node {@code n} has a value: not when left out; not, and an error, when written with none. */
    private static boolean given(JsonNode n, String key, InputProblems p) {
        if (n != null && n.isNull()) {
            p.add(InputProblem.noValue(key, key, expected(key)));
        }
        return n != null && !n.isNull();
    }

    private static final String NOT_KNOWN = ", or leave the key out if not known";
    private static final String FLAG = "true or false, or leave the key out for no (false)";

    /** What {@code key} takes, with its unit and range, and what leaving it out means (the scores' own ranges). */
    static String expected(String key) {
        return switch (key) {
            case "age" -> takes(RiskInput.AGE);
            case "sex" -> "female or male";
            case "race" -> "white, black, chinese, hispanic or other";
            case "totalCholesterol" -> takes(RiskInput.TOTAL_CHOLESTEROL) + " (or in mmol/L with lipidUnit: mmol/L)";
            case "hdlCholesterol" -> takes(RiskInput.HDL_CHOLESTEROL) + " (or in mmol/L with lipidUnit: mmol/L)";
            case "lipidUnit" -> "mg/dL or mmol/L, or leave the key out for mg/dL";
            case "systolicBp" -> takes(RiskInput.SYSTOLIC_BP);
            case "bpTreated", "statin", "diabetes", "smoker", "familyHistory", "vitaminK2" -> FLAG;
            case "bmi" -> takes(RiskInput.BMI) + NOT_KNOWN;
            case "egfr" -> takes(RiskInput.EGFR) + NOT_KNOWN + " (computed from creatinine when that is given)";
            case "creatinine" -> takes(CkdEpi2021.CREATININE) + " (or in umol/L with creatinineUnit: umol/L)" + NOT_KNOWN;
            case "creatinineUnit" -> "mg/dL or umol/L, or leave the key out for mg/dL";
            case "cac" -> takes(RiskInput.CAC) + ", or leave the key out if not scanned";
            case "cacVessels" -> "the " + RiskInput.VESSELS.field() + " is a whole number from "
                    + RiskInput.VESSELS.allowed() + NOT_KNOWN;
            case "scans" -> "a list of {date: YYYY-MM-DD, agatston: number} ([] for none), or leave the key out for none";
            default -> throw new IllegalArgumentException("not a patient file key: " + key);
        };
    }

    private static String takes(ValidRange range) {
        return range.field() + " is a number from " + range.allowed();
    }

    private static Double num(JsonNode root, String key, InputProblems p) {
        JsonNode n = root.get(key);
        if (!given(n, key, p)) {
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
        if (!given(n, key, p)) {
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
        if (!given(n, key, p)) {
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
        if (!given(n, key, p)) {
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
        if (!given(n, "scans", p)) {
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
            // "date: ~" was read as the date 'null' ("is not an ISO date"), "agatston: ~" as missing
            if (date != null && date.isNull()) {
                p.add(InputProblem.noValue(path + ".date", "date", "the scan date as YYYY-MM-DD"));
            } else if (date == null || !date.isValueNode()) {
                p.error(path + ".date", "missing: give the scan date as YYYY-MM-DD");
            }
            if (score != null && score.isNull()) {
                p.add(InputProblem.noValue(path + ".agatston", "agatston", "the " + SerialScans.AGATSTON.field()
                        + " is a number from " + SerialScans.AGATSTON.allowed()));
            } else if (score == null || !score.isNumber()) {
                p.error(path + ".agatston", "missing or not a number: give the Agatston score");
            }
            for (Iterator<String> it = s.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!key.equals("date") && !key.equals("agatston")) {
                    p.add(InputProblem.unknownKey(path + "." + key, key, SCAN_KEYS));
                }
            }
            if (date != null && date.isValueNode() && !date.isNull() && score != null && score.isNumber()) {
                out.add(new PatientSpec.ScanSpec(date.asText(), score.doubleValue()));
            }
        }
        return out;
    }
}

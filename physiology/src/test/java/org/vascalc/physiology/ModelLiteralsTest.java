package org.vascalc.physiology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every model number belongs in a catalog with unit, range and evidence (style guide, "Numbers"). This
 * test reads the model's equations (the main sources of {@code mineral}, {@code vitamink} and
 * {@code wall}) for numeric literals outside comments and strings, and holds each file to a list of the
 * literals it may contain, each with the reason it is not a catalog row: a constant of a published
 * equation's form (stated on its docs/model page), a unit conversion or stoichiometry, a numerical guard
 * or solver setting. A literal not on its file's list fails (put the number in the catalog, or add it
 * here with its reason and state it on the model page); a listed literal no longer in its file fails
 * too, so the list stays true.
 *
 * <p>Counted: every decimal literal ({@code 0.85}, {@code 1e-6}) except 0.0, 1.0 and 2.0 written
 * as such, and every integer literal of 3 or more that is an operand of arithmetic or of a comparison
 * (an age offset {@code age - 60}, a divisor {@code / 45}) or a function's last argument (a floor
 * {@code Math.max(eGFR, 90)}); not counted: state tolerances of {@code StateVariable} declarations
 * (integrator settings), integer index constants, array sizes, hash multipliers and the digits of
 * messages ({@code fmt}); lines that hold a hash code or a message are skipped whole. {@code VitaminKTargets} is left out: it holds the
 * published protocols of the check and fit rows E15–E25 (doses, sampling hours), documented with those
 * rows, not model numbers. Review13, 2026-12-06.
 */
class ModelLiteralsTest {

    private static final Path ROOT = Path.of("src", "main", "java", "org", "vascalc", "physiology");
    private static final List<String> PACKAGES = List.of("mineral", "vitamink", "wall");
    private static final List<String> LEFT_OUT = List.of("VitaminKTargets.java");

    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\w.])(\\d+\\.\\d*(?:[eE][-+]?\\d+)?|\\.\\d+(?:[eE][-+]?\\d+)?|\\d+[eE][-+]?\\d+|\\d+)[dDfFlL]?(?![\\w.])");

    private static final String P_AND_R = "Peterson & Riggs' equation form (model-anchors 1.4; docs/model/mineral.md)";
    private static final String GUARD = "numerical guard against a zero or negative argument, not a model value";
    private static final String HOURS_PER_DAY = "hours per day (catalog rates per day to the model's hours)";
    private static final String AGE_60 = "reference age 60 y of the age factors e^{a(age - 60)} (docs/model/wall.md)";

    /** file -> literal -> why it is not a catalog row; a file not named here may hold none. */
    private static final Map<String, Map<String, String>> ALLOWED = Map.ofEntries(
            Map.entry("mineral/Fgf23Parameters.java", Map.of(
                    "1e-6", GUARD)),
            Map.entry("mineral/MealDayGut.java", Map.ofEntries(
                    Map.entry("0.02", "RK4 step of the meal-day gut solve, h (docs/model/mineral.md: fixed-step RK4 at 0.02 h)"),
                    Map.entry("0.1", "coarse RK4 step of the continuous-input start, h (solver setting)"),
                    Map.entry("1e-10", "Newton / Brent tolerance of the derived Vmax (solver setting)"),
                    Map.entry("1e-9", "solver tolerance / step-count rounding guard"),
                    Map.entry("1e-6", GUARD),
                    Map.entry("1e-13", "Illinois / periodicity tolerance (solver setting)"),
                    Map.entry("1e-15", "Illinois / Brent tolerance (solver setting)"),
                    Map.entry("1e-11", "periodicity tolerance (solver setting)"),
                    Map.entry("1e-12", "Brent function tolerance (solver setting)"),
                    Map.entry("0.75", "LinkedHashMap load factor (cache, not a model value)"),
                    Map.entry("0.5", "RK4 half step"),
                    Map.entry("6", "RK4 weights h/6"),
                    Map.entry("4", "quadratic formula b^2 - 4ac"),
                    Map.entry("24", HOURS_PER_DAY),
                    Map.entry("60", "bracket expansion limit (solver setting)"),
                    Map.entry("200", "solver iteration limit (solver setting)"),
                    Map.entry("5", "order of the bracketing Brent solver (solver setting)"))),
            Map.entry("mineral/MineralBlock.java", Map.ofEntries(
                    Map.entry("0.5", P_AND_R + ": FCTD = (S/0.5) PTmax, R/0.5, CaFilt = 0.6 x 0.5 x GFR x Ca, initial S = R = 0.5;"
                            + " the option's Hill law in R normalised at R = 0.5; the square-root test of a remembered power"),
                    Map.entry("0.85", P_AND_R + ": T75, T76 = T70 (0.85 (1 +- tanh) + 0.15)"),
                    Map.entry("0.15", P_AND_R + ": T75, T76 = T70 (0.85 (1 +- tanh) + 0.15)"),
                    Map.entry("0.06", "mL/min to L/h (x 60 / 1000); also the GFR floor of 1 mL/min"),
                    Map.entry("1e-6", GUARD),
                    Map.entry("1e-9", "event-time comparison tolerance, h"),
                    Map.entry("1e-12", GUARD),
                    Map.entry("4", "quadratic formula b^2 - 4ac; the Hill exponent 4 test of a remembered power"),
                    Map.entry("24", HOURS_PER_DAY))),
            Map.entry("mineral/SoftTissueSink.java", Map.of(
                    "0.6", "P/Ca molar ratio of hydroxyapatite Ca10(PO4)6(OH)2, stoichiometry")),
            Map.entry("wall/ArterialStiffness.java", Map.of(
                    "0.1", GUARD + " (resistance ratio floor)",
                    "0.5", "the square-root test of a remembered power (pwvPressureExponent 0.5 as Math.sqrt)",
                    "60", "reference age 60 y of the expected PWV (pwvRefAt60MPerS; docs/model/wall.md)",
                    "10", "years per decade (pwvAgeRelPerDecade)",
                    "3", "mean arterial pressure = DBP + PP/3 (the clinical formula)")),
            Map.entry("wall/CtScoreSurrogate.java", Map.of(
                    "1000.0", "mm3 per cm3",
                    "200", "Agatston density weight steps at 200 / 300 / 400 HU (Agatston 1990; docs/model/imaging.md)",
                    "300", "Agatston density weight steps at 200 / 300 / 400 HU (Agatston 1990; docs/model/imaging.md)",
                    "400", "Agatston density weight steps at 200 / 300 / 400 HU (Agatston 1990; docs/model/imaging.md)",
                    "5", "upper limit of the fitted mass recovery in the CT geometry check (the catalog's range top)")),
            Map.entry("wall/IntimalCalcification.java", Map.of(
                    "0.05", GUARD + " (floors before a power: non-HDL at 0.05 x its reference, hs-CRP at 0.05 mg/L)",
                    "60", AGE_60 + "; and an SBP floor of 60 mmHg before a power (guard)")),
            Map.entry("wall/LeftVentricle.java", Map.of(
                    "0.2", GUARD + " (the initial LV mass's denominator k_r - load kept >= 0.2 k_r: finite when growth outruns regression)")),
            Map.entry("wall/MedialCalcification.java", Map.of(
                    "60", AGE_60 + "; uraemic drive 0 at eGFR >= 60, U = u_CKD clip((60 - eGFR)/45) (docs/model/wall.md)",
                    "45", "uraemic drive reaches u_CKD at eGFR 15: U = u_CKD clip((60 - eGFR)/45) (docs/model/wall.md)")),
            Map.entry("wall/WallBlock.java", Map.of(
                    "10.0", "10 Ca per hydroxyapatite formula unit, stoichiometry",
                    "0.75", "LinkedHashMap load factor (cache, not a model value)",
                    "1e-9", "history loop end tolerance, y",
                    "60", AGE_60,
                    "90", "eGFR held >= 90 before the history's CKD years (docs/model/wall.md, Baseline)",
                    "120", "stroke hazard 2^{(SBP - 120)/20} (Lewington 2002; docs/model/wall.md, Events)",
                    "3", "three CT readouts per bed (index arithmetic)")),
            Map.entry("wall/Windkessel.java", Map.of(
                    "60.0", "seconds per minute (heart period from the rate)")));

    @Test
    void everyNumberInTheModelsEquationsIsACatalogRowOrListedWithItsReason() throws IOException {
        Map<String, TreeSet<String>> found = found();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, TreeSet<String>> e : found.entrySet()) {
            Map<String, String> allowed = ALLOWED.getOrDefault(e.getKey(), Map.of());
            for (String literal : e.getValue()) {
                if (!allowed.containsKey(literal)) {
                    problems.add(e.getKey() + ": literal " + literal + " is neither a catalog row nor listed with its reason");
                }
            }
            for (String literal : allowed.keySet()) {
                if (!e.getValue().contains(literal)) {
                    problems.add(e.getKey() + ": listed literal " + literal + " no longer occurs; remove it from ALLOWED");
                }
            }
        }
        for (String file : ALLOWED.keySet()) {
            if (!found.containsKey(file)) {
                problems.add(file + ": listed, but no such model source");
            }
        }
        assertThat(problems).as("model literals (ModelLiteralsTest's ALLOWED)").isEmpty();
    }

    @Test
    void theScannerIgnoresCommentsStringsAndTolerancesAndSeesArithmetic() {
        String src = """
                // 0.37 in a comment
                /* 0.38 in a block
                   comment */
                static final int INDEX = 17;
                v("caEcf", "mmol", 1e-6, TimeScale.FAST, "0.39 in a string");
                double a = k * 0.41 + Math.exp(r * (age - 60)) / 45;
                double b = x[3] + new double[5].length + Math.max(egfr, 90);
                String m = fmt(b, 4) + 0.42;
                return 31 * Double.hashCode(b);
                """;
        assertThat(literals(src)).containsExactlyInAnyOrder("0.41", "60", "45", "90");
    }

    private static Map<String, TreeSet<String>> found() throws IOException {
        Map<String, TreeSet<String>> out = new TreeMap<>();
        for (String pkg : PACKAGES) {
            try (Stream<Path> files = Files.list(ROOT.resolve(pkg))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                    if (LEFT_OUT.contains(f.getFileName().toString())) {
                        continue;
                    }
                    out.put(pkg + "/" + f.getFileName(), literals(Files.readString(f, StandardCharsets.UTF_8)));
                }
            }
        }
        return out;
    }

    static TreeSet<String> literals(String source) {
        TreeSet<String> out = new TreeSet<>();
        for (String line : code(source).split("\n", -1)) {
            String t = line.strip();
            if (t.contains("StateVariable(") || t.startsWith("v(\"") || t.matches("^(private |public )?static final int .*")
                    || t.matches("^[A-Z_0-9]+ = \\d+.*") || t.contains("hashCode") || t.contains("fmt(")) {
                continue; // tolerances of state declarations, index constants, hash codes, message digits
            }
            Matcher m = NUMBER.matcher(line);
            while (m.find()) {
                String lit = m.group(1);
                boolean decimal = lit.contains(".") || lit.contains("e") || lit.contains("E");
                if (decimal) {
                    if (!lit.equals("0.0") && !lit.equals("1.0") && !lit.equals("2.0")) {
                        out.add(lit);
                    }
                } else if (Long.parseLong(lit) >= 3 && arithmeticOperand(line, m.start(), m.end())) {
                    out.add(lit);
                }
            }
        }
        return out;
    }

    /** Whether the integer at [start, end) is an operand of + - * / or of a comparison (not an index or size). */
    private static boolean arithmeticOperand(String line, int start, int end) {
        int before = start - 1;
        while (before >= 0 && line.charAt(before) == ' ') {
            before--;
        }
        int after = end;
        while (after < line.length() && line.charAt(after) == ' ') {
            after++;
        }
        char b = before >= 0 ? line.charAt(before) : ' ';
        char a = after < line.length() ? line.charAt(after) : ' ';
        if (b == '[' || a == ']') {
            return false;
        }
        // a function's last argument, e.g. a floor atLeast(x, 60) or Math.max(eGFR, 90)
        return "+-*/<>=".indexOf(b) >= 0 || "+-*/<>".indexOf(a) >= 0 || b == ',' && a == ')';
    }

    /** The source with comments blanked and string and char literals emptied (line breaks kept). */
    static String code(String src) {
        StringBuilder sb = new StringBuilder(src.length());
        int i = 0;
        int n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (src.startsWith("//", i)) {
                while (i < n && src.charAt(i) != '\n') {
                    i++;
                }
            } else if (src.startsWith("/*", i)) {
                int end = src.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                src.substring(i, end).chars().filter(ch -> ch == '\n').forEach(ch -> sb.append('\n'));
                i = end;
            } else if (src.startsWith("\"\"\"", i)) {
                int end = src.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end + 3;
                sb.append("\"\"");
                src.substring(i, end).chars().filter(ch -> ch == '\n').forEach(ch -> sb.append('\n'));
                i = end;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && src.charAt(j) != c) {
                    j += src.charAt(j) == '\\' ? 2 : 1;
                }
                sb.append(c).append(c);
                i = j + 1;
            } else {
                sb.append(c);
                i++;
            }
        }
        return sb.toString();
    }
}

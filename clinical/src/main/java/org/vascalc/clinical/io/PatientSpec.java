package org.vascalc.clinical.io;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.vascalc.clinical.input.CreatinineUnit;
import org.vascalc.clinical.input.LipidUnit;
import org.vascalc.clinical.input.Race;
import org.vascalc.clinical.input.RiskInput;
import org.vascalc.clinical.prevent.CkdEpi2021;
import org.vascalc.clinical.serial.Scan;
import org.vascalc.clinical.serial.SerialContext;
import org.vascalc.clinical.serial.SerialScans;
import org.vascalc.core.input.EditDistance;
import org.vascalc.core.input.InputProblem;
import org.vascalc.core.input.InputProblems;
import org.vascalc.core.input.ValidRange;
import org.vascalc.core.patient.Sex;

/**
 * A person as written in a patient file or on the command line: every field optional and in the
 * user's units, exactly the keys of the file format (see {@code examples/patients/}). {@link #resolve}
 * turns it into the module's typed inputs, collecting every problem with its field path.
 */
public record PatientSpec(Double age, String sex, String race, Double totalCholesterol, Double hdlCholesterol,
                          String lipidUnit, Double systolicBp, Boolean bpTreated, Boolean statin, Boolean diabetes,
                          Boolean smoker, Boolean familyHistory, Double bmi, Double egfr, Double creatinine,
                          String creatinineUnit, Double cac, Integer cacVessels, Boolean vitaminK2,
                          List<ScanSpec> scans) {

    /** One scan as written: ISO date and Agatston score. */
    public record ScanSpec(String date, Double agatston) {
    }

    /** The keys a patient file may contain. */
    public static final List<String> KEYS = List.of("age", "sex", "race", "totalCholesterol", "hdlCholesterol",
            "lipidUnit", "systolicBp", "bpTreated", "statin", "diabetes", "smoker", "familyHistory", "bmi", "egfr",
            "creatinine", "creatinineUnit", "cac", "cacVessels", "vitaminK2", "scans");

    public PatientSpec {
        scans = scans == null ? List.of() : List.copyOf(scans);
    }

    public static PatientSpec empty() {
        return new PatientSpec(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, List.of());
    }

    /** This spec with every field that {@code over} sets replaced (command-line flags over a file). */
    public PatientSpec overriddenBy(PatientSpec over) {
        return new PatientSpec(pick(over.age, age), pick(over.sex, sex), pick(over.race, race),
                pick(over.totalCholesterol, totalCholesterol), pick(over.hdlCholesterol, hdlCholesterol),
                pick(over.lipidUnit, lipidUnit), pick(over.systolicBp, systolicBp), pick(over.bpTreated, bpTreated),
                pick(over.statin, statin), pick(over.diabetes, diabetes), pick(over.smoker, smoker),
                pick(over.familyHistory, familyHistory), pick(over.bmi, bmi), pick(over.egfr, egfr),
                pick(over.creatinine, creatinine), pick(over.creatinineUnit, creatinineUnit), pick(over.cac, cac),
                pick(over.cacVessels, cacVessels), pick(over.vitaminK2, vitaminK2),
                over.scans.isEmpty() ? scans : over.scans);
    }

    private static <T> T pick(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }

    /** The typed inputs; throws {@link org.vascalc.core.input.InvalidInputException} listing every problem. */
    public ResolvedPatient resolve() {
        return resolve(Clock.systemDefaultZone());
    }

    /** As {@link #resolve()}, with today's date from {@code clock} (a scan after it is refused). */
    public ResolvedPatient resolve(Clock clock) {
        LocalDate today = LocalDate.now(clock);
        InputProblems p = new InputProblems();
        require(age, "age", "age in years", p);
        Sex sexValue = null;
        if (sex == null) {
            p.error("sex", "missing: give sex as female or male");
        } else {
            sexValue = Sex.parse(sex).orElse(null);
            if (sexValue == null) {
                // a typo gets the guess every reader's names get, from the one shared helper
                p.error("sex", "sex = '" + sex + "' is not one of: female, male (or f, m, woman, man)"
                        + EditDistance.didYouMean(sex.strip(), List.of("female", "male", "woman", "man")));
            }
        }
        Race raceValue = null;
        if (race == null) {
            p.error("race", "missing: give race as white, black, chinese, hispanic or other");
        } else if ((raceValue = Race.parse(race)) == null) {
            p.error("race", "race = '" + race + "' is not one of: white, black, chinese, hispanic, other (or caucasian, "
                    + "african-american, aa, chinese-american, latino, latina)" + EditDistance.didYouMean(race.strip(),
                    List.of("white", "black", "chinese", "hispanic", "other", "caucasian", "african-american",
                            "chinese-american", "latino", "latina")));
        }
        LipidUnit unit = LipidUnit.MG_PER_DL;
        if (lipidUnit != null && (unit = LipidUnit.parse(lipidUnit)) == null) {
            p.error("lipidUnit", "lipidUnit = '" + lipidUnit + "' is not one of: mg/dL, mmol/L (or mgdl, mmol)");
            unit = LipidUnit.MG_PER_DL;
        }
        // a calcium score (or a scan, whose latest score stands in for it) is enough for its percentile and
        // CAC-DRS, which need none of the lipids or the pressure; without one, nothing can be computed without them
        if (cac == null && scans.isEmpty()) {
            String orScore = " for the risk scores, or a coronary calcium score alone for its percentile and CAC-DRS";
            require(totalCholesterol, "totalCholesterol", "total cholesterol (" + unit.symbol() + ")" + orScore, p);
            require(hdlCholesterol, "hdlCholesterol", "HDL cholesterol (" + unit.symbol() + ")" + orScore, p);
            require(systolicBp, "systolicBp", "systolic blood pressure (mmHg)" + orScore, p);
        }
        List<Scan> scanList = new ArrayList<>();
        for (int i = 0; i < scans.size(); i++) {
            ScanSpec s = scans.get(i);
            String path = "scans[" + i + "]";
            if (s == null) {
                p.error(path, "each scan needs a date (YYYY-MM-DD) and an Agatston score");
                continue;
            }
            // each missing half at its own key (scans[2].agatston), as PatientFiles names it in a file, which the
            // web form shows by its label ("Scan 3 score"); review10: "an agatston score", the key in lower case
            if (s.date() == null) {
                p.error(path + ".date", "missing: give the scan date as YYYY-MM-DD");
            }
            if (s.agatston() == null) {
                p.error(path + ".agatston", "missing: give the Agatston score (Agatston units, "
                        + ValidRange.fmt(SerialScans.AGATSTON.hardLow()) + " to "
                        + ValidRange.fmt(SerialScans.AGATSTON.hardHigh()) + ")");
            }
            if (s.date() == null || s.agatston() == null) {
                continue;
            }
            // the scan's own score is checked here, under its own path: the latest one also stands in for a
            // missing cac, and was then reported as "cac", a field the user never gave
            SerialScans.AGATSTON.check(s.agatston(), path + ".agatston", p);
            try {
                LocalDate date = LocalDate.parse(s.date().trim());
                scanList.add(new Scan(date, s.agatston()));
                if (date.isAfter(today)) {
                    // a typed year (2042 for 2024) would otherwise go into the interval and the expected score;
                    // refused, not warned (review10: a warning let 2030 and 2031 through without a word)
                    p.error(path + ".date", "date = " + date + " is after today: allowed on or before " + today
                            + " (check the year)");
                }
            } catch (DateTimeParseException e) {
                p.error(path + ".date", "date = '" + s.date() + "' is not an ISO date (YYYY-MM-DD)");
            }
        }
        CreatinineUnit crUnit = CreatinineUnit.MG_PER_DL;
        if (creatinineUnit != null && (crUnit = CreatinineUnit.parse(creatinineUnit)) == null) {
            p.error("creatinineUnit", "creatinineUnit = '" + creatinineUnit + "' is not one of: mg/dL, umol/L (or mgdl, µmol/L, umol)");
            crUnit = CreatinineUnit.MG_PER_DL;
        }
        if (p.hasErrors()) {
            // Missing or malformed fields stop here; say in the same answer which given values are out of
            // range too (a complete input is checked again, with the same ranges, by RiskInput.checkPlausible).
            checkGivenRanges(unit, p);
        } else {
            // RiskInput checks cholesterol in mg/dL; a value out of range is named here in its own unit
            // (with the hint when the unit looks wrong), with every other out-of-range value
            InputProblems lipids = new InputProblems();
            if (totalCholesterol != null) {
                checkLipid(RiskInput.TOTAL_CHOLESTEROL, totalCholesterol, unit, "totalCholesterol", lipids);
            }
            if (hdlCholesterol != null) {
                checkLipid(RiskInput.HDL_CHOLESTEROL, hdlCholesterol, unit, "hdlCholesterol", lipids);
            }
            if (lipids.hasErrors()) {
                checkGivenRanges(unit, p);
            }
        }
        if (creatinine != null && !p.all().stream().anyMatch(x -> x.path().equals("creatinine"))) {
            checkCreatinine(creatinine, crUnit, p);
        }
        p.throwIfErrors("patient");
        OptionalDouble egfrValue = egfr != null ? OptionalDouble.of(egfr) : OptionalDouble.empty();
        if (egfr == null && creatinine != null) {
            double computed = CkdEpi2021.egfr(creatinine, crUnit, age, sexValue);
            egfrValue = OptionalDouble.of(computed);
            p.warning("egfr", String.format(Locale.ROOT, "%.1f mL/min/1.73 m², computed from creatinine %s %s"
                    + " with CKD-EPI 2021 (Inker 2021)", computed, creatinine, crUnit.symbol()));
        } else if (egfr != null && creatinine != null) {
            p.warning("creatinine", "both eGFR and creatinine given: the eGFR is used as given");
        }
        OptionalDouble cacValue = cac != null ? OptionalDouble.of(cac) : OptionalDouble.empty();
        if (cac == null && !scanList.isEmpty()) {
            Scan latest = scanList.stream().max(Comparator.comparing(Scan::date)).orElseThrow();
            cacValue = OptionalDouble.of(latest.agatston());
            p.warning("cac", "no calcium score given: the latest scan's score (" + au(latest.agatston()) + " AU, "
                    + latest.date() + ") is used for the risk scores, percentile and CAC-DRS");
        } else if (cac != null && !scanList.isEmpty()) {
            // a cac that is not the latest scan's score was used without a word (review7)
            Scan latest = scanList.stream().max(Comparator.comparing(Scan::date)).orElseThrow();
            if (Double.compare(cac, latest.agatston()) != 0) {
                p.warning("cac", "cac = " + au(cac) + " AU differs from the latest scan's score ("
                        + au(latest.agatston()) + " AU, " + latest.date() + "): the risk scores, percentile and CAC-DRS"
                        + " use this score; the serial reading uses the scans");
            }
        }
        if (cacVessels != null && cacValue.isEmpty()) { // it was dropped without a word
            p.warning("cacVessels", "cacVessels = " + cacVessels + " given without a calcium score: CAC-DRS needs the "
                    + "calcium score for its category, so the number of arteries is not used");
        }
        // the flags enter only the risk scores (and the statin the serial reading): for a CT report alone, which
        // gives no score, "assumed no" five times said nothing the answer used
        boolean anyScoreFactor = totalCholesterol != null || hdlCholesterol != null || systolicBp != null;
        for (String flag : List.of("bpTreated", "statin", "diabetes", "smoker", "familyHistory")) {
            boolean used = anyScoreFactor || flag.equals("statin") && scanList.size() >= 2;
            if (used && flagValue(flag) == null) {
                p.warning(flag, flag + " not given: assumed no");
            }
        }
        RiskInput input = new RiskInput(age, sexValue, raceValue, mgDl(totalCholesterol, unit),
                mgDl(hdlCholesterol, unit), given(systolicBp), isTrue(bpTreated), isTrue(statin), isTrue(diabetes),
                isTrue(smoker), isTrue(familyHistory), bmi != null ? OptionalDouble.of(bmi) : OptionalDouble.empty(),
                egfrValue, cacValue, cacVessels != null ? OptionalInt.of(cacVessels) : OptionalInt.empty());
        SerialContext context = new SerialContext(sexValue, isTrue(vitaminK2), isTrue(statin));
        return new ResolvedPatient(input, scanList, context, p.warnings());
    }

    private static OptionalDouble given(Double v) {
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    private static OptionalDouble mgDl(Double v, LipidUnit unit) {
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(unit.toMgDl(v));
    }

    /** An Agatston score as typed: 120, not 120.0; 12.5 stays 12.5. */
    private static String au(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private Boolean flagValue(String name) {
        return switch (name) {
            case "bpTreated" -> bpTreated;
            case "statin" -> statin;
            case "diabetes" -> diabetes;
            case "smoker" -> smoker;
            case "familyHistory" -> familyHistory;
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static boolean isTrue(Boolean b) {
        return Boolean.TRUE.equals(b);
    }

    /**
     * The given values' ranges, each in its own unit (an unknown lipid or creatinine unit as mg/dL, whose
     * problem is named already): PatientFiles adds them to a file it refuses for another reason, so that the
     * file's problems come all at once.
     */
    void checkGivenRanges(InputProblems p) {
        LipidUnit unit = lipidUnit == null ? null : LipidUnit.parse(lipidUnit);
        checkGivenRanges(unit == null ? LipidUnit.MG_PER_DL : unit, p);
        CreatinineUnit crUnit = creatinineUnit == null ? null : CreatinineUnit.parse(creatinineUnit);
        if (creatinine != null) {
            checkCreatinine(creatinine, crUnit == null ? CreatinineUnit.MG_PER_DL : crUnit, p);
        }
    }

    private void checkGivenRanges(LipidUnit unit, InputProblems p) {
        if (age != null) {
            RiskInput.AGE.check(age, "age", p);
        }
        if (totalCholesterol != null) {
            checkLipid(RiskInput.TOTAL_CHOLESTEROL, totalCholesterol, unit, "totalCholesterol", p);
        }
        if (hdlCholesterol != null) {
            checkLipid(RiskInput.HDL_CHOLESTEROL, hdlCholesterol, unit, "hdlCholesterol", p);
        }
        if (systolicBp != null) {
            RiskInput.SYSTOLIC_BP.check(systolicBp, "systolicBp", p);
        }
        if (bmi != null) {
            RiskInput.BMI.check(bmi, "bmi", p);
        }
        if (egfr != null) {
            RiskInput.EGFR.check(egfr, "egfr", p);
        }
        if (cac != null) {
            RiskInput.CAC.check(cac, "cac", p);
        }
        if (cacVessels != null) {
            RiskInput.VESSELS.check(cacVessels, "cacVessels", p);
        }
    }

    /**
     * Checks a cholesterol value in the unit it was given in (the message names the value as typed,
     * not its mg/dL conversion) and, when it is out of range but would fit in the other unit (5.4
     * given as mg/dL), says so: the likeliest mistake is the unit.
     */
    private static void checkLipid(ValidRange mgDl, double value, LipidUnit unit, String path, InputProblems p) {
        ValidRange range = unit == LipidUnit.MG_PER_DL ? mgDl : converted(mgDl, unit.symbol(), unit.fromMgDl(mgDl.hardLow()),
                unit.fromMgDl(mgDl.hardHigh()));
        InputProblems own = new InputProblems();
        if (range.check(value, path, own)) {
            own.all().forEach(p::add);
            return;
        }
        LipidUnit other = unit == LipidUnit.MG_PER_DL ? LipidUnit.MMOL_PER_L : LipidUnit.MG_PER_DL;
        ValidRange otherRange = other == LipidUnit.MG_PER_DL ? mgDl : converted(mgDl, other.symbol(),
                other.fromMgDl(mgDl.hardLow()), other.fromMgDl(mgDl.hardHigh()));
        // given as mg/dL: the one wording of every form and the library (RiskFactors.mmolPerLHint: "if it is in
        // mmol/L, 1.3 mmol/L is 50 mg/dL"; leftovers23), then how to say so here
        String mmol = unit == LipidUnit.MG_PER_DL ? org.vascalc.core.patient.RiskFactors.mmolPerLHint(mgDl, value) : null;
        String hint = mmol != null ? "; " + mmol + ": give the lipid unit as mmol/L"
                : otherRange.allows(value) ? "; if it is in " + other.symbol() + ", give the lipid unit as " + other.symbol()
                : "";
        for (InputProblem q : own.all()) {
            p.add(new InputProblem(q.path(), q.message() + hint, q.severity()));
        }
    }

    /**
     * Checks a serum creatinine in the unit it was given in (88 is named as 88 mg/dL, not converted)
     * and, when it is out of range but would fit in the other unit, says so: 88 is a normal value in
     * µmol/L, an impossible one in mg/dL.
     */
    private static void checkCreatinine(double value, CreatinineUnit unit, InputProblems p) {
        ValidRange mgDl = org.vascalc.clinical.prevent.CkdEpi2021.CREATININE;
        ValidRange range = unit == CreatinineUnit.MG_PER_DL ? mgDl : converted(mgDl, unit.symbol(),
                unit.fromMgDl(mgDl.hardLow()), unit.fromMgDl(mgDl.hardHigh()));
        InputProblems own = new InputProblems();
        if (range.check(value, "creatinine", own)) {
            return;
        }
        CreatinineUnit other = unit == CreatinineUnit.MG_PER_DL ? CreatinineUnit.UMOL_PER_L : CreatinineUnit.MG_PER_DL;
        ValidRange otherRange = other == CreatinineUnit.MG_PER_DL ? mgDl : converted(mgDl, other.symbol(),
                other.fromMgDl(mgDl.hardLow()), other.fromMgDl(mgDl.hardHigh()));
        String hint = otherRange.allows(value)
                ? "; if it is in " + other.symbol() + ", give the creatinine unit as "
                        + (other == CreatinineUnit.UMOL_PER_L ? "umol/L" : "mg/dL") : ""; // as the flag and form spell it
        for (InputProblem q : own.all()) {
            p.add(new InputProblem(q.path(), q.message() + hint, q.severity()));
        }
    }

    /**
     * A range converted from mg/dL into another unit, its ends rounded INWARD to three significant
     * digits (50 to 700 mg/dL of cholesterol is 1.29299 to 18.1019 mmol/L; it is checked and shown as
     * [1.3, 18.1] mmol/L). The range shown is the range enforced, and it lies inside the mg/dL range
     * the scores check again after conversion, so a value accepted here is never refused there.
     */
    public static ValidRange converted(ValidRange mgDl, String unit, double low, double high) {
        return ValidRange.of(mgDl.field(), unit, threeDigits(low, java.math.RoundingMode.CEILING),
                threeDigits(high, java.math.RoundingMode.FLOOR));
    }

    private static double threeDigits(double v, java.math.RoundingMode direction) {
        // first to 12 digits, so that 0.1 * 88.4 = 8.840000000000002 rounds up to 8.84, not 8.85
        java.math.BigDecimal clean = new java.math.BigDecimal(v).round(new java.math.MathContext(12));
        return clean.round(new java.math.MathContext(3, direction)).doubleValue();
    }

    private static void require(Double v, String path, String what, InputProblems p) {
        if (v == null) {
            p.error(path, "missing: give " + what);
        }
    }
}

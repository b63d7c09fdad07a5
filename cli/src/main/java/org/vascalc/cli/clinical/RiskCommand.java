package org.vascalc.cli.clinical;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.vascalc.clinical.assessment.Assessment;
import org.vascalc.clinical.assessment.ClinicalAssessment;
import org.vascalc.clinical.input.LipidUnit;
import org.vascalc.clinical.io.PatientFiles;
import org.vascalc.clinical.io.PatientSpec;
import org.vascalc.clinical.io.ResolvedPatient;
import org.vascalc.clinical.serial.SerialScans;
import org.vascalc.core.input.InputProblem;
import org.vascalc.core.input.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code vascalc risk}: published risk scores, CAC percentile and category, and the reading of
 * serial scans. Maps flags and a patient file onto {@link PatientSpec} and prints the library's
 * {@link Assessment}; no clinical logic here.
 */
@Command(name = "risk",
        header = "Risk scores with and without coronary calcium, CAC percentile, CAC-DRS, serial scans.",
        mixinStandardHelpOptions = true, versionProvider = org.vascalc.cli.BuildInfo.VersionProvider.class,
        sortOptions = false,
        // picocli's synopsis of some twenty options broke "[--[no-]smoker]" across two lines
        customSynopsis = {
            "vascalc risk [--patient=FILE] [--age=YEARS --sex=SEX --race=RACE --tc=VALUE --hdl=VALUE --sbp=MMHG]",
            "                    [--cac=AU] [OPTION...] [--scan=DATE=SCORE]... [--json]"},
        description = {
            "Cardiovascular risk with and without coronary calcium (MESA, PCE, revised PCE, PREVENT),",
            "the MESA CAC percentile, the CAC-DRS category and the interpretation of serial calcium scans.",
            "Give the patient as a YAML/JSON file (--patient) and/or as flags; flags override the file.",
            "Required (as flags or in the file): age, sex and race, with total cholesterol, HDL and systolic",
            "pressure for the risk scores, or a calcium score (--cac, or --scan) for its percentile and CAC-DRS",
            "alone (a CT report without lipids: the risk scores are then named as not computed, with what they",
            "need); the rest are optional. A value outside its range below is refused; inside it, a score whose own",
            "derivation range excludes the value says so in its row (n/a, or a warning).",
            // review10: InputEnvelopes.risk(), word for word (RiskCommandTest holds them together)
            "eGFR 1 to 250 mL/min/1.73 m² and systolic 60 to 280 mmHg are the risk equations' input limits, wider",
            "than the simulation's (eGFR 1 to 200 mL/min/1.73 m², systolic 70 to 260 mmHg on /compare and in",
            "scenario files): eGFR reaches 250 because CKD-EPI 2021 gives up to 246.5 from the lowest accepted",
            "creatinine, and each score warns outside the data it was derived from."},
        footer = {"",
            "Examples:",
            "  ./vascalc risk --age 58 --sex male --race white --tc 5.4 --hdl 1.2 --lipid-unit mmol/L \\",
            "                 --sbp 138 --bp-treated --bmi 27 --egfr 85 --cac 120 --cac-vessels 2",
            "  ./vascalc risk --age 55 --sex male --race white --cac 120      (percentile and CAC-DRS alone)",
            "  ./vascalc risk --patient examples/patients/k2-falling-score.yaml --json",
            "  ./vascalc risk --patient examples/patients/k2-falling-score.yaml --scan 2019-05-01=180 --scan 2024-05-01=150",
            "",
            "Exit codes: 0 done, 1 bad input (the message names the field and the allowed range), 2 internal error."})
public final class RiskCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--patient", paramLabel = "FILE", description = "Patient file (YAML, or JSON if it ends in .json).")
    private Path patientFile;

    @Option(names = "--age", paramLabel = "YEARS", description = "Age in years, 18 to 110.")
    private Double age;

    @Option(names = "--sex", paramLabel = "SEX", description = "Sex: female or male (f, m, woman, man are taken too).")
    private String sex;

    @Option(names = "--race", paramLabel = "RACE", description = "Race: white, black, chinese, hispanic or other (caucasian, african-american, aa, "
            + "chinese-american, latino, latina are taken too).")
    private String race;

    @Option(names = {"--tc", "--total-cholesterol"}, paramLabel = "VALUE", description = "Total cholesterol, in --lipid-unit; 50 to 700 mg/dL (1.3 to 18.1 mmol/L).")
    private Double totalCholesterol;

    @Option(names = "--hdl", paramLabel = "VALUE", description = "HDL cholesterol, in --lipid-unit; 5 to 200 mg/dL (0.13 to 5.17 mmol/L).")
    private Double hdl;

    @Option(names = "--lipid-unit", paramLabel = "UNIT", description = "Lipid unit: mg/dL (default) or mmol/L (mgdl, mmol are taken too; any case).")
    private String lipidUnit;

    @Option(names = "--sbp", paramLabel = "MMHG", description = "Systolic blood pressure, mmHg, 60 to 280.")
    private Double sbp;

    @Option(names = "--bp-treated", negatable = true, description = "On blood-pressure medication.")
    private Boolean bpTreated;

    @Option(names = "--statin", negatable = true, description = "On a statin (lipid-lowering medication).")
    private Boolean statin;

    @Option(names = "--diabetes", negatable = true, description = "Has diabetes.")
    private Boolean diabetes;

    @Option(names = "--smoker", negatable = true, description = "Current smoker.")
    private Boolean smoker;

    @Option(names = "--family-history", negatable = true, description = "Heart attack in a parent, sibling or child.")
    private Boolean familyHistory;

    @Option(names = "--bmi", paramLabel = "KG/M2", description = "Body-mass index, kg/m², 10 to 90 (PREVENT heart failure).")
    private Double bmi;

    @Option(names = "--egfr", paramLabel = "ML/MIN", description = "Estimated GFR (eGFR), mL/min/1.73 m², 1 to 250 (PREVENT).")
    private Double egfr;

    @Option(names = "--creatinine", paramLabel = "VALUE", description = "Serum creatinine, in --creatinine-unit; 0.1 to 25 mg/dL (8.84 to 2210 umol/L); gives eGFR by CKD-EPI 2021.")
    private Double creatinine;

    @Option(names = "--creatinine-unit", paramLabel = "UNIT", description = "Creatinine unit: mg/dL (default) or umol/L (mgdl, µmol/L, umol are taken too; any case).")
    private String creatinineUnit;

    @Option(names = "--cac", paramLabel = "AU", description = "Coronary artery calcium, Agatston units, 0 to 50000.")
    private Double cac;

    @Option(names = "--cac-vessels", paramLabel = "N", description = "Number of coronary arteries with calcium (0-4), for CAC-DRS N1-N4.")
    private Integer cacVessels;

    @Option(names = "--vitamin-k2", negatable = true, description = "Took vitamin K2 between the scans.")
    private Boolean vitaminK2;

    @Option(names = "--scan", paramLabel = "DATE=SCORE", description = "A dated scan: its date (YYYY-MM-DD) and Agatston score, Agatston units, 0 to 50000, e.g. "
            + "2021-03-01=140; repeat for serial interpretation (two or more).")
    private List<String> scans = new ArrayList<>();

    @Option(names = "--json", description = "Print JSON instead of a table: each score's risk is "
            + "`risk`, a fraction from 0 to 1, and `riskPercent`, the same in percent as the table prints it.")
    private boolean json;

    @Override
    public Integer call() {
        PatientSpec fromFile = patientFile == null ? PatientSpec.empty() : PatientFiles.read(patientFile);
        Scans parsed = parseScans(scans);
        PatientSpec fromFlags = new PatientSpec(age, sex, race, totalCholesterol, hdl, lipidUnit, sbp, bpTreated,
                statin, diabetes, smoker, familyHistory, bmi, egfr, creatinine, creatinineUnit, cac, cacVessels,
                vitaminK2, parsed.specs());
        // a --scan that is not DATE=SCORE is named with every other problem, not alone before them (review,
        // fortieth session: "--scan foo --scan 2021-13-01=140" named only foo)
        List<InputProblem> problems = new ArrayList<>(parsed.problems());
        Assessment assessment = null;
        PatientSpec merged = fromFile.overriddenBy(fromFlags);
        try {
            ResolvedPatient patient = merged.resolve();
            // inside the try: a value refused only by a score (--cac-vessels 7) is named by its flag too
            assessment = ClinicalAssessment.assess(patient.input(), patient.notes(), patient.scans(), patient.context());
        } catch (InvalidInputException e) {
            // review15: "--scan 2021-01-01 --scan 2022-01-01=120" named the malformed scan and then "needs at least
            // two scans; got 1", the one left: the user gave two, and the real problem is already named
            e.problems().stream().filter(p -> parsed.problems().isEmpty() || !SerialScans.isTooFewScans(p))
                    .forEach(p -> problems.add(new InputProblem(parsed.typedPath(p.path()), p.message(), p.severity())));
        }
        if (problems.stream().anyMatch(p -> p.severity() == InputProblem.Severity.ERROR)) {
            // in the form's order, as /risk and /api/risk list them (RiskFieldOrder; the sort keeps found order among equals)
            throw new InvalidInputException("patient", problems.stream()
                    .sorted(java.util.Comparator.comparingInt(p -> RiskFieldOrder.rank(p.path())))
                    .map(p -> new InputProblem(withFlag(p.path()), p.message(), p.severity())).toList());
        }
        var out = spec.commandLine().getOut();
        // the lipids echoed in the unit they were given in (a unit that is no unit was refused above)
        LipidUnit given = merged.lipidUnit() == null ? LipidUnit.MG_PER_DL : LipidUnit.parse(merged.lipidUnit());
        // a patient file's user is told the file's keys (totalCholesterol) the scores need, a user of flags the flags
        // (riskunit); the JSON names both (needs[].field and .option) and its message is the table's line (leftovers32)
        AssessmentPrinter.Naming naming = patientFile == null ? AssessmentPrinter.Naming.COMMAND_LINE
                : AssessmentPrinter.Naming.PATIENT_FILE;
        out.print(json ? AssessmentPrinter.json(assessment, AssessmentPrinter.Naming.COMMAND_LINE, naming)
                : AssessmentPrinter.table(assessment, given, naming));
        out.flush();
        return 0;
    }

    /** The option that sets a patient field: {@code --tc} for {@code totalCholesterol}, {@code --age} for {@code age}. */
    static String flagOf(String key) {
        String own = withFlag(key);
        return own.equals(key) ? "--" + key : own.substring(own.indexOf("(") + 1, own.length() - 1);
    }

    /**
     * A patient field's key as a patient file spells it, with the flag that sets it where the two
     * differ: {@code totalCholesterol (--tc)}, so a user of flags knows which one to give.
     */
    static String withFlag(String path) {
        String flag = switch (path.replaceFirst("\\[.*", "")) {
            case "totalCholesterol" -> "--tc";
            case "hdlCholesterol" -> "--hdl";
            case "systolicBp" -> "--sbp";
            case "lipidUnit" -> "--lipid-unit";
            case "creatinineUnit" -> "--creatinine-unit";
            case "cacVessels" -> "--cac-vessels";
            case "bpTreated" -> "--bp-treated";
            case "familyHistory" -> "--family-history";
            case "vitaminK2" -> "--vitamin-k2";
            case "scans" -> "--scan";
            default -> null;
        };
        return flag == null ? path : path + " (" + flag + ")";
    }

    /**
     * The {@code --scan} values read: the well-formed ones ({@code specs}), the position among the {@code --scan}
     * options of each ({@code positions}), and a problem for each one that is not DATE=SCORE, at
     * {@code scans[i]} with {@code i} its position as typed.
     */
    record Scans(List<PatientSpec.ScanSpec> specs, List<Integer> positions, List<InputProblem> problems) {

        /**
         * A patient path of the scans as typed: {@code scans[1].date} of the well-formed scans is the third
         * {@code --scan} when the second was refused; other paths as they are.
         */
        String typedPath(String path) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("scans\\[(\\d+)\\](.*)").matcher(path);
            if (problems.isEmpty() || !m.matches() || Integer.parseInt(m.group(1)) >= positions.size()) {
                return path;
            }
            return "scans[" + positions.get(Integer.parseInt(m.group(1))) + "]" + m.group(2);
        }
    }

    static Scans parseScans(List<String> raw) {
        List<PatientSpec.ScanSpec> out = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String s = raw.get(i);
            int eq = s.indexOf('=');
            if (eq < 0) {
                problems.add(InputProblem.error("scans[" + i + "]", "'" + s + "' must be DATE=SCORE, e.g. 2021-03-01=140"));
                continue;
            }
            try {
                out.add(new PatientSpec.ScanSpec(s.substring(0, eq), org.vascalc.core.input.DecimalText.parse(s.substring(eq + 1))));
                positions.add(i);
            } catch (NumberFormatException e) {
                problems.add(InputProblem.error("scans[" + i + "]",
                        "'" + s + "': the score after '=' is not a number (Agatston units)"));
            }
        }
        return new Scans(List.copyOf(out), List.copyOf(positions), List.copyOf(problems));
    }
}

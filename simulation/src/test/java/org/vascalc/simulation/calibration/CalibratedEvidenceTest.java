package org.vascalc.simulation.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.vascalc.core.evidence.Evidence;
import org.vascalc.core.param.Parameter;
import org.vascalc.simulation.engine.ModelAssembly;
import org.vascalc.simulation.scenario.ProjectFiles;

/**
 * Every catalog number whose evidence is {@code calibrated} keeps the promise that word makes (style
 * guide, "Numbers"; calibration-targets.csv: a {@code check} row is never fitted): it names the
 * targets it was fitted to, each of them is a {@code fit} row of calibration-targets.csv, its note
 * points to the fit's record in docs/model, and that record is current, i.e. the last table row of
 * the record that names the parameter gives the catalog's value in its fitted column (to the digits
 * printed). A value changed in the catalog without a new record, or a record left behind by a new
 * fit, fails here (review13, 2026-12-06).
 */
class CalibratedEvidenceTest {

    private static final Pattern RECORD_PAGE = Pattern.compile("docs/model/[\\w-]+-fit\\.md");
    private static final Pattern LEADING_NUMBER = Pattern.compile("^-?\\d+(?:\\.(\\d+))?(?:[eE](-?\\d+))?");

    private static List<Parameter> calibrated() {
        List<Parameter> out = ModelAssembly.defaultParameters().parameters().stream()
                .filter(Parameter::isCalibrated).toList();
        assertThat(out).as("the standard catalogs hold calibrated numbers").hasSizeGreaterThan(10);
        return out;
    }

    @Test
    void everyCalibratedNumberNamesOnlyFitRowsThatExist() {
        CalibrationTargets targets = CalibrationTargets.load();
        List<String> ids = targets.all().stream().map(CalibrationTarget::id).toList();
        for (Parameter p : calibrated()) {
            List<String> named = Calibrator.targetIdsOf(p);
            assertThat(named).as("%s names the targets it was fitted to", p.name()).isNotEmpty();
            for (String id : named) {
                assertThat(ids).as("%s names target %s, which calibration-targets.csv does not hold", p.name(), id)
                        .contains(id);
                assertThat(targets.get(id).use())
                        .as("%s is calibrated to %s, a check row (check rows are never fitted)", p.name(), id)
                        .isEqualTo(CalibrationTarget.Use.FIT);
            }
        }
    }

    @Test
    void everyCalibratedNumberIsTheFittedValueOfTheLastRecordThatNamesIt() throws IOException {
        for (Parameter p : calibrated()) {
            String note = ((Evidence.Calibrated) p.evidence()).note();
            Matcher m = RECORD_PAGE.matcher(note);
            assertThat(m.find()).as("%s's note names its fit record (docs/model/…-fit.md): %s", p.name(), note).isTrue();
            Path page = ProjectFiles.require(m.group());
            List<String> lines = Files.readAllLines(page, StandardCharsets.UTF_8);
            int row = lastRowNaming(lines, p.name());
            assertThat(row).as("%s: no table row of %s names it", p.name(), m.group()).isGreaterThanOrEqualTo(0);
            List<String> header = cells(lines.get(headerOf(lines, row)));
            int column = fittedColumn(header);
            assertThat(column).as("%s: the table in %s above line %d has no fitted/after/adopted column: %s",
                    p.name(), m.group(), row + 1, header).isGreaterThanOrEqualTo(0);
            String cell = cells(lines.get(row)).get(column);
            assertThat(matchesToPrintedDigits(cell, p.value()))
                    .as("%s = %s %s in the catalog, but the last record naming it (%s line %d) gives %s: a fit record"
                            + " is missing, or the catalog was not updated", p.name(), p.value(), p.unit(), m.group(),
                            row + 1, cell)
                    .isTrue();
        }
    }

    @Test
    void theRecordReaderComparesToThePrintedDigitsOnly() {
        assertThat(matchesToPrintedDigits("1.1472", 1.14715)).isTrue();
        assertThat(matchesToPrintedDigits("1.1472", 1.1478)).isFalse();
        assertThat(matchesToPrintedDigits("5.0 (lower bound)", 5.0)).isTrue();
        assertThat(matchesToPrintedDigits("0.0389 (literature, held)", 0.0389)).isTrue();
        assertThat(matchesToPrintedDigits("324.45 (kept)", 324.46)).isFalse();
        assertThat(matchesToPrintedDigits("n/a", 1)).isFalse();
        assertThat(fittedColumn(List.of("parameter", "start", "fitted", "adopted", "unit"))).isEqualTo(3);
        assertThat(fittedColumn(List.of("parameter", "unit", "range", "before", "after"))).isEqualTo(4);
    }

    private static int lastRowNaming(List<String> lines, String name) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            String l = lines.get(i);
            if (l.startsWith("| " + name + " |") || l.startsWith("| `" + name + "` |")) {
                return i;
            }
        }
        return -1;
    }

    private static int headerOf(List<String> lines, int row) {
        int i = row;
        while (i > 0 && lines.get(i - 1).startsWith("|")) {
            i--;
        }
        return i;
    }

    private static List<String> cells(String line) {
        String[] parts = line.split("\\|", -1);
        List<String> out = new ArrayList<>();
        for (int i = 1; i < parts.length - 1; i++) {
            out.add(parts[i].strip());
        }
        return out;
    }

    /** The column holding the value a record adopted: "adopted" where a record has one, else "fitted" or "after". */
    static int fittedColumn(List<String> header) {
        for (String name : List.of("adopted", "fitted", "after")) {
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).toLowerCase(Locale.ROOT).equals(name)) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Whether the number a cell starts with is {@code value} rounded to the cell's printed digits. */
    static boolean matchesToPrintedDigits(String cell, double value) {
        Matcher m = LEADING_NUMBER.matcher(cell);
        if (!m.find()) {
            return false;
        }
        int decimals = m.group(1) == null ? 0 : m.group(1).length();
        int exponent = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        double halfUnit = 0.5 * Math.pow(10, exponent - decimals);
        return Math.abs(Double.parseDouble(m.group()) - value) <= halfUnit * (1 + 1e-9);
    }
}

package org.vascalc.cli.clinical;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vascalc.clinical.serial.ScanInterval;
import org.vascalc.clinical.serial.SerialScanReport;

/**
 * The serial-scan table's headings and cells, one source for {@code vascalc risk}'s text table and the web /risk
 * page's (leftovers20: the page built its own rows, without the command line's absolute change, and with other
 * headings and roundings). Presentation only.
 */
public final class SerialTable {

    private SerialTable() {
    }

    /** The column headings; each carries the unit of its cells, if any. */
    public static final List<String> HEADINGS = List.of("Interval", "From (AU)", "To (AU)", "Years", "Change (AU)",
            "AU/year", "√ change", "Verdict (Hokanson)");

    /** One row per interval between consecutive scans, then the first-to-last row when there are more than two scans. */
    public static List<List<String>> rows(SerialScanReport s) {
        List<List<String>> rows = new ArrayList<>();
        for (ScanInterval i : s.intervals()) {
            rows.add(row(i));
        }
        if (s.intervals().size() > 1) {
            rows.add(row(s.overall()));
        }
        return rows;
    }

    /** One interval's cells, in the order of {@link #HEADINGS}. */
    static List<String> row(ScanInterval i) {
        return List.of(i.from().date() + ".." + i.to().date(), au(i.from().agatston()), au(i.to().agatston()),
                String.format(Locale.ROOT, "%.1f", i.years()), au(i.absoluteChange()),
                String.format(Locale.ROOT, "%.1f", i.annualisedChange()), String.format(Locale.ROOT, "%.2f", i.sqrtChange()),
                i.verdict().name().toLowerCase(Locale.ROOT).replace('_', ' '));
    }

    /** The text table: headings and rows, the first column left-aligned, the numbers right-aligned, the verdict last. */
    static String text(SerialScanReport s) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADINGS);
        rows.addAll(rows(s));
        int[] width = new int[HEADINGS.size()];
        for (List<String> r : rows) {
            for (int c = 0; c < width.length; c++) {
                width[c] = Math.max(width[c], r.get(c).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (List<String> r : rows) {
            StringBuilder line = new StringBuilder(pad(r.get(0), width[0], true));
            for (int c = 1; c < width.length - 1; c++) {
                line.append(' ').append(pad(r.get(c), width[c], false));
            }
            sb.append(line.append("  ").append(r.get(width.length - 1)).toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    private static String pad(String s, int width, boolean left) {
        String gap = " ".repeat(Math.max(0, width - s.length()));
        return left ? s + gap : gap + s;
    }

    /** A score or change in AU: whole numbers without a decimal, others with one. */
    private static String au(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }
}

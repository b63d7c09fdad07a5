package org.vascalc.simulation.engine;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vascalc.core.condition.Condition;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.core.patient.Patient;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.scenario.ProjectFiles;
import org.vascalc.simulation.scenario.ScenarioFiles;

/**
 * Developer aid, on request only ({@code -Dvascalc.scratch=true}): a MAP of fast mode's agreement with reference
 * mode over kidney function × daily calcium load (missmap, fifty-fifth session; docs/performance-log.md), one year
 * each, the worst level at the 73-day rows of the SLOW outputs as {@code FastVersusReferenceIT} measures it. The grid
 * was fixed before any of its results were seen:
 * <ul>
 *   <li>kidney (columns): the reference adult (eGFR 95, no kidney condition); a constant eGFR of 60, 45, 30, 22
 *   (CKD G4's typical), 15 and 10 (G5's typical), each without labs (stabilised into it by the run-in); the
 *   G4 and G5 patients with labs of {@link AgreementScenarios#withCkdLabs}; the haemodialysis example's patient
 *   (examples/scenarios/haemodialysis.yaml: dialysate 1.5 mmol/L, eGFR 7) with her labs and without them;</li>
 *   <li>load (rows): the habitual diet only; 500 mg calcium carbonate with food once (08:00) and twice (08:00,
 *   20:00) a day, each with 180 µg MK-7 at 08:00 (the benchmark regimen is the twice-daily one); calcium
 *   carbonate as phosphate binder with three meals (08:00, 13:00, 19:00) at 0.5, 1, 1.5 and 2 times the tested
 *   1250 mg; calcium acetate as binder, 667 mg with the same three meals.</li>
 * </ul>
 * Prints one {@code MISSMAP} line per cell (worst level, the channel and 73-day row that set it, fast mode's
 * derivative calls, the reference osteoclasts' end-to-start ratio) and appends them to {@code target/missmap.tsv}.
 * The whole grid's table is committed as {@code missmap.tsv} (the sixty-second session's run, leftovers29:
 * 2026-12-07, main d159c5c7, the file the run wrote, unedited; docs/performance-log.md), and with the gated direct
 * onset as {@value #TABLE} beside it (onsetadopt). With {@code -Dvascalc.scratch.png=FILE} the runner runs
 * nothing and draws the map from a committed table as a heat map: {@code -Dvascalc.scratch.table=NAME} names it
 * ({@link #TABLES}; without it {@value #TABLE}, fast mode's default since onsetadopt; mapmark made it the default),
 * and the picture's subtitle says which fast mode measured it. Cells inside {@link DirectClass}'s final line, which
 * shipped fast mode integrates dose by dose, are drawn grey and hatched with a "direct" tag (mapmark): their number is
 * the averaged engine's, not what fast mode gives. docs/img/fast-agreement-map.png is drawn from {@value #TABLE}. A new
 * run of the whole grid (delete {@code target/missmap.tsv} first: the run appends) replaces the table by copying
 * its {@code target/missmap.tsv} there. References are cached in {@code target/reference-cache-missmap} (delete it
 * when the model changes); {@code -Dvascalc.scratch.only} picks columns by key ({@code egfr30,hd-labs,} ...),
 * {@code -Dvascalc.scratch.rows} rows by key.
 */
class MissMapRunner {

    /**
     * The measured map the drawing reads by default (the one with the gated direct onset, fast mode's default), one
     * line per cell as {@link #print} writes them, from the project's root; the other committed tables lie beside it.
     */
    static final String TABLE = "simulation/src/test/resources/missmap/missmap-onsetdirect.tsv";

    /** The committed tables by file name, each with the fast mode that measured it (the picture's subtitle says it). */
    static final Map<String, String> TABLES = Map.of(
            "missmap.tsv", "fast mode before the gated direct onset, averaged (2026-12-07, main d159c5c7)",
            "missmap-onsetdirect.tsv", "fast mode with the gated direct onset, averaged;"
                    + " grey hatched cells: fast mode integrates them directly");

    /** A committed table: its file name, the fast mode that measured it, its lines. */
    record MapTable(String name, String fastMode, List<String> lines) {
    }

    /**
     * The committed table {@code name} names (a file name of {@link #TABLES}; blank: {@value #TABLE}'s); any other
     * name is refused, naming the property and the tables there are.
     */
    static MapTable table(String name) throws IOException {
        String file = name.isBlank() ? Path.of(TABLE).getFileName().toString() : name.strip();
        String fastMode = TABLES.get(file);
        if (fastMode == null) {
            throw new IllegalArgumentException("-Dvascalc.scratch.table=" + name + ": no such committed table; one of "
                    + new java.util.TreeSet<>(TABLES.keySet()) + " (in " + Path.of(TABLE).getParent() + ")");
        }
        return new MapTable(file, fastMode,
                Files.readAllLines(ProjectFiles.require(Path.of(TABLE).resolveSibling(file).toString())));
    }

    /** The kidney columns in map order; keys are stable (the TSV and the cache use them). */
    static Map<String, Column> columns() {
        Map<String, Column> out = new LinkedHashMap<>();
        Patient ref = Patient.referenceAdult();
        out.put("egfr95", new Column("eGFR 95", ref, List.of()));
        for (double egfr : new double[] {60, 45, 30, 22, 15, 10}) {
            out.put("egfr" + (int) egfr, HeldOutGrid.constant(egfr).column());
        }
        out.put("g4-labs", new Column("G4 labs (22)", labs(ref, Condition.CkdStage.G4), List.of()));
        out.put("g5-labs", new Column("G5 labs (10)", labs(ref, Condition.CkdStage.G5), List.of()));
        Scenario hd = ScenarioFiles.load(ProjectFiles.require("examples/scenarios/haemodialysis.yaml")).scenario();
        Patient p = hd.patient();
        Patient bare = new Patient(p.id() + "-nolabs", p.ageYears(), p.sex(), p.weightKg(), p.heightCm(),
                p.egfrMlPerMin(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), p.risk());
        out.put("hd-nolabs", new Column("dialysis", bare, hd.conditions()));
        out.put("hd-labs", new Column("dialysis labs", p, hd.conditions()));
        return out;
    }

    /** The daily calcium loads in map order (key, label, interventions). */
    static Map<String, Load> loads() {
        Map<String, Load> out = new LinkedHashMap<>();
        var mk7 = new Intervention.VitaminK(Intervention.VitaminKForm.MK7, 180, Schedule.daily(8));
        out.put("food", new Load("food only", List.of()));
        out.put("carb500x1", new Load("carbonate 500 mg ×1 + MK-7",
                List.of(Scenarios.supplement(500, Intervention.CalciumSalt.CARBONATE, true, 8), mk7)));
        out.put("carb500x2", new Load("carbonate 500 mg ×2 + MK-7",
                List.of(Scenarios.supplement(500, Intervention.CalciumSalt.CARBONATE, true, 8, 20), mk7)));
        for (double f : new double[] {0.5, 1, 1.5, 2}) {
            out.put("cbind" + f, new Load("carbonate binder " + plain(1250 * f) + " mg ×3",
                    List.of(new Intervention.PhosphateBinder(Intervention.PhosphateBinderKind.CALCIUM_CARBONATE,
                            1250 * f, Schedule.daily(8, 13, 19)))));
        }
        out.put("abind1", new Load("acetate binder 667 mg ×3",
                List.of(new Intervention.PhosphateBinder(Intervention.PhosphateBinderKind.CALCIUM_ACETATE, 667,
                        Schedule.daily(8, 13, 19)))));
        return out;
    }

    record Column(String label, Patient patient, List<Condition> conditions) {
    }

    record Load(String label, List<Intervention> interventions) {
    }

    /** The cell's year: the column's patient and conditions, the row's interventions, SLOW outputs every 73 days. */
    static Scenario cell(String columnKey, Column c, String loadKey, Load l) {
        return HeldOutGrid.year("missmap-" + columnKey + "-" + loadKey, c.patient(), c.conditions(), l.interventions(),
                365);
    }

    private static Patient labs(Patient ref, Condition.CkdStage stage) {
        return AgreementScenarios.withCkdLabs(Scenarios.of("x", 1, Recording.every(24)), stage).patient();
    }

    private static String plain(double x) {
        return x == Math.rint(x) ? String.valueOf((long) x) : String.valueOf(x);
    }

    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void print() throws IOException {
        String png = System.getProperty("vascalc.scratch.png", "");
        if (!png.isEmpty()) { // the committed table, not this checkout's target/ (which a partial run fills)
            draw(table(System.getProperty("vascalc.scratch.table", "")), Path.of(png));
            return;
        }
        var params = ModelAssembly.defaultParameters();
        EngineSimulator sim = new EngineSimulator(params, DirectSettings.AVERAGED); // the averaging measured
        String only = System.getProperty("vascalc.scratch.only", "");
        String rows = System.getProperty("vascalc.scratch.rows", "");
        List<HeldOutGrid.Row> cells = new ArrayList<>();
        for (var c : columns().entrySet()) {
            if (!only.isEmpty() && !only.contains(c.getKey() + ",")) {
                continue;
            }
            for (var l : loads().entrySet()) {
                if (!rows.isEmpty() && !rows.contains(l.getKey() + ",")) {
                    continue;
                }
                cells.add(new HeldOutGrid.Row(c.getKey() + "\t" + l.getKey(),
                        cell(c.getKey(), c.getValue(), l.getKey(), l.getValue())));
            }
        }
        HeldOutGrid.measureEach("MISSMAP", "missmap", "missmap", cells, false, sim, MissMapRunner::measure);
    }

    /**
     * One year's comparison, as a TSV tail: the worst level {@code |fast - reference| / max(|reference|, 1e-6)} over
     * the SLOW outputs and recorded rows, the channel and row that set it, fast mode's derivative calls and the
     * reference osteoclasts' end-to-start ratio; {@code FAILED} and the message if a run throws. The reference is
     * cached in {@code dir}. Shared with the held-out runners ({@link HeldOutGrid#measure}).
     */
    static String measure(Scenario s, EngineSimulator sim, Path dir, List<String> slow) throws IOException {
        return HeldOutGrid.measure(s, sim, dir, slow, false);
    }

    /**
     * A cell as {@link #draw} drew it: its column and load keys, its level (NaN if not run or failed), whether it lies
     * inside {@link DirectClass}'s final line (drawn grey and hatched, tagged "direct") and whether it misses (bold
     * frame).
     */
    record DrawnCell(String column, String load, double level, boolean direct, boolean miss) {
    }

    /** The key's entry for the marked cells (mapmark), as the picture writes it. */
    static final String DIRECT_KEY = "direct: fast mode integrates this regimen dose by dose (within 0.03 % of"
            + " reference); the number is the averaged engine's, for the record";

    /**
     * The heat map: a cell per (load, kidney), coloured by the worst level on a log scale, its value written in; a cell
     * inside {@link DirectClass}'s final line ({@link DirectClass#inClass} on the cell's scenario) is drawn grey and
     * hatched with a "direct" tag, since shipped fast mode does not average it: its colour would say what the averaged
     * engine gives, which is not what a user gets. Misses keep their bold frame either way. Returns the cells drawn,
     * in the table's order of columns then loads.
     */
    static List<DrawnCell> draw(MapTable table, Path out) throws IOException {
        Map<String, String[]> cells = new LinkedHashMap<>();
        for (String line : table.lines()) {
            String[] f = line.split("\t");
            cells.put(f[0] + "|" + f[1], f);
        }
        Map<String, Column> cols = columns();
        Map<String, Load> rows = loads();
        int cw = 92;
        int ch = 40;
        int left = 250;
        int top = 96;
        int w = left + cw * cols.size() + 20;
        int h = top + ch * rows.size() + 136;
        var params = ModelAssembly.defaultParameters();
        List<DrawnCell> drawn = new ArrayList<>();
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString("Fast mode vs reference mode: worst relative difference of the slow outputs, one year", 12, 26);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.drawString("(" + table.fastMode() + ")", 12, 46);
        g.drawString("73-day rows, as FastVersusReferenceIT; the limit is 1 %; bold frame: a miss; grey hatched:"
                + " direct (see the key); table " + table.name(), 12, 64);
        int x = left;
        for (Column c : cols.values()) {
            drawCentred(g, c.label(), x + cw / 2, top - 12);
            x += cw;
        }
        int y = top;
        for (var r : rows.entrySet()) {
            g.setColor(Color.BLACK);
            g.drawString(r.getValue().label(), 12, y + ch / 2 + 5);
            x = left;
            for (var c : cols.entrySet()) {
                String[] f = cells.get(c.getKey() + "|" + r.getKey());
                double level = f == null || f[2].equals("FAILED") ? Double.NaN : Double.parseDouble(f[2]);
                boolean direct = DirectClass.inClass(cell(c.getKey(), c.getValue(), r.getKey(), r.getValue()), params);
                boolean miss = level >= 0.01;
                String text = f == null ? "not run" : Double.isNaN(level) ? "failed" : percent(level);
                if (direct) {
                    drawDirect(g, text, x, y, cw, ch);
                } else {
                    g.setColor(Double.isNaN(level) ? new Color(230, 230, 230) : colour(level));
                    g.fillRect(x, y, cw, ch);
                    g.setColor(Color.BLACK);
                    drawCentred(g, text, x + cw / 2, y + ch / 2 + 5);
                }
                g.setColor(Color.WHITE);
                g.drawRect(x, y, cw, ch);
                if (miss) {
                    g.setColor(Color.BLACK);
                    g.setStroke(new BasicStroke(3));
                    g.drawRect(x + 2, y + 2, cw - 4, ch - 4);
                    g.setStroke(new BasicStroke(1));
                }
                drawn.add(new DrawnCell(c.getKey(), r.getKey(), level, direct, miss));
                x += cw;
            }
            y += ch;
        }
        // The colour key.
        y += 24;
        g.setColor(Color.BLACK);
        g.drawString("key:", 12, y + 16);
        double[] keys = {1e-3, 3e-3, 5e-3, 8e-3, 1e-2, 2e-2, 5e-2};
        x = left;
        for (double k : keys) {
            g.setColor(colour(k));
            g.fillRect(x, y, cw, 24);
            g.setColor(Color.BLACK);
            drawCentred(g, String.format(Locale.ROOT, "%s %%", plain(100 * k)), x + cw / 2, y + 17);
            x += cw;
        }
        // The marked cells' key entry: a sample cell as the map draws one, and what it means.
        y += 36;
        drawDirect(g, "0.12 %", left, y, cw, ch);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        int colon = DIRECT_KEY.indexOf("(within");
        g.drawString(DIRECT_KEY.substring(0, colon).strip(), left + cw + 12, y + 16);
        g.drawString(DIRECT_KEY.substring(colon), left + cw + 12, y + 33);
        g.dispose();
        ImageIO.write(img, "png", out.toFile());
        return List.copyOf(drawn);
    }

    /**
     * A cell inside the final line: greys only (light fill, hatching, the averaged number in dark grey) and a small
     * "direct" tag, so that it does not read as fast mode's result; the caller draws a miss's bold frame over it.
     */
    private static void drawDirect(Graphics2D g, String text, int x, int y, int cw, int ch) {
        g.setColor(new Color(236, 236, 236));
        g.fillRect(x, y, cw, ch);
        var clip = g.getClip();
        g.clipRect(x, y, cw, ch);
        g.setColor(new Color(205, 205, 205));
        for (int d = -ch; d < cw; d += 8) {
            g.drawLine(x + d, y + ch, x + d + ch, y);
        }
        g.setClip(clip);
        Font font = g.getFont();
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
        g.setColor(new Color(70, 70, 70));
        String tag = "direct";
        g.drawString(tag, x + cw - 7 - g.getFontMetrics().stringWidth(tag), y + 15);
        g.setFont(font);
        g.setColor(new Color(80, 80, 80));
        drawCentred(g, text, x + cw / 2, y + ch / 2 + 12);
    }

    /**
     * A cell's level as the map writes it, "1.09 %": 100 times the TSV's value rounded once to two decimals from the
     * binary number it is read as, as C's, awk's and Python's {@code %.2f} round it, which the log's tables used
     * (leftovers27, leftovers28: Java's {@code %.2f} rounds the value's shortest decimal half up, so the TSV's
     * already-rounded 1.095e-02 was drawn "1.10 %" while the tables said 1.09).
     */
    static String percent(double level) {
        return new BigDecimal(100 * level).setScale(2, RoundingMode.HALF_EVEN).toPlainString() + " %";
    }

    /** Green below 0.5 %, through yellow to orange at 1 %, red above: log scale from 1e-3 to 5e-2. */
    private static Color colour(double level) {
        double t = (Math.log10(Math.max(level, 1e-3)) + 3) / (Math.log10(5e-2) + 3);
        t = Math.min(1, Math.max(0, t));
        double limit = (Math.log10(1e-2) + 3) / (Math.log10(5e-2) + 3);
        if (t < limit) {
            double u = t / limit;
            return new Color((int) (120 + 135 * u), (int) (200 + 20 * u), (int) (120 - 60 * u));
        }
        double u = (t - limit) / (1 - limit);
        return new Color(235, (int) (140 - 110 * u), (int) (60 - 30 * u));
    }

    private static void drawCentred(Graphics2D g, String s, int cx, int baseline) {
        g.drawString(s, cx - g.getFontMetrics().stringWidth(s) / 2, baseline);
    }
}

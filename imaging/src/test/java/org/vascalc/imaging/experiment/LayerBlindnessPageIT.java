package org.vascalc.imaging.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vascalc.imaging.experiment.LayerBlindnessExperiment.Config;
import org.vascalc.imaging.experiment.LayerBlindnessExperiment.Result;

/**
 * docs/layer-blindness.md and its figure still hold what today's phantom, scanner and scorer give: the
 * experiment is run once exactly as {@code ./vascalc phantom --experiment layer-blindness} runs it
 * ({@link Config#standard()}: 2, 5, 10 and 20 mg, six shapes, 5 noisy repeats, the same seeds; 120
 * clinical scans and 6 truth slices, about 20 s on the shared 2-vCPU VM) and the page must be what
 * {@link LayerBlindnessReport#markdown} makes of it, every line: each row of the three tables
 * (named by section, mass and shape or measure, and the cells that moved, page -> today), the
 * introduction, the "0 of 32" count, the per-mass bullets and the closing paragraph.
 *
 * <p>The figure's PNG bytes depend on the platform's fonts and PNG encoder, so the file is not compared
 * byte for byte; what it plots is. The committed PNG is decoded and its twelve image tiles (per shape, the
 * noise-free 0.05 mm truth slice and the clinical slice with its lesion outlines, all drawn pixel by
 * pixel without antialiasing) must equal, pixel for pixel, the tiles of the figure drawn now. Not compared:
 * the text drawn with fonts (title, key, shape names, the seed-0 scores under each tile; those scores
 * are the first repeat of numbers whose means are on the page).
 *
 * <p>Not {@code GeneratedPageDiff} (simulation's test helper): imaging does not depend on simulation,
 * and that helper reads one table per page while this page has three whose keys (mass, measure) repeat.
 */
class LayerBlindnessPageIT {

    private static final Path PAGE = Path.of("..", "docs", "layer-blindness.md");
    private static final Path FIGURE = Path.of("..", "docs", "layer-blindness.png");
    private static final String COMMAND = "./vascalc phantom --experiment layer-blindness --out out/layer-blindness "
            + "(from the checkout's root) and copy its layer-blindness.md and .png to docs/";
    /** Cells that name a row: mass and shape (scores table) or mass and measure (the other two). */
    private static final int KEY_CELLS = 2;
    private static final int MOST_LINES = 30;

    private static Result today;

    @BeforeAll
    static void runTheExperimentAsThePageWasMade() {
        today = new LayerBlindnessExperiment().run(Config.standard());
    }

    @Test
    void everyNumberOfTheLayerBlindnessPageIsTodays() throws IOException {
        String made = LayerBlindnessReport.markdown(today);
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        assertThat(rowCount(made)).as("today's run makes every row of the page's three tables (24 + 32 + 32)")
                .isEqualTo(88);
        List<String> moved = moved(page, made);
        assertThat(moved).as("docs/layer-blindness.md is not what today's imaging code makes of it (%d difference(s); "
                + "each cell as on the page -> as made today):%n  %s%nIf the change that moved it is meant, remake the page "
                + "and figure: %s", moved.size(), String.join("\n  ", moved), COMMAND).isEmpty();
    }

    @Test
    void theFiguresImageTilesAreTodays() throws IOException {
        BufferedImage page = ImageIO.read(FIGURE.toFile());
        BufferedImage made = LayerBlindnessReport.figure(today);
        assertThat(page).as("%s is not a readable PNG", FIGURE).isNotNull();
        assertThat(new int[] {page.getWidth(), page.getHeight()}).as("size of %s; remake it: %s", FIGURE, COMMAND)
                .containsExactly(made.getWidth(), made.getHeight());
        List<String> moved = new ArrayList<>();
        var shapes = LayerBlindnessExperiment.SHAPES;
        for (int i = 0; i < shapes.size(); i++) {
            String shape = shapes.get(i).name().toLowerCase(Locale.ROOT);
            int ox = i * TILE;
            // truth slice: 200 x 200 px at (ox + 10, 40), no outlines
            compare(page, made, ox + 10, HEADER, CROP_PX, CROP_PX, shape + " truth slice", moved);
            // clinical slice: 25 px x 8 at (ox + 10, 300); the 2-px outlines may reach one pixel beyond it
            compare(page, made, ox + 10 - 2, HEADER + TILE + LABEL - 2, CROP_PX + 4, CROP_PX + 4,
                    shape + " clinical slice and outlines", moved);
        }
        assertThat(moved).as("the image tiles of %s are not what today's imaging code draws (figure mass %.0f mg, "
                + "first repeat):%n  %s%nIf the change is meant, remake the page and figure: %s", FIGURE,
                today.figure().massMg(), String.join("\n  ", moved), COMMAND).isEmpty();
    }

    /** The layout of {@link LayerBlindnessReport#figure}: column width, title strip, label strip, tile size. */
    private static final int TILE = 210;
    private static final int HEADER = 40;
    private static final int LABEL = 50;
    private static final int CROP_PX = 200;

    private static void compare(BufferedImage page, BufferedImage made, int x0, int y0, int w, int h, String tile,
                                List<String> out) {
        int differing = 0;
        int compared = 0;
        String first = null;
        for (int y = y0; y < Math.min(y0 + h, page.getHeight()); y++) {
            for (int x = x0; x < Math.min(x0 + w, page.getWidth()); x++) {
                compared++;
                int a = page.getRGB(x, y) & 0xFFFFFF;
                int b = made.getRGB(x, y) & 0xFFFFFF;
                if (a != b) {
                    if (first == null) {
                        first = String.format(Locale.ROOT, "first at (%d, %d): #%06x -> #%06x", x, y, a, b);
                    }
                    differing++;
                }
            }
        }
        if (differing > 0) {
            out.add(tile + ": " + differing + " of " + compared + " pixels differ, " + first);
        }
    }

    private static long rowCount(String markdown) {
        return sections(markdown).values().stream().mapToLong(s -> s.rows.size()).sum();
    }

    /**
     * One line per moved table row ({@code section, key: column before -> after; ...}), then the other
     * lines that differ in each section, prefixed {@code page:} or {@code today:}; empty when equal.
     */
    static List<String> moved(String page, String made) {
        if (page.equals(made)) {
            return List.of();
        }
        Map<String, Section> before = sections(page);
        Map<String, Section> after = sections(made);
        List<String> out = new ArrayList<>();
        List<String> names = new ArrayList<>(before.keySet());
        after.keySet().stream().filter(k -> !before.containsKey(k)).forEach(names::add);
        for (String name : names) {
            Section b = before.getOrDefault(name, Section.EMPTY);
            Section a = after.getOrDefault(name, Section.EMPTY);
            String where = "\"" + name + "\", ";
            b.rows.forEach((key, cells) -> {
                List<String> now = a.rows.get(key);
                if (now == null) {
                    out.add(where + "row " + key + ": on the page, not made today");
                } else if (!now.equals(cells)) {
                    out.add(where + "row " + key + ": " + cells(b.header, cells, now));
                }
            });
            a.rows.keySet().stream().filter(k -> !b.rows.containsKey(k))
                    .forEach(k -> out.add(where + "row " + k + ": made today, not on the page"));
            b.other.stream().filter(l -> !a.other.contains(l)).forEach(l -> out.add(where + "page:  " + l));
            a.other.stream().filter(l -> !b.other.contains(l)).forEach(l -> out.add(where + "today: " + l));
        }
        if (out.isEmpty()) {
            out.add("the lines are the same but their order or spacing differs");
        }
        if (out.size() > MOST_LINES) {
            int more = out.size() - MOST_LINES;
            List<String> cut = new ArrayList<>(out.subList(0, MOST_LINES));
            cut.add("... and " + more + " more");
            return cut;
        }
        return out;
    }

    private static String cells(List<String> header, List<String> before, List<String> after) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < Math.max(before.size(), after.size()); i++) {
            String b = i < before.size() ? before.get(i) : "";
            String a = i < after.size() ? after.get(i) : "";
            if (!Objects.equals(a, b)) {
                parts.add((i < header.size() ? header.get(i) : "column " + (i + 1)) + " " + b + " -> " + a);
            }
        }
        return String.join("; ", parts);
    }

    /** A section (text under one "## " heading): its table's header and rows by key, and its other lines. */
    private record Section(List<String> header, Map<String, List<String>> rows, List<String> other) {
        static final Section EMPTY = new Section(List.of(), Map.of(), List.of());
    }

    private static Map<String, Section> sections(String markdown) {
        Map<String, Section> out = new LinkedHashMap<>();
        Section s = new Section(new ArrayList<>(), new LinkedHashMap<>(), new ArrayList<>());
        out.put("(title and introduction)", s);
        for (String line : markdown.split("\n")) {
            if (line.startsWith("## ")) {
                s = new Section(new ArrayList<>(), new LinkedHashMap<>(), new ArrayList<>());
                out.put(line.substring(3), s);
            } else if (line.startsWith("| ") && line.endsWith(" |")) {
                List<String> cells = List.of(line.substring(2, line.length() - 2).split(" \\| ", -1));
                if (s.header.isEmpty()) {
                    s.header.addAll(cells);
                } else {
                    String key = String.join(" | ", cells.subList(0, Math.min(KEY_CELLS, cells.size())));
                    if (s.rows.putIfAbsent(key, cells) != null) {
                        s.other.add(line); // a repeated key: compared as a plain line
                    }
                }
            } else if (!line.isBlank()) {
                s.other.add(line);
            }
        }
        return out;
    }
}

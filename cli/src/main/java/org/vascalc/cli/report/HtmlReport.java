package org.vascalc.cli.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.FileAlreadyExistsException;
import java.util.ArrayList;
import java.util.List;
import org.vascalc.imaging.output.OutputFolder;

/**
 * A self-contained report folder: one PNG per panel and an {@code index.html} that shows them with
 * captions, sources, a summary table and provenance. The folder is built under a temporary name
 * and moved into place at the end, so a failed run never leaves a half-written report; it replaces
 * only an earlier VasCalc report, never a user's file or folder ({@link OutputFolder}).
 */
public final class HtmlReport {

    private final String title;
    private final String intro;
    private final List<Panel> panels = new ArrayList<>();
    private final List<String[]> tableRows = new ArrayList<>();
    private String[] tableHeader = new String[0];
    private final List<String> notes = new ArrayList<>();
    private final List<Panel> overview = new ArrayList<>();
    private String overviewCaption = "";
    private String provenance = "";

    public HtmlReport(String title, String intro) {
        this.title = title;
        this.intro = intro;
    }

    public HtmlReport panel(Panel p) {
        panels.add(p);
        return this;
    }

    public HtmlReport table(String[] header, List<String[]> rows) {
        this.tableHeader = header.clone();
        this.tableRows.clear();
        this.tableRows.addAll(rows);
        return this;
    }

    /** An at-a-glance grid of panels shown first, as {@code overview.png} (two per row). */
    public HtmlReport overview(List<Panel> panels, String caption) {
        overview.clear();
        overview.addAll(panels);
        overviewCaption = caption;
        return this;
    }

    public HtmlReport note(String htmlParagraph) {
        notes.add(htmlParagraph);
        return this;
    }

    public HtmlReport provenance(String text) {
        this.provenance = text;
        return this;
    }

    /**
     * Checks, before a long run, that a report may be written to {@code dir}: it does not exist, is
     * empty, or holds an earlier VasCalc report (never a user's file or folder of other things).
     *
     * @throws FileAlreadyExistsException if {@code dir} is a file or a folder of other things
     */
    public static void requireWritable(Path dir) throws IOException {
        adoptEarlierReport(dir.toAbsolutePath().normalize());
        OutputFolder.requireReplaceable(dir);
    }

    /**
     * Writes the report into {@code dir} (replacing an earlier report) and returns the index file.
     *
     * @throws FileAlreadyExistsException if {@code dir} is a file or a folder of other things
     */
    public Path write(Path dir) throws IOException {
        requireWritable(dir);
        return OutputFolder.write(dir, this::fill).resolve("index.html");
    }

    /**
     * Reports written before the output marker existed hold only {@code index.html} (with this
     * class's provenance block) and PNGs: mark them as VasCalc output so they can be replaced.
     */
    private static void adoptEarlierReport(Path abs) throws IOException {
        Path index = abs.resolve("index.html");
        if (!Files.isDirectory(abs) || Files.exists(abs.resolve(OutputFolder.MARKER)) || !Files.isRegularFile(index)) {
            return;
        }
        try (var list = Files.list(abs)) {
            if (!list.allMatch(p -> Files.isRegularFile(p) && (p.getFileName().toString().equals("index.html")
                    || p.getFileName().toString().endsWith(".png")))) {
                return;
            }
        }
        if (Files.readString(index, StandardCharsets.UTF_8).contains("<h2>Provenance</h2><div class=\"prov\">")) {
            Files.writeString(abs.resolve(OutputFolder.MARKER), "written by vascalc\n");
        }
    }

    /** The size of each panel's own image, pixels (the overview draws its panels at 640 x 400, two a row). */
    private static final int PANEL_WIDTH = 720;
    private static final int PANEL_HEIGHT = 430;

    private void fill(Path tmp) throws IOException {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(esc(title)).append("</title><style>")
                .append("body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}")
                .append("h1{font-size:1.6em}figure{margin:1.5em 0;border-top:1px solid #ddd;padding-top:1em}")
                .append("figcaption{font-size:.95em;margin-top:.4em}.src{color:#555;font-size:.85em}")
                .append("table{border-collapse:collapse;margin:1em 0;font-size:.92em}")
                .append("td,th{border:1px solid #ccc;padding:.3em .6em;text-align:right}")
                .append("th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}")
                // a column fits a phone (a fixed 480 px minimum widened the page at 390 px)
                .append(".grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(480px,100%),1fr));gap:1em}")
                // the provenance's hash and class name wrap on a phone instead of widening the page
                .append(".prov{font-family:monospace;font-size:.8em;color:#555;white-space:pre-wrap;overflow-wrap:anywhere}")
                // as the web app's pages (web.Html): the wide table and each chart scroll sideways in their own box, in
                // the tab order; on a narrow screen a chart keeps the size it was drawn at instead of halving its text
                .append("img{max-width:100%;height:auto}.wide{max-width:100%;overflow-x:auto}figure{min-width:0}")
                .append(":focus-visible{outline:3px solid #0b5394;outline-offset:2px}")
                .append("@media (max-width:700px){.chart img{width:auto;max-width:none}}")
                // the overview's panels one by one instead of its image of two columns on a phone (what it replaces)
                .append(".one-by-one{display:none}@media (max-width:700px){.overview>.chart{display:none}.one-by-one{display:block}}")
                // there a chart's centred title and legend fall partly out of its box: its key says them above it
                .append(ChartKey.style(700))
                .append("</style></head><body>\n<main>\n");
        h.append("<h1>").append(esc(title)).append("</h1>\n<p>").append(intro).append("</p>\n");
        if (tableHeader.length > 0) {
            h.append("<div class=\"wide\" tabindex=\"0\"><table><tr>");
            for (String c : tableHeader) {
                h.append("<th scope=\"col\">").append(esc(c)).append("</th>");
            }
            h.append("</tr>\n");
            for (String[] r : tableRows) {
                h.append("<tr>");
                for (String c : r) {
                    h.append("<td>").append(esc(c)).append("</td>");
                }
                h.append("</tr>\n");
            }
            h.append("</table></div>\n");
        }
        if (!overview.isEmpty()) {
            ChartRenderer.renderGridPng(overview, tmp.resolve("overview.png"), 640, 400, 2);
            h.append("<figure class=\"overview\">").append(chart("overview.png", "Charts at a glance: " + String.join("; ",
                    overview.stream().map(Panel::title).toList()) + "; what they show is the caption below"));
            // on a phone the two-column image shrinks to unreadable: there its panels show one under the other, each its
            // own image (the files the panels below use, so nothing is drawn twice) with its key
            h.append("<div class=\"one-by-one\">");
            for (Panel p : overview) {
                if (!panels.contains(p)) {
                    ChartRenderer.renderPng(p, tmp.resolve(p.id() + ".png"), PANEL_WIDTH, PANEL_HEIGHT);
                }
                h.append(ChartRenderer.key(p, PANEL_WIDTH, PANEL_HEIGHT).html()).append(chart(p.id() + ".png", "Chart: " + p.title()
                        + "; what it shows is the caption below"));
            }
            h.append("</div><figcaption>").append(esc(overviewCaption)).append("</figcaption></figure>\n");
        }
        for (String n : notes) {
            h.append("<p>").append(n).append("</p>\n");
        }
        h.append("<div class=\"grid\">\n");
        for (Panel p : panels) {
            String png = p.id() + ".png";
            ChartRenderer.renderPng(p, tmp.resolve(png), PANEL_WIDTH, PANEL_HEIGHT);
            // which line lies on which in the image as drawn: its key and its caption say the same
            int[] on = ChartRenderer.liesOn(p, PANEL_WIDTH, PANEL_HEIGHT);
            h.append("<figure>").append(ChartRenderer.key(p, on).html())
                    .append(chart(png, "Chart: " + p.title() + "; what it shows is the caption below"))
                    .append("<figcaption>").append(esc(p.caption()));
            String dashes = ChartRenderer.describeCoincident(p, on);
            if (!dashes.isEmpty()) {
                h.append(p.caption().isEmpty() ? "" : " ").append(esc(dashes));
            }
            if (!p.sources().isEmpty()) {
                h.append("<div class=\"src\">Sources: ").append(esc(p.sources())).append("</div>");
            }
            h.append("</figcaption></figure>\n");
        }
        h.append("</div>\n<h2>Provenance</h2><div class=\"prov\">").append(esc(provenance)).append("</div>\n");
        h.append("</main>\n</body></html>\n");
        Files.writeString(tmp.resolve("index.html"), h, StandardCharsets.UTF_8);
    }

    /** A chart's image with its text alternative, in a box that scrolls sideways (in the tab order) on a narrow screen. */
    private static String chart(String png, String alt) {
        return "<div class=\"wide chart\" tabindex=\"0\"><img src=\"" + png + "\" alt=\"" + esc(alt) + "\" width=\"100%\"></div>";
    }

    /** Text as HTML (for {@link #note}, which takes HTML). */
    public static String escape(String s) {
        return esc(s);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

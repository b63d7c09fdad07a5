package org.vascalc.cli.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.vascalc.simulation.scenario.ProjectFiles;

/**
 * The project's documentation folder ({@code docs/}: the model's equations and parameter tables, the
 * validation table, the stories, the references), served read-only at {@code /docs/...}, so that the
 * sources a page names ("see docs/model/wall.md") are a click away. Text files are sent as they are
 * (BibTeX, CSV, JSON as plain text), figures as PNG, Markdown as an HTML page
 * ({@link MarkdownPage}; {@code ?raw} sends it as written); a folder as a list of links. Nothing
 * outside {@code docs/} is reachable, and only the file types listed here are sent.
 */
final class DocsFiles {

    private DocsFiles() {
    }

    /** File types sent, by ending: text as UTF-8 plain text (a browser shows it as written), figures as images. */
    static final Map<String, String> TYPES = Map.of(
            "md", "text/plain; charset=utf-8", "bib", "text/plain; charset=utf-8",
            "csv", "text/plain; charset=utf-8", "json", "text/plain; charset=utf-8",
            "yaml", "text/plain; charset=utf-8", "txt", "text/plain; charset=utf-8", "png", "image/png");

    /** A file to send: its bytes and content type. */
    record File(byte[] bytes, String contentType) {
    }

    /** The docs folder of the checkout, if the server runs in one. */
    static Optional<Path> root() {
        return ProjectFiles.find("docs").map(p -> p.toAbsolutePath().normalize());
    }

    /** The file at {@code relative} under {@code root}, or empty when it is not there, not a sent type, or outside. */
    static Optional<File> file(Path root, String relative) throws IOException {
        Optional<Path> p = inside(root, relative);
        if (p.isEmpty() || !Files.isRegularFile(p.get())) {
            return Optional.empty();
        }
        String name = p.get().getFileName().toString();
        String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
        return type == null ? Optional.empty() : Optional.of(new File(Files.readAllBytes(p.get()), type));
    }

    /** The Markdown file at {@code relative} under {@code root} (rendered as a page by {@link MarkdownPage}), or empty. */
    static Optional<Path> markdown(Path root, String relative) {
        return inside(root, relative).filter(Files::isRegularFile).filter(p -> ending(p).equals("md"));
    }

    /** A page listing the folder at {@code relative} (its sub-folders and sent files), or empty when it is none. */
    static Optional<String> listing(Path root, String relative) throws IOException {
        Optional<Path> dir = inside(root, relative);
        if (dir.isEmpty() || !Files.isDirectory(dir.get())) {
            return Optional.empty();
        }
        String base = "/docs/" + root.relativize(dir.get()).toString().replace('\\', '/');
        base = base.endsWith("/") ? base : base + "/";
        List<Path> entries;
        try (Stream<Path> s = Files.list(dir.get())) {
            entries = s.filter(e -> Files.isDirectory(e) || TYPES.containsKey(ending(e))).sorted().toList();
        }
        StringBuilder b = new StringBuilder("<p>The project's documentation, read-only; Markdown documents are shown "
                + "formatted (each links to its text as written), BibTeX, CSV and JSON as written.</p>\n<ul>");
        if (!dir.get().equals(root)) {
            b.append("<li><a href=\"").append(Html.esc(base)).append("..\">..</a> (up)</li>");
        }
        for (Path e : entries) {
            String n = e.getFileName().toString() + (Files.isDirectory(e) ? "/" : "");
            b.append("<li><a href=\"").append(Html.esc(base + n)).append("\">").append(Html.esc(n)).append("</a>");
            // a bare list of file names left a new reader guessing which to open: each document's own title
            title(e).ifPresent(t -> b.append(" — ").append(Html.esc(t).replaceAll("`([^`]*)`", "<code>$1</code>")));
            b.append("</li>");
        }
        return Optional.of(Html.page("Documentation: " + base.substring(1), b.append("</ul>\n").toString()));
    }

    /** A Markdown document's title: its first "# " heading within its first 20 lines, or empty. */
    static Optional<String> title(Path file) {
        if (!Files.isRegularFile(file) || !ending(file).equals("md")) {
            return Optional.empty();
        }
        try (Stream<String> lines = Files.lines(file)) {
            return lines.limit(20).filter(l -> l.startsWith("# ")).findFirst().map(l -> l.substring(2).strip());
        } catch (IOException | java.io.UncheckedIOException e) {
            return Optional.empty(); // a file that cannot be read is listed by name only
        }
    }

    private static Optional<Path> inside(Path root, String relative) {
        try {
            Path p = root.resolve(relative.replace('\\', '/')).normalize();
            return p.startsWith(root) ? Optional.of(p) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static String ending(Path p) {
        String n = p.getFileName().toString();
        return n.substring(n.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }

    private static final Pattern MENTION = Pattern.compile("docs/((?:[A-Za-z0-9_-]+/)*(?:[A-Za-z0-9_.-]+\\.(?:md|bib|json|csv|png))?)");

    /**
     * Already-escaped HTML with every mention of a file or folder under {@code docs/} (as the captions
     * and pages write them: "see docs/model/wall.md") made a link to it.
     */
    static String linked(String escapedHtml) {
        Matcher m = MENTION.matcher(escapedHtml);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, Matcher.quoteReplacement("<a href=\"/" + m.group() + "\">" + m.group() + "</a>"));
        }
        return m.appendTail(b).toString();
    }
}

package org.vascalc.cli.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a reader of the repository's Markdown follows: relative links (to a file, a folder, a heading
 * of a page), repository paths written as code (`docs/cohorts.md`), and `./vascalc ...` command
 * lines. Reads text only; the checks that use it are in {@link DocumentationTest}.
 *
 * <p>Anchors follow GitHub's rule: the heading's text in lower case, everything but letters, digits,
 * spaces, hyphens and underscores removed, spaces turned into hyphens, and {@code -1}, {@code -2}
 * appended to repeats; {@code <a id>} / {@code <a name>} count too.
 */
final class MarkdownLinks {

    private MarkdownLinks() {
    }

    private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~)");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1");
    /** [text](target) and ![alt](target), an optional "title" after the target. */
    private static final Pattern INLINE_LINK = Pattern.compile("!?\\[(?:[^\\[\\]]|\\[[^\\]]*\\])*\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    /** [id]: target (a reference definition, at the start of a line). */
    private static final Pattern REFERENCE = Pattern.compile(
            "^\\s{0,3}\\[[^\\]]+\\]:\\s*<?(\\S+?)>?(?:\\s+(?:\"[^\"]*\"|'[^']*'|\\([^)]*\\)))?\\s*$");
    private static final Pattern HTML_TARGET = Pattern.compile("<(?:a|img)\\s[^>]*?(?:href|src)=\"([^\"]+)\"");
    private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s[^>]*?(?:id|name)=\"([^\"]+)\"");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:|^//");
    /** A repository path written as code: only path characters, starting at a top-level entry. */
    private static final Pattern PATH_SPAN = Pattern.compile(
            "[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)*(?:/|/[A-Za-z0-9_.-]+\\.[A-Za-z0-9]+)|[A-Za-z0-9_-]+\\.md");

    /** One Markdown file split into what is prose and what is code. */
    record Page(Path file, List<String> proseLines, List<String> textLines, List<String> codeBlockLines,
                List<String> codeSpans) {
    }

    static Page read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parse(file, text);
    }

    static Page parse(Path file, String text) {
        List<String> prose = new ArrayList<>();
        List<String> textLines = new ArrayList<>();
        List<String> code = new ArrayList<>();
        List<String> spans = new ArrayList<>();
        String fence = null;
        for (String line : text.split("\\R", -1)) {
            Matcher f = FENCE.matcher(line);
            boolean afterBlank = textLines.isEmpty() || textLines.get(textLines.size() - 1).isBlank();
            if (fence == null && f.find()) {
                fence = f.group(1);
            } else if (fence != null) {
                if (line.strip().startsWith(fence)) {
                    fence = null;
                } else {
                    code.add(line);
                }
            } else if (line.startsWith("    ") && !line.isBlank() && afterBlank
                    && !line.strip().matches("([-*+]|\\d+\\.)\\s.*|\\|.*")) {
                // an indented code block: four spaces after a blank line, not a list item or table row
                code.add(line.strip());
                textLines.add(" ");
                prose.add(" ");
                continue;
            } else {
                textLines.add(line);
                Matcher s = CODE_SPAN.matcher(line);
                StringBuilder kept = new StringBuilder();
                while (s.find()) {
                    spans.add(s.group(2).strip());
                    s.appendReplacement(kept, "");
                }
                s.appendTail(kept);
                prose.add(kept.toString());
                continue;
            }
            textLines.add("");
            prose.add("");
        }
        return new Page(file, prose, textLines, code, spans);
    }

    /** The link targets of a page's prose (code blocks and code spans are not links). */
    static List<String> linkTargets(Page page) {
        List<String> out = new ArrayList<>();
        for (String line : page.proseLines()) {
            Matcher m = INLINE_LINK.matcher(line);
            while (m.find()) {
                out.add(m.group(1));
            }
            Matcher r = REFERENCE.matcher(line);
            if (r.matches()) {
                out.add(r.group(1));
            }
            Matcher h = HTML_TARGET.matcher(line);
            while (h.find()) {
                out.add(h.group(1));
            }
        }
        return out;
    }

    /** GitHub's anchor of a heading's text (without the repeat suffix). */
    static String slug(String heading) {
        String s = heading.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1");
        s = s.strip().toLowerCase(Locale.ROOT);
        s = s.replaceAll("[^\\p{L}\\p{N}\\p{M}_ -]", "");
        return s.replace(' ', '-');
    }

    /** Every anchor a page offers: its headings' slugs (repeats numbered) and its HTML anchors. */
    static Set<String> anchors(Path file) {
        Set<String> out = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : read(file).textLines()) {
            Matcher h = HEADING.matcher(line);
            if (h.matches()) {
                String base = slug(h.group(2));
                int n = seen.merge(base, 1, Integer::sum) - 1;
                out.add(n == 0 ? base : base + "-" + n);
            }
            Matcher a = HTML_ANCHOR.matcher(line);
            while (a.find()) {
                out.add(a.group(1));
            }
        }
        return out;
    }

    /**
     * The problems of one page's links: a relative target that does not exist, leaves the
     * repository, or names a heading its page does not have. External links are not followed.
     */
    static List<String> linkProblems(Path root, Path file) {
        Path rootAbs = root.toAbsolutePath().normalize();
        Path fileAbs = file.toAbsolutePath().normalize();
        String where = rootAbs.relativize(fileAbs).toString();
        List<String> problems = new ArrayList<>();
        for (String target : linkTargets(read(fileAbs))) {
            if (SCHEME.matcher(target).find()) {
                continue;
            }
            int hash = target.indexOf('#');
            String pathPart = URLDecoder.decode(hash < 0 ? target : target.substring(0, hash), StandardCharsets.UTF_8);
            String anchor = hash < 0 ? null : target.substring(hash + 1);
            Path resolved = pathPart.isEmpty() ? fileAbs : fileAbs.getParent().resolve(pathPart).normalize();
            if (!resolved.startsWith(rootAbs)) {
                problems.add(where + ": link '" + target + "' leaves the repository");
                continue;
            }
            if (!Files.exists(resolved)) {
                problems.add(where + ": link '" + target + "' names a file that does not exist ("
                        + rootAbs.relativize(resolved) + ")");
                continue;
            }
            if (anchor != null && !anchor.isEmpty() && resolved.toString().endsWith(".md")
                    && !anchors(resolved).contains(anchor)) {
                problems.add(where + ": link '" + target + "' names a heading that "
                        + rootAbs.relativize(resolved) + " does not have");
            }
        }
        return problems;
    }

    /**
     * Repository paths written as code (`docs/cohorts.md`, `examples/scenarios/wall/`) that do not
     * exist. Only spans made of path characters alone, ending in a file name with an extension or in
     * a slash, that start at one of the repository's own top-level entries are read as paths; build output ({@code target/}) and spans with placeholders
     * ({@code ...}, {@code <key>}, {@code *}) are not.
     */
    static List<String> codePathProblems(Path root, Path file) {
        Path rootAbs = root.toAbsolutePath().normalize();
        Set<String> topLevel = new HashSet<>();
        try (Stream<Path> s = Files.list(rootAbs)) {
            s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".") && !n.equals("target") && !n.equals("out"))
                    .forEach(topLevel::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String where = rootAbs.relativize(file.toAbsolutePath().normalize()).toString();
        List<String> problems = new ArrayList<>();
        for (String span : read(file).codeSpans()) {
            if (!PATH_SPAN.matcher(span).matches() || span.contains("..") || span.contains("/target/")) {
                continue;
            }
            String first = span.contains("/") ? span.substring(0, span.indexOf('/')) : span;
            if (!topLevel.contains(first) || (!span.contains("/") && !span.equals(first))) {
                continue;
            }
            if (!Files.exists(rootAbs.resolve(span))) {
                problems.add(where + ": `" + span + "` names a path that does not exist");
            }
        }
        return problems;
    }

    /**
     * The {@code ./vascalc} command lines of a page, as argument lists: from code blocks (a trailing
     * backslash continues the line; a shell comment, pipe or redirection ends it) and from code spans.
     */
    static List<List<String>> vascalcCommands(Page page) {
        List<String> lines = new ArrayList<>();
        StringBuilder joined = new StringBuilder();
        for (String line : page.codeBlockLines()) {
            String t = line.strip();
            if (t.endsWith("\\")) {
                joined.append(t, 0, t.length() - 1).append(' ');
                continue;
            }
            joined.append(t);
            lines.add(joined.toString());
            joined.setLength(0);
        }
        if (!joined.isEmpty()) {
            lines.add(joined.toString());
        }
        lines.addAll(page.codeSpans());
        List<List<String>> out = new ArrayList<>();
        for (String line : lines) {
            int at = line.indexOf("./vascalc");
            while (at >= 0) {
                if (at == 0 || Character.isWhitespace(line.charAt(at - 1)) || line.charAt(at - 1) == '(') {
                    String rest = line.substring(at + "./vascalc".length());
                    if (rest.isEmpty() || Character.isWhitespace(rest.charAt(0))) {
                        out.add(words(rest));
                    }
                }
                at = line.indexOf("./vascalc", at + 1);
            }
        }
        return out;
    }

    /** Shell-like words up to a comment, pipe, redirection, separator or the next command. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        char quote = 0;
        boolean inWord = false;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    w.append(c);
                }
                continue;
            }
            if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
                continue;
            }
            if (Character.isWhitespace(c)) {
                if (inWord) {
                    String word = w.toString();
                    if (word.startsWith("#") || word.equals("|") || word.equals(";") || word.equals("&&") || word.equals("&")
                            || word.startsWith(">") || word.startsWith("2>") || word.equals("./vascalc")) {
                        return out;
                    }
                    out.add(word);
                    w.setLength(0);
                    inWord = false;
                }
                continue;
            }
            w.append(c);
            inWord = true;
        }
        return out;
    }

    /** The repository's Markdown: the root README, every folder's README, and everything under docs/. */
    static List<Path> markdownFiles(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".md"))
                    .filter(p -> {
                        for (Path part : root.relativize(p)) {
                            String n = part.toString();
                            if (n.startsWith(".") || n.equals("target") || n.equals("out") || n.equals("node_modules")) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .filter(p -> p.getFileName().toString().equals("README.md") || root.relativize(p).startsWith("docs"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

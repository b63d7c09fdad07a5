package org.vascalc.cli.web;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * A Markdown file of {@code docs/} as an HTML page of the site (commonmark-java with GitHub tables;
 * see cli/README.md for why a library and not a hand-written parser). Raw HTML in the Markdown is
 * escaped and link addresses sanitised (no {@code javascript:}); relative links and images are
 * rewritten to the {@code /docs/...} route of the file they name, so {@code [x](trials.md)},
 * {@code ../README.md}, {@code model/mineral.md#anchor} and {@code ../docs/img/x.png} work in the
 * browser. A page is rendered once per file modification time and size and then served from memory.
 */
final class MarkdownPage {

    private MarkdownPage() {
    }

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();

    /** A rendered page and the file state it was rendered from. */
    private record Cached(FileTime modified, long size, String html) {
    }

    private static final Map<Path, Cached> CACHE = new ConcurrentHashMap<>();

    /**
     * The page for the Markdown file {@code file}, which lies under {@code root} (the docs folder) or is
     * the repository's README.md beside it; {@code route} is its address ({@code /docs/model/wall.md}).
     */
    static String html(Path root, Path file, String route) throws IOException {
        FileTime modified = Files.getLastModifiedTime(file);
        long size = Files.size(file);
        Cached c = CACHE.get(file);
        if (c != null && c.modified().equals(modified) && c.size() == size) {
            return c.html();
        }
        String html = render(root, file, route, Files.readString(file));
        CACHE.put(file, new Cached(modified, size, html));
        return html;
    }

    /** Renders {@code markdown} of {@code file} as a whole page (no cache). */
    static String render(Path root, Path file, String route, String markdown) {
        Node doc = PARSER.parse(markdown);
        Path dir = file.getParent();
        HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS)
                .escapeHtml(true).sanitizeUrls(true)
                .attributeProviderFactory(context -> new Addresses(root, dir)).build();
        String body = renderer.render(doc)
                // wide tables scroll sideways on their own instead of widening the page (raw HTML is
                // escaped, so every "<table>" here is one the renderer wrote)
                .replace("<table>", "<div class=\"wide\"><table>").replace("</table>", "</table></div>");
        String title = title(doc, file);
        String crumbs = "<p class=\"src\"><a href=\"/docs\">Documentation</a> · <code>" + Html.esc(route.substring(1))
                + "</code> · <a href=\"" + Html.esc(route) + "?raw\">as written (Markdown)</a></p>\n";
        return Html.pageNoHeading(title, crumbs + "<article class=\"md\">\n" + body + "</article>\n");
    }

    /** The text of the first heading, else the file name. */
    private static String title(Node doc, Path file) {
        for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Heading h) {
                StringBuilder b = new StringBuilder();
                text(h, b);
                if (!b.isEmpty()) {
                    return b.toString().strip();
                }
            }
        }
        return file.getFileName().toString();
    }

    private static void text(Node n, StringBuilder b) {
        for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof Text t) {
                b.append(t.getLiteral());
            } else if (c instanceof org.commonmark.node.Code code) {
                b.append(code.getLiteral());
            } else {
                text(c, b);
            }
        }
    }

    /**
     * The address a relative link or image of a file in {@code dir} has on this site: the file's
     * {@code /docs/...} route when it lies under {@code root}, {@code /readme} for the repository's
     * README.md, and null (leave it as written) for absolute and external addresses and for anything
     * else outside docs/ (the browser then gets the site's 404 page, never the file).
     */
    static String route(Path root, Path dir, String address) {
        if (address == null || address.isEmpty() || address.startsWith("#") || address.startsWith("/")) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(address);
        } catch (URISyntaxException e) {
            return null;
        }
        if (uri.getScheme() != null || uri.getAuthority() != null || uri.getPath() == null || uri.getPath().isEmpty()) {
            return null;
        }
        String fragment = uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment();
        Path target = dir.resolve(uri.getPath()).normalize();
        if (target.startsWith(root)) {
            String rel = root.relativize(target).toString().replace('\\', '/');
            return "/docs" + (rel.isEmpty() ? "" : "/" + rel) + (uri.getPath().endsWith("/") && !rel.isEmpty() ? "/" : "") + fragment;
        }
        if (target.equals(root.resolveSibling("README.md"))) {
            return "/readme" + fragment;
        }
        return null;
    }

    /**
     * Rewrites relative link and image addresses (see {@link #route}), carries table alignment into a
     * style, and gives each heading GitHub's anchor as its {@code id} (so {@code page.md#heading} lands
     * there; the same rule as the documentation test's {@code MarkdownLinks.slug}, repeats numbered).
     * One per rendering (the renderer makes one per call), so the repeat count is the page's own.
     */
    private static final class Addresses implements AttributeProvider {
        private final Path root;
        private final Path dir;
        private final Map<String, Integer> seen = new java.util.HashMap<>();

        Addresses(Path root, Path dir) {
            this.root = root;
            this.dir = dir;
        }

        @Override
        public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
            if (node instanceof Link || node instanceof Image) {
                String key = node instanceof Link ? "href" : "src";
                String to = route(root, dir, attributes.get(key));
                if (to != null) {
                    attributes.put(key, to);
                }
            } else if (node instanceof TableCell) {
                String align = attributes.remove("align");
                if (align != null) {
                    attributes.put("style", "text-align:" + align);
                }
            } else if (node instanceof Heading h) {
                StringBuilder b = new StringBuilder();
                text(h, b);
                String base = slug(b.toString());
                int n = seen.merge(base, 1, Integer::sum) - 1;
                attributes.put("id", n == 0 ? base : base + "-" + n);
            }
        }
    }

    /** GitHub's anchor of a heading's text: lower case, only letters, digits, marks, '_', '-' and spaces kept, spaces as '-'. */
    static String slug(String headingText) {
        return headingText.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\p{M}_ -]", "").replace(' ', '-');
    }
}

package org.vascalc.physiology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.vascalc.core.evidence.Evidence;
import org.vascalc.core.param.Parameter;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.physiology.mineral.MineralBlock;
import org.vascalc.physiology.vitamink.VitaminKBlock;
import org.vascalc.physiology.wall.WallBlock;

/**
 * docs/references.bib is merged by union (.gitattributes), which can drop an entry's closing brace
 * when two branches append after the same line; a BibTeX reader then swallows the next entry. This
 * test keeps the file well formed and checks that every literature key of the model catalogs, and every
 * key a page of the docs cites in brackets ({@code [Houslay2006]}), is in it. (The trial files' {@code citation:}
 * keys are checked by {@code TrialFilesTest}, where the trial reader is.)
 */
class BibliographyTest {

    private static final Pattern ENTRY = Pattern.compile("^@(\\w+)\\{([^,\\s]+),", Pattern.MULTILINE);

    private static String bib() throws IOException {
        return Files.readString(Path.of("..", "docs", "references.bib"));
    }

    @Test
    void everyEntryClosesBeforeTheNextOneAndKeysAreUnique() throws IOException {
        String bib = bib();
        Matcher m = ENTRY.matcher(bib);
        List<Integer> starts = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        while (m.find()) {
            starts.add(m.start());
            keys.add(m.group(2));
        }
        assertThat(keys).as("entries").isNotEmpty();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            assertThat(seen.add(key)).as("duplicate key %s", key).isTrue();
            int end = i + 1 < starts.size() ? starts.get(i + 1) : bib.length();
            String entry = bib.substring(starts.get(i), end);
            int depth = 0;
            int closedAt = -1;
            for (int c = 0; c < entry.length(); c++) {
                char ch = entry.charAt(c);
                if (ch == '{') {
                    depth++;
                } else if (ch == '}') {
                    depth--;
                    if (depth == 0) {
                        closedAt = c;
                        break;
                    }
                }
            }
            assertThat(closedAt).as("entry %s is not closed before the next entry", key).isPositive();
            assertThat(entry.substring(closedAt + 1).isBlank()).as("text after the end of entry %s", key).isTrue();
        }
    }

    /** A bracketed citation key as the docs write it: {@code [Shea2009]}, {@code [Block2012Binders]}. */
    private static final Pattern CITED = Pattern.compile("\\[([A-Z][A-Za-z]+\\d{4}[A-Za-z0-9]*)\\]");

    /**
     * The append-only logs are left out: a key quoted there (a mistake found and mended) cannot be edited
     * afterwards. Every other page of docs/ and every README.
     */
    private static final Set<String> LOGS = Set.of("review-log.md", "testing.md", "performance-log.md");

    @Test
    void everyKeyThePagesCiteInBracketsIsInTheBibliography() throws IOException {
        Set<String> keys = new HashSet<>();
        Matcher e = ENTRY.matcher(bib());
        while (e.find()) {
            keys.add(e.group(2));
        }
        Path root = Path.of("..");
        List<Path> pages = new ArrayList<>();
        try (var docs = Files.walk(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md") && !LOGS.contains(p.getFileName().toString()))
                    .forEach(pages::add);
        }
        try (var readmes = Files.list(root)) {
            readmes.map(d -> Files.isDirectory(d) ? d.resolve("README.md") : d)
                    .filter(p -> p.getFileName().toString().equals("README.md") && Files.isRegularFile(p))
                    .forEach(pages::add);
        }
        assertThat(pages).as("pages").hasSizeGreaterThan(20);
        List<String> missing = new ArrayList<>();
        int cited = 0;
        for (Path page : pages) {
            Matcher m = CITED.matcher(Files.readString(page));
            while (m.find()) {
                cited++;
                if (!keys.contains(m.group(1))) {
                    missing.add(root.relativize(page) + " cites " + m.group(1));
                }
            }
        }
        assertThat(cited).as("bracketed citations found").isGreaterThan(100);
        assertThat(missing).as("keys not in docs/references.bib").isEmpty();
    }

    @Test
    void everyLiteratureKeyOfTheModelCatalogsIsInTheBibliography() throws IOException {
        String bib = bib();
        List<ParameterCatalog> catalogs = List.of(MineralBlock.defaultParameters(), ParameterCatalog.fromResource(VitaminKBlock.class, VitaminKBlock.CATALOG),
                WallBlock.defaultCatalog());
        for (ParameterCatalog catalog : catalogs) {
            for (Parameter p : catalog.parameters()) {
                if (p.evidence() instanceof Evidence.Literature l) {
                    assertThat(bib).as("%s cites %s", p.name(), l.bibKey()).contains("{" + l.bibKey() + ",");
                }
            }
        }
    }
}

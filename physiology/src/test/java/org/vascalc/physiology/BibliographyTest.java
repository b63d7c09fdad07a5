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
 * test keeps the file well formed and checks that every literature key of the model catalogs is in it.
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

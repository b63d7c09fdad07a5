package org.vascalc.simulation.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.engine.ModelAssembly;

/** Reading back the partial files of a stopped run (made-up follow-up values, no engine run). */
class PartialCohortTest {

    private static final ParameterCatalog CATALOG = ModelAssembly.defaultParameters();
    private static final VirtualPopulation POP = new VirtualPopulation(9, CATALOG);

    /** Member k's made-up follow-up in arm a: values that differ by member and arm. */
    private static FollowUp made(long k, int arm) {
        double x = 10 * k + arm;
        return new FollowUp(POP.mesa(k), 0.5, x, x + 1, 7.5, 300 + x, 0.01, 0.02, 0.003,
                new FollowUp.Layers(x, x + 2, 0.5, 0.75));
    }

    private static String row(FollowUp u) {
        StringBuilder b = new StringBuilder();
        CohortTable.appendRow(b, u);
        return b.toString();
    }

    private static Path file(Path dir, String name, int arm, int members, String tail) throws Exception {
        StringBuilder b = new StringBuilder(CohortTable.header());
        for (long k = 0; k < members; k++) {
            b.append(row(made(k, arm)));
        }
        return Files.writeString(dir.resolve(name), b.append(tail).toString(), StandardCharsets.US_ASCII);
    }

    private static long bytes(int arm, int members) {
        long n = CohortTable.header().length();
        for (long k = 0; k < members; k++) {
            n += row(made(k, arm)).length();
        }
        return n;
    }

    @Test
    void theMembersFinishedInEveryArmAreReadBackInOrderWithTheBytesToKeep(@TempDir Path dir) throws Exception {
        Path a = file(dir, "a.csv", 0, 3, "");
        Path b = file(dir, "b.csv", 1, 2, "");
        List<Long> seen = new ArrayList<>();
        List<List<FollowUp>> got = new ArrayList<>();
        PartialCohort p = PartialCohort.read(List.of(a, b), POP::mesa, 100, (k, byArm) -> {
            seen.add(k);
            got.add(byArm);
        });
        // the shorter file has two members: the third row of a.csv is left out
        assertThat(p.members()).isEqualTo(2);
        assertThat(seen).containsExactly(0L, 1L);
        assertThat(got).containsExactly(List.of(made(0, 0), made(0, 1)), List.of(made(1, 0), made(1, 1)));
        assertThat(p.keepBytes()).containsExactly(bytes(0, 2), bytes(1, 2));
        assertThat(Files.size(a)).isEqualTo(bytes(0, 3)); // reading cuts nothing whole
    }

    @Test
    void atMostMaxMembersAreRead(@TempDir Path dir) throws Exception {
        Path a = file(dir, "a.csv", 0, 3, "");
        List<Long> seen = new ArrayList<>();
        PartialCohort p = PartialCohort.read(List.of(a), POP::mesa, 1, (k, byArm) -> seen.add(k));
        assertThat(p.members()).isEqualTo(1);
        assertThat(seen).containsExactly(0L);
        assertThat(p.keepBytes()).containsExactly(bytes(0, 1));
        assertThat(PartialCohort.read(List.of(a), POP::mesa, 0, (k, byArm) -> seen.add(k)))
                .isEqualTo(new PartialCohort(0, List.of((long) CohortTable.header().length())));
    }

    @Test
    void aTornLastLineIsCutOffTheFile(@TempDir Path dir) throws Exception {
        String whole = row(made(2, 0));
        Path a = file(dir, "a.csv", 0, 2, whole.substring(0, 12)); // a kill -9 in the middle of member 2's row
        PartialCohort p = PartialCohort.read(List.of(a), POP::mesa, 100, (k, byArm) -> { });
        assertThat(p.members()).isEqualTo(2);
        assertThat(Files.size(a)).isEqualTo(bytes(0, 2));
        assertThat(Files.readString(a)).endsWith("\n");
    }

    @Test
    void cuttingAFileWithoutALineEndEmptiesIt(@TempDir Path dir) throws Exception {
        Path a = Files.writeString(dir.resolve("x"), "abc");
        PartialCohort.cutTornTail(a);
        assertThat(Files.size(a)).isZero();
        Path b = Files.writeString(dir.resolve("y"), "ab\n");
        PartialCohort.cutTornTail(b);
        assertThat(Files.readString(b)).isEqualTo("ab\n");
    }

    @Test
    void aFileOfAnotherCohortOrWithoutTheHeaderIsRefusedNamingIt(@TempDir Path dir) throws Exception {
        Path a = file(dir, "a.csv", 0, 2, "");
        VirtualPopulation other = new VirtualPopulation(10, CATALOG);
        assertThatThrownBy(() -> PartialCohort.read(List.of(a), other::mesa, 100, (k, byArm) -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 1 of " + a).hasMessageContaining("not member 0 of this cohort");
        // member 1's row where member 0's should be
        Path b = Files.writeString(dir.resolve("b.csv"), CohortTable.header() + row(made(1, 0)));
        assertThatThrownBy(() -> PartialCohort.read(List.of(b), POP::mesa, 100, (k, byArm) -> { }))
                .hasMessageContaining("row 1 of " + b);
        Path crlf = Files.writeString(dir.resolve("c.csv"), CohortTable.header().replace("\n", "\r\n"));
        assertThatThrownBy(() -> PartialCohort.read(List.of(a, crlf), POP::mesa, 100, (k, byArm) -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(crlf + " does not start with the header");
        Path empty = Files.writeString(dir.resolve("d.csv"), "");
        assertThatThrownBy(() -> PartialCohort.read(List.of(empty), POP::mesa, 100, (k, byArm) -> { }))
                .hasMessageContaining("does not start with the header");
        // refused before anything is cut: a torn tail of the good file stays
        Path torn = file(dir, "e.csv", 0, 1, "0,mes");
        long size = Files.size(torn);
        assertThatThrownBy(() -> PartialCohort.read(List.of(torn, crlf), POP::mesa, 100, (k, byArm) -> { }))
                .hasMessageContaining("does not start with the header");
        assertThat(Files.size(torn)).isEqualTo(size);
    }

    @Test
    void keepBytesIsACopy() {
        List<Long> keep = new ArrayList<>(List.of(5L));
        PartialCohort p = new PartialCohort(1, keep);
        keep.add(6L);
        assertThat(p.keepBytes()).containsExactly(5L);
    }
}

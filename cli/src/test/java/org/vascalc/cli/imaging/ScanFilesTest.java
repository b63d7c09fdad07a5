package org.vascalc.cli.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the scorer says about a folder's files that are not DICOM, by the contract in ScanFiles' comments:
 * names sorted, at most five, "(empty)" after an empty file, hidden files and folders not listed,
 * a folder holding folders pointed to one of them.
 */
class ScanFilesTest {

    @TempDir
    Path dir;

    private void files(String... names) throws IOException {
        for (String n : names) {
            Files.writeString(dir.resolve(n), "not a DICOM file");
        }
    }

    @Test
    void fiveNamesAreAllShownAndASixthIsCounted() {
        assertThat(ScanFiles.describeNotDicom(List.of("a", "b", "c", "d", "e")))
                .isEqualTo("5 files that are not DICOM (a, b, c, d, e)");
        assertThat(ScanFiles.describeNotDicom(List.of("a", "b", "c", "d", "e", "f")))
                .isEqualTo("6 files that are not DICOM (a, b, c, d, e and 1 more)");
        assertThat(ScanFiles.describeNotDicom(List.of("a", "b", "c", "d", "e", "f", "g", "h")))
                .isEqualTo("8 files that are not DICOM (a, b, c, d, e and 3 more)");
        assertThat(ScanFiles.describeNotDicom(List.of("README.txt"))).isEqualTo("1 file that is not DICOM (README.txt)");
    }

    @Test
    void onlyVisibleFilesAreListedSortedAndAnEmptyOneSaysSo() throws IOException {
        files("b.png", "a.txt", ".DS_Store");
        Files.createFile(dir.resolve("IM0010.dcm"));
        Files.createDirectory(dir.resolve("sub"));
        assertThat(ScanFiles.notDicom(dir)).containsExactly("IM0010.dcm (empty)", "a.txt", "b.png");
    }

    @Test
    void anEmptyFolderIsCalledEmpty() {
        assertThat(ScanFiles.noDicomHint(dir)).isEqualTo(" (the folder is empty; give the folder of one CT series whose "
                + "files are DICOM Part 10, each starting with 'DICM' after a 128-byte preamble)");
    }

    @Test
    void aFolderOfOtherFilesNamesThem() throws IOException {
        files("notes.txt");
        assertThat(ScanFiles.noDicomHint(dir)).isEqualTo(" (it holds 1 file that is not DICOM (notes.txt); give the folder "
                + "of one CT series whose files are DICOM Part 10, each starting with 'DICM' after a 128-byte preamble)");
    }

    @Test
    void aFolderHoldingOnlyHiddenFilesIsNeitherEmptyNorNamed() throws IOException {
        files(".hidden");
        assertThat(ScanFiles.noDicomHint(dir)).isEmpty();
    }

    @Test
    void aFolderOfSeriesFoldersPointsToTheFirstAndSkipsHiddenOnes() throws IOException {
        for (String d : new String[] {"s5", "s1", "s2", "s3", "s4", ".git"}) {
            Files.createDirectory(dir.resolve(d));
        }
        assertThat(ScanFiles.noDicomHint(dir)).isEqualTo(" (it holds 5 folders (s1, s2, s3, s4, s5), which are not "
                + "searched: give the folder of one series, e.g. " + dir.resolve("s1") + ")");
        Files.createDirectory(dir.resolve("s6"));
        files("notes.txt");
        assertThat(ScanFiles.noDicomHint(dir)).isEqualTo(" (it holds 1 file that is not DICOM (notes.txt) and 6 folders "
                + "(s1, s2, s3, s4, s5, ...), which are not searched: give the folder of one series, e.g. "
                + dir.resolve("s1") + ")");
    }

    @Test
    void aReadersMessageLosesOnlyALeadingFolderName() {
        assertThat(ScanFiles.withoutFolder(dir + ": contains no DICOM Part-10 files", dir))
                .isEqualTo("contains no DICOM Part-10 files");
        assertThat(ScanFiles.withoutFolder("bad slice in " + dir, dir)).isEqualTo("bad slice in " + dir);
        assertThat(ScanFiles.withoutFolder(null, dir)).isEmpty();
    }
}

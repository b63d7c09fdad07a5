package org.vascalc.cli.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vascalc.core.files.TemporaryOnExit;

class CtPageUploadFolderTest {

    @Test
    void anUploadFolderRemovedByACtrlCIsNotCreatedAgainForTheSeries(@TempDir Path dir) throws IOException {
        // the server stopped (Ctrl-C) while an upload was being copied: the exit clean-up removed the upload
        // folder, and creating its ct/ sub-folder re-created it, left behind with the uploaded scan
        Path upload = Files.createDirectory(dir.resolve("vascalc-upload-x1"));
        try (TemporaryOnExit t = TemporaryOnExit.watch(upload)) {
            t.runExitCleanup();
            assertThatThrownBy(() -> CtPage.copyInto(List.of(), upload.resolve("ct")))
                    .isInstanceOf(NoSuchFileException.class).hasMessageContaining("the program is exiting");
        }
        try (var left = Files.list(dir)) {
            assertThat(left.toList()).isEmpty();
        }
        assertThat(CtPage.copyInto(List.of(), dir.resolve("other/ct"))).isDirectory();
    }
}

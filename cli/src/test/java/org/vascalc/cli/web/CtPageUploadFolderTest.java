package org.vascalc.cli.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.javalin.http.UploadedFile;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
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

    /**
     * The page's answer to an upload cut off by a Ctrl-C: the exit clean-up removes the upload folder
     * while the first file is being copied into it (as the shutdown hook does while the request thread
     * runs on). The handler answers 503 "the server is stopping", not a stack trace, and neither the
     * upload folder nor the clean-up's renamed copy of it is left.
     */
    @Test
    void anUploadCutOffByTheServerStoppingIsAnswered503WithNothingLeft() throws IOException {
        AtomicReference<Path> uploadFolder = new AtomicReference<>();
        Part stopping = new BytesPart("IM0001.dcm", new byte[] {1, 2, 3}) {
            @Override
            public InputStream getInputStream() {
                TemporaryOnExit watched = TemporaryOnExit.active().stream()
                        .filter(t -> t.temp().getFileName().toString().startsWith("vascalc-upload-"))
                        .findFirst().orElseThrow();
                uploadFolder.set(watched.temp());
                watched.runExitCleanup(); // what the shutdown hook does at Ctrl-C
                return super.getInputStream();
            }
        };

        Response r = CtPage.upload(new FormValues(Map.of()), List.of(new UploadedFile(stopping)), List.of());

        assertThat(r.status()).isEqualTo(503);
        assertThat(r.body()).contains("The server is stopping; the upload was not scored.").doesNotContain("Exception");
        Path folder = uploadFolder.get();
        assertThat(folder).as("the handler's upload folder").isNotNull().doesNotExist();
        try (Stream<Path> siblings = Files.list(folder.getParent())) {
            assertThat(siblings.map(p -> p.getFileName().toString()))
                    .as("nothing of the upload left beside it").noneMatch(n -> n.startsWith(folder.getFileName().toString()));
        }
        assertThat(TemporaryOnExit.active()).noneMatch(t -> t.temp().equals(folder));
    }

    /**
     * An upload that arrives after the exit's first hook closed the gate (the JVM may halt at any moment) is
     * answered 503 without creating its folder even for a moment (writergate session: the folder was created
     * first and watched after, and a stop between the two left it, with the uploaded scan, in the system's
     * temporary folder).
     */
    @Test
    void anUploadArrivingWhileTheServerStopsCreatesNoFolder() throws IOException {
        AtomicReference<Boolean> read = new AtomicReference<>(false);
        Part file = new BytesPart("IM0001.dcm", new byte[] {1, 2, 3}) {
            @Override
            public InputStream getInputStream() {
                read.set(true);
                return super.getInputStream();
            }
        };
        Response r;
        TemporaryOnExit.closeGateForTests();
        try {
            r = CtPage.upload(new FormValues(Map.of()), List.of(new UploadedFile(file)), List.of());
        } finally {
            TemporaryOnExit.reopenGateForTests();
        }
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.body()).contains("The server is stopping; the upload was not scored.").doesNotContain("Exception");
        assertThat(read.get()).as("nothing of the upload was copied").isFalse();
        assertThat(TemporaryOnExit.active()).noneMatch(t -> t.temp().getFileName().toString().startsWith("vascalc-upload-"));
    }
}

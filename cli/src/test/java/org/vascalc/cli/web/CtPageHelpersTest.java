package org.vascalc.cli.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vascalc.cli.web.Forms.form;

import io.javalin.http.UploadedFile;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.core.input.InputProblems;
import org.vascalc.imaging.score.ThresholdConvention;

/**
 * The CT page's words about an upload, and its form's scoring options, on hand-made uploads: what the
 * page says of files it passed over, which names the user sees (their own, never the server's folder),
 * the empty part a browser sends for a file input left empty, and the 413 of an upload past the limits.
 */
class CtPageHelpersTest {

    @Test
    void filesPassedOverAreCountedAndAtMostFiveNamed() {
        assertThat(CtPage.passedOver(List.of("a.txt"))).isEqualTo("passed over 1 file that is not DICOM: a.txt");
        assertThat(CtPage.passedOver(List.of("a", "b", "c", "d", "e")))
                .isEqualTo("passed over 5 files that are not DICOM: a, b, c, d, e");
        assertThat(CtPage.passedOver(List.of("a", "b", "c", "d", "e", "f", "g")))
                .isEqualTo("passed over 7 files that are not DICOM: a, b, c, d, e and 2 more");
        assertThat(CtPage.uploaded(1)).isEqualTo("the 1 uploaded file is");
        assertThat(CtPage.uploaded(2)).isEqualTo("the 2 uploaded files are");
    }

    @Test
    void aReadersMessageNamesTheUploadedFilesNotTheServersFolder() {
        Path dir = Path.of("/tmp", "vascalc-upload-1", "ct");
        String sep = File.separator;
        List<UploadedFile> files = List.of(file("IM0001.dcm", 3), file("", 3), file("IM0003.dcm", 3));
        assertThat(CtPage.withoutServerPath(dir + ": contains no DICOM files", dir, files))
                .isEqualTo("contains no DICOM files");
        assertThat(CtPage.withoutServerPath(dir + sep + "00002.dcm: truncated; " + dir + sep + "00001.dcm: empty", dir, files))
                .as("each file by its uploaded name, or its place in the upload when it came without one")
                .isEqualTo("IM0003.dcm: truncated; file 2: empty");
        assertThat(CtPage.withoutServerPath(dir + sep + "00007.dcm: truncated", dir, files))
                .as("a number past the upload stays a number").isEqualTo("00007.dcm: truncated");
        assertThat(CtPage.withoutServerPath(dir + sep + "00003.dcm: truncated", dir, files))
                .as("the first number past the upload's three files").isEqualTo("00003.dcm: truncated");
        assertThat(CtPage.withoutServerPath("spacing irregular in " + dir, dir, files))
                .isEqualTo("spacing irregular in the uploaded files");
        assertThat(CtPage.withoutServerPath(null, dir, files)).isEmpty();
    }

    @Test
    void theEmptyNamelessPartOfAFileInputLeftEmptyIsNoFile() {
        UploadedFile none = file("", 0);
        UploadedFile emptyButNamed = file("IM0001.dcm", 0);
        UploadedFile namelessWithContent = file("", 4);
        assertThat(CtPage.chosen(List.of(none, emptyButNamed, namelessWithContent)))
                .containsExactly(emptyButNamed, namelessWithContent);
    }

    @Test
    void anUploadWithoutFilesOrWithABadFieldIsA400NamingIt() throws Exception {
        Response none = CtPage.upload(form(), List.of(file("", 0)), List.of());
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.body()).contains("no files were uploaded");

        Response badCha = CtPage.upload(form("cha", "9"), List.of(file("IM0001.dcm", 3)), List.of());
        assertThat(badCha.status()).isEqualTo(400);
        assertThat(badCha.body()).contains("cha").contains("0.1").contains("5");
    }

    @Test
    void theThresholdsAndMassCalibrationFieldsGiveTheScoringOptions() {
        InputProblems p = new InputProblems();
        var o = CtPage.options(form("convention", "kv-specific", "cha", "0.9"), p);
        assertThat(p.all()).isEmpty();
        assertThat(o.convention()).isEqualTo(ThresholdConvention.KV_SPECIFIC);
        assertThat(o.massCalibrationMgPerCm3PerHu()).isEqualTo(0.9);
        var clinical = CtPage.options(form(), p);
        assertThat(clinical.convention()).isNotEqualTo(ThresholdConvention.KV_SPECIFIC);
    }

    @Test
    void anUploadPastTheLimitsIs413SayingBothLimits() throws Exception {
        Response r = CtPage.uploadTooLarge();
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.body()).contains("larger than 64 MB, or is larger than 600 MB in all");
    }

    @Test
    void onlyJettysSizeRefusalCountsAsAnUploadTooLarge() {
        assertThat(WebApp.multipartTooLarge(new RuntimeException(new IllegalStateException("max file size exceeded")))).isTrue();
        assertThat(WebApp.multipartTooLarge(new IllegalStateException("Request exceeded maxRequestSize"))).isTrue();
        assertThat(WebApp.multipartTooLarge(new IllegalStateException("stream closed"))).isFalse();
        assertThat(WebApp.multipartTooLarge(new IllegalArgumentException("size exceeded"))).isFalse();
        assertThat(WebApp.multipartTooLarge(new IllegalStateException((String) null))).isFalse();
    }

    private static UploadedFile file(String name, int size) {
        return BytesPart.upload(name, new byte[size]);
    }
}

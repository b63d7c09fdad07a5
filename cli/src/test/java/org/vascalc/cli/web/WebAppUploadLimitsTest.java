package org.vascalc.cli.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vascalc.cli.FakeModel;

/**
 * The upload's whole-body limit (CtPage: "larger than 600 MB in all"), over real HTTP: every file under the
 * 64 MB per-file limit, but more than 600 MB together, is refused with 413 naming both limits, not read into
 * files and scored. The body is generated as it is sent (nothing of it held in memory). The answer, the CT page
 * with its problem (8 204 bytes), is longer than the 8 KB Jetty sends in one write: chunked, it was lost whenever
 * the server closed the connection on the unread body first (red at every run on a quiet machine, fifty-second
 * session, until WebApp sent it whole with its length).
 */
class WebAppUploadLimitsTest {

    @RegisterExtension
    static final TestServer SERVER = new TestServer(new FakeModel());

    private static final String BOUNDARY = "vascalc-limits-boundary";

    /** An input stream of {@code n} zero bytes, made as it is read. */
    private static InputStream zeros(long n) {
        return new InputStream() {
            private long left = n;

            @Override
            public int read() {
                return left-- > 0 ? 0 : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int k = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + k, (byte) 0);
                left -= k;
                return k;
            }
        };
    }

    private static InputStream ascii(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void filesEachUnderTheFileLimitButOverTheTotalAre413NamingBothLimits() throws Exception {
        long each = CtPage.MAX_FILE_BYTES - 1024 * 1024; // 63 MB, under the per-file limit
        int count = (int) (CtPage.MAX_UPLOAD_BYTES / each) + 1; // 10 files, 630 MB: past 600 MB in all
        assertThat(each * count).isGreaterThan(CtPage.MAX_UPLOAD_BYTES);
        List<InputStream> parts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            parts.add(ascii("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"x" + i
                    + ".dcm\"\r\nContent-Type: application/dicom\r\n\r\n"));
            parts.add(zeros(each));
            parts.add(ascii("\r\n"));
        }
        parts.add(ascii("--" + BOUNDARY + "--\r\n"));
        HttpResponse<String> r = SERVER.send(HttpRequest.newBuilder(SERVER.uri("/ct/score"))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(Collections.enumeration(parts))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("larger than 64 MB, or is larger than 600 MB in all").doesNotContain("Internal error");
    }
}

package org.vascalc.cli.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
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
        long length = 0;
        for (int i = 0; i < count; i++) {
            String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"x" + i
                    + ".dcm\"\r\nContent-Type: application/dicom\r\n\r\n";
            parts.add(ascii(head));
            parts.add(zeros(each));
            parts.add(ascii("\r\n"));
            length += head.length() + each + 2;
        }
        String end = "--" + BOUNDARY + "--\r\n";
        parts.add(ascii(end));
        length += end.length();
        String answer = sendWhileReading("POST /ct/score HTTP/1.1\r\nHost: %s\r\nContent-Type: multipart/form-data; "
                + "boundary=" + BOUNDARY + "\r\nContent-Length: " + length + "\r\n\r\n",
                new SequenceInputStream(Collections.enumeration(parts)));
        assertThat(answer).startsWith("HTTP/1.1 413").contains("larger than 64 MB, or is larger than 600 MB in all")
                .doesNotContain("Internal error");
    }

    /**
     * The answer (head and body, as text) to a request whose head is {@code head} (%s for the host) and whose body
     * is written from {@code body} by another thread while this one reads. The server answers 413 once past 600 MB
     * and closes with body bytes unread: a client that reads only after writing can lose the answer to the reset
     * that follows (CI, stop 59, in WebAppMalformedRequestsTest), so the answer is read as it arrives, and the
     * writer's broken pipe after it is expected. Its length is stated, as a browser states a form's.
     */
    private static String sendWhileReading(String head, InputStream body) throws Exception {
        java.net.URI base = SERVER.uri("/");
        java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
        java.net.Socket s = new java.net.Socket(base.getHost(), base.getPort());
        Thread writer = null;
        try {
            s.setSoTimeout(120_000);
            java.io.OutputStream out = s.getOutputStream();
            out.write(head.formatted(base.getHost()).getBytes(StandardCharsets.US_ASCII));
            writer = Thread.ofPlatform().daemon().start(() -> {
                try {
                    body.transferTo(out);
                    out.flush();
                } catch (java.io.IOException e) {
                    // the server answered and closed before the whole body was sent: what the test expects
                }
            });
            InputStream in = s.getInputStream();
            byte[] buf = new byte[8192];
            try {
                for (int n; !answered(got) && (n = in.read(buf)) >= 0; ) {
                    got.write(buf, 0, n);
                }
            } catch (java.net.SocketException e) {
                // a reset after the answer: what arrived before it is kept and checked
            }
        } finally {
            s.close(); // also ends a writer still blocked on the full socket
            if (writer != null) {
                writer.join(60_000);
            }
        }
        return got.toString(StandardCharsets.UTF_8);
    }

    /** Whether {@code got} holds a whole answer: its head and as many body bytes as its Content-Length says. */
    private static boolean answered(java.io.ByteArrayOutputStream got) {
        String text = got.toString(StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?im)^Content-Length: *(\\d+)")
                .matcher(text.substring(0, end));
        return m.find() && text.length() - end - 4 >= Long.parseLong(m.group(1));
    }
}

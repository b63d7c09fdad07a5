package org.vascalc.cli.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vascalc.cli.FakeModel;

/**
 * Requests the server cannot read, over real HTTP (review12): a body that is not the multipart form its
 * Content-Type says, a character set Java does not know, and a form body far larger than any form takes. Each
 * is the client's problem, answered 4xx with words; none is an "Internal error (a bug ...)" with a stack trace in
 * the log, and a huge form is refused from its stated length, unread.
 */
class WebAppMalformedRequestsTest {

    @RegisterExtension
    static final TestServer SERVER = new TestServer(new FakeModel());

    private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return SERVER.send(HttpRequest.newBuilder(SERVER.uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aBodyThatIsNotTheMultipartFormItClaimsIs400NotAnInternalError() throws Exception {
        for (String path : List.of("/ct/score", "/ct/phantom", "/scenario")) {
            for (String type : List.of("multipart/form-data", "multipart/form-data; boundary=xyz")) {
                HttpResponse<String> r;
                try {
                    r = post(path, type, "garbage, no parts");
                } catch (java.io.IOException e) {
                    throw new AssertionError(path + " " + type + ": " + e, e);
                }
                assertThat(r.statusCode()).as(path + " " + type).isEqualTo(400);
                assertThat(r.body()).as(path).contains("could not be read (bad multipart)")
                        .contains("Send the form from the page").doesNotContain("Internal error");
            }
        }
        assertThat(SERVER.log()).doesNotContain("internal error");
    }

    @Test
    void aCharacterSetJavaDoesNotKnowIs400NamingIt() throws Exception {
        for (String path : List.of("/ct/phantom", "/scenario")) {
            HttpResponse<String> r = post(path, "application/x-www-form-urlencoded; charset=bogus", "text=a");
            assertThat(r.statusCode()).as(path).isEqualTo(400);
            assertThat(r.body()).as(path).contains("the character set &#39;bogus&#39;").doesNotContain("Internal error");
        }
        assertThat(SERVER.log()).doesNotContain("internal error");
    }

    @Test
    void aFormFarLargerThanAnyFormTakesIs413FromItsLengthUnread() throws Exception {
        long size = WebApp.MAX_FORM_BYTES + 1024 * 1024;
        InputStream head = new java.io.ByteArrayInputStream("text=".getBytes(StandardCharsets.US_ASCII));
        InputStream xs = new InputStream() { // made as it is read: nothing of it held here
            private long left = size;

            @Override
            public int read() {
                return left-- > 0 ? 'x' : -1;
            }
        };
        HttpResponse<String> r = SERVER.send(HttpRequest.newBuilder(SERVER.uri("/scenario"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(head, xs)), size + 5))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("is 5.0 MB; a form here is at most 4 MB").contains("./vascalc simulate FILE");
    }
}

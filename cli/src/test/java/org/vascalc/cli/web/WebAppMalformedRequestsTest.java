package org.vascalc.cli.web;

import static org.assertj.core.api.Assertions.assertThat;

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
        // Only the head is sent, its Content-Length naming 5 MB: the answer must come from the stated length alone.
        // Sending the body as well made the test flaky (CI, stop 59: "header parser received no bytes"): the
        // server answers and closes with body bytes unread, the kernel resets the connection, and a client still
        // writing can lose the answer. A browser meets the same race; the test is about the server's decision.
        long size = WebApp.MAX_FORM_BYTES + 1024 * 1024 + 5;
        java.net.URI base = SERVER.uri("/");
        String answer;
        try (java.net.Socket s = new java.net.Socket(base.getHost(), base.getPort())) {
            s.setSoTimeout(30_000);
            s.getOutputStream().write(("POST /scenario HTTP/1.1\r\nHost: " + base.getHost()
                    + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + size
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(answer).startsWith("HTTP/1.1 413").contains("is 5.0 MB; a form here is at most 4 MB")
                .contains("./vascalc simulate FILE");
    }

    @Test
    void aBrokenPercentEscapeIsAMalformedAddressNotAMissingValue() throws Exception {
        // review12: the server dropped age=%zz and the page answered "missing: give age"
        for (String path : List.of("/risk?age=%zz", "/api/risk?age=%zz", "/compare?age=5%")) {
            String answer = rawGet(path); // java.net.URI refuses to make such an address: sent as bytes
            assertThat(answer).as(path).startsWith("HTTP/1.1 400").contains("the address is malformed")
                    .contains("is not a percent escape").doesNotContain("missing");
        }
        assertThat(WebApp.brokenPercentEscape("age=55%25&sex=%C3%A9")).isNull();
        assertThat(WebApp.brokenPercentEscape("age=%zz1")).isEqualTo("%zz");
    }

    /** leftovers15: as the address, a form body with a broken escape is named (the GET was, the POST was not). */
    @Test
    void aBrokenPercentEscapeInAFormBodyIsAMalformedForm() throws Exception {
        for (String path : List.of("/scenario", "/ct/phantom")) {
            HttpResponse<String> r = post(path, "application/x-www-form-urlencoded", "text=%zz");
            assertThat(r.statusCode()).as(path).isEqualTo(400);
            assertThat(r.body()).as(path).contains("the form is malformed: &#39;%zz&#39; in its body is not a percent "
                    + "escape (a % is followed by two hexadecimal digits; a percent sign itself is written %25)")
                    .doesNotContain("Internal error");
        }
        HttpResponse<String> fine = post("/scenario", "application/x-www-form-urlencoded", "text=50%25");
        assertThat(fine.body()).doesNotContain("is not a percent escape");
        assertThat(SERVER.log()).doesNotContain("internal error");
    }

    /**
     * leftovers15: an address too long (414) and headers too large (431) were Jetty's bare pages; now the app's page
     * with what to do. The requests are sent as bytes: the HTTP client refuses to make them.
     */
    @Test
    void anAddressOrHeadersTooLongGetTheAppsPageSayingWhatToDo() throws Exception {
        String uri = rawGet("/risk?age=" + "5".repeat(20_000));
        assertThat(uri).startsWith("HTTP/1.1 414").contains("<title>Address too long").contains("class=\"problems\"")
                .contains("The address is longer than the server reads (8 KB)").contains("fill in its form");
        String headers = rawGet("/", "Cookie: big=" + "x".repeat(20_000) + "\r\n");
        assertThat(headers).startsWith("HTTP/1.1 431").contains("<title>Request headers too large")
                .contains("Clear this site's cookies").doesNotContain("Internal error");
        // leftovers16: under /api/ headers too large are the API's JSON, as its other errors (an address too long
        // cannot be: Jetty refuses it before reading its path, and hands the handler "/badMessage")
        String apiHeaders = rawGet("/api/version", "Cookie: big=" + "x".repeat(20_000) + "\r\n");
        assertThat(apiHeaders).startsWith("HTTP/1.1 431").contains("application/json")
                .contains("\"error\" : \"the request's headers are larger than the server reads (8 KB)")
                .doesNotContain("<title>");
        // and every other error Jetty answers itself is still Jetty's
        assertThat(RequestTooLargePage.html(400)).isNull();
    }

    /** The whole answer, status line first, to a GET of {@code pathAndQuery} written to the socket as it is. */
    private static String rawGet(String pathAndQuery) throws Exception {
        return rawGet(pathAndQuery, "");
    }

    /** {@link #rawGet(String)} with {@code headers} (each ending CRLF) added. */
    private static String rawGet(String pathAndQuery, String headers) throws Exception {
        java.net.URI base = SERVER.uri("/");
        try (java.net.Socket s = new java.net.Socket(base.getHost(), base.getPort())) {
            s.getOutputStream().write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + base.getHost()
                    + "\r\n" + headers + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aNumberTooLargeToHoldIsSaidSoWithTheRange() throws Exception {
        // review12: age=1e400 read as Infinity and was called "not a number"
        HttpResponse<String> r = SERVER.send(HttpRequest.newBuilder(SERVER.uri("/api/compare?age=1e400")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("'1e400' is too large a number (years); the allowed range is")
                .doesNotContain("not a number");
        r = SERVER.send(HttpRequest.newBuilder(SERVER.uri("/api/risk?age=1e400")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("'1e400' is too large a number (years)").doesNotContain("not a number");
    }
}

package org.vascalc.cli.web;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.vascalc.simulation.SimulatorFactory;

/**
 * The web app on a free loopback port for the tests of one class, over real HTTP: started before the
 * first test and stopped after the last ({@code @RegisterExtension static final TestServer SERVER = new
 * TestServer(model)}), with what the server logged (an internal error's stack trace) kept for the tests
 * to read. Each web test class started and stopped its own in the same dozen lines.
 *
 * <p>Every request through {@link #send} must be answered, body included, within {@link #ANSWER}: a server
 * that hangs (a mutant under PIT, a deadlock) then fails its test in seconds instead of holding it until
 * PIT's or the build's own timeout.
 */
final class TestServer implements BeforeAllCallback, AfterAllCallback {

    /**
     * The longest a test waits for a whole answer. Measured over all 311 requests of the web tests on the
     * 2-vCPU machine at load 8 (2026-12-05): the slowest real answers were a phantom render (7.5 s), a
     * 3-member cohort run (4.5 s) and the engine's compare page (3.5 s); every other page under 1.6 s.
     * PIT runs of these tests need {@code -DtimeoutConst} above this (docs/testing.md).
     */
    static final Duration ANSWER = Duration.ofSeconds(10);

    private final SimulatorFactory model;
    private final StringWriter log = new StringWriter();
    private final HttpClient http = HttpClient.newHttpClient();
    private Javalin app;

    TestServer(SimulatorFactory model) {
        this.model = model;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        app = new WebApp(model, new PrintWriter(log, true)).create().start("127.0.0.1", 0);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        app.stop();
    }

    int port() {
        return app.port();
    }

    /** Everything the server logged so far. */
    String log() {
        return log.toString();
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + app.port() + pathAndQuery);
    }

    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Sends {@code request} and waits at most {@link #ANSWER} for its answer and the body the handler reads
     * ({@code HttpRequest.timeout} alone stops at the response headers, and a page may hang after them).
     * An answer too late is an {@link HttpTimeoutException}, the request cancelled.
     */
    <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body)
            throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<T>> answer = http.sendAsync(request, body);
        try {
            return answer.get(ANSWER.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new HttpTimeoutException("no answer to " + request.method() + " " + request.uri() + " within "
                    + ANSWER.toSeconds() + " s");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        }
    }

    /** A form sent by POST as a browser sends it: {@code keyValues} are name, value, name, value, ... */
    HttpResponse<String> post(String path, String... keyValues) throws IOException, InterruptedException {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < keyValues.length; i += 2) {
            form.append(form.isEmpty() ? "" : "&").append(keyValues[i]).append('=')
                    .append(URLEncoder.encode(keyValues[i + 1], StandardCharsets.UTF_8));
        }
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }
}

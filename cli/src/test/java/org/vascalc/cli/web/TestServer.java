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
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.vascalc.simulation.SimulatorFactory;

/**
 * The web app on a free loopback port for the tests of one class, over real HTTP: started before the
 * first test and stopped after the last ({@code @RegisterExtension static final TestServer SERVER = new
 * TestServer(model)}), with what the server logged (an internal error's stack trace) kept for the tests
 * to read. Each web test class started and stopped its own in the same dozen lines.
 */
final class TestServer implements BeforeAllCallback, AfterAllCallback {

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

    HttpClient http() {
        return http;
    }

    /** Everything the server logged so far. */
    String log() {
        return log.toString();
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + app.port() + pathAndQuery);
    }

    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(pathAndQuery)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A form sent by POST as a browser sends it: {@code keyValues} are name, value, name, value, ... */
    HttpResponse<String> post(String path, String... keyValues) throws IOException, InterruptedException {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < keyValues.length; i += 2) {
            form.append(form.isEmpty() ? "" : "&").append(keyValues[i]).append('=')
                    .append(URLEncoder.encode(keyValues[i + 1], StandardCharsets.UTF_8));
        }
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }
}

package org.vascalc.cli.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.PrintWriter;
import java.util.Objects;
import org.vascalc.cli.BuildInfo;
import org.vascalc.core.input.InvalidInputException;
import org.vascalc.core.input.ModelDomainException;
import org.vascalc.simulation.SimulatorFactory;
import org.vascalc.simulation.engine.FastModeIntegrationException;

/**
 * VasCalc's local web app (Javalin on Jetty): the flagship comparison for a person the user
 * describes, and the clinical risk tools, as pages with forms and as a JSON API. It binds to the
 * loopback interface by default: it is a desktop tool, not a service (no accounts, no TLS).
 *
 * <p>Routes: {@code /} (home), {@code /compare}, {@code /risk}, {@code /scenario} (GET form, POST run), {@code /cohort}, {@code /trials}, {@code /ct} (GET form; POST {@code /ct/phantom}, {@code /ct/score}), {@code /about}, and
 * {@code /api/compare}, {@code /api/risk}. Bad input answers 400 with every problem named; a
 * failure inside answers 500 with a short message (the stack trace goes to the server's log only).
 */
public final class WebApp {

    /** The one parameter the GET forms of /scenario and /ct take (the example to load). */
    private static final java.util.List<String> EXAMPLE_ONLY = java.util.List.of("example");

    private final ComparePage compare;
    private final ScenarioPage scenario;
    private final CohortPage cohort;
    private final TrialsPage trials;
    private final PrintWriter log;

    public WebApp(SimulatorFactory factory, PrintWriter log) {
        this.compare = new ComparePage(new ComparisonRuns(Objects.requireNonNull(factory, "factory")));
        this.scenario = new ScenarioPage(factory);
        this.cohort = new CohortPage(factory);
        this.trials = new TrialsPage(factory);
        this.log = Objects.requireNonNull(log, "log");
    }

    /** The configured server, not yet started. */
    public Javalin create() {
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            // a path that answers other methods: 405 with the methods in "Allow" (review20: POST /api/risk was
            // a 404 "no API endpoint", though the endpoint is there); answered by methodNotAllowed below
            config.http.prefer405over404 = true;
            // DICOM series: a whole-heart series at 0.5 mm is a few hundred files and 100-200 MB.
            config.http.maxRequestSize = CtPage.MAX_UPLOAD_BYTES + 1024 * 1024;
            config.jetty.multipartConfig.maxFileSize(CtPage.MAX_FILE_BYTES, io.javalin.config.SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(CtPage.MAX_UPLOAD_BYTES, io.javalin.config.SizeUnit.BYTES);
            // an address or headers too long for Jetty never reach the routes: the app's page for them, not Jetty's
            config.jetty.modifyServer(server -> server.setErrorHandler(new RequestTooLargePage()));
            config.routes.get("/", ctx -> html(ctx, new Response(200, HomePage.html())));
            config.routes.get("/about", ctx -> html(ctx, new Response(200, HomePage.about())));
            config.routes.get("/compare", ctx -> answer(ctx, knownParameters(ctx, ComparePage.PARAMETERS)
                    ? compare.html(form(ctx)) : unknownParametersPage(ctx, ComparePage.PARAMETERS)));
            config.routes.get("/risk", ctx -> html(ctx, knownParameters(ctx, RiskPage.PARAMETERS)
                    ? RiskPage.html(form(ctx)) : unknownParametersPage(ctx, RiskPage.PARAMETERS)));
            config.routes.get("/cohort", ctx -> answer(ctx, knownParameters(ctx, CohortPage.PARAMETERS)
                    ? cohort.html(form(ctx)) : unknownParametersPage(ctx, CohortPage.PARAMETERS)));
            config.routes.get("/trials", ctx -> answer(ctx, knownParameters(ctx, TrialsPage.PARAMETERS)
                    ? trials.html(form(ctx)) : unknownParametersPage(ctx, TrialsPage.PARAMETERS)));
            config.routes.get("/ct", ctx -> html(ctx, knownParameters(ctx, EXAMPLE_ONLY)
                    ? CtPage.form(form(ctx)) : unknownParametersPage(ctx, EXAMPLE_ONLY)));
            config.routes.post("/ct/phantom", ctx -> {
                if (formReadable(ctx)) {
                    answer(ctx, CtPage.phantom(new FormValues(ctx.formParamMap())));
                }
            });
            config.routes.post("/ct/score", ctx -> {
                FormValues form;
                java.util.List<io.javalin.http.UploadedFile> files;
                java.util.List<io.javalin.http.UploadedFile> labels;
                try { // reading the multipart body: Jetty refuses it past the sizes above
                    form = new FormValues(ctx.formParamMap());
                    files = ctx.uploadedFiles("files");
                    labels = ctx.uploadedFiles("labels");
                } catch (Exception e) {
                    if (!multipartTooLarge(e)) {
                        throw e;
                    }
                    whole(ctx, CtPage.uploadTooLarge());
                    return;
                }
                html(ctx, CtPage.upload(form, files, labels));
            });
            config.routes.get("/scenario", ctx -> html(ctx, knownParameters(ctx, EXAMPLE_ONLY)
                    ? scenario.form(form(ctx)) : unknownParametersPage(ctx, EXAMPLE_ONLY)));
            config.routes.post("/scenario", ctx -> {
                if (formReadable(ctx)) {
                    answer(ctx, scenario.run(new FormValues(ctx.formParamMap())));
                }
            });
            // the addresses the POST forms answer at, opened again from a bookmark or the address bar: their form
            config.routes.get("/ct/phantom", ctx -> ctx.redirect("/ct", io.javalin.http.HttpStatus.SEE_OTHER));
            config.routes.get("/ct/score", ctx -> ctx.redirect("/ct", io.javalin.http.HttpStatus.SEE_OTHER));
            config.routes.get("/docs", ctx -> docs(ctx, ""));
            config.routes.get("/docs/<path>", ctx -> docs(ctx, ctx.pathParam("path")));
            config.routes.get("/readme", WebApp::readme);
            config.routes.get("/api/compare", ctx -> json(ctx, knownParameters(ctx, ComparePage.PARAMETERS)
                    ? compare.json(form(ctx)) : unknownParameters(ctx, ComparePage.PARAMETERS)));
            config.routes.get("/api/risk", ctx -> json(ctx, knownParameters(ctx, RiskPage.PARAMETERS)
                    ? RiskPage.json(form(ctx)) : unknownParameters(ctx, RiskPage.PARAMETERS)));
            config.routes.get("/api/version", ctx -> json(ctx, new Response(200, versionJson())));
            config.routes.exception(InvalidInputException.class, (e, ctx) -> {
                if (ctx.path().startsWith("/api/")) {
                    json(ctx, new Response(400, Json.problems(inFormOrder(ctx.path(), e.problems()))));
                } else {
                    FormProblems problems = FormProblems.of(inFormOrder(ctx.path(), e.problems()));
                    html(ctx, new Response(400, Html.page("Invalid input", problems, problems.html())));
                }
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                String malformed = malformedRequest(e);
                if (malformed != null) {
                    // the client's request, not a bug: a 400 naming it, no trace in the log; sent whole with
                    // "Connection: close", as Jetty drops a connection whose body it could not parse (a client
                    // that reused it lost the next answer)
                    whole(ctx, new Response(400, Html.page("Invalid input", "<div class=\"problems\"><p>"
                            + Html.esc(malformed) + "</p></div>")));
                    return;
                }
                ModelDomainException domain = ModelDomainException.in(e);
                if (domain != null) { // inputs each in range that the model cannot run together: the reader's to change
                    String msg = domain.userMessage();
                    if (ctx.path().startsWith("/api/")) {
                        json(ctx, new Response(400, Json.write(java.util.Map.of("error", msg))));
                    } else {
                        html(ctx, new Response(400, Html.page("Invalid input", domainProblem(domain))));
                    }
                    return;
                }
                FastModeIntegrationException fast = FastModeIntegrationException.in(e);
                if (fast != null) { // fast mode's limit, not a bug to trace (review14): say it and what to run instead
                    logFastModeFailure(ctx, fast);
                    if (ctx.path().startsWith("/api/")) {
                        json(ctx, new Response(500, Json.write(java.util.Map.of("error", fast.getMessage()
                                + fastModeRemedy(ctx.path())))));
                    } else {
                        html(ctx, new Response(500, Html.page("Fast mode could not run this", fastModeProblem(fast, ctx.path()))));
                    }
                    return;
                }
                synchronized (log) {
                    log.println("vascalc serve: internal error on " + ctx.path() + "?" + ctx.queryString() + ": " + e);
                    e.printStackTrace(log);
                    log.flush();
                }
                String msg = "Internal error (a bug, please report it with the address you opened): "
                        + e.getClass().getSimpleName();
                if (ctx.path().startsWith("/api/")) {
                    json(ctx, new Response(500, Json.write(java.util.Map.of("error", msg))));
                } else {
                    html(ctx, new Response(500, Html.page("Internal error", "<p>" + Html.esc(msg) + "</p>")));
                }
            });
            config.routes.exception(io.javalin.http.MethodNotAllowedResponse.class, WebApp::methodNotAllowed);
            config.routes.error(404, "*", ctx -> {
                if (!ctx.path().startsWith("/api/")) {
                    ctx.html(Html.page("Not found", notFound(ctx.path())));
                } else {
                    json(ctx, new Response(404, Json.write(java.util.Map.of("error", "no API endpoint "
                            + ctx.method() + " " + ctx.path() + "; " + API_ENDPOINTS))));
                }
            });
        });
    }

    /**
     * A refused request's problems (a parameter given twice, found in alphabetical order) in the order of the form
     * that {@code path} answers or is the API of ({@code /api/compare}, {@code /api/risk}; leftovers32), as its 400s
     * of bad values list them: the "Invalid input" page of /risk, /compare, /cohort, /trials, /scenario and /ct's
     * forms listed them alphabetically too (hdl before sex; leftovers33). As found elsewhere.
     */
    static java.util.List<org.vascalc.core.input.InputProblem> inFormOrder(String path,
            java.util.List<org.vascalc.core.input.InputProblem> problems) {
        java.util.Map<String, String> labels = switch (path) {
            case "/api/compare", "/compare" -> ComparePage.LABELS;
            case "/api/risk", "/risk" -> RiskPage.LABELS;
            case "/cohort" -> CohortPage.LABELS;
            case "/trials" -> TrialsPage.LABELS;
            case "/scenario" -> ScenarioPage.LABELS;
            case "/ct", "/ct/phantom", "/ct/score" -> CtPage.LABELS;
            default -> null;
        };
        return labels == null ? problems
                : FormProblems.inFieldOrder(problems, labels, java.util.function.UnaryOperator.identity());
    }

    /** What the API has, as its 404 and 405 answers name it. */
    private static final String API_ENDPOINTS = "the API has GET /api/compare, /api/risk and /api/version";

    /**
     * A path the app has, asked for with a method it does not answer there (POST /api/risk, DELETE /risk): 405
     * with the methods it does answer in "Allow" (RFC 9110 15.5.6) and in the message, JSON under /api/, else
     * the site's page. Javalin finds the methods ({@code prefer405over404}); its details name them under one key.
     */
    private static void methodNotAllowed(io.javalin.http.MethodNotAllowedResponse e, Context ctx) {
        String allowed = e.getDetails().values().stream().findFirst().orElse("GET");
        ctx.header("Allow", allowed);
        String msg = ctx.method() + " is not answered at " + ctx.path() + "; it answers " + allowed;
        if (ctx.path().startsWith("/api/")) {
            json(ctx, new Response(405, Json.write(java.util.Map.of("error", msg + "; " + API_ENDPOINTS))));
        } else {
            html(ctx, new Response(405, Html.page("Method not allowed", "<p>" + Html.esc(msg)
                    + ". Open the page in a browser, or start from the <a href=\"/\">home page</a>.</p>")));
        }
    }

    /**
     * The pages a visitor who knows the command line may look for under a command's name: /simulate was
     * "There is no page" alone (review16), where /scenario runs a scenario file and /compare the flagship.
     */
    private static final java.util.Map<String, String> PAGE_OF_COMMAND = java.util.Map.of(
            "simulate", "<a href=\"/scenario\">Run a scenario</a> (a scenario file) or <a href=\"/compare\">Food, "
                    + "supplement, K2</a> (the flagship comparison)",
            "flagship", "<a href=\"/compare\">Food, supplement, K2</a>",
            "trial", "<a href=\"/trials\">Published trials</a>",
            "cohorts", "<a href=\"/cohort\">Cohort and trial</a>",
            "score", "<a href=\"/ct\">CT calcium score</a>",
            "phantom", "<a href=\"/ct\">CT calcium score</a>");

    /** The 404 page's text: the path, the page a command's name stands for (if it is one), and the way home. */
    static String notFound(String path) {
        String first = path.replaceFirst("^/+", "").split("/", 2)[0].toLowerCase(java.util.Locale.ROOT);
        String page = PAGE_OF_COMMAND.get(first);
        return "<p>There is no page at <code>" + Html.esc(path) + "</code>."
                + (page == null ? "" : " The command line's <code>" + Html.esc(first) + "</code> is here the page " + page + ".")
                + " Start from the <a href=\"/\">home page</a>.</p>";
    }

    /**
     * The largest body of a form other than the CT upload (the scenario's and the phantom's): the scenario
     * text takes at most {@link ScenarioPage#MAX_TEXT} characters, up to 9 bytes each once URL-encoded, plus
     * its --set lines. The server's request limit is the upload's 600 MB, and a form body is read whole
     * into memory: a 300 MB POST to /scenario took the server to 6 GB (review12) before the scenario page
     * said its text was too long.
     */
    static final long MAX_FORM_BYTES = 4L * 1024 * 1024;

    /**
     * Whether the form body of this request may be read: one larger than {@link #MAX_FORM_BYTES}, or of
     * unknown length (chunked: a browser always sends a form's length), is answered 413 unread.
     */
    private static boolean formFits(Context ctx) {
        long length = ctx.contentLength();
        if (length >= 0 && length <= MAX_FORM_BYTES) {
            return true;
        }
        String said = length < 0 ? "has no stated length (Content-Length)" : String.format(java.util.Locale.ROOT,
                "is %.1f MB", length / 1048576.0);
        whole(ctx, new Response(413, Html.page("Form too large", "<div class=\"problems\"><p>" + Html.esc(String.format(
                java.util.Locale.ROOT, "The form sent %s; a form here is at most %d MB with its length stated (a scenario "
                        + "text is at most %d characters). Run a larger scenario with ./vascalc simulate FILE.", said,
                MAX_FORM_BYTES / 1048576, ScenarioPage.MAX_TEXT)) + "</p></div>")));
        return false;
    }

    /**
     * What is wrong with a request the server could not even read, or null when {@code e} is something else:
     * a body that is not the multipart form it says it is (Jetty: "400: bad multipart"), or a character set
     * it names that Java does not know. These were answered 500 "Internal error (a bug ...)" with a stack
     * trace in the log (review12).
     */
    static String malformedRequest(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.eclipse.jetty.http.HttpException h && h.getCode() >= 400 && h.getCode() < 500) {
                return "The request could not be read (" + (h.getReason() == null ? "HTTP " + h.getCode() : h.getReason())
                        + "): its body is not the form it says it is. Send the form from the page.";
            }
            if (t instanceof java.nio.charset.UnsupportedCharsetException u) {
                return "The request names the character set '" + u.getCharsetName() + "', which is not known here; "
                        + "send the form as UTF-8.";
            }
            if (t instanceof java.nio.charset.IllegalCharsetNameException u) {
                return "The request names the character set '" + u.getCharsetName() + "', which is not a valid name; "
                        + "send the form as UTF-8.";
            }
        }
        return null;
    }

    /** Whether {@code e} is Jetty's refusal of a multipart body past its configured sizes ("max file size exceeded"). */
    static boolean multipartTooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IllegalStateException && String.valueOf(t.getMessage()).contains(" exceeded")) {
                return true;
            }
        }
        return false;
    }

    /** A file or folder of the project's docs/ (see {@link DocsFiles}); 404 naming it when there is none. */
    private static void docs(Context ctx, String relative) throws java.io.IOException {
        ctx.header("X-Content-Type-Options", "nosniff"); // plain text stays plain text
        java.util.Optional<java.nio.file.Path> root = DocsFiles.root();
        if (root.isEmpty()) {
            html(ctx, new Response(404, Html.page("Not found", "<p>The documentation folder (<code>docs/</code>) is "
                    + "not found: the server runs outside the project's checkout. Start it from the checkout, or "
                    + "set <code>-Dvascalc.home=</code> to it.</p>")));
            return;
        }
        var markdown = DocsFiles.markdown(root.get(), relative);
        if (markdown.isPresent() && ctx.queryParam("raw") == null) {
            html(ctx, new Response(200, MarkdownPage.html(root.get(), markdown.get(),
                    "/docs/" + root.get().relativize(markdown.get()).toString().replace('\\', '/'))));
            return;
        }
        var file = DocsFiles.file(root.get(), relative);
        if (file.isPresent()) {
            ctx.status(200).contentType(file.get().contentType()).result(file.get().bytes());
            return;
        }
        var listing = DocsFiles.listing(root.get(), relative);
        if (listing.isPresent()) {
            html(ctx, new Response(200, listing.get()));
            return;
        }
        html(ctx, new Response(404, Html.page("Not found", "<p>There is no document <code>docs/" + Html.esc(relative)
                + "</code>. See the <a href=\"/docs\">documentation folder</a>.</p>")));
    }

    /** The repository's README.md (beside docs/), rendered like the documents that link to it. */
    private static void readme(Context ctx) throws java.io.IOException {
        java.util.Optional<java.nio.file.Path> root = DocsFiles.root();
        java.util.Optional<java.nio.file.Path> readme = root.map(r -> r.resolveSibling("README.md")).filter(java.nio.file.Files::isRegularFile);
        if (readme.isEmpty()) {
            html(ctx, new Response(404, Html.page("Not found", "<p>There is no README.md beside the documentation folder. "
                    + "See the <a href=\"/docs\">documentation folder</a>.</p>")));
            return;
        }
        html(ctx, new Response(200, MarkdownPage.html(root.get(), readme.get(), "/readme")));
    }

    private static boolean knownParameters(Context ctx, java.util.List<String> accepted) {
        // the server drops a parameter it cannot decode: /risk?age=%zz was answered "missing: give age"
        requireWellEscaped(ctx.queryString(), "address", "the address", "its query");
        return accepted.containsAll(ctx.queryParamMap().keySet());
    }

    /**
     * {@link #formFits}, and a URL-encoded body without a broken percent escape: a POST of text=%zz was not named
     * as the GET address is (leftovers15); the escapes are ASCII, so the bytes are scanned in ISO-8859-1, whatever
     * character set the request names (an unknown one is the handlers' own 400).
     */
    private static boolean formReadable(Context ctx) {
        if (!formFits(ctx)) {
            return false;
        }
        String type = String.valueOf(ctx.contentType()).toLowerCase(java.util.Locale.ROOT);
        if (type.startsWith("application/x-www-form-urlencoded")) {
            requireWellEscaped(new String(ctx.bodyAsBytes(), java.nio.charset.StandardCharsets.ISO_8859_1), "form",
                    "the form", "its body");
        }
        return true;
    }

    /** A 400 naming the first broken percent escape of {@code encoded} (a query or a form body), if any. */
    private static void requireWellEscaped(String encoded, String path, String what, String where) {
        String broken = brokenPercentEscape(encoded);
        if (broken != null) {
            throw new InvalidInputException("the request", org.vascalc.core.input.InputProblem.error(path,
                    what + " is malformed: '" + broken + "' in " + where + " is not a percent escape (a % is followed"
                    + " by two hexadecimal digits; a percent sign itself is written %25)"));
        }
    }

    private static final java.util.regex.Pattern BROKEN_ESCAPE =
            java.util.regex.Pattern.compile("%(?![0-9A-Fa-f]{2}).{0,2}", java.util.regex.Pattern.DOTALL);

    /** The first '%' of {@code query} not followed by two hex digits, with what follows it (up to two characters); null when none. */
    static String brokenPercentEscape(String query) {
        if (query == null) {
            return null;
        }
        java.util.regex.Matcher m = BROKEN_ESCAPE.matcher(query);
        return m.find() ? m.group() : null;
    }

    /**
     * {@code /api/version}'s body: version, then commit, always in that order (leftovers30: a {@code Map.of}'s order
     * changes from one run of the JVM to the next).
     */
    static String versionJson() {
        java.util.Map<String, Object> root = new java.util.LinkedHashMap<>();
        root.put("version", BuildInfo.version());
        root.put("commit", BuildInfo.commit());
        return Json.write(root);
    }

    /**
     * The 400 answer to a request with parameters the endpoint does not know: a typo would otherwise
     * be ignored and answered for the default. Names each unknown one and lists the accepted ones.
     */
    private static Response unknownParameters(Context ctx, java.util.List<String> accepted) {
        var problems = FormValues.unknownParameters(ctx.queryParamMap(), accepted, ctx.path()).all();
        java.util.Map<String, Object> root = new java.util.LinkedHashMap<>();
        root.put("error", "unknown parameter(s): " + String.join(", ", problems.stream()
                .map(org.vascalc.core.input.InputProblem::path).toList()));
        root.put("accepted", accepted);
        root.put("problems", Json.problemList(problems));
        return new Response(400, Json.write(root));
    }

    /**
     * The page's 400 answer to an address with parameters the form does not send (a hand-edited or
     * old link): answering for the default would show a result for a person the reader did not describe.
     */
    private static Response unknownParametersPage(Context ctx, java.util.List<String> accepted) {
        FormProblems problems = FormProblems.of(FormValues.unknownParameters(ctx.queryParamMap(), accepted, ctx.path()).all());
        return new Response(400, Html.page("Invalid input", problems, problems.html()
                + "<p><a href=\"" + Html.esc(ctx.path()) + "\">Open the empty form</a></p>"));
    }

    private static FormValues form(Context ctx) {
        return new FormValues(ctx.queryParamMap());
    }

    private static void html(Context ctx, Response r) {
        ctx.status(r.status()).contentType("text/html; charset=utf-8").result(r.body());
    }

    /**
     * {@code r} sent whole, with its length, and the connection closed after it: the answer to an upload refused
     * unread. Jetty sends a page of up to 8 KB in one write and a longer one chunked; once the CT page's 413 grew
     * past 8 KB (8 204 bytes with the menu's Docs entry, fifty-second session), the server closed the connection on
     * the unread body while the chunks went out, and the client, still sending, lost the answer
     * (WebAppUploadLimitsTest: "chunked transfer encoding, state: READING_DATA").
     */
    private static void whole(Context ctx, Response r) {
        byte[] body = r.body().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ctx.status(r.status()).contentType("text/html; charset=utf-8").header("Connection", "close")
                .header("Content-Length", Integer.toString(body.length)).result(body);
    }

    /** A page answered at once, or streamed with progress while it runs. */
    private void answer(Context ctx, Answer a) throws java.io.IOException {
        switch (a) {
            case Response r -> html(ctx, r);
            case StreamedPage s -> stream(ctx, s);
        }
    }

    /**
     * Sends a streamed page: its head at once, a progress line whenever the run reports a further 5 %
     * or any further progress 2 s after the last line ({@link ProgressLines}), a line when the computation is over and the charts
     * are being drawn (seconds more), then the results.
     * The raw servlet stream, flushed after each piece: Javalin's own result stream would hold the
     * page until it is complete.
     */
    private void stream(Context ctx, StreamedPage s) throws java.io.IOException {
        ctx.status(200).contentType("text/html; charset=utf-8");
        ctx.res().setHeader("Cache-Control", "no-store");
        java.io.Writer out = new java.io.OutputStreamWriter(ctx.res().getOutputStream(), java.nio.charset.StandardCharsets.UTF_8);
        long t0 = System.nanoTime();
        out.write(Html.pageStart(s.title()) + s.head() + "<div class=\"running\" role=\"status\"><p>Running "
                + Html.esc(s.what()) + "…</p>\n");
        out.flush();
        Object lock = new Object();
        ProgressLines lines = new ProgressLines();
        boolean[] gone = {false}; // the reader closed the page
        StreamedPage.Progress progress = new StreamedPage.Progress() {
            @Override
            public void done(double fraction) {
                synchronized (lock) {
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    if (!lines.shows(fraction, seconds)) {
                        return;
                    }
                    write(String.format(java.util.Locale.ROOT, "<p>Running %s: %.0f %% done after %.0f s…</p>\n",
                            Html.esc(s.what()), 100 * fraction, seconds));
                }
            }

            @Override
            public void drawing() {
                synchronized (lock) {
                    write(String.format(java.util.Locale.ROOT, "<p>Computed %s in %.1f s; drawing the charts…</p>\n",
                            Html.esc(s.what()), (System.nanoTime() - t0) / 1e9));
                }
            }

            private void write(String line) {
                try {
                    out.write(line);
                    out.flush();
                } catch (java.io.IOException e) {
                    gone[0] = true;
                    throw new java.io.UncheckedIOException(e); // the reader left: stop the run
                }
            }
        };
        String body;
        try {
            body = s.work().run(progress);
        } catch (InvalidInputException e) {
            body = FormProblems.of(e.problems()).html(); // found only while running (the status is sent): named all the same
        } catch (Exception e) {
            if (gone[0]) {
                return; // the browser closed the page (the run stopped at its next progress report): nobody to answer
            }
            ModelDomainException domain = ModelDomainException.in(e);
            FastModeIntegrationException fast = FastModeIntegrationException.in(e);
            if (domain != null) { // found only while running (the status is sent): a problems box, as for bad input
                body = domainProblem(domain);
            } else if (fast != null) { // fast mode's limit, not a bug to trace (review14)
                logFastModeFailure(ctx, fast);
                body = fastModeProblem(fast, ctx.path());
            } else {
                synchronized (log) {
                    log.println("vascalc serve: internal error on " + ctx.path() + "?" + ctx.queryString() + ": " + e);
                    e.printStackTrace(log);
                    log.flush();
                }
                body = "<div class=\"problems\"><b>Internal error</b> (a bug, please report it with the address you "
                        + "opened): " + Html.esc(e.getClass().getSimpleName()) + "</div>\n";
            }
        }
        synchronized (lock) {
            try {
                out.write(String.format(java.util.Locale.ROOT, "<p>Done: %s in %.1f s.</p></div>\n", Html.esc(s.what()),
                        (System.nanoTime() - t0) / 1e9));
                out.write(body + Html.pageEnd());
                out.close();
            } catch (java.io.IOException e) {
                // the browser closed the page while the results were written: nobody to answer
            }
        }
    }

    /**
     * After a fast-mode failure's message on the page at {@code path} (or its {@code /api/} twin): what to run
     * instead, as true there. Only the scenario page has a Mode; the comparison, cohort and trial pages (and
     * their commands) run fast mode alone, so there it names the one reference run there is, a scenario file on
     * the command line (review14: every page said "Run the scenario in reference mode").
     */
    static String fastModeRemedy(String path) {
        String page = path.startsWith("/api/") ? path.substring("/api".length()) : path;
        String instead;
        if (page.startsWith("/scenario")) {
            instead = "Choose Mode: reference on this page and run it again (slower; up to "
                    + (int) ScenarioPage.MAX_REFERENCE_DAYS + " days here, longer with ./vascalc simulate FILE --mode "
                    + "reference)";
        } else if (page.startsWith("/compare")) {
            instead = "This page compares the regimens in fast mode only (it has no reference mode): write the regimen "
                    + "as a scenario file and run it with ./vascalc simulate FILE --mode reference (slower)";
        } else if (page.startsWith("/cohort")) {
            instead = "This page, as ./vascalc cohort, runs fast mode only (it has no reference mode): a member's "
                    + "regimen runs in reference mode only alone, as a scenario file, with ./vascalc simulate FILE "
                    + "--mode reference (slower)";
        } else if (page.startsWith("/trials")) {
            instead = "This page, as ./vascalc trial, runs fast mode only (it has no reference mode): a member's "
                    + "regimen runs in reference mode only alone, as a scenario file, with ./vascalc simulate FILE "
                    + "--mode reference (slower)";
        } else {
            instead = "Run the scenario in reference mode (the Run a scenario page, Mode: reference, or ./vascalc "
                    + "simulate FILE --mode reference; slower)";
        }
        return ". " + instead + ". It is a limit of fast mode, not of your input; please report it with the address "
                + "you opened.";
    }

    /** Fast mode could not integrate a regimen: a problems box that says so and what to run instead on that page. */
    static String fastModeProblem(FastModeIntegrationException e, String path) {
        return "<div class=\"problems\" role=\"alert\"><b>Fast mode could not run this:</b> " + Html.esc(e.getMessage()
                + fastModeRemedy(path)) + "</div>\n";
    }

    /** One log line for a fast-mode failure (no stack trace: not a bug in the page), so the server's log still shows it. */
    private void logFastModeFailure(Context ctx, FastModeIntegrationException e) {
        synchronized (log) {
            log.println("vascalc serve: fast mode could not run " + ctx.path() + "?" + ctx.queryString() + ": "
                    + e.getMessage());
            log.flush();
        }
    }

    /**
     * The problems box of inputs each in range that the model cannot run together: what it could not
     * do and, where known, what to change (the page's or the scenario's values to move back).
     */
    static String domainProblem(ModelDomainException e) {
        String kind = ModelDomainException.CANNOT_RUN;
        return "<div class=\"problems\" role=\"alert\"><b>" + Character.toUpperCase(kind.charAt(0)) + kind.substring(1)
                + ":</b> " + Html.esc(e.detail()) + "</div>\n";
    }

    private static void json(Context ctx, Response r) {
        ctx.status(r.status()).contentType("application/json; charset=utf-8").result(r.body());
    }
}

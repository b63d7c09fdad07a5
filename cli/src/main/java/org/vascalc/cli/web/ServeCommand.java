package org.vascalc.cli.web;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.vascalc.cli.UserInputException;
import org.vascalc.simulation.SimulatorFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vascalc serve}: starts the local web app and waits until it is stopped (Ctrl-C). */
@Command(name = "serve",
        header = "Starts the local web app (comparison, risk, scenarios, cohorts, published trials, CT).",
        mixinStandardHelpOptions = true, versionProvider = org.vascalc.cli.BuildInfo.VersionProvider.class,
        description = {
            "Starts VasCalc's local web app: the food / supplement / vitamin K2 comparison for a person you",
            "describe (/compare), the risk tools with and without the calcium score (/risk), any scenario file",
            "(/scenario), a small virtual cohort or in-silico trial (/cohort), the published trials re-run by the",
            "model (/trials), cardiac CT calcium scoring of a synthetic or uploaded DICOM scan (/ct), what the model",
            "is (/about) and the project's documents (/docs); the comparison and the risk",
            "tools also as a JSON API (/api/compare, /api/risk, /api/version). It listens on this computer only",
            "unless --host says otherwise. Stop it with Ctrl-C."},
        footer = {"", "Examples:", "  ./vascalc serve               then open http://127.0.0.1:7070/",
            "  ./vascalc serve --port 8080",
            "", "Exit codes: 0 stopped, 1 bad input (the message says what to fix, e.g. the port is taken), 2 internal error."})
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "PORT", description = "TCP port, 1 to 65535 (default: ${DEFAULT-VALUE}).")
    int port = 7070;

    @Option(names = "--host", paramLabel = "HOST",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this computer only).")
    String host = "127.0.0.1";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 1 || port > 65535) {
            throw new UserInputException("--port = " + port + " is outside the allowed range 1 to 65535");
        }
        requireFreePort();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Javalin app = new WebApp(SimulatorFactory.load(), err).create();
        try {
            app.start(host, port);
        } catch (RuntimeException e) {
            app.stop();
            throw new UserInputException("cannot listen on " + host + ":" + port + " (" + rootMessage(e)
                    + "); is another program using that port? Try --port with another number");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            stopped.countDown();
        }, "vascalc-serve-stop"));
        out.println("VasCalc web app: http://" + ("0.0.0.0".equals(host) ? "127.0.0.1" : host) + ":" + app.port()
                + "/  (Ctrl-C to stop)");
        out.flush();
        stopped.await();
        return 0;
    }

    /**
     * Binds and releases the port first, so that a taken port or an unknown host is one clear message
     * instead of Jetty's "Failed to start" error log followed by ours. Another program can still take
     * the port in between; {@link #call} catches that case too.
     */
    private void requireFreePort() {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(host, port));
        } catch (IOException | IllegalArgumentException | SecurityException e) {
            throw new UserInputException("cannot listen on " + host + ":" + port + " (" + rootMessage(e)
                    + "); is another program using that port, or is --host an address of this computer?"
                    + " Try --port with another number");
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}

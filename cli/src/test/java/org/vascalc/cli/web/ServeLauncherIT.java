package org.vascalc.cli.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./vascalc serve} keeps answering while the jars it was started from are rebuilt. Maven
 * rewrites a jar in place, and a JVM that then loads a class from it fails; the launcher therefore
 * runs the server from a private copy of the jars. The test starts the real launcher on a copy of
 * the packaged command-line tool (an integration test: it needs {@code package}), rewrites every
 * VasCalc jar of that copy in place as a rebuild does, and asks for pages whose classes were not yet
 * loaded. Before the copy this answered 500 ({@code ClassNotFoundException}).
 */
class ServeLauncherIT {

    @Test
    void serverStartedByTheLauncherSurvivesARebuildAndCleansUpWhenStopped(@TempDir Path tree, @TempDir Path tmp)
            throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent();
        Path jar = root.resolve("cli/target/vascalc-cli.jar");
        Path lib = root.resolve("cli/target/lib");
        assumeTrue(Files.isRegularFile(jar) && Files.isDirectory(lib), "needs the packaged cli (mvn verify)");

        // a checkout with nothing to rebuild: the launcher, its JDK finder and the packaged tool
        Files.createDirectories(tree.resolve(".mvn"));
        Files.createDirectories(tree.resolve("cli/target/lib"));
        Files.copy(root.resolve("vascalc"), tree.resolve("vascalc"));
        Files.copy(root.resolve(".mvn/find-jdk.sh"), tree.resolve(".mvn/find-jdk.sh"));
        Files.copy(jar, tree.resolve("cli/target/vascalc-cli.jar"));
        try (Stream<Path> jars = Files.list(lib)) {
            for (Path j : jars.toList()) {
                Files.copy(j, tree.resolve("cli/target/lib").resolve(j.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ProcessBuilder pb = new ProcessBuilder("bash", tree.resolve("vascalc").toString(), "serve", "--port",
                Integer.toString(port)).directory(tree.toFile()).redirectErrorStream(true);
        pb.environment().put("TMPDIR", tmp.toString());
        pb.environment().put("VASCALC_COMMIT", "test");
        Process launcher = pb.start();
        StringBuilder output = new StringBuilder();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("VasCalc web app:")) {
                output.append(line).append('\n');
            }
            assertThat(line).as("the server's start line; output so far:\n%s", output).isNotNull();
            Thread reader = new Thread(() -> out.lines().forEach(l -> {
                synchronized (output) {
                    output.append(l).append('\n');
                }
            }));
            reader.setDaemon(true);
            reader.start();

            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
            assertThat(status(http, port, "/")).isEqualTo(200);

            List<Path> rebuilt = new ArrayList<>();
            try (Stream<Path> jars = Files.list(tree.resolve("cli/target/lib"))) {
                jars.filter(p -> p.getFileName().toString().startsWith("vascalc-")).forEach(rebuilt::add);
            }
            rebuilt.add(tree.resolve("cli/target/vascalc-cli.jar"));
            for (Path j : rebuilt) {
                rewriteInPlace(j);
            }

            assertThat(status(http, port, "/risk?age=60&sex=male&race=white&tc=200&hdl=50&sbp=130"))
                    .as("server output:\n%s", output).isEqualTo(200);
            assertThat(status(http, port, "/about")).as("server output:\n%s", output).isEqualTo(200);
            try (Stream<Path> left = Files.list(tmp)) {
                assertThat(left.toList()).as("the running server's copy of the jars").hasSize(1);
            }
        } finally {
            launcher.destroy(); // SIGTERM to the launcher, as a kill of ./vascalc would send
            if (!launcher.waitFor(60, TimeUnit.SECONDS)) {
                launcher.destroyForcibly();
                launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            }
        }
        assertThat(launcher.descendants().filter(ProcessHandle::isAlive).count()).as("server processes left").isZero();
        try (ServerSocket s = new ServerSocket(port)) {
            assertThat(s.getLocalPort()).as("the port is free again").isEqualTo(port);
        }
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.toList()).as("the copy of the jars is removed when the server stops").isEmpty();
        }
    }

    private static int status(HttpClient http, int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /**
     * The same classes written back into the same file (same inode, truncated first, as Maven writes
     * a jar) in reverse order, so every entry moves: what a rebuild does to a running JVM's jar.
     */
    private static void rewriteInPlace(Path jar) throws IOException {
        List<ZipEntry> entries = new ArrayList<>();
        List<byte[]> data = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.add(new ZipEntry(e.getName()));
                data.add(in.readAllBytes());
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (int i = entries.size() - 1; i >= 0; i--) {
                out.putNextEntry(entries.get(i));
                out.write(data.get(i));
                out.closeEntry();
            }
        }
        Files.write(jar, bytes.toByteArray());
    }
}

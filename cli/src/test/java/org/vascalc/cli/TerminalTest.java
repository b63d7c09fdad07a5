package org.vascalc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where progress is drawn: the launcher says whether stderr is a terminal, and a notice after a bar cut
 * off mid-line starts a line of its own (review9, fifty-first session).
 */
class TerminalTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @Test
    void theLaunchersWordWinsOverTheConsoleAndTheConsoleDecidesWithoutIt() {
        assertThat(Terminal.decide("1", () -> false)).isTrue(); // stdout to a file, stderr at the terminal
        assertThat(Terminal.decide("0", () -> true)).isFalse(); // stderr to a log, stdin and stdout at the terminal
        assertThat(Terminal.decide(null, () -> true)).isTrue(); // java -cp ..., no launcher
        assertThat(Terminal.decide(null, () -> false)).isFalse();
        assertThat(Terminal.decide("yes", () -> false)).isFalse();
    }

    /**
     * ./vascalc tells the JVM whether stderr is a terminal. Before, it said nothing (flagship and phantom
     * read VASCALC_STDERR_TTY, which nothing set), and the bars followed stdin and stdout: a run with stdout
     * sent to a file showed no bar at the terminal. A stand-in java prints what it was told.
     */
    @Test
    void theLauncherSaysWhetherStderrIsATerminal(@TempDir Path tree) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")) || Files.isExecutable(Path.of("/usr/bin/bash")), "needs bash");
        Files.createDirectories(tree.resolve(".mvn"));
        Files.createDirectories(tree.resolve("cli/target/lib"));
        Files.createDirectories(tree.resolve("jdk/bin"));
        Files.copy(ROOT.resolve("vascalc"), tree.resolve("vascalc"));
        Files.copy(ROOT.resolve(".mvn/find-jdk.sh"), tree.resolve(".mvn/find-jdk.sh"));
        Files.writeString(tree.resolve("cli/target/vascalc-cli.jar"), "");
        // the JDK finder asks java its version; the launcher then runs the tool: print what it was told
        executable(tree.resolve("jdk/bin/java"), """
                #!/usr/bin/env bash
                for a in "$@"; do
                  if [ "$a" = "-version" ]; then echo "    java.specification.version = 25" >&2; exit 0; fi
                done
                echo "told=${VASCALC_STDERR_TTY:-nothing}"
                """);
        executable(tree.resolve("jdk/bin/javac"), "#!/usr/bin/env bash\n");
        Path err = tree.resolve("stderr.txt");
        ProcessBuilder pb = new ProcessBuilder("bash", tree.resolve("vascalc").toString(), "--version")
                .directory(tree.toFile()).redirectError(err.toFile());
        pb.environment().put("JAVA_HOME", tree.resolve("jdk").toString());
        pb.environment().put("VASCALC_COMMIT", "test");
        pb.environment().remove(Terminal.ENV);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(out).as("stderr: %s", Files.readString(err)).isEqualTo("told=0"); // stderr is a file here
    }

    @Test
    void theInterruptNoticeAfterABarCutOffMidLineStartsALineOfItsOwn() {
        Path cwd = Path.of("/work/x");
        String nl = System.lineSeparator();
        ProgressBar.drawingTo(new PrintWriter(new StringWriter()), "simulating a").progress(0.01);
        assertThat(InterruptNotice.text("simulate", List.of(), cwd))
                .isEqualTo(nl + InterruptNotice.line("simulate", List.of(), cwd) + nl);
        // the bar's line was ended: the next notice needs no new line
        assertThat(InterruptNotice.text("simulate", List.of(), cwd))
                .isEqualTo(InterruptNotice.line("simulate", List.of(), cwd) + nl);
        ProgressBar.drawingTo(new PrintWriter(new StringWriter()), "simulating b").progress(1.0);
        assertThat(InterruptNotice.text("simulate", List.of(), cwd)).doesNotStartWith(nl);
        ProgressBar.Counter bar = ProgressBar.counting(new PrintWriter(new StringWriter()), "cohort", "member-runs", true);
        bar.count(3, 10);
        assertThat(InterruptNotice.text("cohort", List.of(), cwd)).startsWith(nl);
    }

    private static void executable(Path file, String text) throws Exception {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}

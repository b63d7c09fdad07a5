package org.vascalc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The line an interrupted command prints, checked on the real CLI in a child JVM stopped by SIGTERM. */
class InterruptNoticeTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final String REAL_ENGINE = "org.vascalc.simulation.engine.EngineSimulatorFactory";

    @Test
    void aSimulateStoppedBySigtermSaysSoAndLeavesNoTemporaryFile(@TempDir Path out) throws Exception {
        Path scenarios = ROOT.resolve("examples/scenarios");
        Process p = cli(out, "simulate", scenarios.resolve("ten-year-fast.yaml").toString(),
                scenarios.resolve("ckd-stage4.yaml").toString(), scenarios.resolve("haemodialysis.yaml").toString(),
                "--mode", "reference", "--no-chart", "--out", out.toString());
        // under way: past the JVM's start, the notice's installation and the reading of the files (the three
        // runs, on the real engine, take tens of seconds). Judged by the main thread's CPU time, not the
        // wall clock: on a loaded machine 800 ms of wall time was once too little for the JVM to reach main,
        // and SIGTERM then ended it before the notice was installed.
        awaitCpuTime(p, 1_000, 60_000);
        assumeTrue(p.isAlive(), "the runs finished before the signal: nothing to interrupt on this machine");
        p.destroy(); // SIGTERM on Linux
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        String err = Files.readString(out.resolveSibling(out.getFileName() + ".err"));
        assertThat(p.exitValue()).isEqualTo(143);
        // the line names exactly the files on disk (whichever the run had completed), and no temporary is left
        List<String> onDisk = filesIn(out).stream().map(f -> out.relativize(f).toString()).sorted().toList();
        String expected = onDisk.isEmpty()
                ? "vascalc simulate: interrupted; nothing was written (any earlier output is untouched)"
                : "vascalc simulate: interrupted; " + String.join(", ", onDisk) + (onDisk.size() == 1 ? " was" : " were")
                        + " written before it, nothing is half-written";
        List<String> notices = err.lines().filter(l -> l.startsWith("vascalc simulate: interrupted;")).toList();
        assertThat(notices).hasSize(1);
        assertThat(sortedNames(notices.get(0))).isEqualTo(sortedNames(expected));
        assertThat(onDisk).allSatisfy(name -> assertThat(name).doesNotStartWith(".").doesNotContain(".tmp"));
    }

    @Test
    void aNormalExitPrintsNoNotice(@TempDir Path dir) throws Exception {
        Process p = cli(dir, "simulate", "--version");
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        String err = Files.readString(dir.resolveSibling(dir.getFileName() + ".err"));
        assertThat(p.exitValue()).isZero();
        assertThat(err).doesNotContain("interrupted");
    }

    @Test
    void theLineNamesTheCompletedFilesRelativeToTheWorkingFolder() {
        Path cwd = Path.of("/home/u/work");
        assertThat(InterruptNotice.line("phantom", List.of(), cwd))
                .isEqualTo("vascalc phantom: interrupted; nothing was written (any earlier output is untouched)");
        assertThat(InterruptNotice.line("simulate", List.of(cwd.resolve("out/a.csv"), cwd.resolve("out/a.json")), cwd))
                .isEqualTo("vascalc simulate: interrupted; out/a.csv, out/a.json were written before it, "
                        + "nothing is half-written");
        assertThat(InterruptNotice.line("trial", List.of(Path.of("/tmp/t.md")), cwd))
                .isEqualTo("vascalc trial: interrupted; /tmp/t.md was written before it, nothing is half-written");
    }

    @Test
    void anOutOfMemoryErrorIsNamedAsTheCauseWithWhatToDo() {
        // review12: the exit hook said "interrupted; nothing was written", true but naming the wrong cause
        Path cwd = Path.of("/w");
        assertThat(InterruptNotice.outOfMemoryLine("cohort", List.of(), cwd, 256L * 1024 * 1024))
                .isEqualTo("vascalc cohort: stopped, out of memory (Java's heap limit is 256 MB); nothing was written "
                        + "(any earlier output is untouched). Give Java more memory (VASCALC_JAVA_OPTS=-Xmx8g ./vascalc "
                        + "cohort ...) or ask for less at once (fewer members, files or runs; fewer --threads, each of "
                        + "which holds its own runs)");
        assertThat(InterruptNotice.outOfMemoryLine("simulate", List.of(cwd.resolve("a.csv")), cwd, 1L << 30))
                .startsWith("vascalc simulate: stopped, out of memory (Java's heap limit is 1024 MB); a.csv was "
                        + "written before it, nothing is half-written. Give Java")
                .as("simulate has no --threads").endsWith("(fewer members, files or runs)");
    }

    /** Six files are named; from the seventh on, the line names six and counts the rest. */
    @Test
    void theLineNamesSixFilesAndCountsTheRest() {
        Path cwd = Path.of("/w");
        List<Path> six = java.util.stream.IntStream.rangeClosed(1, 6).mapToObj(i -> cwd.resolve("f" + i)).toList();
        assertThat(InterruptNotice.line("validate", six, cwd)).isEqualTo("vascalc validate: interrupted; "
                + "f1, f2, f3, f4, f5, f6 were written before it, nothing is half-written");
        List<Path> eight = java.util.stream.IntStream.rangeClosed(1, 8).mapToObj(i -> cwd.resolve("f" + i)).toList();
        assertThat(InterruptNotice.line("validate", eight, cwd)).isEqualTo("vascalc validate: interrupted; "
                + "f1, f2, f3, f4, f5, f6 and 2 more were written before it, nothing is half-written");
        assertThat(InterruptNotice.line("validate", List.of(cwd.resolve("one.md")), cwd))
                .endsWith("; one.md was written before it, nothing is half-written");
    }

    @Test
    void theLongCommandsHelpEndsWithWhatCtrlCDoesAndTheOthersDoNot() {
        for (String name : List.of("flagship", "phantom", "score", "simulate", "trial", "sensitivity", "validate",
                "calibrate")) {
            String help = help(name, "--help");
            List<String> lines = help.strip().lines().toList();
            assertThat(lines.get(lines.size() - 1)).as(name).isEqualTo(InterruptNotice.HELP); // one line, not wrapped
            assertThat(lines.get(lines.size() - 2)).as(name + ": right after the exit codes").endsWith("error.");
            assertThat(help.split(Pattern.quote(InterruptNotice.HELP), -1)).as(name).hasSize(2);
        }
        assertThat(help("help", "simulate").strip()).endsWith(InterruptNotice.HELP);
        // risk is instant; cohort and serve say in their own help what Ctrl-C does
        for (String name : List.of("risk", "cohort", "serve")) {
            assertThat(help(name, "--help")).as(name).doesNotContain(InterruptNotice.HELP);
        }
        assertThat(help("--help")).doesNotContain(InterruptNotice.HELP);
    }

    /**
     * Waits until the child's main Java thread has used {@code cpuMillis} of CPU time (user + system, from
     * Linux's /proc/PID/task/TID/stat), it ended, or {@code maxWallMillis} passed; without /proc, 800 ms of
     * wall time. The main thread's own time, not the process's: the notice is installed on the first line
     * of {@code VasCalc.main}, and the process's time also counts the JIT compiler and GC threads.
     */
    private static void awaitCpuTime(Process p, long cpuMillis, long maxWallMillis) throws Exception {
        Path tasks = Path.of("/proc", Long.toString(p.pid()), "task");
        if (!Files.isDirectory(tasks)) {
            Thread.sleep(800);
            return;
        }
        long ticksPerSecond = 100; // USER_HZ: 100 on every Linux architecture the JDK runs on
        long deadline = System.nanoTime() + maxWallMillis * 1_000_000;
        while (p.isAlive() && System.nanoTime() < deadline) {
            long ticks;
            try {
                ticks = javaThreadTicks(tasks);
            } catch (IOException ended) {
                return;
            }
            if (ticks * 1000 / ticksPerSecond >= cpuMillis) {
                return;
            }
            Thread.sleep(50);
        }
    }

    /**
     * CPU ticks of the tasks named {@code java}: the launcher's first thread, which only waits, and the
     * thread that runs {@code main}; HotSpot names its own threads (C2 CompilerThre, GC Thread#0, ...).
     */
    private static long javaThreadTicks(Path tasks) throws IOException {
        long ticks = 0;
        try (Stream<Path> ids = Files.list(tasks)) {
            for (Path task : ids.toList()) {
                String line;
                try {
                    line = Files.readString(task.resolve("stat"));
                } catch (IOException threadEnded) {
                    continue;
                }
                String name = line.substring(line.indexOf('(') + 1, line.lastIndexOf(')'));
                if (name.equals("java")) {
                    // fields after the name's closing parenthesis: state is field 3, utime 14, stime 15
                    String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                }
            }
        }
        return ticks;
    }

    private static String help(String... args) {
        StringWriter out = new StringWriter();
        VasCalc.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), args);
        return out.toString();
    }

    private static Process cli(Path dir, String... args) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // the real engine, named: the test classes' FakeModel is also registered and, first on the class path,
        // would be chosen; its runs end within about a second, so the signal raced the command's own end
        // (exit 0, or 143 from a SIGTERM during System.exit with the notice already silenced)
        List<String> command = new ArrayList<>(List.of(java.toString(), "-cp",
                System.getProperty("java.class.path"), "-D" + RealModel.FACTORY + "=" + REAL_ENGINE,
                VasCalc.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                // a file, not a pipe: Process.destroy() closes the pipes before the child's notice is read
                .redirectError(dir.resolveSibling(dir.getFileName() + ".err").toFile());
        return pb.start();
    }

    /** The notice with its named files sorted (the run writes them in its own order). */
    private static String sortedNames(String notice) {
        if (!notice.contains(" written before it")) {
            return notice;
        }
        return notice.replaceFirst("; (.*) (was|were) written", "; <" + String.join(", ",
                Stream.of(notice.replaceFirst("^.*?; (.*) (was|were) written.*$", "$1").split(", ")).sorted().toList())
                + "> $2 written");
    }

    private static List<Path> filesIn(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).toList();
        }
    }
}

package org.vascalc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code ./vascalc} launchers started at once on a tree whose tool is stale (a web app in one terminal, a
 * simulate in another, after an edit) ran two Maven builds into the same target folders; each broke the other
 * ("cannot find symbol" in a test class, exit 2; review14, a new user's walk). Now one builds and the other
 * waits for it and finds the tool fresh. The launcher runs here on a copy of the tree with a stand-in
 * {@code mvnw} that logs its start and end around a two-second sleep, so the test needs no Maven; the tool
 * it "builds" is an empty jar, so the java that the launcher then starts fails, which the test ignores.
 */
class LauncherBuildLockTest {

    @Test
    void twoLaunchersOnAStaleTreeBuildOnceOneAfterTheOther(@TempDir Path tree) throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent();
        assumeTrue(Files.isRegularFile(root.resolve("vascalc")), "runs from the cli module of a checkout");
        assumeTrue(new ProcessBuilder("bash", "-c", "command -v flock").start().waitFor() == 0, "needs flock");
        Files.createDirectories(tree.resolve(".mvn"));
        Files.createDirectories(tree.resolve("cli/src/main/java"));
        Files.copy(root.resolve("vascalc"), tree.resolve("vascalc"));
        Files.copy(root.resolve(".mvn/find-jdk.sh"), tree.resolve(".mvn/find-jdk.sh"));
        Files.writeString(tree.resolve("pom.xml"), "<project/>\n");
        Path log = tree.resolve("builds.log");
        Path mvnw = Files.writeString(tree.resolve("mvnw"), """
                #!/usr/bin/env bash
                here="$(cd "$(dirname "$0")" && pwd)"
                echo start >> "$here/builds.log"
                sleep 2
                mkdir -p "$here/cli/target/lib"
                touch "$here/cli/target/vascalc-cli.jar"
                echo end >> "$here/builds.log"
                """);
        Files.setPosixFilePermissions(mvnw, PosixFilePermissions.fromString("rwxr-xr-x"));

        Process first = launcher(tree);
        Thread.sleep(300); // the first one is building when the second starts
        Process second = launcher(tree);
        assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String secondSaid = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(Files.readAllLines(log)).as("one build, not two overlapping").isEqualTo(List.of("start", "end"));
        assertThat(secondSaid).contains("vascalc: waiting for another ./vascalc to finish building...")
                .doesNotContain("vascalc: building");
    }

    private static Process launcher(Path tree) throws java.io.IOException {
        ProcessBuilder pb = new ProcessBuilder("bash", tree.resolve("vascalc").toString(), "--version")
                .directory(tree.toFile()).redirectErrorStream(true);
        pb.environment().put("VASCALC_COMMIT", "test");
        return pb.start();
    }
}

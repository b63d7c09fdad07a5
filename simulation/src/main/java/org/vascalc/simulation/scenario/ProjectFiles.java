package org.vascalc.simulation.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds files of the project checkout (scenario examples, calibration scenarios, docs) from any
 * working directory: the system property {@code vascalc.home} if set, otherwise the nearest
 * folder at or above the working directory that holds the path asked for. Tests run in a module
 * folder and the CLI runs wherever the user is, so neither can assume the working directory.
 */
public final class ProjectFiles {

    private ProjectFiles() {
    }

    public static Optional<Path> find(String relative) {
        String home = System.getProperty("vascalc.home");
        if (home != null && !home.isBlank()) {
            Path p = Path.of(home).resolve(relative);
            return Files.exists(p) ? Optional.of(p) : Optional.empty();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path p = dir.resolve(relative);
            if (Files.exists(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Like {@link #find} but fails with a message saying where it looked. */
    public static Path require(String relative) {
        return find(relative).orElseThrow(() -> new IllegalStateException("cannot find '" + relative
                + "' at or above " + Path.of("").toAbsolutePath() + " (set -Dvascalc.home=<checkout>)"));
    }
}

package org.vascalc.simulation.trial;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.vascalc.simulation.scenario.ProjectFiles;
import org.vascalc.simulation.scenario.TrialFiles;

/** The trial files of examples/trials, for the tests that read a published trial as its file states it. */
final class ExampleTrials {

    private ExampleTrials() {
    }

    /** The trial file {@code key} of examples/trials, loaded; fails the test if there is none. */
    static TrialSpec load(String key) {
        Map<String, Path> all = TrialFiles.catalog(ProjectFiles.require(TrialFiles.FOLDER));
        assertThat(all).containsKey(key);
        return TrialFiles.load(all.get(key));
    }
}

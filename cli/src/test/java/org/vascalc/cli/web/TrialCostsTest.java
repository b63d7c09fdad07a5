package org.vascalc.cli.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.vascalc.simulation.scenario.ProjectFiles;
import org.vascalc.simulation.scenario.TrialFiles;

/**
 * The trials page's limit per trial ({@link TrialCosts}): a minute's members at the trial's measured cost, two
 * significant figures, rounded down. Review9's one limit (1000 per arm) was care2's, the slowest trial, and held the
 * MESA trials, whose members cost several times less, to a fraction of the minute.
 */
class TrialCostsTest {

    @Test
    void aLimitIsAMinutesMembersRoundedDownToTwoFigures() {
        // by hand: 60 s / 0.061 s = 983.6 -> 980; 60 / 0.007 = 8571 -> 8500; 60 / 0.0123 = 4878 -> 4800
        assertThat(TrialCosts.limitFor(0.061)).isEqualTo(980);
        assertThat(TrialCosts.limitFor(0.007)).isEqualTo(8500);
        assertThat(TrialCosts.limitFor(0.0123)).isEqualTo(4800);
        assertThat(TrialCosts.limitFor(0.6)).isEqualTo(100); // exactly 100: not rounded below it
        assertThat(TrialCosts.limitFor(1e-6)).as("at most the command line's").isEqualTo(100_000);
        assertThat(TrialCosts.limitFor(100)).as("a bootstrap needs two").isEqualTo(2);
    }

    @Test
    void everyShippedTrialHasAMeasuredCostAndTheDefaultSizeRunsEveryOne() {
        Path folder = ProjectFiles.require(TrialFiles.FOLDER);
        for (String key : TrialFiles.catalog(folder).keySet()) {
            assertThat(TrialCosts.secondsPerMember()).as("trial-costs.csv has no row for %s: measure it (its header "
                    + "says how)", key).containsKey(key);
            assertThat(TrialCosts.limit(key)).as(key).isGreaterThanOrEqualTo(TrialsPage.DEFAULT_SIZE);
        }
    }

    @Test
    void theDialysisTrialsSetTheSmallestLimitAndTheMesaTrialsRunMore() {
        // by hand from trial-costs.csv: chertow2002 135.3 ms, the costliest since the calcium arms of it and care2 are
        // integrated directly (classdirect2; re-measured after directcost2): 60 / 0.1353 = 443.5 -> 440; care2 134.1 ms:
        // 447.4 -> 440; block2012 65.4 ms: 917.4 -> 910; ipackhd 58.0 ms: 1034 -> 1000; bolland2008 22.0 ms: 2727 -> 2700
        assertThat(TrialCosts.limit("chertow2002")).as("the costliest").isEqualTo(440)
                .isEqualTo(TrialCosts.smallest());
        assertThat(TrialCosts.limit("care2")).isEqualTo(440);
        assertThat(TrialCosts.limit("block2012")).isEqualTo(910);
        assertThat(TrialCosts.limit("ipackhd")).isEqualTo(1000);
        assertThat(TrialCosts.limit("bolland2008")).isEqualTo(2700);
        assertThat(TrialCosts.limit("anderson2016")).isGreaterThan(1000);
        assertThat(TrialCosts.limit("no-such-trial")).as("an unmeasured trial: the costliest's").isEqualTo(440);
    }
}

package org.vascalc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vascalc trial}: bad input is named and exits 1 without a stack trace; a small run of a
 * published trial on the real model prints and writes the table (the machinery, not the match).
 */
@ExtendWith(RealModel.class)
class TrialCommandTest {

    private static void badInput(CliRun r, String... phrases) {
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(r.err()).contains(phrases).doesNotContain("\tat org.").doesNotContain("internal error");
    }

    @Test
    void badInputIsNamedWithTheAllowedValues(@TempDir Path dir) throws Exception {
        badInput(CommandsTest.run("trial", "framingham"), "unknown trial 'framingham'", "saltire", "knapen2015", "avadec",
                "examples/trials");
        badInput(CommandsTest.run("trial"), "name at least one trial", "--all");
        // review9: a key one letter off is named with the trial it was most likely meant to be
        badInput(CommandsTest.run("trial", "saltre"), "unknown trial 'saltre'; did you mean saltire?; known trials: ");
        badInput(CommandsTest.run("trial", "--all", "saltire"), "not both");
        badInput(CommandsTest.run("trial", "saltire", "--size", "1"), "--size = 1", "2 to");
        badInput(CommandsTest.run("trial", "saltire", "--parameter-draws", "1"), "--parameter-draws = 1 parameter sets",
                "outside the allowed range 2 to 1000 sets");
        badInput(CommandsTest.run("trial", "saltire", "--parameter-draws", "1001"), "--parameter-draws = 1001");
        badInput(CommandsTest.run("trial", "saltire", "--parameter-draws", "many"), "--parameter-draws", "many");
        Path bad = Files.writeString(dir.resolve("bad.yaml"), Files.readString(Path.of("../examples/trials/saltire.yaml"))
                .replace("population: mesa", "population: whi").replace("measure: annualProgressionRatio",
                        "measure: slope"));
        badInput(CommandsTest.run("trial", bad.toString()), "bad.yaml has 2 problems", "population",
                "[mesa, cric, plausible]", "outcomes[0].measure", "annualProgressionRatio");
        badInput(CommandsTest.run("trial", dir.resolve("none.yaml").toString()), "no such file");
        // a trial named twice ran twice (and was written twice with --write); a key in capitals is the same key
        badInput(CommandsTest.run("trial", "saltire", "saltire"), "trial 'saltire' is named twice");
        badInput(CommandsTest.run("trial", "SALTIRE", "../examples/trials/saltire.yaml"),
                "trial '../examples/trials/saltire.yaml' is named twice ('SALTIRE' is the same file)");
        // a scenario file where a trial file belongs: the first problem says so (then the unknown keys)
        CliRun scenario = CommandsTest.run("trial", "../examples/scenarios/wall/food-calcium.yaml");
        badInput(scenario, "this looks like a scenario file", "./vascalc simulate FILE");
        assertThat(scenario.err().indexOf("looks like a scenario")).isLessThan(scenario.err().indexOf("unknown key"));
        CliRun help = CommandsTest.run("trial", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("--all", "--size", "--write", "Monte-Carlo", "--parameter-draws", "--parameter-seed");
    }

    /**
     * --help's ranges (size 2 to 100000 members per arm, parameter draws 2 to 1000 sets): each end is taken,
     * shown by the check after it refusing instead (--threads 0 is checked after both), so nothing runs.
     */
    @Test
    void eachRangesEndsAreTaken() {
        for (String[] taken : new String[][] {{"--size", "2"}, {"--size", "100000"}, {"--parameter-draws", "2"},
                {"--parameter-draws", "1000"}}) {
            CliRun r = CommandsTest.run("trial", "saltire", taken[0], taken[1], "--threads", "0");
            badInput(r, "--threads = 0 is outside the allowed range 1 to 256");
            assertThat(r.err()).as(String.join(" ", taken)).doesNotContain(taken[0] + " = ");
        }
        badInput(CommandsTest.run("trial", "saltire", "--size", "100001"),
                "--size = 100001 members is outside the allowed range 2 to 100000 members");
        // a person's own factor is drawn for every member: a --set of it would not be used
        badInput(CommandsTest.run("trial", "saltire", "--set", "plaqueSusceptibility=1.2"),
                "--set plaqueSusceptibility: plaqueSusceptibility is each member's own factor");
    }

    /**
     * What --help says about examples/trials stays true when a trial file is added or renamed: every
     * key it names is a file there, and the file count it dates its --all timing with is the folder's
     * (it said "22 files" after the 23rd and 24th were added; retime --all and update both).
     */
    @Test
    void helpNamesOnlyShippedTrialsAndTheirCount() throws Exception {
        String help = CommandsTest.run("trial", "--help").out().replaceAll("\\s+", " ");
        List<String> shipped;
        try (Stream<Path> files = Files.list(Path.of("../examples/trials"))) {
            shipped = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length())).toList();
        }
        Matcher list = Pattern.compile("a key of examples/trials \\(e\\.g\\. ([^;)]+)[;)]").matcher(help);
        assertThat(list.find()).as(help).isTrue();
        assertThat(list.group(1).split(", ")).as("keys named in trial --help").isSubsetOf(shipped);
        Matcher count = Pattern.compile("with the (\\d+) files of").matcher(help);
        assertThat(count.find()).as(help).isTrue();
        assertThat(Integer.parseInt(count.group(1))).as("trial --help's count of examples/trials files")
                .isEqualTo(shipped.size());
    }

    @Test
    void aSmallRunPrintsAndWritesTheTable(@TempDir Path dir) throws Exception {
        Path md = dir.resolve("trials.md");
        CliRun r = CommandsTest.run("trial", "knapen2015", "--size", "3", "--threads", "2", "--seed", "2",
                "--set", "miBasePerYear=0.001", "--write", md.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("parameters 1 value(s) set with --set: miBasePerYear").contains("trial      knapen2015:").contains("run        3 mesa-like members per arm")
                .contains("dp-ucMGP change, mk7-180 vs placebo (percentage points)").contains("no published interval").contains("wrote " + md);
        String text = Files.readString(md);
        assertThat(text).contains("| trial | outcome | published [95 % CI] | model [MC 95 %] | model inside? | reading |")
                .contains("3 members per arm, seed 2").contains("### knapen2015:")
                .contains(" (1 value(s) set with --set: miBasePerYear");
        assertThat(text.lines().filter(l -> l.startsWith("| knapen2015 [Knapen2015]"))).hasSize(2);
        assertThat(r.out()).as("its members start at their labs: no line").doesNotContain("labs       ");
        assertThat(text).doesNotContain("Start not at the labs");
    }

    /**
     * labwarn2: a haemodialysis trial's members do not start at their measured phosphate (the dialysis
     * clearance acts in the run-in): one line per lab, not one per member, printed and written.
     */
    @Test
    void membersNotStartingAtTheirLabsAreOneLinePerLabPrintedAndWritten(@TempDir Path dir) throws Exception {
        Path md = dir.resolve("trials.md");
        // seed 6: since hdtrials most care2 members start at their (dialysis) labs; at seed 6 one of 3 does not
        CliRun r = CommandsTest.run("trial", "care2", "--size", "3", "--threads", "2", "--seed", "6",
                "--write", md.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("labs       drawn per member from the trial's baseline: calcium 2.22 (SD 0.22) mmol/L");
        // the lines of members not starting at a lab (not the block's line, nor the candidates left out)
        List<String> labs = r.out().lines().filter(l -> l.startsWith("labs       ") && l.contains(" members do not "))
                .toList();
        assertThat(labs).as("at most one line per lab").hasSizeBetween(1, 3)
                .anySatisfy(l -> assertThat(l).matches("labs       [1-3] of 3 members do not start at their measured "
                        + "phosphate \\(largest [+-]\\d+ %, member cric-\\d+\\): see docs/model/mineral.md, "
                        + "'When the start is not the labs'"));
        String text = Files.readString(md);
        for (String l : labs) {
            assertThat(text).contains("- **Start not at the labs**: " + l.substring("labs       ".length()) + "\n");
        }
        assertThat(r.err()).as("not one warning per member").doesNotContain("warning");
    }

    @Test
    void parameterDrawsAddTheSpreadAcrossParameterSetsToThePrintedAndWrittenTable(@TempDir Path dir) throws Exception {
        Path md = dir.resolve("trials.md");
        CliRun r = CommandsTest.run("trial", "knapen2015", "--size", "2", "--threads", "2",
                "--parameter-draws", "2", "--parameter-seed", "4", "--write", md.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("parameters 2 sets (seed 4) of").contains("tissueUptakeFractionMk7")
                .contains("parameter sets: median");
        String text = Files.readString(md);
        assertThat(text).contains("| model [MC 95 %] | model across parameter sets, median [2.5-97.5 %] | model inside? |")
                .contains("2 parameter sets, parameter seed 4").contains("**Parameter sets**: 2 sets drawn with seed 4")
                .contains("*Across parameter sets*");
        assertThat(text.lines().filter(l -> l.startsWith("| knapen2015 [Knapen2015]")))
                .hasSize(2).allSatisfy(l -> assertThat(l).contains("(2 sets)"));
    }
}

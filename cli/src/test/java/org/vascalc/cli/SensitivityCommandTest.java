package org.vascalc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vascalc sensitivity} on the real model: a three-day scenario file, two parameters, one thread. */
class SensitivityCommandTest {

    private static final String FACTORY = "vascalc.simulatorFactory";

    @BeforeAll
    static void useTheRealModel() {
        System.setProperty(FACTORY, "org.vascalc.simulation.engine.EngineSimulatorFactory");
    }

    @AfterAll
    static void restore() {
        System.clearProperty(FACTORY);
    }

    @Test
    void aSmallAnalysisPrintsTheRankingAndWritesTableChartAndPage(@TempDir Path dir) throws Exception {
        Path md = dir.resolve("sensitivity.md");
        CommandsTest.Run r = CommandsTest.run("sensitivity", CommandsTest.example("calcium-with-food.yaml"),
                "--output", "serumCalciumTotal", "--output", "pthPgMl", "--parameter", "caTotalRef",
                "--parameter", "miBasePerYear", "--parameter", "caHabitualIntake", "--threads", "1", "--top", "3",
                "--out", dir.resolve("out").toString(), "--write", md.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("serumCalciumTotal (mmol/L): baseline").contains("caTotalRef")
                // the top of the catalog's habitual-intake range has no baseline steady state (docs/model/sensitivity-audit.md)
                .contains("caHabitualIntake").contains("run failed at high end (60.0 mmol/d)")
                // the MI hazard cannot act on calcium: below the floor, not listed
                .contains("(the other 1 parameters move it by less than 1e-06");
        List<String> csv = Files.readAllLines(dir.resolve("out/sensitivity.csv"));
        assertThat(csv.get(0)).startsWith("parameter,evidence,role,value,unit,low,high,output");
        assertThat(csv).anySatisfy(l -> assertThat(l).startsWith("caTotalRef,literature,RANGE,2.35,mmol/L,2.1,2.6,"
                + "serumCalciumTotal,mmol/L,"));
        assertThat(ImageIO.read(dir.resolve("out/tornado-serumCalciumTotal.png").toFile()).getWidth()).isGreaterThan(500);
        String page = Files.readString(md);
        assertThat(page).contains("## serumCalciumTotal (mmol/L)").contains("| 1 | `caTotalRef` | literature |")
                .contains("## Failed runs").contains("- `caHabitualIntake`: run failed at high end (60.0 mmol/d)");
    }

    @Test
    void badInputNamesTheFieldAndItsAllowedValues() {
        CommandsTest.Run top = CommandsTest.run("sensitivity", "--top", "0");
        assertThat(top.code()).isEqualTo(1);
        assertThat(top.err()).contains("--top = 0 is outside the allowed range 1 to 100");
        CommandsTest.Run name = CommandsTest.run("sensitivity", "--parameter", "noSuchNumber");
        assertThat(name.code()).isEqualTo(1);
        assertThat(name.err()).contains("--parameter = noSuchNumber is not in the parameter catalog");
        CommandsTest.Run threads = CommandsTest.run("sensitivity", "--threads", "0");
        assertThat(threads.code()).isEqualTo(1);
        assertThat(threads.err()).contains("--threads = 0 is outside the allowed range 1 to 256");
        CommandsTest.Run output = CommandsTest.run("sensitivity", CommandsTest.example("calcium-with-food.yaml"),
                "--output", "noSuchOutput", "--parameter", "caTotalRef", "--threads", "1");
        assertThat(output.code()).as(output.err()).isEqualTo(1);
        assertThat(output.err()).contains("noSuchOutput");
    }
}

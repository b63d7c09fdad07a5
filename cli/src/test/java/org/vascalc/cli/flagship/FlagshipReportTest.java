package org.vascalc.cli.flagship;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vascalc.core.patient.Patient;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.OutputChannel;
import org.vascalc.cli.report.Panel;
import org.vascalc.simulation.SimulationResult;
import org.vascalc.simulation.Trajectory;
import org.vascalc.simulation.flagship.FlagshipComparison;

class FlagshipReportTest {

    @Test
    void tableHasOneRowPerArmAndMarksOutputsTheModelLacks(@TempDir Path dir) throws Exception {
        FlagshipComparison c = new FlagshipComparison(Patient.referenceAdult(), 1);
        List<FlagshipComparison.Arm> arms = c.arms();
        List<SimulationResult> runs = new ArrayList<>();
        for (int i = 0; i < arms.size(); i++) {
            runs.add(result(arms.get(i), Mode.FAST, 100.0 * (i + 1)));
        }
        List<SimulationResult> days = List.of(result(arms.get(0), Mode.REFERENCE, 1), result(arms.get(1), Mode.REFERENCE, 1));
        FlagshipReport report = new FlagshipReport(new FlagshipComparison.Results(arms, runs, days));

        List<String[]> rows = report.summaryRows();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(2)[1]).isEqualTo("300");
        assertThat(rows.get(0)[4]).isEqualTo("n/a");
        String table = report.formatTable(rows);
        assertThat(table.lines()).hasSize(5);

        Path index = report.html("test").write(dir.resolve("r"));
        String html = Files.readString(index);
        assertThat(html).contains("cacAgatston.png").contains("Not shown because").contains("pwv");
        assertThat(Files.exists(dir.resolve("r").resolve("cacAgatston.png"))).isTrue();
        assertThat(Files.exists(dir.resolve("r").resolve("pwv.png"))).isFalse();
    }

    @Test
    void tableGivesTheMiRiskInPercentAsItsChartDoes() {
        FlagshipComparison c = new FlagshipComparison(Patient.referenceAdult(), 1);
        List<FlagshipComparison.Arm> arms = c.arms();
        List<SimulationResult> runs = new ArrayList<>();
        for (FlagshipComparison.Arm arm : arms) {
            Trajectory traj = new Trajectory(List.of(new OutputChannel("riskMi", "1", "cumulative MI risk")),
                    new double[] {0, 8766}, new double[][] {{0}, {0.0079}});
            runs.add(new SimulationResult(arm.scenario(), Mode.FAST, traj, Map.of(), Map.of(), "sha"));
        }
        FlagshipReport report = new FlagshipReport(new FlagshipComparison.Results(arms, runs, List.of()));
        int column = List.of(report.header()).indexOf("MI risk (%)");
        assertThat(column).as("the MI risk column names its unit").isPositive();
        assertThat(report.summaryRows().get(0)[column]).isEqualTo("0.790");
        Panel chart = report.panels().stream().filter(p -> p.id().equals("riskMi")).findFirst().orElseThrow();
        assertThat(chart.yLabel()).isEqualTo("%");
        double[] y = chart.series().get(0).y();
        assertThat(y[y.length - 1]).isCloseTo(0.79, org.assertj.core.data.Offset.offset(1e-12));
    }

    private static SimulationResult result(FlagshipComparison.Arm arm, Mode mode, double endScore) {
        double[] t = {0, 4000, 8766};
        double[][] v = {{0, 2.4}, {endScore / 2, 2.4}, {endScore, 2.41}};
        Trajectory traj = new Trajectory(List.of(new OutputChannel("cacAgatston", "AU", "score"),
                new OutputChannel("serumCalciumTotal", "mmol/L", "Ca")), t, v);
        return new SimulationResult(arm.scenario(), mode, traj, Map.of(), Map.of(), "sha");
    }
}

package org.vascalc.simulation.engine;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.core.patient.Patient;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.SimulationResult;
import org.vascalc.simulation.Simulator;

/**
 * Writes six fast-mode decades (the benchmark regimen; WHOLE and ENGINE; the reference adult, eGFR 25
 * and eGFR 65), recorded daily, to 17 digits with their counters and a hash of every value's bits, so
 * that a change meant to be bit-identical can be checked against its base (developer aid, on request
 * only: {@code -Dvascalc.scratch=true}; output to {@code vascalc.bits.out}, default /tmp/callcost-bits.txt).
 */
class CallcostBitsRunner {
    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void write() throws IOException {
        var parameters = ModelAssembly.defaultParameters();
        Path out = Path.of(System.getProperty("vascalc.bits.out", "/tmp/callcost-bits.txt"));
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            for (double egfr : new double[] {Double.NaN, 25, 65}) {
                Patient patient = Double.isNaN(egfr) ? Patient.referenceAdult()
                        : Patient.referenceAdult().withEgfrMlPerMin(egfr);
                Scenario scenario = new Scenario("bench", "", patient, List.of(),
                        List.of(new Intervention.CalciumSupplement(500, Intervention.CalciumSalt.CARBONATE, true,
                                        Schedule.daily(8, 19)),
                                new Intervention.VitaminK(Intervention.VitaminKForm.MK7, 180, Schedule.daily(8))),
                        3652.5, Recording.every(24));
                for (boolean wall : new boolean[] {true, false}) {
                    for (int repeat = 0; repeat < 2; repeat++) {
                        Simulator sim = wall ? new EngineSimulator(parameters) : EngineSimulator.withoutWall(parameters);
                        SimulationResult r = sim.run(scenario, Mode.FAST, ProgressListener.NONE);
                        String label = (wall ? "WHOLE" : "ENGINE") + " egfr=" + egfr + " #" + repeat;
                        long hash = 1469598103934665603L;
                        var tr = r.trajectory();
                        StringBuilder rows = new StringBuilder();
                        for (int i = 0; i < tr.size(); i++) {
                            rows.append(label).append(' ').append(tr.time(i));
                            for (double v : tr.row(i)) {
                                hash = (hash ^ Double.doubleToRawLongBits(v)) * 1099511628211L;
                                rows.append(' ').append(String.format("%.17g", v));
                            }
                            rows.append('\n');
                        }
                        w.println("HEAD " + label + " hash=" + Long.toHexString(hash) + " " + r.counters());
                        w.print(rows);
                    }
                }
            }
        }
    }
}

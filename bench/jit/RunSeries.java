import java.lang.management.*;
import java.util.*;
import java.io.*;
import org.vascalc.bench.engine.EngineBenchmark;
// runs N runs, writes "uptime_ms cpu_ms" per run to a file (for alignment with a JFR recording started by -XX:StartFlightRecording)
public class RunSeries {
  public static void main(String[] a) throws Exception {
    String model = a[0]; int n = Integer.parseInt(a[1]); String out = a[2];
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    EngineBenchmark b = new EngineBenchmark(); b.mode="FAST"; b.model=model; b.patient="REFERENCE"; b.setUp();
    long[] t = new long[n]; double[] ms = new double[n];
    for (int i=0;i<n;i++){ long s=cpu.getCurrentThreadCpuTime(); b.run(); ms[i]=(cpu.getCurrentThreadCpuTime()-s)/1e6; t[i]=System.currentTimeMillis(); }
    try (PrintWriter w = new PrintWriter(out)) { for (int i=0;i<n;i++) w.printf("%d %.4f%n", t[i], ms[i]); }
    double[] c = ms.clone(); Arrays.sort(c, n/2, n);
    System.out.printf("%s last-half median %.3f%n", model, c[n/2 + n/4]);
  }
}

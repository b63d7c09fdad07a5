import java.lang.management.*;
import java.util.*;
import java.nio.file.*;
import org.vascalc.bench.engine.EngineBenchmark;
public class CompilerCpu {
  static double[] compCpu() throws Exception { double c1=0,c2=0; long hz=100;
    try (var ds=Files.newDirectoryStream(Path.of("/proc/self/task"))) { for (Path t: ds) { String s=Files.readString(t.resolve("stat")); String comm=s.substring(s.indexOf('(')+1,s.lastIndexOf(')')); String[] f=s.substring(s.lastIndexOf(')')+2).split(" "); double cpu=(Long.parseLong(f[11])+Long.parseLong(f[12]))/(double)hz; if (comm.startsWith("C2")) c2+=cpu; else if (comm.startsWith("C1")) c1+=cpu; } }
    return new double[]{c1,c2}; }
  public static void main(String[] a) throws Exception {
    String model=a[0]; int n=Integer.parseInt(a[1]);
    ThreadMXBean cpu=ManagementFactory.getThreadMXBean();
    long main0=cpu.getCurrentThreadCpuTime();
    EngineBenchmark b=new EngineBenchmark(); b.mode="FAST"; b.model=model; b.patient="REFERENCE"; b.setUp();
    double[] s0=compCpu();
    System.out.printf("after setUp: main cpu %.1f s, C1 %.1f s, C2 %.1f s%n", (cpu.getCurrentThreadCpuTime()-main0)/1e9, s0[0], s0[1]);
    double[] blk=new double[250]; StringBuilder sb=new StringBuilder();
    for (int i=0;i<n;i++){ long s=cpu.getCurrentThreadCpuTime(); b.run(); blk[i%250]=(cpu.getCurrentThreadCpuTime()-s)/1e6;
      if (i%250==249){ double[] c=blk.clone(); Arrays.sort(c); double[] cc=compCpu(); sb.append(String.format("%n  runs %d: main cpu %.1f s, median %.2f ms, C1 %.1f s, C2 %.1f s", i+1, (cpu.getCurrentThreadCpuTime()-main0)/1e9, c[125], cc[0], cc[1])); } }
    System.out.println(model+sb);
  }
}

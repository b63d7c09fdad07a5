import java.util.*;
import java.nio.file.*;
import jdk.jfr.consumer.*;
// usage: JfrWin file.jfr fromMs toMs [fromMs toMs ...]  (epoch ms windows) -> top self / inclusive, with frame types
public class JfrWindows {
  public static void main(String[] a) throws Exception {
    List<RecordedEvent> ev = RecordingFile.readAllEvents(Paths.get(a[0]));
    for (int w=1; w+1<a.length; w+=2) {
      long from=Long.parseLong(a[w]), to=Long.parseLong(a[w+1]);
      Map<String,Integer> self=new HashMap<>(), incl=new HashMap<>(); int total=0;
      for (RecordedEvent e: ev) {
        String n=e.getEventType().getName();
        long t=e.getStartTime().toEpochMilli();
        if (t<from||t>to) continue;
        if (n.equals("jdk.Deoptimization")) { RecordedMethod dm=e.getValue("method"); System.out.println("  DEOPT "+t+" "+dm.getType().getName().replaceAll(".*\\.","")+"::"+dm.getName()+" "+e.getValue("reason")+" "+e.getValue("action")+" line "+e.getValue("lineNumber")+" "+e.getValue("compiler")); continue; }
        if (!n.equals("jdk.ExecutionSample")) continue;
        RecordedThread th = e.getThread("sampledThread"); if (th==null || !"main".equals(th.getJavaName())) continue;
        RecordedStackTrace st=e.getStackTrace(); if (st==null) continue; total++;
        List<RecordedFrame> fr=st.getFrames(); if (fr.isEmpty()) continue;
        RecordedFrame top=fr.get(0);
        self.merge(name(top)+" ["+top.getType()+"]",1,Integer::sum);
        Set<String> seen=new HashSet<>();
        for (RecordedFrame f: fr) { String m=name(f); if (seen.add(m)) incl.merge(m,1,Integer::sum); }
      }
      System.out.println("== window "+from+".."+to+" samples "+total);
      final int T=total;
      self.entrySet().stream().sorted((x,y)->y.getValue()-x.getValue()).limit(25).forEach(en->System.out.printf("  self %5.1f%% %s%n",100.0*en.getValue()/T,en.getKey()));
      incl.entrySet().stream().sorted((x,y)->y.getValue()-x.getValue()).limit(45).forEach(en->System.out.printf("  incl %5.1f%% %s%n",100.0*en.getValue()/T,en.getKey()));
    }
  }
  static String name(RecordedFrame f){ return f.getMethod().getType().getName().replaceAll(".*\\.","")+"::"+f.getMethod().getName(); }
}

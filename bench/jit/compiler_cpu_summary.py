# C2 CPU seconds at 1000/2000/3000 runs (and when it stops growing) per JVM of CompilerCpu.java
# output (one file, or compiler_cpu_ab.sh output). Usage: python3 bench/jit/compiler_cpu_summary.py out.txt
import re,sys
for f in sys.argv[1:]:
    runs=[];cur=None
    txt=open(f).read().split('\n')
    label=None
    for line in txt:
        m=re.match(r'=== (\S+) (\d+)',line)
        if m: label=m.group(1)+'#'+m.group(2); continue
        if line.startswith('after setUp'):
            cur={'label':label or f,'rows':[]}; runs.append(cur)
        m=re.search(r'runs (\d+): main cpu ([\d.]+) s, median ([\d.]+) ms, C1 ([\d.]+) s, C2 ([\d.]+) s',line)
        if m and cur is not None: cur['rows'].append(tuple(float(x) for x in m.groups()))
    for r in runs:
        rows=r['rows']
        if len(rows)<12: continue
        c2=[x[4] for x in rows]
        # settled: first block index after which C2 grows < 0.3 s per 250 runs for the rest
        s=next(i for i in range(len(rows)) if all(c2[j+1]-c2[j]<0.3 for j in range(i,len(rows)-1)))
        print(f"{r['label']:8s} C2@1000 {c2[3]:5.1f} @2000 {c2[7]:5.1f} @3000 {c2[11]:5.1f}  C1@3000 {rows[11][3]:.1f}  main@3000 {rows[11][1]:5.1f}  C2 quiet from run {int(rows[s][0])} at {c2[s]:.1f} s  medians last 3 blocks {rows[9][2]:.2f} {rows[10][2]:.2f} {rows[11][2]:.2f}")

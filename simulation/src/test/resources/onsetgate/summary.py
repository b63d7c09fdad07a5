# onsetgate (sixty-third session): rule 5's summary of MineralKickRowsRunner rows -Dvascalc.scratch.rule=direct
# (target/onsetgate-rows.tsv: case, day, output, reference, shipped, h24f2 = onsetcause's ungated direct onset,
# go7.5 = the gated direct onset, judged)
import csv, sys, collections
rows = list(csv.DictReader(open(sys.argv[1]), delimiter='\t'))
onset = {'a-warfarin-stop-mk7': 60, 'b-warfarin-start': 30, 'e-mk7-stop': 30}
REL, FRAC = 0.005, 0.01
VARS = ('h24f2', 'go7.5')
def err(o, r, v):
    return abs(v - r) if o.endswith('Fraction') else abs(v - r) / max(abs(r), 1e-6)
def allow(o):
    return FRAC if o.endswith('Fraction') else REL
cum = lambda o: o.endswith('Cum')
by = collections.OrderedDict()
for r in rows:
    by.setdefault(r['case'], []).append(r)
print("# rule 5 (onsetgate): per case, the days (after the onset) on which the variant's difference from reference exceeds shipped fast mode's by more than 0.005 relative (0.01 absolute for a fraction), the outputs failing, and the worst excess (in allowances) among cumulative outputs and among the others; h24f2 = onsetcause's ungated direct onset (every onset), go7.5 = the gated one (judged)")
for case, rs in by.items():
    d0 = onset.get(case, 0)
    for var in VARS:
        days = set(); outs = collections.Counter(); worst = {True: (-1e9, None), False: (-1e9, None)}
        for r in rs:
            o = r['output']; ref = float(r['reference']); sh = float(r['shipped']); v = float(r[var])
            ex = (err(o, ref, v) - err(o, ref, sh)) / allow(o)
            if ex > 1:
                days.add(int(r['day']) - d0); outs[o] += 1
            if ex > worst[cum(o)][0]: worst[cum(o)] = (ex, r)
        print(f"{case} {var} days failing {len(days)} {sorted(days)} outputs {dict(outs)}")
        for c in (True, False):
            ex, r = worst[c]
            print(f"    {'cumulative' if c else 'state'} {ex:+.2f} {r['output']} day {int(r['day']) - d0}: reference {float(r['reference']):.6g} shipped {float(r['shipped']):.6g} h24f2 {float(r['h24f2']):.6g} go7.5 {float(r['go7.5']):.6g}")
print("\n# largest relative difference from reference over days 1-7 / 8-30 after the onset, shipped / go7.5, for the outputs that fail")
for case, rs in by.items():
    d0 = onset.get(case, 0)
    for o in ('mineral.osteoclasts', 'mineral.glandPool', 'mineral.caUrineCum', 'wall.hazardMi', 'mineral.caBoneExch'):
        m = {(k, w): 0 for k in ('shipped', 'go7.5') for w in (0, 1)}
        for r in rs:
            if r['output'] != o: continue
            d = int(r['day']) - d0
            if d < 1: continue
            for k in ('shipped', 'go7.5'):
                m[(k, d > 7)] = max(m[(k, d > 7)], err(o, float(r['reference']), float(r[k])))
        print(f"{case} {o:24s} days 1-7 {100*m[('shipped',0)]:.3f} / {100*m[('go7.5',0)]:.3f} %   days 8-30 {100*m[('shipped',1)]:.3f} / {100*m[('go7.5',1)]:.3f} %")
print("\n# day 1, 7, 14, 21, 28 rows of (a), (g), (h): output reference / shipped / go7.5 and each one's difference from reference (relative %, absolute x100 for a fraction)")
SHOW = ('mineral.caUrineCum', 'mineral.osteoclasts', 'mineral.glandPool', 'mineral.caBoneExch', 'vitk.cMgpFraction', 'dpUcMgp', 'vitk.tissueVk', 'wall.hazardMi')
for case, rs in by.items():
    if not case.startswith(('a-', 'g-', 'h-')): continue
    d0 = onset.get(case, 0)
    for d in (1, 7, 14, 21, 28):
        print(f"{case} day {d}")
        for r in rs:
            if int(r['day']) - d0 != d or r['output'] not in SHOW: continue
            o = r['output']; ref = float(r['reference'])
            vals = [float(r[k]) for k in ('shipped', 'go7.5')]
            es = [err(o, ref, v) for v in vals]
            print(f"    {o:24s} {ref:12.6g} {vals[0]:12.6g} {vals[1]:12.6g}   {es[0]*100:7.3f} {es[1]*100:7.3f} %")

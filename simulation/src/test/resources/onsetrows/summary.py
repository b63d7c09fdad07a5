# onsetrows (sixty-fourth session): rule 5' summary of MineralKickRowsRunner rows -Dvascalc.scratch.rule=direct
# -Dvascalc.scratch.cases=all. Arguments: target/onsetrows-window-all.tsv (per case and output the worst difference
# from reference over days 1-30 after the onset: shipped, h24f2, go7.5) and target/onsetgate-rows-all.tsv (the daily
# rows: case, day, output, reference, shipped, h24f2, go7.5).
import csv, sys, collections
win = list(csv.DictReader(open(sys.argv[1]), delimiter='\t'))
rows = list(csv.DictReader(open(sys.argv[2]), delimiter='\t'))
KEY = ('mineral.osteoclasts', 'mineral.caUrineCum', 'mineral.glandPool', 'wall.hazardMi', 'vitk.cMgpFraction',
       'dpUcMgp', 'vitk.tissueVk')
def pct(o, v):
    return f"{100 * v:.3f}" + ('(abs x100)' if o.endswith('Fraction') else '%')
print("# rule 5': per case the worst excess (max_W|e_go7.5| - max_W|e_shipped|)/allowance over all outputs, and the window worst of the key outputs, shipped -> go7.5 (h24f2 in brackets)")
by = collections.OrderedDict()
for r in win:
    by.setdefault(r['case'], {})[r['output']] = r
for case, outs in by.items():
    worst = max(outs.values(), key=lambda r: float(r['excess_over_allowance']))
    n_over = sum(1 for r in outs.values() if float(r['excess_over_allowance']) > 1)
    print(f"{case}: worst {float(worst['excess_over_allowance']):+.3f} ({worst['output']}), outputs over {n_over} of {len(outs)}")
    for o in KEY:
        if o in outs:
            r = outs[o]
            print(f"    {o:22s} {pct(o, float(r['shipped']))} -> {pct(o, float(r['go7.5']))}  [{pct(o, float(r['h24f2']))}]  excess {float(r['excess_over_allowance']):+.3f}")
onset = {'a-warfarin-stop-mk7': 60, 'b-warfarin-start': 30, 'e-mk7-stop': 30}
print("\n# day 1, 7, 14, 21, 28 after the onset of the new strong cases: reference / shipped / go7.5 (difference from reference, % or absolute x100 for a fraction)")
STRONG = ('n1-', 'n2-', 'n3-', 'n5-', 'n8-')
for r in rows:
    c = r['case']
    if not c.startswith(STRONG) or r['output'] not in KEY:
        continue
    d = int(r['day']) - onset.get(c, 120 if c.startswith('n') else 0)
    if d not in (1, 7, 14, 21, 28):
        continue
    o = r['output']; ref = float(r['reference']); sh = float(r['shipped']); g = float(r['go7.5'])
    e = (lambda v: 100 * (v - ref)) if o.endswith('Fraction') else (lambda v: 100 * (v - ref) / max(abs(ref), 1e-6))
    print(f"{c} day {d:2d} {o:22s} {ref:.6g} / {sh:.6g} / {g:.6g}   ({e(sh):+.3f} / {e(g):+.3f})")

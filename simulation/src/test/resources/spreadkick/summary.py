import csv, sys, collections
rows = list(csv.DictReader(open(sys.argv[1]), delimiter='\t'))
onset = {'a-warfarin-stop-mk7': 60, 'b-warfarin-start': 30, 'e-mk7-stop': 30}
REL, FRAC = 0.005, 0.01
def err(o, r, v):
    return abs(v - r) if o.endswith('Fraction') else abs(v - r) / max(abs(r), 1e-6)
def allow(o):
    return FRAC if o.endswith('Fraction') else REL
cum = lambda o: o.endswith('Cum')
by = collections.OrderedDict()
for r in rows:
    by.setdefault(r['case'], []).append(r)
print("# rule 5 (spreadkick): per case, the days on which the variant's difference from reference exceeds shipped fast mode's by more than 0.005 relative (0.01 absolute for a fraction), and the worst excess (in allowances) among cumulative outputs and among the others; gm7.5 = at once (mineralkick), gs7.5 = spread (judged)")
for case, rs in by.items():
    for var in ('gm7.5', 'gs7.5'):
        days = set(); worst = {True: (-1e9, None), False: (-1e9, None)}
        for r in rs:
            o = r['output']; ref = float(r['reference']); sh = float(r['shipped']); v = float(r[var])
            ex = (err(o, ref, v) - err(o, ref, sh)) / allow(o)
            if ex > 1: days.add(int(r['day']))
            if ex > worst[cum(o)][0]: worst[cum(o)] = (ex, r)
        print(f"{case} {var} days failing {len(days)} {sorted(days)}")
        for c in (True, False):
            ex, r = worst[c]
            print(f"    {'cumulative' if c else 'state'} {ex:+.2f} {r['output']} day {r['day']}: reference {float(r['reference']):.6g} shipped {float(r['shipped']):.6g} gm7.5 {float(r['gm7.5']):.6g} gs7.5 {float(r['gs7.5']):.6g}")
# osteoclasts weeks 2-4 and day 1 / day 7 rows of (g) and (h)
print("\n# osteoclasts, largest relative difference from reference over days 14-28 after the onset: shipped / gm7.5 / gs7.5")
for case, rs in by.items():
    if not case.startswith(('g-', 'h-')): continue
    m = {k: 0 for k in ('shipped', 'gm7.5', 'gs7.5')}
    for r in rs:
        if r['output'] == 'mineral.osteoclasts' and 14 <= int(r['day']) <= 28:
            for k in m: m[k] = max(m[k], err('x', float(r['reference']), float(r[k])))
    print(f"{case} " + " / ".join(f"{100*m[k]:.2f} %" for k in m))
print("\n# day 1 and day 7 rows of (g) and (h): output reference / shipped / gm7.5 (at once) / gs7.5 (spread), and each one's difference from reference (relative, absolute for a fraction)")
for case, rs in by.items():
    if not case.startswith(('g-', 'h-')): continue
    for d in ('1', '7'):
        print(f"{case} day {d}")
        for r in rs:
            if r['day'] != d: continue
            o = r['output']; ref = float(r['reference'])
            vals = [float(r[k]) for k in ('shipped', 'gm7.5', 'gs7.5')]
            es = [err(o, ref, v) for v in vals]
            print(f"    {o:32s} {ref:12.6g} {vals[0]:12.6g} {vals[1]:12.6g} {vals[2]:12.6g}   {es[0]*100:7.3f} {es[1]*100:7.3f} {es[2]*100:7.3f} %")

# Per-method C2 compiles of a -XX:+LogCompilation file: wall seconds, count, OSR count, nmethod KB,
# and the C2 deoptimisations. Usage: python3 bench/jit/c2_by_method.py hotspot.xml [top]
import re,sys,html,collections
attr=lambda s,k: (re.search(' '+k+r"='([^']*)'",s) or [None,None])[1]
def load(f):
    tasks=[]; cur=None; ne=[]; ut=[]
    for line in open(f, errors='replace'):
        if line.startswith('<task '):
            cur=dict(m=html.unescape(attr(line,'method')).split(' (')[0], lvl=attr(line,'level'), osr=attr(line,'compile_kind')=='osr', t0=float(attr(line,'stamp')), bytes=int(attr(line,'bytes') or 0), cid=attr(line,'compile_id'))
        elif line.startswith('<task_done') and cur:
            cur['t1']=float(attr(line,'stamp')); cur['ok']=attr(line,'success')=='1'; cur['nm']=int(attr(line,'nmsize') or 0); cur['inl']=int(attr(line,'inlined_bytes') or 0); tasks.append(cur); cur=None
        elif line.startswith('<make_not_entrant') and "compiler='c2'" in line and "reason='not used'" not in line:
            ne.append((float(attr(line,'stamp')),attr(line,'compile_id'),attr(line,'reason')))
        elif line.startswith('<uncommon_trap thread') and "compiler='c2'" in line and attr(line,'action') in ('reinterpret','make_not_entrant') :
            ut.append((float(attr(line,'stamp')),attr(line,'compile_id'),attr(line,'reason'),attr(line,'action')))
    return tasks,ne,ut
f=sys.argv[1]; top=int(sys.argv[2]) if len(sys.argv)>2 else 25
tasks,ne,ut=load(f)
c2=[t for t in tasks if t['lvl'] in (None,'4')]
byid={t['cid']:t for t in c2}
vc=[t for t in c2 if 'vascalc' in t['m']]
print(f"{f}: C2 tasks {len(c2)} (ok {sum(t['ok'] for t in c2)}), wall {sum(t['t1']-t['t0'] for t in c2):.1f} s; vascalc {len(vc)}, OSR {sum(t['osr'] for t in vc)}, nm total {sum(t['nm'] for t in vc if t['ok'])/1024:.0f} KB, wall {sum(t['t1']-t['t0'] for t in vc):.1f} s; last C2 done {max(t['t1'] for t in c2):.1f}")
agg=collections.defaultdict(lambda:[0,0,0,0.0,[]])
for t in vc:
    a=agg[t['m']]; a[0]+=1; a[1]+=t['osr']; a[2]+=t['nm']; a[3]+=t['t1']-t['t0']; a[4].append(f"{t['nm']//1024}{'o' if t['osr'] else ''}")
for m,a in sorted(agg.items(), key=lambda kv:-kv[1][3])[:top]:
    print(f"  {a[3]:6.2f}s n{a[0]} osr{a[1]} {a[2]/1024:6.0f}KB [{' '.join(a[4])}] {m.replace('org.vascalc.','')}")
# deopts of c2 code (vascalc)
d=collections.Counter()
for s,cid,r,act in ut:
    t=byid.get(cid)
    if t and s>5: d[(t['m'].replace('org.vascalc.',''),r,act)]+=1
print(" C2 deopts (uncommon traps reinterpret/make_not_entrant) after 5 s:", sum(d.values()))
for k,v in d.most_common(30): print("   ",v,*k)
n2=collections.Counter()
for s,cid,r in ne:
    t=byid.get(cid)
    if t: n2['vascalc' if 'vascalc' in t['m'] else 'jdk']+=1
print(" C2 nmethods made not entrant:", dict(n2))

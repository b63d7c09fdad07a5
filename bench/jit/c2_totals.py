# Totals of C2 nmethods (all, vascalc, OSR, KB) and vascalc C2 code made not entrant, per
# -XX:+LogCompilation file. Usage: python3 bench/jit/c2_totals.py a.xml b.xml ...
import re,sys,html,collections
attr=lambda s,k: (re.search(' '+k+r"='([^']*)'",s) or [None,None])[1]
for f in sys.argv[1:]:
    tasks={}; cur=None; ne=collections.Counter(); nel=[]
    for line in open(f, errors='replace'):
        if line.startswith('<task '):
            cur=dict(m=html.unescape(attr(line,'method')).split(' (')[0], lvl=attr(line,'level'), osr=attr(line,'compile_kind')=='osr', cid=attr(line,'compile_id'))
        elif line.startswith('<task_done') and cur:
            cur['ok']=attr(line,'success')=='1'; cur['nm']=int(attr(line,'nmsize') or 0); tasks[cur['cid']]=cur; cur=None
        elif line.startswith('<make_not_entrant') and "compiler='c2'" in line and "reason='not used'" not in line:
            nel.append(attr(line,'compile_id'))
    c2=[t for t in tasks.values() if t['lvl'] in (None,'4') and t.get('ok')]
    vc=[t for t in c2 if 'vascalc' in t['m']]
    for cid in nel:
        t=tasks.get(cid)
        if t and 'vascalc' in t['m']: ne[t['m'].replace('org.vascalc.simulation.','').replace('org.vascalc.','')]+=1
    print(f"{f}: C2 nmethods all {len(c2)} ({sum(t['nm'] for t in c2)//1024} KB); vascalc {len(vc)}, OSR {sum(t['osr'] for t in vc)}, {sum(t['nm'] for t in vc)//1024} KB; vascalc C2 made not entrant {sum(ne.values())}: {dict(ne.most_common(8))}")

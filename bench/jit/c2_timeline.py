import re,sys,html
f=sys.argv[1]; filt=sys.argv[2] if len(sys.argv)>2 else 'vascalc'
attr=lambda s,k: (re.search(k+r"='([^']*)'",s) or [None,None])[1]
nm={}; events=[]
for line in open(f, errors='replace'):
    if line.startswith('<nmethod') and "compiler='c2'" in line:
        m=html.unescape(attr(line,'method'))
        if filt not in m: continue
        cid=attr(line,'compile_id'); nm[cid]=m
        events.append((float(attr(line,'stamp')),'C2 ', cid, m.split(' (')[0], 'OSR' if attr(line,'compile_kind')=='osr' else '', 'size',attr(line,'size'), 'insts', attr(line,'insts_offset')))
    elif line.startswith('<make_not_entrant') and "level='4'" in line:
        cid=attr(line,'compile_id')
        if cid in nm: events.append((float(attr(line,'stamp')),'NE ',cid,nm[cid].split(' (')[0],attr(line,'reason')))
    elif line.startswith('<uncommon_trap') and "level='4'" in line and 'debug_id' in line:
        cid=attr(line,'compile_id')
        if cid in nm: events.append((float(attr(line,'stamp')),'UT ',cid,nm[cid].split(' (')[0],attr(line,'reason'),attr(line,'action')))
    elif line.startswith('<failure') or 'COMPILE SKIPPED' in line:
        events.append((0,'FAIL',line.strip()[:200]))
for e in sorted(events, key=lambda e:e[0]): print(*e)

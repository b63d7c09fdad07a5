import re,sys,html
# usage: tree.py log.xml  -> prints, for each C2 task of vascalc methods, an inline tree
f=sys.argv[1]; only=sys.argv[2] if len(sys.argv)>2 else None
attr=lambda s,k: (re.search(r"\b"+k+r"='([^']*)'",s) or [None,None])[1]
out={}
intask=False
for line in open(f, errors='replace'):
    if line.startswith('<task ') and "compile_id" in line:
        cid=attr(line,'compile_id'); m=html.unescape(attr(line,'method') or '')
        intask = ('vascalc' in m) and (attr(line,'level') in (None,'4')) and ("level='4'" in line or 'level' not in line)
        if not intask: continue
        osr=attr(line,'osr_bci')
        klass={}; meth={}; stack=[]; lines=[]; pending=None
        head=f"{cid} {m.split(' (')[0]}" + (f" OSR@{osr}" if osr else '')
        continue
    if not intask: continue
    if line.startswith('<klass '): klass[attr(line,'id')]=attr(line,'name')
    elif line.startswith('<method '):
        meth[attr(line,'id')]=(klass.get(attr(line,'holder'),'?').split('.')[-1]+'::'+html.unescape(attr(line,'name')), attr(line,'bytes'), attr(line,'compile_id'), attr(line,'level'))
    elif line.startswith('<call '):
        pending=(attr(line,'method'), attr(line,'count'))
    elif line.startswith('<inline_success') or line.startswith('<inline_fail'):
        if pending:
            mm=meth.get(pending[0],('?',))
            ok='+' if 'success' in line else '-'
            lines.append('  '*len(stack)+f"{ok} {mm[0]} ({mm[1]}b{', c'+mm[3] if mm[2] else ''}) cnt={pending[1]} : {html.unescape(attr(line,'reason') or '')}")
            pending=None
    elif line.startswith('<parse '):
        stack.append(attr(line,'method'))
    elif line.startswith('</parse>'):
        if stack: stack.pop()
    elif line.startswith('<failure'):
        lines.append('FAILURE '+line.strip())
    elif line.startswith('<task_done'):
        lines.append('DONE '+' '.join(f"{k}={attr(line,k)}" for k in ('success','nmsize','inlined_bytes')))
    elif line.startswith('</task>'):
        if only is None or only in head:
            print('#### '+head); print('\n'.join(lines))
        intask=False

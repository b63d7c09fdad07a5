import os,sys,re,subprocess
# print the last non-OSR tree of method M from the tree.py output, counts stripped
f,m=sys.argv[1],sys.argv[2]
txt=subprocess.run(['python3',os.path.join(os.path.dirname(os.path.abspath(__file__)),'inline_tree.py'),f,m],capture_output=True,text=True).stdout
blocks=[b for b in txt.split('#### ')[1:] if 'OSR' not in b.split('\n')[0] and b.split('\n')[0].split(' ',1)[1].strip()==m]
if not blocks: print('none'); sys.exit()
b=blocks[-1]
for l in b.split('\n')[1:]:
    print(re.sub(r' cnt=-?\d+','',re.sub(r', c\d','',l)))

import sys,statistics
rows=[l.split() for l in open(sys.argv[1])]
t0=int(rows[0][0]); k=int(sys.argv[2]) if len(sys.argv)>2 else 100
out=[]
for i in range(0,len(rows)-k+1,k):
    blk=rows[i:i+k]; out.append(f"{statistics.median(float(r[1]) for r in blk):.2f}@{(int(blk[-1][0])-t0)/1000:.0f}")
print(' '.join(out))

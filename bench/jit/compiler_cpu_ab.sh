#!/bin/bash
# usage: bench/jit/compiler_cpu_ab.sh TAG MODEL RUNS N: N pairs of JVMs, /tmp/ab/A.cp then /tmp/ab/TAG.cp
# (class-path files of /work/ab-snapshot.sh), each running CompilerCpu.java MODEL RUNS; summarise the
# output with compiler_cpu_summary.py.
JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
tag=$1; model=$2; runs=$3; n=$4
for i in $(seq 1 $n); do for v in A $tag; do
  echo "=== $v $i $(date +%T) load $(cut -d' ' -f1 /proc/loadavg)"
  $JAVA -cp $(cat /tmp/ab/$v.cp) "$(dirname "$0")/CompilerCpu.java" $model $runs
done; done

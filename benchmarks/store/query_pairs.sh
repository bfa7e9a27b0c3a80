#!/usr/bin/env bash
# The benchmark's sorted runs --where query (docs/run-store.md, Figures) in a fresh JVM, from two
# distributions in interleaved pairs on one results folder, with the flags ./workbench gives `runs`:
# on a loaded machine, the ratio of a pair is steadier than either time. Prints the load average,
# then for each run its --timing lines (open, sync, query, each with the process's CPU time) and the
# whole command's CPU (user+sys) and wall time.
# Usage: benchmarks/store/query_pairs.sh DIST_A DIST_B RESULTS [PAIRS]   (a DIST is a runtime/target/dist)
set -euo pipefail
a="$1"; b="$2"; results="$3"; pairs="${4:-3}"
where="prior.use = 'laplace' and prior.scale < 0.5 and results.study.testMse.map.mean > 1.2"
echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"
one() {
  local out
  out="$( { /usr/bin/time -f 'cpu %U user %S sys, wall %e s' java -Xmx12g -Xmn64m -XX:+UseParallelGC \
      -Djava.awt.headless=true -XX:TieredStopAtLevel=1 -Dworkbench.vectorModule=skipped -jar "$1/workbench.jar" \
      --home "$1" runs --out "$results" --timing --where "$where" --sort -prior.scale --limit 50 >/dev/null; } 2>&1 )"
  echo "$2: $(grep -E '^timing|^cpu' <<<"$out" | tr '\n' ' ')"
}
for _ in $(seq "$pairs"); do
  one "$a" A
  one "$b" B
done
echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"

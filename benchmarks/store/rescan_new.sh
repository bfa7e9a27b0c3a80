#!/usr/bin/env bash
# The multi-batch sync: `runs --rescan` after about N new run folders appeared (whole experiment folders of
# RESULTS copied under new names, cp -a), then again after those copies are deleted (the same runs removed),
# which leaves RESULTS as it was. Prints the load average, then for each step the --timing lines (open, the
# rescan with what it did, the query) and the whole command's CPU (user+sys) and wall time.
# Write only to a copy of a benchmark folder: cp -a, then Reorigin.java (docs/run-store.md, Figures).
# Usage: benchmarks/store/rescan_new.sh DIST RESULTS [N]   (DIST: a runtime/target/dist; N: 50000 by default)
set -euo pipefail
dist="$1"; results="$2"; n="${3:-50000}"
jvm=(-Xmx12g -Xmn64m -XX:+UseParallelGC -Djava.awt.headless=true -XX:TieredStopAtLevel=1 -Dworkbench.vectorModule=skipped)
rescan() {
  local out
  out="$( { /usr/bin/time -f 'cpu %U user %S sys, wall %e s' java "${jvm[@]}" -jar "$dist/workbench.jar" --home "$dist" \
      runs --out "$results" --rescan --timing --limit 1 >/dev/null; } 2>&1 )"
  echo "$1: $(grep -E '^timing|^cpu' <<<"$out" | tr '\n' ' ')"
}
echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"
rescan "rescan, nothing new"
tag="copy$$"
copies=()
added=0
for experiment in $(ls "$results" | grep -v '^\.' | grep -v '\.conf$' | sort); do
  [ "$added" -lt "$n" ] || break
  [ -d "$results/$experiment" ] || continue
  cp -a "$results/$experiment" "$results/$experiment-$tag"
  copies+=("$results/$experiment-$tag")
  added=$((added + $(ls "$results/$experiment" | wc -l)))
done
echo "copied $added run folders in ${#copies[@]} experiment folders"
rescan "rescan after $added new"
rm -rf "${copies[@]}"
rescan "rescan after the $added deleted"
echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"

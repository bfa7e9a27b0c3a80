#!/usr/bin/env bash
# The CPU time (user+sys) and wall time of one `tag` command at a time, from two distributions in
# interleaved pairs on one results folder (a copy: it writes tags), each tag preceded by two queries of
# DIST_A so that the store's files are current for it (a distribution that patches them then pays for
# the patch in the tag). Prints the load average before and after.
# Usage: benchmarks/store/tag_pairs.sh DIST_A DIST_B RESULTS [PAIRS] [RESULTS_B]   (a DIST is a runtime/target/dist)
#   RESULTS_B: DIST_B's own copy, when the two distributions' sync manifests differ (each would take the
#   other's for a stale one and sync every folder)
set -euo pipefail
a="$1"; b="$2"; results_a="$3"; pairs="${4:-3}"; results_b="${5:-$3}"
jvm=(-Xmx12g -Xmn64m -XX:+UseParallelGC -Djava.awt.headless=true -XX:TieredStopAtLevel=1 -Dworkbench.vectorModule=skipped)
results="$results_a"
experiment="$(ls "$results" | grep -v '^\.' | grep -v '\.conf$' | sort | head -1)"
run="$experiment/$(ls "$results/$experiment" | sort | tail -n 5 | head -1)"
query() { # with DIST_A, or with DIST_B on its own copy
  local dist="$a"; [ "$results" = "$results_a" ] || dist="$b"
  java "${jvm[@]}" -jar "$dist/workbench.jar" --home "$dist" runs --out "$results" --sort -prior.scale --limit 50 \
      --where "prior.use = 'laplace' and prior.scale < 0.5 and results.study.testMse.map.mean > 1.2" >/dev/null
}
echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq "$pairs"); do
  for dist in "$a" "$b"; do
    results="$results_a"; [ "$dist" = "$a" ] || results="$results_b"
    query; query
    echo "$dist: $( { /usr/bin/time -f 'cpu %U user %S sys, wall %e s' java "${jvm[@]}" -jar "$dist/workbench.jar" \
        --home "$dist" tag --out "$results" "$run" "pair$i$RANDOM" >/dev/null; } 2>&1 | tail -1)"
  done
done
echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"

#!/usr/bin/env bash
# The benchmark's sorted runs --where query (as query_pairs.sh) in a fresh JVM, with nothing changed and
# after each kind of write, from one distribution on one results folder (write to a copy: cp -a, then
# Reorigin.java). Prints the load average, then for each step the write's whole command (CPU user+sys, wall)
# and the next QUERIES queries' --timing lines and whole commands.
# Usage: benchmarks/store/after_write.sh DIST RESULTS [QUERIES] [RUN_DESCRIPTOR]
#   DIST: a runtime/target/dist; RUN_DESCRIPTOR: a small experiment run into RESULTS (experiments/p1-1-posterior.json)
set -euo pipefail
dist="$1"; results="$2"; queries="${3:-2}"; descriptor="${4:-experiments/p1-1-posterior.json}"
where="prior.use = 'laplace' and prior.scale < 0.5 and results.study.testMse.map.mean > 1.2"
jvm=(-Xmx12g -Xmn64m -XX:+UseParallelGC -Djava.awt.headless=true -XX:TieredStopAtLevel=1 -Dworkbench.vectorModule=skipped)
echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"
wb() { /usr/bin/time -f 'cpu %U user %S sys, wall %e s' java "${jvm[@]}" -jar "$dist/workbench.jar" --home "$dist" "$@"; }
query() {
  local out
  out="$( { wb runs --out "$results" --timing --where "$where" --sort -prior.scale --limit 50 >/dev/null; } 2>&1 )"
  echo "  query $1: $(grep -E '^timing|^cpu' <<<"$out" | tr '\n' ' ')"
}
step() {
  local name="$1"; shift
  local out
  out="$( { "$@" >/dev/null; } 2>&1 )"
  echo "$name: $(grep -E '^cpu' <<<"$out")"
  for i in $(seq "$queries"); do query "$i"; done
}
experiment="$(ls "$results" | grep -v '^\.' | grep -v '\.conf$' | sort | head -1)"
run_id() { echo "$experiment/$(ls "$results/$experiment" | sort | tail -n "$1" | head -1)"; }
step "warm-up (files made for this state)" true
echo "nothing changed:"; for i in 1 2 3; do query "$i"; done
step "tag" wb tag --out "$results" "$(run_id 3)" "bench$RANDOM"
step "note" wb note --out "$results" "$(run_id 4)" "a note $RANDOM"
step "run" wb run --out "$results" "$descriptor"
echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"

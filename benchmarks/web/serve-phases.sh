#!/usr/bin/env bash
# Where `serve`'s time to its address goes (docs/web.md): from the process's start to its port listening (the
# framework's start, the run store's open, sync and warm-up query, Jetty), then to the address printed (FirstPages'
# warm-up: the pages asked for, the runs page repeated, the wait for the process to be idle). Wall time and the
# process's CPU time (user+sys, every thread) at each point; ROUNDS rounds, each build's in turn.
# Usage: benchmarks/web/serve-phases.sh RESULTS [DIST...]   (distributions by default this checkout's)
#   RESULTS: a results folder with a run store, e.g. DIR/results after `benchmarks/store/store.sh 100000 DIR`
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
usage="usage: benchmarks/web/serve-phases.sh RESULTS [DIST...]   (RESULTS: a results folder with a run store, e.g. DIR/results after benchmarks/store/store.sh 100000 DIR)"
if [ $# -lt 1 ]; then echo "$usage" >&2; exit 2; fi
results="$1"
shift
if [ ! -d "$results" ]; then echo "serve-phases.sh: RESULTS $results is not a folder; $usage" >&2; exit 2; fi
dists=("$@")
[ ${#dists[@]} -gt 0 ] || dists=("$root/runtime/target/dist")
for dist in "${dists[@]}"; do
  if [ ! -f "$dist/workbench.jar" ]; then echo "serve-phases.sh: no workbench.jar in DIST $dist (a distribution: mvn install)" >&2; exit 2; fi
done
tick=$(getconf CLK_TCK)
cpu() { awk -v t="$tick" '{printf "%.2f", ($14 + $15) / t}' "/proc/$1/stat"; }
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for _ in $(seq 1 "${ROUNDS:-3}"); do
  for dist in "${dists[@]}"; do
    java=(java -jar "$dist/workbench.jar" --home "$dist")
    grep -q -- "--add-modules" "$root/workbench" 2>/dev/null && java=(java --add-modules jdk.incubator.vector -jar "$dist/workbench.jar" --home "$dist")
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    log=$(mktemp)
    t0=$(date +%s.%N)
    "${java[@]}" serve --port "$port" --out "$results" --experiments "$root/experiments" >"$log" 2>&1 &
    pid=$!
    while ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do sleep 0.02; done
    t1=$(date +%s.%N); c1=$(cpu $pid)
    while ! grep -q "serving the workbench" "$log"; do sleep 0.02; done
    t2=$(date +%s.%N); c2=$(cpu $pid)
    printf "%s: port listening after %.2f s (cpu %s s); address after %.2f s (cpu %s s): warm-up %.2f s, cpu %.2f s\n" \
      "$dist" "$(echo "$t1 - $t0" | bc)" "$c1" "$(echo "$t2 - $t0" | bc)" "$c2" "$(echo "$t2 - $t1" | bc)" "$(echo "$c2 - $c1" | bc)"
    kill $pid; wait $pid 2>/dev/null || true
    rm -f "$log"
  done
done

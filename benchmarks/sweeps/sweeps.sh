#!/usr/bin/env bash
# Cost linear in the work (issue 25 item 4; docs/sweeps-and-plots.md, "Large sweeps"): problem 1
# swept over N seeds (default 10000 and 100000), then data.n=100000000 against numpy drawing and
# summing the same number of normals, in interleaved pairs. Prints wall time, CPU time (user + sys)
# and peak RSS of each (GNU time). Usage: benchmarks/sweeps/sweeps.sh [N...]   (e.g. 1000 10000)
#   PAIRS=3 sets the number of data.n pairs; SAMPLE=0 skips them. Needs the distribution (mvn install).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dist="$root/runtime/target/dist"
work="$(mktemp -d /tmp/wb-sweep-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT
# the JVM options ./workbench gives a run (a large sample keeps the full JIT)
java=(java -Xmx12g -Xmn64m -XX:+UseParallelGC -Djava.awt.headless=true)
if java --list-modules 2>/dev/null | grep -q '^jdk.incubator.vector'; then
  java+=(--add-modules jdk.incubator.vector)
fi
java+=(-jar "$dist/workbench.jar" --home "$dist" --plugins "$work/plugins")
echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs), $(nproc) cores; load: $(cut -d' ' -f1-3 /proc/loadavg)"
measure() { # label command...: one line of wall s, CPU s, peak MB
  local label="$1"; shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; return 1; }
  read -r wall user sys kb < "$work/time"
  printf '%-34s wall %7.1f s  CPU %7.1f s  peak %5d MB\n' "$label" "$wall" "$(echo "$user + $sys" | bc)" $((kb / 1024))
}
for n in "${@:-10000 100000}"; do
  for m in $n; do
    python3 - "$root/experiments/p1-1-posterior.json" "$work/p1-sweep-$m.json" "$m" <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); m = int(sys.argv[3])
d["name"] = "p1-sweep-%d" % m
d["sweep"] = {"seed": list(range(1, m + 1))}
json.dump(d, open(sys.argv[2], "w"))
PY
    measure "p1 sweep of $m points" "${java[@]}" run "$work/p1-sweep-$m.json" --out "$work/results" --quiet
    rm -rf "$work/results"
  done
done
[ "${SAMPLE:-1}" = 0 ] && exit 0
for i in $(seq 1 "${PAIRS:-3}"); do
  measure "p1 data.n=100000000 ($i)" "${java[@]}" run "$root/experiments/p1-1-posterior.json" --set data.n=100000000 \
    --out "$work/results" --quiet
  rm -rf "$work/results"
  measure "numpy 10^8 normals, sum ($i)" python3 -c "import numpy as np; x=np.random.default_rng(1).standard_normal(100_000_000)*1.0+1.5; x.sum()"
done

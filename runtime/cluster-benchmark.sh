#!/usr/bin/env bash
# Figures for the hazelcast executor (a benchmark, not a test): the cost per unit of going through
# the cluster against the local executor, for a p1 sweep point and a 2.5 study replication, and
# throughput with 1, 2 and 3 worker members, all on this machine's loopback.
#   runtime/cluster-benchmark.sh [POINTS] [REPLICATIONS]      (defaults 60 and 48)
# Needs the distribution (./workbench setup). Times are the runs' own provenance.durationMs
# (JVM start-up excluded). On a shared 2-core machine every member competes for the same cores.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dist="$root/runtime/target/dist"
points="${1:-60}"
replications="${2:-48}"
work="$(mktemp -d /tmp/workbench-cluster-bench.XXXXXX)"
cluster="bench-$$"
java=(java -Xmx768m --add-modules jdk.incubator.vector -jar "$dist/workbench.jar" --home "$dist" --plugins "$work/plugins")
mkdir -p "$work/plugins"
pids=()
cleanup() { for p in "${pids[@]:-}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

python3 - "$root/experiments/p1-1-posterior.json" "$work/p1-sweep.json" "$points" <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); d["name"] = "bench-p1-sweep"; d["sweep"] = {"data.n": list(range(1, int(sys.argv[3]) + 1))}
json.dump(d, open(sys.argv[2], "w"))
PY
python3 - "$root/experiments/p2-5-map-vs-posterior-mean.json" "$work/study.json" "$replications" <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); d["name"] = "bench-study"; d.pop("sweep"); d.pop("plots")
d["task"]["with"]["replications"] = int(sys.argv[3])
json.dump(d, open(sys.argv[2], "w"))
PY

duration() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['provenance']['durationMs'])" "$1"; }
run() { "${java[@]}" run "$@" --out "$work/out" --quiet 2>>"$work/stderr" | tail -n 1; }

port() { python3 -c "import socket; s=socket.socket(); s.bind(('127.0.0.1',0)); print(s.getsockname()[1])"; }
join=""
start_worker() {
  local p; p="$(port)"
  "${java[@]}" worker --cluster "$cluster" --port "$p" ${join:+--join "${join%%,*}"} "$@" >"$work/worker-$p.out" 2>>"$work/stderr" &
  pids+=("$!")
  until grep -q " ready" "$work/worker-$p.out" 2>/dev/null; do sleep 0.2; done
  join="${join:+$join,}127.0.0.1:$p"
}
on_cluster=(--executor hazelcast --cluster "$cluster")

echo "machine: $(nproc) cores, $(uptime | sed 's/.*load average/load average/')"
l1=$(duration "$(run "$work/p1-sweep.json" --threads 1)")
ls1=$(duration "$(run "$work/study.json" --threads 1)")
l2=$(duration "$(run "$work/p1-sweep.json" --threads 2)")
ls2=$(duration "$(run "$work/study.json" --threads 2)")
echo "local, 1 thread:  p1 sweep of $points points ${l1} ms ($(( l1 * 1000 / points )) us/point); study of $replications replications ${ls1} ms ($(( ls1 / replications )) ms/replication)"
echo "local, 2 threads: p1 sweep ${l2} ms; study ${ls2} ms"

start_worker --slots 1
c1=$(duration "$(run "$work/p1-sweep.json" "${on_cluster[@]}" --join "$join")")
cs1=$(duration "$(run "$work/study.json" "${on_cluster[@]}" --join "$join")")
echo "1 member, 1 slot: p1 sweep ${c1} ms: $(( (c1 - l1) * 1000 / points )) us/point more than local; study ${cs1} ms: $(( (cs1 - ls1) / replications )) ms/replication more than local"
for n in 1 2 3; do
  if [ "$n" -gt 1 ]; then start_worker; fi
  if [ "$n" -eq 1 ]; then kill "${pids[0]}"; wait "${pids[0]}" 2>/dev/null || true; pids=(); join=""; start_worker; fi
  t=$(duration "$(run "$work/p1-sweep.json" "${on_cluster[@]}" --join "$join")")
  s=$(duration "$(run "$work/study.json" "${on_cluster[@]}" --join "$join")")
  echo "$n member(s), 2 slots each: p1 sweep ${t} ms ($(python3 -c "print(round($points / $t * 1000, 1))") points/s); study ${s} ms ($(python3 -c "print(round($replications / $s * 1000, 2))") replications/s)"
done

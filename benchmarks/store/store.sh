#!/usr/bin/env bash
# The run store at scale (docs/run-store.md): generates N result folders (not real runs; default
# 100000) in a temporary results folder, indexes them, then prints the figures of issue 22: a
# runs --where query, the start-up sync with nothing changed, the web runs page (server time to the
# whole page, and the browser's first contentful paint where chromium and chromedriver are installed) and the index
# size on disk. Each command's CPU time (user+sys, from /usr/bin/time) is printed beside its wall
# times: on a loaded machine the CPU times are the steadier figures. The load average is printed first.
# SKIP_REINDEX=1 reuses DIR's store instead of indexing it from scratch.
# Usage: benchmarks/store/store.sh [N] [DIR]   (needs the distribution: mvn install)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
n="${1:-100000}"
dir="${2:-$(mktemp -d /tmp/wb-store-bench.XXXXXX)}"
dist="$root/runtime/target/dist"
java=(java -jar "$dist/workbench.jar" --home "$dist")
if java --list-modules 2>/dev/null | grep -q '^jdk.incubator.vector'; then
  java=(java --add-modules jdk.incubator.vector -jar "$dist/workbench.jar" --home "$dist")
fi
results="$dir/results"
echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs), $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
# the command's --timing lines on one line, then its CPU time (user+sys) and wall time
timed() {
  local out
  out="$( { /usr/bin/time -f 'cpu %U user %S sys, wall %e s' "${java[@]}" "$@" >/dev/null; } 2>&1 )"
  echo "$(grep -E '^timing|^cpu' <<<"$out" | tr '\n' ' ')"
}
if [ ! -d "$results" ]; then
  t0=$(date +%s.%N)
  python3 "$root/benchmarks/store/generate_runs.py" "$results" "$n"
  echo "generated $n result folders in $(echo "$(date +%s.%N) - $t0" | bc) s ($(du -sh "$results" | cut -f1))"
fi
where="prior.use = 'laplace' and prior.scale < 0.5 and results.study.testMse.map.mean > 1.2"
if [ "${SKIP_REINDEX:-0}" = 1 ] && [ -f "$results/.store/runs.mv.db" ]; then
  echo "== index from scratch: skipped (SKIP_REINDEX=1; the store exists)"
else
  echo "== index from scratch (runs --reindex)"
  timed runs --out "$results" --reindex --timing --limit 1
fi
echo "== nothing changed: start-up sync, then the query (runs --where \"$where\" --sort -prior.scale --limit 50)"
for i in 1 2 3; do
  timed runs --out "$results" --timing --where "$where" --sort -prior.scale --columns prior.scale,results.study.testMse.map.mean \
    --limit 50
done
echo "== a rescan (every run folder's signature compared: runs --rescan), then the same query unsorted, and a tag query"
timed runs --out "$results" --timing --rescan --where "$where" --limit 50
timed runs --out "$results" --timing --where "$where" --limit 50
timed runs --out "$results" --timing --where "tag = 'final'" --limit 50
echo "== index size on disk: $(du -h "$results/.store/runs.mv.db" | cut -f1) ($(stat -c %s "$results/.store/runs.mv.db") bytes)"
echo "== the web runs page (serve; the server opens and syncs the store as it starts)"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"${java[@]}" serve --port "$port" --out "$results" >"$dir/serve.log" 2>&1 &
serve=$!
trap 'kill $serve 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.5; done
page="http://127.0.0.1:$port/runs?cols=prior.scale,results.study.testMse.map.mean&sort=-results.study.testMse.map.mean"
curl -s -o /dev/null -w "first request (waits for the store if it is still opening): %{time_total} s, %{size_download} bytes\n" "$page"
for i in 1 2 3; do curl -s -o /dev/null -w "warm: %{time_total} s, %{size_download} bytes\n" "$page"; done
# the benchmark's sorted --where query, served (a warm JVM); each threshold differs so no answer is a cached one
for t in 1.2 1.21 1.22 1.23; do
  q="$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' \
    "prior.use = 'laplace' and prior.scale < 0.5 and results.study.testMse.map.mean > $t")"
  curl -s -o /dev/null -w "the sorted --where query, served (> $t): %{time_total} s, %{size_download} bytes\n" \
    "http://127.0.0.1:$port/runs?where=$q&sort=-prior.scale&cols=prior.scale,results.study.testMse.map.mean"
done
first="http://127.0.0.1:$port/runs"
for i in 1 2 3; do curl -s -o /dev/null -w "the unsorted first page (/runs): %{time_total} s, %{size_download} bytes\n" "$first"; done
for i in 1 2; do curl -s -o /dev/null -w "home page (/): %{time_total} s\n" "http://127.0.0.1:$port/"; done
if command -v chromedriver >/dev/null && command -v chromium >/dev/null; then
  # first contentful paint in headless chromium (navigation start to paint, the server's answer included)
  echo "the runs page (/runs):"
  python3 "$root/benchmarks/web/paint_timing.py" "$first" 3 || true
  echo "the runs page sorted by a metric column:"
  python3 "$root/benchmarks/web/paint_timing.py" "$page" 3 || true
fi
echo "(results kept in $dir; remove it when done)"

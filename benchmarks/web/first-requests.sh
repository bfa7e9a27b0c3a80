#!/usr/bin/env bash
# The first request of each page after `serve` starts, on a results folder with a run store (docs/web.md):
# for each page a fresh server, the page asked for as soon as serve prints its address, then twice more.
# Prints the wall time of each request and the server's CPU time (user+sys, all threads) before and after.
# Usage: benchmarks/web/first-requests.sh RESULTS [PAGE...]   (pages by default / /question/1.1 /runs)
#   RESULTS: a results folder with a run store, e.g. DIR/results after `benchmarks/store/store.sh 100000 DIR`
# DIST=DIR serves another build's distribution (side by side with this one). PAINT=1 measures the page's first contentful paint in a new headless Chromium instead,
# with where its time went (paint_timing.py; BROWSER_WARM=1 lets that browser paint a page of its own first), and then the floor: the same HTML, saved, painted
# from `python3 -m http.server` in another new browser, and a minimal page from the same server in a third (the browser's own floor).
# paint-rounds.sh repeats that for two builds, interleaved, and sums the rounds up.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dist="${DIST:-$root/runtime/target/dist}"
usage="usage: benchmarks/web/first-requests.sh RESULTS [PAGE...]   (RESULTS: a results folder with a run store, e.g. DIR/results after benchmarks/store/store.sh 100000 DIR)"
if [ $# -lt 1 ]; then echo "$usage" >&2; exit 2; fi
results="$1"
shift
if [ ! -d "$results" ]; then echo "first-requests.sh: RESULTS $results is not a folder; $usage" >&2; exit 2; fi
if [ ! -f "$dist/workbench.jar" ]; then echo "first-requests.sh: no workbench.jar in DIST $dist (a distribution: mvn install)" >&2; exit 2; fi
pages=("$@")
[ ${#pages[@]} -gt 0 ] || pages=(/ /question/1.1 /runs)
java=(java -jar "$dist/workbench.jar" --home "$dist")
if grep -q -- "--add-modules" "$root/workbench" 2>/dev/null; then
  java=(java --add-modules jdk.incubator.vector -jar "$dist/workbench.jar" --home "$dist")
fi
tick=$(getconf CLK_TCK)
cpu() { awk -v t="$tick" '{printf "%.2f", ($14 + $15) / t}' "/proc/$1/stat"; }
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for page in "${pages[@]}"; do
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  log=$(mktemp)
  t0=$(date +%s.%N)
  "${java[@]}" serve --port "$port" --out "$results" --experiments "$root/experiments" >"$log" 2>&1 &
  serve=$!
  for _ in $(seq 1 600); do grep -q "serving the workbench" "$log" && break; sleep 0.05; done
  t1=$(date +%s.%N)
  sleep "${DELAY:-0}"
  before=$(cpu $serve)
  if [ "${PAINT:-0}" = 1 ]; then
    echo "$page: serving after $(echo "$t1 - $t0" | bc) s (cpu $before s); new browser:"
    python3 "$root/benchmarks/web/paint_timing.py" "http://127.0.0.1:$port$page" 2
    echo "  server cpu after: $(cpu $serve) s"
    # the floor: the same page's HTML, saved, from a static file server, in a new browser of its own
    floor=$(mktemp -d)
    curl -s -o "$floor/page.html" "http://127.0.0.1:$port$page"
    fport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    python3 -m http.server "$fport" --bind 127.0.0.1 --directory "$floor" >/dev/null 2>&1 &
    static=$!
    for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$fport/page.html" && break; sleep 0.05; done
    echo "  the same HTML from python3 -m http.server, new browser:"
    python3 "$root/benchmarks/web/paint_timing.py" "http://127.0.0.1:$fport/page.html" 0
    # the browser's own floor: a minimal page, served the same way
    printf '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>floor</title></head><body><p>A minimal page.</p></body></html>' >"$floor/min.html"
    echo "  a minimal page from python3 -m http.server, new browser:"
    python3 "$root/benchmarks/web/paint_timing.py" "http://127.0.0.1:$fport/min.html" 0
    kill $static; wait $static 2>/dev/null || true
    rm -rf "$floor"
  else
    for i in 1 2 3; do
      c0=$(cpu $serve)
      w=$(curl -s -o /dev/null -w "%{time_total}" "http://127.0.0.1:$port$page")
      echo "$page request $i: ${w} s wall, server cpu ${c0} -> $(cpu $serve) s (serving after $(echo "$t1 - $t0" | bc) s)"
    done
  fi
  kill $serve; wait $serve 2>/dev/null || true
  rm -f "$log"
done

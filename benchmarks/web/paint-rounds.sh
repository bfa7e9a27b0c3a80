#!/usr/bin/env bash
# The runs page's cold first paint after `serve` starts, N interleaved rounds of two builds (docs/web.md,
# "The runs page's first paint"): each round, for each build, a fresh server and a new headless Chromium
# (`PAINT=1 first-requests.sh`), then the same HTML and a minimal page from `python3 -m http.server`, each
# in a new browser of its own (the floors). Prints each round's paints and each build's median and worst.
# Usage: benchmarks/web/paint-rounds.sh [N] [RESULTS] [OTHER_DIST]
#   (default 8, /work/bench-store/r100k/results, /work/main/runtime/target/dist; this checkout's dist is the other)
# BROWSER_WARM=1 is passed on (the browser paints a page of its own first).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
rounds="${1:-8}"
results="${2:-/work/bench-store/r100k/results}"
other="${3:-/work/main/runtime/target/dist}"
this="$root/runtime/target/dist"
out=$(mktemp)
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); this: $this; other: $other"
for i in $(seq 1 "$rounds"); do
  for side in this other; do
    dist=$this; [ "$side" = other ] && dist=$other
    # one line a round and build: the page's paint, first byte and DOMContentLoaded, the same HTML's paint, the minimal page's
    PAINT=1 DIST="$dist" "$root/benchmarks/web/first-requests.sh" "$results" /runs 2>/dev/null | awk -v side="$side" -v round="$i" '
      /first contentful paint \(cold\)/ { n++; match($0, /: [0-9]+ ms/); p[n] = substr($0, RSTART + 2, RLENGTH - 5)
        if (n == 1) { match($0, /first byte [0-9]+/); fb = substr($0, RSTART + 11, RLENGTH - 11)
                      match($0, /DOMContentLoaded [0-9]+/); dcl = substr($0, RSTART + 17, RLENGTH - 17) } }
      END { printf "%s %s %s %s %s %s %s\n", round, side, p[1], fb, dcl, p[2], p[3] }' | tee -a "$out" \
      | awk '{ printf "round %s %-5s paint %4s ms (first byte %s, DOMContentLoaded %s); same HTML static %4s ms; minimal page %4s ms\n", $1, $2, $3, $4, $5, $6, $7 }'
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$out" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1]) if len(line.split()) == 7]
for side in ("this", "other"):
    mine = [r for r in rows if r[1] == side]
    if not mine:
        continue
    paint, html, minimal = ([int(r[k]) for r in mine] for k in (2, 5, 6))
    print("%-5s %d rounds: paint median %d, worst %d ms, under 500 ms in %d; same HTML static median %d, worst %d; "
          "minimal page median %d, worst %d ms" % (side, len(mine), statistics.median(paint), max(paint),
          sum(p < 500 for p in paint), statistics.median(html), max(html), statistics.median(minimal), max(minimal)))
PY
rm -f "$out"

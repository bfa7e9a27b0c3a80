#!/usr/bin/env bash
# The runs page's cold first paint after `serve` starts, N interleaved rounds of two builds (docs/web.md,
# "The runs page's first paint"): each round, for each build, a fresh server and a new headless Chromium
# (`PAINT=1 first-requests.sh`), then the same HTML and a minimal page from `python3 -m http.server`, each
# in a new browser of its own (the floors). Prints each round's paints and each build's median and worst.
# Usage: benchmarks/web/paint-rounds.sh N RESULTS OTHER_DIST   (e.g. 8 rounds; this checkout's dist is the other)
#   RESULTS: a results folder with a run store, e.g. DIR/results after `benchmarks/store/store.sh 100000 DIR`;
#   OTHER_DIST: another build's distribution (its runtime/target/dist), e.g. main's
# BROWSER_WARM=1 is passed on (the browser paints a page of its own first).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
usage="usage: benchmarks/web/paint-rounds.sh N RESULTS OTHER_DIST   (N rounds, e.g. 8; RESULTS: a results folder with a run store, e.g. DIR/results after benchmarks/store/store.sh 100000 DIR; OTHER_DIST: another build's runtime/target/dist)"
if [ $# -lt 3 ]; then echo "$usage" >&2; exit 2; fi
rounds="$1"
results="$2"
other="$3"
this="$root/runtime/target/dist"
if ! [[ "$rounds" =~ ^[1-9][0-9]*$ ]]; then echo "paint-rounds.sh: N $rounds is not a positive whole number; $usage" >&2; exit 2; fi
if [ ! -d "$results" ]; then echo "paint-rounds.sh: RESULTS $results is not a folder; $usage" >&2; exit 2; fi
for dist in "$this" "$other"; do
  if [ ! -f "$dist/workbench.jar" ]; then echo "paint-rounds.sh: no workbench.jar in $dist (a distribution: mvn install)" >&2; exit 2; fi
done
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

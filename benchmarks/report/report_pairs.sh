#!/usr/bin/env bash
# `report` (or `handin`) on a results folder with two distributions in interleaved pairs: wall time,
# CPU time (user+sys) and peak RSS of each run, with the JVM flags ./workbench gives the command.
# Neither gets the class-data archive ./workbench makes after a build (an archive names the jar's path, so
# a copied distribution's is refused): both start alike.
# Usage: benchmarks/report/report_pairs.sh OLD_DIST NEW_DIST RESULTS [PAIRS] [COMMAND]
#   e.g. benchmarks/report/report_pairs.sh ../main/runtime/target/dist runtime/target/dist DIR/results 3
#   (DIR/results: a copy of a folder made by benchmarks/store/store.sh N DIR)
# Run from a checkout (its experiments/ is read). COMMAND is report (default) or handin; handin's PDF needs
# Chromium and is part of the time. RESULTS gets report.html (or handin.*) written into it: use a copy.
set -euo pipefail
usage="usage: benchmarks/report/report_pairs.sh OLD_DIST NEW_DIST RESULTS [PAIRS] [COMMAND]   (two distributions' runtime/target/dist, a copy of a results folder, 3 pairs, report or handin)"
if [ $# -lt 3 ]; then echo "$usage" >&2; exit 2; fi
old="$1"; new="$2"; results="$3"; pairs="${4:-3}"; command="${5:-report}"
for dist in "$old" "$new"; do
  if [ ! -f "$dist/workbench.jar" ]; then echo "report_pairs.sh: no workbench.jar in $dist (a distribution: mvn install); $usage" >&2; exit 2; fi
done
if [ ! -d "$results" ]; then echo "report_pairs.sh: RESULTS $results is not a folder; $usage" >&2; exit 2; fi
if ! [[ "$pairs" =~ ^[1-9][0-9]*$ ]]; then echo "report_pairs.sh: PAIRS $pairs is not a positive whole number; $usage" >&2; exit 2; fi
case "$command" in report|handin) ;; *) echo "report_pairs.sh: COMMAND $command is neither report nor handin; $usage" >&2; exit 2 ;; esac
run() {
  local dist="$1" label="$2" jvm=(-Xmx12g -Xmn64m -XX:+UseParallelGC -Djava.awt.headless=true -XX:TieredStopAtLevel=1)
  local t
  t="$(mktemp)"
  /usr/bin/time -f '%e %U %S %M' -o "$t" java "${jvm[@]}" -jar "$dist/workbench.jar" --home "$dist" \
    "$command" --out "$results" >/dev/null 2>"$t.err" || { echo "$label failed:"; cat "$t.err"; }
  read -r wall user sys rss < "$t"
  printf '%-4s wall %6.2f s  cpu %6.2f s  peak RSS %5d MB\n' "$label" "$wall" "$(echo "$user + $sys" | bc)" $((rss / 1024))
  rm -f "$t" "$t.err"
}
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for ((i = 1; i <= pairs; i++)); do
  run "$old" old
  run "$new" new
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

#!/usr/bin/env bash
# The start-up figure, side by side: a small problem 1 run with its plots
# (./workbench run experiments/p1-1-posterior.json) against the same work as a numpy/scipy/matplotlib
# script started from scratch (benchmarks/anchors/p1_posterior.py), and ./workbench validate alone.
#   benchmarks/start-up.sh [PAIRS]       (default 10)
# Each round runs the script, the run and the validation back to back, so all three see the same load;
# prints every round's wall time, CPU time (user + system) and peak RSS, then the medians (with the
# minor page faults: each costs microseconds, more in a virtual machine), and the
# ratio of the run's median wall time to the script's (the target: at most 0.8), and the median of the rounds' own ratios
# (each round runs both back to back, so a machine that slows for a while slows both). The load average is
# printed before and after: on a loaded machine, compare CPU times, or re-run it on a quiet one.
# Needs /usr/bin/python3 with numpy, scipy and matplotlib (Debian: python3-scipy python3-matplotlib).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
pairs="${1:-10}"
case "$pairs" in ''|*[!0-9]*) echo "usage: $0 [PAIRS]" >&2; exit 2 ;; esac
out="$root/benchmarks/target/start-up"
rm -rf "$out"
mkdir -p "$out"
times="$out/times.txt"
: > "$times"
# build the distribution and its class-data archive first, and fill the bundle cache
"$root/workbench" run "$root/experiments/p1-1-posterior.json" --out "$out/warm" > /dev/null 2>&1
"$root/workbench" validate "$root/experiments/p1-1-posterior.json" > /dev/null 2>&1
model="$(grep -m1 '^model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//' || true)"
thp="$(cat /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null || echo unknown)"
echo "start-up: ${model:-unknown CPU}, $(nproc) cores, $(java -version 2>&1 | head -1); transparent huge pages: $thp" >&2
echo "start-up: load $(cut -d' ' -f1-3 /proc/loadavg) at $(date -u +%H:%M:%S) UTC; $pairs rounds" >&2
for r in $(seq "$pairs"); do
  /usr/bin/time -f "script %e %U %S %M %R" -a -o "$times" /usr/bin/python3 "$root/benchmarks/anchors/p1_posterior.py" \
    --out "$out/script-$r" > /dev/null
  /usr/bin/time -f "run %e %U %S %M %R" -a -o "$times" "$root/workbench" run "$root/experiments/p1-1-posterior.json" \
    --out "$out/run-$r" > /dev/null 2>&1
  /usr/bin/time -f "validate %e %U %S %M %R" -a -o "$times" "$root/workbench" validate \
    "$root/experiments/p1-1-posterior.json" > /dev/null 2>&1
done
echo "start-up: load $(cut -d' ' -f1-3 /proc/loadavg) at $(date -u +%H:%M:%S) UTC" >&2
python3 - "$times" <<'EOF'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    parts = line.split()
    if len(parts) != 6 or parts[0] not in ("script", "run", "validate"):
        continue  # a "Command exited with non-zero status" line
    name, wall, user, system, rss, faults = parts
    rows.setdefault(name, []).append((float(wall), float(user) + float(system), int(rss) / 1024, int(faults)))
for name, r in rows.items():
    print(f"{name:9s} wall " + " ".join(f"{x[0]:.2f}" for x in r))
    print(f"{'':9s} cpu  " + " ".join(f"{x[1]:.2f}" for x in r))
med = {n: [statistics.median(x[i] for x in r) for i in range(4)] for n, r in rows.items()}
for name, (w, c, m, f) in med.items():
    print(f"{name:9s} median {w:.2f} s wall, {c:.2f} s CPU, {m:.0f} MiB peak RSS, {f:,.0f} page faults")
if "script" in med and "run" in med:
    print(f"run / script: {med['run'][0] / med['script'][0]:.2f}x wall, {med['run'][1] / med['script'][1]:.2f}x CPU (target: 0.8x wall)")
    # each round's own ratio (the two ran back to back, under the same load), and their median
    pairs = [r[0] / s[0] for r, s in zip(rows["run"], rows["script"])]
    print(f"run / script, round by round: " + " ".join(f"{x:.2f}" for x in pairs)
          + f"; median {statistics.median(pairs):.2f}x wall")
EOF

#!/usr/bin/env bash
# Start-up phases side by side: the small problem 1 run (./workbench run experiments/p1-1-posterior.json)
# of this checkout and of another one (a checkout of an earlier commit, built: its ./workbench runs its
# own distribution), in interleaved rounds, with WORKBENCH_TIMING=1.
#   benchmarks/start-up-phases.sh OTHER_CHECKOUT [ROUNDS]     (default 6)
# Prints, for each checkout, the median over the rounds of each phase's mark (milliseconds since the JVM
# started, and the process's CPU milliseconds by then) and of the whole process (wall; user + system
# CPU from /usr/bin/time), and the load average before and after. On a loaded machine compare the CPU
# columns; re-run it on a quiet one for wall times.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
other="${1:?usage: $0 OTHER_CHECKOUT [ROUNDS]}"
other="$(cd "$other" && pwd)"
rounds="${2:-6}"
case "$rounds" in ''|*[!0-9]*) echo "usage: $0 OTHER_CHECKOUT [ROUNDS]" >&2; exit 2 ;; esac
out="$here/benchmarks/target/start-up-phases"
rm -rf "$out"
mkdir -p "$out"
# each builds its distribution and class-data archive if it has to, and fills its bundle cache
for root in "$other" "$here"; do
  "$root/workbench" run "$root/experiments/p1-1-posterior.json" --out "$out/warm" > /dev/null 2>&1
done
echo "start-up phases: load $(cut -d' ' -f1-3 /proc/loadavg) at $(date -u +%H:%M:%S) UTC; $rounds rounds" >&2
for r in $(seq "$rounds"); do
  for side in other this; do
    root="$here"; [ "$side" = other ] && root="$other"
    WORKBENCH_TIMING=1 /usr/bin/time -f "timing: process %e %U %S" -o "$out/$side-$r.time" \
      "$root/workbench" run "$root/experiments/p1-1-posterior.json" --out "$out/$side" > /dev/null 2> "$out/$side-$r.err"
    cat "$out/$side-$r.time" >> "$out/$side-$r.err"
  done
done
echo "start-up phases: load $(cut -d' ' -f1-3 /proc/loadavg) at $(date -u +%H:%M:%S) UTC" >&2
python3 - "$out" "$rounds" "$other" "$here" <<'PY'
import re, statistics, sys
out, rounds, other, here = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
mark = re.compile(r"timing:\s+(\d+) ms \(\s*(-?\d+) ms CPU[^)]*\) (.*)")
def phases(side):
    seen = {}
    for r in range(1, rounds + 1):
        for line in open(f"{out}/{side}-{r}.err"):
            m = mark.match(line)
            if m:
                name = re.sub(r" \(.*|;.*", "", m.group(3)).strip()
                seen.setdefault(name, []).append((int(m.group(1)), int(m.group(2))))
            elif line.startswith("timing: process "):
                wall, user, system = map(float, line.split()[2:5])
                seen.setdefault("whole process", []).append((wall * 1000, (user + system) * 1000))
    return seen
a, b = phases("other"), phases("this")
print(f"{'phase':45s} {'other ms':>9s} {'CPU':>6s}   {'this ms':>8s} {'CPU':>6s}")
print(f"{'':45s} ({other})")
for name in list(dict.fromkeys(list(a) + list(b))):
    def med(d, i):
        v = [x[i] for x in d.get(name, [])]
        return f"{statistics.median(v):.0f}" if v else "-"
    print(f"{name[:45]:45s} {med(a,0):>9s} {med(a,1):>6s}   {med(b,0):>8s} {med(b,1):>6s}")
PY

#!/usr/bin/env bash
# Whole problem 4 runs on the built-in kernel against the kernels measured on this machine, and numpy's
# reference, interleaved, N rounds (default 3): each round runs
#   WORKBENCH_KERNEL=fallback ./workbench run experiments/p4-fashion-mnist-mlp.json
#   WORKBENCH_KERNEL=auto     ./workbench run experiments/p4-fashion-mnist-mlp.json   (the set kernels --measure chose)
#   python3 benchmarks/anchors/mlp_numpy.py --epochs 10
# and prints wall and CPU seconds (user + sys), peak RSS, and the first and median epoch of each.
#   benchmarks/p4-kernels.sh [N]
# Measures first (./workbench kernels --measure) when this machine has no set chosen for runs yet. Set
# WORKBENCH_CACHE to keep the measurement apart from the user's cache folder; WORKBENCH to run another
# distribution (a command, default ./workbench); NUMPY_BLAS_THREADS=1 to cap numpy's OpenBLAS threads on a
# loaded machine. Output under benchmarks/target/p4-kernels/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${1:-3}"
workbench=(${WORKBENCH:-"$root/workbench"})
out="$root/benchmarks/target/p4-kernels"
rm -rf "$out"
mkdir -p "$out"
if ! "${workbench[@]}" kernels 2>/dev/null | grep -q "a run on "; then
  echo "p4-kernels: nothing measured for runs here: ${workbench[*]} kernels --measure" >&2
  /usr/bin/time -f "measure: %e s wall, %U+%S s CPU" "${workbench[@]}" kernels --measure > "$out/measure.txt" 2> "$out/measure.err" || true
  tail -1 "$out/measure.err" >&2
fi
"${workbench[@]}" kernels | grep -A12 "a run on " > "$out/kernels.txt" || true
cat "$out/kernels.txt" >&2
# first and median epoch of a run's result.json / of mlp_numpy.py's JSON lines
epochs_of() {
  python3 - "$1" <<'PY'
import json, statistics, sys
path = sys.argv[1]
text = open(path).read()
try:
    doc = json.loads(text)
    secs = [e["seconds"] for e in doc["results"]["epochs"]]
except ValueError:
    lines = [json.loads(l) for l in text.splitlines() if l.startswith("{")]
    secs = [l["train_s"] + l["eval_s"] for l in lines if l.get("kind") == "epoch"]
print("first epoch %.3f s, median of epochs 2-%d %.3f s" % (secs[0], len(secs), statistics.median(secs[1:])) if secs else "no epochs")
PY
}
for r in $(seq 1 "$rounds"); do
  for which in fallback auto numpy; do
    log="$out/$which-$r"
    echo -n "round $r $which (load $(cut -d' ' -f1 /proc/loadavg)): " >&2
    if [ "$which" = numpy ]; then
      # NUMPY_BLAS_THREADS=1 caps OpenBLAS at one thread: on a machine loaded by others its spinning threads can
      # make an epoch take half a minute (unset: numpy's default, its fastest on a quiet machine)
      env ${NUMPY_BLAS_THREADS:+OPENBLAS_NUM_THREADS=$NUMPY_BLAS_THREADS} /usr/bin/time -f "%e %U %S %M" -o "$log.time" \
        python3 "$root/benchmarks/anchors/mlp_numpy.py" --epochs 10 > "$log.json" 2> "$log.err"
    else
      WORKBENCH_KERNEL=$which /usr/bin/time -f "%e %U %S %M" -o "$log.time" "${workbench[@]}" run \
        "$root/experiments/p4-fashion-mnist-mlp.json" --out "$out/runs" --quiet > "$log.out" 2> "$log.err"
      cp "$(tail -1 "$log.out")" "$log.json"
    fi
    read -r wall user sys rss < <(tail -1 "$log.time")
    echo "$(python3 -c "print('%.2f s wall, %.2f s CPU, %d MiB' % ($wall, $user + $sys, $rss / 1024))"); $(epochs_of "$log.json")" >&2
  done
done

#!/usr/bin/env bash
# Runs the reference scripts and the workbench side by side, interleaved, and prints each ratio:
#   benchmarks/side-by-side.sh [--quick]
# Figures: float32 products of problem 4 (JMH GemmBenchmark against numpy's gemm.py), problem 4's
# training (./workbench run experiments/p4-fashion-mnist-mlp.json against mlp_numpy.py: median
# training seconds per epoch, test accuracy, peak RSS), the Gibbs chain and its diagnostics (JMH
# GibbsBenchmark against benchmarks/anchors/gibbs_numpy.py), the lasso MAP at N = 10,000, p = 1,000
# at an equal duality gap (benchmarks/anchors/lasso_equal_gap.py: scikit-learn against LassoAtGap on the
# same data) and the p1 start (./workbench run
# experiments/p1-1-posterior.json against benchmarks/anchors/p1_posterior.py). Each pair runs
# back to back, references first, so both see the same load; everything is written under
# benchmarks/target/side-by-side/. Every reference is the project's own script under benchmarks/anchors/.
# The table starts with the machine (CPU model, vector flags, cores, numpy and its BLAS) and the kernel
# the vector backend chose (as the run's result and provenance name it). Needs python3 with numpy and scipy (the default python3's wheel:
# the fastest numpy of the machine), /usr/bin/python3 with scikit-learn and matplotlib
# (apt-get install python3-sklearn python3-matplotlib) and dataset-fashion-mnist.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
anchors="$root/benchmarks/anchors"
quick=0
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    *) echo "usage: $0 [--quick]" >&2; exit 2 ;;
  esac
  shift
done
# Some machines set OPENBLAS_CORETYPE (and OPENBLAS_L2_SIZE) so that old OpenBLAS builds run at all; a
# current numpy runs slower kernels under them, so the references run without them (nothing of the
# workbench reads them)
if [ -n "${OPENBLAS_CORETYPE:-}${OPENBLAS_L2_SIZE:-}" ]; then
  echo "side-by-side: running the references without OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-} OPENBLAS_L2_SIZE=${OPENBLAS_L2_SIZE:-}" >&2
  unset OPENBLAS_CORETYPE OPENBLAS_L2_SIZE
fi
out="$root/benchmarks/target/side-by-side"
rm -rf "$out"
mkdir -p "$out"
python3 "$anchors/machine.py" > "$out/machine.jsonl"
echo "side-by-side: $(python3 -c 'import json,sys; m=json.load(sys.stdin); print(m["cpu"], "|", " ".join(m["vector_flags"]), "|", m["cores"], "cores")' < "$out/machine.jsonl")" >&2
reps=$([ "$quick" = 1 ] && echo 3 || echo 7)
epochs=$([ "$quick" = 1 ] && echo 3 || echo 10)
jmh() { "$root/benchmarks/run.sh" "$@"; }
echo "side-by-side: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg) at $(date -u +%H:%M:%S) UTC; output in $out" >&2

# build both sides first
"$root/benchmarks/run.sh" -l > /dev/null
"$root/workbench" list > /dev/null 2>&1

echo "== GEMM" >&2
# numpy's one-thread figures with OPENBLAS_NUM_THREADS=1: threadpoolctl cannot limit the wheel's OpenBLAS
# where common.py borrows Debian's copy of it
OPENBLAS_NUM_THREADS=1 python3 "$anchors/gemm.py" --reps 30 > "$out/gemm-numpy-1thread.jsonl"
jmh GemmBenchmark -wi 3 -i 5 -w 1 -r 1 -rf json -rff "$out/gemm-workbench.json" > "$out/gemm-workbench.log"
python3 "$anchors/gemm.py" --reps 30 > "$out/gemm-numpy-threads.jsonl"

echo "== problem 4 training" >&2
p4="$out/p4"
mkdir -p "$p4"
# numpy with one OpenBLAS thread, then with its default threads (the faster of the two is the reference;
# on an oversubscribed machine OpenBLAS's spinning threads can make an epoch take minutes, hence the cap)
for r in 1 2; do
  # each whole process timed from outside, as a user waits for it: wall, user and system CPU, peak RSS
  if [ "$r" = 1 ]; then
    OPENBLAS_NUM_THREADS=1 /usr/bin/time -f '%e %U %S %M' -o "$p4/numpy-$r.time" \
      python3 "$anchors/mlp_numpy.py" --epochs "$epochs" > "$p4/numpy-$r.jsonl"
  else
    /usr/bin/time -f '%e %U %S %M' -o "$p4/numpy-$r.time" \
      timeout 180 python3 "$anchors/mlp_numpy.py" --epochs "$epochs" > "$p4/numpy-$r.jsonl" || true
  fi
  /usr/bin/time -f '%e %U %S %M' -o "$p4/workbench-$r.rss" "$root/workbench" run "$root/experiments/p4-fashion-mnist-mlp.json" \
    --set task.with.epochs="$epochs" --out "$p4/results-$r" > "$p4/workbench-$r.out" 2> "$p4/workbench-$r.err"
done
# the same network written from the catalogue alone: no backend, no precision
python3 - "$root/experiments/p4-fashion-mnist-mlp.json" "$p4/p4-defaults.json" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
d["name"] = "p4-defaults"
d["components"].pop("backend", None)
d["task"]["with"].pop("precision", None)
d["task"]["with"]["epochs"] = 3
json.dump(d, open(sys.argv[2], "w"), indent=1)
EOF
"$root/workbench" run "$p4/p4-defaults.json" --out "$p4/results-defaults" > "$p4/defaults.out" 2> "$p4/defaults.err"

echo "== Gibbs" >&2
# numpy's fastest at p = 100 is one OpenBLAS thread (its threads cost more than they share at this size)
OPENBLAS_NUM_THREADS=1 python3 "$root/benchmarks/anchors/gibbs_numpy.py" --iterations 20000 --rounds 3 > "$out/gibbs-numpy-1thread.jsonl"
jmh GibbsBenchmark -p draws=22000 -rf json -rff "$out/gibbs-workbench.json" > "$out/gibbs-workbench.log"
python3 "$root/benchmarks/anchors/gibbs_numpy.py" --iterations 2000 --rounds 2 > "$out/gibbs-numpy-threads.jsonl"
# a run's chain and diagnostics happen once, in a JVM that has not compiled them yet: the cold cost
jmh GibbsBenchmark -p draws=22000 -wi 0 -i 1 -f 5 -rf json -rff "$out/gibbs-workbench-cold.json" > "$out/gibbs-workbench-cold.log"

echo "== lasso" >&2
# scikit-learn and the workbench's coordinate descent on the same X and y, interleaved, each stopping at the
# other's duality gap (one gap formula for both; see the script's header)
/usr/bin/python3 "$root/benchmarks/anchors/lasso_equal_gap.py" --size 10000x1000 --jar "$root/benchmarks/target/benchmarks.jar" \
  > "$out/lasso-equal-gap.jsonl"

echo "== p1 start" >&2
: > "$out/p1-times.txt"
for r in $(seq "$reps"); do
  /usr/bin/time -f "reference %e %U %S" -a -o "$out/p1-times.txt" /usr/bin/python3 "$root/benchmarks/anchors/p1_posterior.py" \
    --out "$out/p1-reference" > /dev/null
  /usr/bin/time -f "workbench %e %U %S" -a -o "$out/p1-times.txt" "$root/workbench" run "$root/experiments/p1-1-posterior.json" \
    --out "$out/p1-results" > /dev/null 2>&1
done

echo "side-by-side: finished at $(date -u +%H:%M:%S) UTC, load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
python3 "$root/benchmarks/side_by_side_table.py" "$out" | tee "$out/table.md"

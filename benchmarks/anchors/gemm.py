#!/usr/bin/env python3
"""The reference for GemmBenchmark: numpy's float32 matrix products in problem 4's shapes.

  python3 benchmarks/anchors/gemm.py [--reps 30]

Times the three products of one training step of the 784-256-10 network at batch 256, as a numpy
implementation computes them: the forward product X W (256x784 by 784x256), the weight gradient
X^T dZ (784x256 by 256x256) and the input gradient dZ W^T (256x256 by 256x784). Each shape runs 3
untimed calls, then --reps timed calls into a preallocated output (np.matmul(..., out=...), so the
allocation is not timed). Prints one JSON line for the machine, then one per shape with the median
and best milliseconds and GFLOP/s (2 m k n / time). The thread count is OpenBLAS's: run it with
OPENBLAS_NUM_THREADS=1 for the one-thread figure; `threads` in the output is what was asked for.
Run it with the fastest numpy on the machine (a wheel's OpenBLAS, not Debian's python3-numpy).
"""
import argparse
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import numpy as np  # noqa: E402

from machine import blas, cpu, emit  # noqa: E402

# (rows of A, inner, columns of B): the forward, dW and dX products of problem 4's first layer
SHAPES = [(256, 784, 256), (784, 256, 256), (256, 256, 784)]


def timed(fn, reps):
    for _ in range(3):
        fn()
    times = []
    for _ in range(reps):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), min(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=30)
    args = parser.parse_args()
    threads = int(os.environ.get("OPENBLAS_NUM_THREADS", os.cpu_count() or 1))
    emit(kind="machine", **cpu(), **blas())
    rng = np.random.default_rng(181)
    for m, k, n in SHAPES:
        a = rng.standard_normal((m, k), dtype=np.float32)
        b = rng.standard_normal((k, n), dtype=np.float32)
        c = np.empty((m, n), dtype=np.float32)
        median, best = timed(lambda: np.matmul(a, b, out=c), args.reps)
        flops = 2.0 * m * k * n
        emit(kind="gemm", dtype="float32", shape=f"({m}x{k})@({k}x{n})", threads=threads,
             median_ms=round(median * 1e3, 4), best_ms=round(best * 1e3, 4),
             median_gflops=round(flops / median / 1e9, 1), best_gflops=round(flops / best / 1e9, 1))


if __name__ == "__main__":
    main()

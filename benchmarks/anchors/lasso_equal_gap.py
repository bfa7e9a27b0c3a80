#!/usr/bin/env python3
"""The lasso MAP side by side at an EQUAL duality gap: scikit-learn against the workbench's coordinate descent.

  /usr/bin/python3 benchmarks/anchors/lasso_equal_gap.py [--size 10000x1000] [--taus 0.001,0.01,0.1,1]
                                                         [--reps 3] [--jar benchmarks/target/benchmarks.jar]
                                                         [--baseline-jar OTHER.jar] [--no-vector]

Problem (drawn as this script does below, mu = 0, sigma = 1, seed 0):
    min_w F(w) = 1/(2 sigma^2) ||X w - y||^2 + (1/tau) ||w - mu||_1
scikit-learn's Lasso(alpha = sigma^2/(tau N), fit_intercept=False) on (X, y - X mu) minimises F times sigma^2/N.

The duality gap, one formula for both sides (the one the workbench's coordinate descent stops on,
LassoWorkspace.dualityGap): with d = w - mu, y' = y - X mu, r = y' - X d, lambda = sigma^2/tau and the
dual point theta = s r, s = min(1, lambda / max_j |x_j^T r|),
    gap(w) = [ 1/2 (1 - s)^2 ||r||^2 + sum_j (lambda |d_j| - s d_j x_j^T r) ] / sigma^2   (>= F(w) - min F).
scikit-learn's own stopping test computes the same gap (times sigma^2) and stops when it is below
tol * ||y'||^2, once the largest coordinate step is below tol times the largest coefficient.

For each tau, interleaved in one period:
  1. scikit-learn at its default tol = 1e-4: time, and its gap G_sk by the formula above;
  2. the workbench stopping at that gap: tolerance = G_sk / max(1, F) (its rule: gap <= tolerance * max(1, F));
  3. the workbench at its default tolerance 1e-10: its gap G_wb (recomputed here from its w);
  4. scikit-learn with tol tightened to reach G_wb: tol = G_wb / ||y'||^2 (its own gap test at that level).
Times are seconds per fit: scikit-learn the median of --reps fits; the workbench the median of --reps fits after
two warm-up fits in its JVM (the JIT's cold first fit is printed too). Both sides fit on one thread (scikit-learn's
coordinate descent calls BLAS level 1 on the calling thread), so each also reports the CPU seconds of that thread,
which a loaded machine's waits for a core do not inflate (its contention for memory bandwidth still does).
The workbench's JVM runs with --add-modules jdk.incubator.vector, as ./workbench starts it, so its kernels take the
vector route (--no-vector: without the module, the scalar route); the route is printed with each fit. --baseline-jar
runs a second build of LassoAtGap (e.g. the solver before a change) at the same gaps right after each workbench fit,
and adds its time and its ratio to the first as a column: before and after, interleaved in one period.
Prints JSON lines, then a table.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import warnings

import numpy as np
import sklearn
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import Lasso

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def make_data(N, p, sigma=1.0, seed=0):
    """lasso_map.py's problem: X ~ N(0,1), 20% of w Laplace(0,1), y = X w + N(0, sigma^2)."""
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((N, p))
    w = np.where(rng.random(p) < 0.2, rng.laplace(0.0, 1.0, p), 0.0)
    y = X @ w + sigma * rng.standard_normal(N)
    return X, y


def objective(X, y, w, mu, sigma, tau):
    r = X @ w - y
    return 0.5 * (r @ r) / sigma**2 + np.abs(w - mu).sum() / tau


def duality_gap(X, y, w, mu, sigma, tau):
    """The workbench's certified gap, written out as LassoWorkspace.dualityGap writes it."""
    lam = sigma**2 / tau
    yp = y - X @ mu
    d = w - mu
    r = yp - X @ d
    c = X.T @ r
    a = np.abs(c).max()
    s = min(1.0, lam / a) if a > 0 else 1.0
    gap = 0.5 * (1 - s) ** 2 * (r @ r) + np.sum(lam * np.abs(d) - s * d * c)
    return max(0.0, gap) / sigma**2


def sklearn_fit(X, y, mu, sigma, tau, tol, reps):
    N = X.shape[0]
    alpha = sigma**2 / (tau * N)
    times, cpu, m = [], [], None
    for _ in range(reps):
        t, c = time.perf_counter(), time.thread_time()
        m = Lasso(alpha=alpha, fit_intercept=False, tol=tol, max_iter=1_000_000)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            m.fit(X, y - X @ mu)
        times.append(time.perf_counter() - t)
        cpu.append(time.thread_time() - c)
    w = m.coef_ + mu
    return dict(side="scikit-learn", tau=tau, tol=tol, time_s_median=statistics.median(times), time_s_min=min(times),
                cpu_s_median=statistics.median(cpu),
                n_iter=int(m.n_iter_), objective=float(objective(X, y, w, mu, sigma, tau)),
                duality_gap=float(duality_gap(X, y, w, mu, sigma, tau)))


def workbench_fit(jar, folder, X, y, mu, sigma, tau, tolerance, reps, vector=True):
    N, p = X.shape
    modules = ["--add-modules", "jdk.incubator.vector"] if vector else []
    out = subprocess.run(["java", "-Xmx2g", *modules, "-cp", jar, "org.workbench.benchmarks.LassoAtGap", folder, str(N), str(p),
                          repr(tau), repr(tolerance), "2", str(reps)], capture_output=True, text=True, check=True).stdout
    rec = json.loads(out.strip().splitlines()[-1])
    w = np.fromfile(os.path.join(folder, "w-workbench.bin"), dtype="<f8")
    rec.update(side="workbench", duality_gap_here=float(duality_gap(X, y, w, mu, sigma, tau)),
               objective_here=float(objective(X, y, w, mu, sigma, tau)))
    return rec


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", default="10000x1000")
    ap.add_argument("--taus", default="0.001,0.01,0.1,1")
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--jar", default=os.path.join(ROOT, "benchmarks", "target", "benchmarks.jar"))
    ap.add_argument("--baseline-jar", help="a second benchmarks jar to run at the same gaps, interleaved")
    ap.add_argument("--no-vector", action="store_true", help="start the workbench's JVM without jdk.incubator.vector")
    a = ap.parse_args()
    N, p = map(int, a.size.split("x"))
    sigma = 1.0
    X, y = make_data(N, p, sigma)
    mu = np.zeros(p)
    yp_norm2 = float((y - X @ mu) @ (y - X @ mu))
    print(json.dumps(dict(kind="env", N=N, p=p, sklearn=sklearn.__version__, numpy=np.__version__,
                          load=open("/proc/loadavg").read().split()[:3])), flush=True)
    rows = []
    with tempfile.TemporaryDirectory(prefix="lasso_gap_") as folder:
        np.ascontiguousarray(X).astype("<f8").tofile(os.path.join(folder, "X.bin"))
        y.astype("<f8").tofile(os.path.join(folder, "y.bin"))
        for tau in map(float, a.taus.split(",")):
            vector = not a.no_vector
            sk = sklearn_fit(X, y, mu, sigma, tau, 1e-4, a.reps)
            loose = sk["duality_gap"] / max(1.0, sk["objective"])
            wb = workbench_fit(a.jar, folder, X, y, mu, sigma, tau, loose, a.reps, vector)
            base = workbench_fit(a.baseline_jar, folder, X, y, mu, sigma, tau, loose, a.reps, vector) if a.baseline_jar else None
            wb_default = workbench_fit(a.jar, folder, X, y, mu, sigma, tau, 1e-10, a.reps, vector)
            base_default = (workbench_fit(a.baseline_jar, folder, X, y, mu, sigma, tau, 1e-10, a.reps, vector)
                            if a.baseline_jar else None)
            sk_tight = sklearn_fit(X, y, mu, sigma, tau, wb_default["duality_gap_here"] / yp_norm2, a.reps)
            for rec in (sk, wb, base, wb_default, base_default, sk_tight):
                if rec is not None:
                    print(json.dumps(dict(rec, kind="lasso_equal_gap", baseline=rec in (base, base_default))), flush=True)
            rows.append((tau, "sklearn tol=1e-4", sk, wb, base))
            rows.append((tau, "workbench tolerance=1e-10", sk_tight, wb_default, base_default))
    print(f"\nworkbench: {rows[0][3].get('solver', '?')}" + (f"; baseline: {rows[0][4].get('solver', '?')}" if a.baseline_jar else ""))
    extra = " | baseline s, median (gap, passes): baseline / workbench |" if a.baseline_jar else " |"
    print("\n| tau | gap set by | scikit-learn s, median / best (gap, epochs) | workbench s, median / best (gap, passes) "
          "| workbench / scikit-learn, median (best) | the same in CPU s of the fitting thread, median" + extra)
    print("|---|---|---|---|---|---|" + ("---|" if a.baseline_jar else ""))
    for tau, how, sk, wb, base in rows:
        line = (f"| {tau:g} | {how} | {sk['time_s_median']:.3f} / {sk['time_s_min']:.3f} ({sk['duality_gap']:.2g}, {sk['n_iter']}) | "
                f"{wb['time_s_median']:.3f} / {wb['time_s_min']:.3f} ({wb['duality_gap_here']:.2g}, {wb['passes']}) | "
                f"{wb['time_s_median'] / sk['time_s_median']:.2f}x ({wb['time_s_min'] / sk['time_s_min']:.2f}x) | "
                f"{wb['cpu_s_median']:.3f} / {sk['cpu_s_median']:.3f} = {wb['cpu_s_median'] / sk['cpu_s_median']:.2f}x |")
        if base is not None:
            line += (f" {base['time_s_median']:.3f} ({base['duality_gap_here']:.2g}, {base['passes']}): "
                     f"{base['time_s_median'] / wb['time_s_median']:.2f}x |")
        print(line)


if __name__ == "__main__":
    sys.exit(main())

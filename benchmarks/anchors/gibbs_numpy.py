#!/usr/bin/env python3
"""Reference: the workbench's exact Gibbs sampler for the Bayesian lasso (problem 2), in numpy.

  python3 gibbs_numpy.py [--n 1000] [--p 100] [--iterations 20000] [--rounds 3] [--seed 1]

The same sampler as bundles/sampler-gibbs-laplace: y = X w + eps, eps ~ N(0, sigma^2 I), w_j ~
Laplace(mu_j, tau) through the scale mixture d_j = w_j - mu_j | s_j ~ N(0, s_j), s_j ~ Exp(1/(2 tau^2)):
  1/s_j | d_j ~ InverseGaussian(mean 1/(tau |d_j|), shape 1/tau^2)     (numpy's Generator.wald)
  d | s, y ~ N(A^-1 c, A^-1), A = X^T X / sigma^2 + diag(1/s), c = X^T (y - X mu) / sigma^2:
      L = cholesky(A), v = L^-1 c, conditional mean = L^-T v, d = L^-T (v + z), z ~ N(0, I)
Data as GibbsBenchmark: X ~ N(0, 1), w 20% nonzero N(0, 1), sigma = 1, mu = 0, tau = 0.1. The
chain starts at twice a prior draw; every iteration keeps its draw of w and its conditional mean.
Uses LAPACK through numpy (cholesky) and scipy (solve_triangular), the fastest numpy on the machine
(the default python3's wheel). At p = 100 its fastest run is with one OpenBLAS thread
(OPENBLAS_NUM_THREADS=1, as benchmarks/side-by-side.sh runs it: 14-15k it/s here, where its default two
threads give 0.4-1.6k under load). Prints JSON lines: iterations/s of the chain alone, per round.
"""
import argparse
import json
import time

import numpy as np
from scipy.linalg import solve_triangular


def make_data(n, p, seed):
    rng = np.random.default_rng(seed)
    w = np.where(rng.random(p) < 0.2, rng.standard_normal(p), 0.0)
    X = rng.standard_normal((n, p))
    y = X @ w + rng.standard_normal(n)
    return X, y


def chain(X, y, mu, tau, sigma2, iterations, rng):
    p = X.shape[1]
    gram = X.T @ X / sigma2
    c = X.T @ (y - X @ mu) / sigma2
    d = 2 * rng.laplace(0.0, tau, p)
    draws = np.empty((iterations, p))
    means = np.empty((iterations, p))
    shape = 1.0 / (tau * tau)
    diag = np.arange(p)
    A = np.empty((p, p))
    for t in range(iterations):
        dist = np.abs(d)
        with np.errstate(divide="ignore"):
            mean_ig = 1.0 / (tau * dist)
        mean_ig = np.minimum(mean_ig, 1e300)  # wald needs a finite mean; 1e300 is the Levy limit in effect
        inv_s = rng.wald(mean_ig, shape)
        np.copyto(A, gram)
        A[diag, diag] += inv_s
        L = np.linalg.cholesky(A)
        v = solve_triangular(L, c, lower=True, check_finite=False)
        rhs = np.stack((v, v + rng.standard_normal(p)), axis=1)
        sol = solve_triangular(L, rhs, lower=True, trans="T", check_finite=False)
        means[t] = mu + sol[:, 0]
        d = sol[:, 1]
        draws[t] = mu + d
    return draws, means


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--p", type=int, default=100)
    ap.add_argument("--iterations", type=int, default=20000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    X, y = make_data(a.n, a.p, a.seed)
    mu = np.zeros(a.p)
    for r in range(a.rounds):
        rng = np.random.default_rng(100 + r)
        t0 = time.perf_counter()
        draws, means = chain(X, y, mu, 0.1, 1.0, a.iterations, rng)
        seconds = time.perf_counter() - t0
        print(json.dumps({"kind": "gibbs-chain-only", "impl": "numpy", "N": a.n, "p": a.p, "round": r,
                          "iterations": a.iterations, "iterationsPerSecond": round(a.iterations / seconds),
                          "posteriorMeanNorm": round(float(np.linalg.norm(means.mean(0))), 4)}), flush=True)


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""Reference for the start-up figure: what `./workbench run experiments/p1-1-posterior.json` does,
as a numpy/scipy/matplotlib script started from scratch.

  /usr/bin/python3 p1_posterior.py [--out DIR]     (Debian's python3: matplotlib, scipy)

Draws n = 20 points x = mu + eps (mu = 1.5, sigma = 1), computes the conjugate posterior and
predictive of mu under the prior N(0, 4), checks the posterior by adaptive quadrature (scipy),
writes result.json and the same artifacts as the workbench (posterior and predictive densities,
each as PNG 1000 x 600 and SVG) into DIR (default: a fresh temporary folder), then prints the
path of result.json. Time it from the shell (the side-by-side script does), since its cost is the
interpreter's and the libraries' start-up as much as the arithmetic.
"""
import argparse
import json
import os
import tempfile

import numpy as np
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from scipy import integrate, stats  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out")
    a = ap.parse_args()
    out = a.out or tempfile.mkdtemp(prefix="p1-reference-")
    os.makedirs(out, exist_ok=True)
    rng = np.random.default_rng(181)
    n, mu_true, sigma2, m0, tau2 = 20, 1.5, 1.0, 0.0, 4.0
    x = mu_true + rng.standard_normal(n)
    s = x.sum()
    var = 1.0 / (1.0 / tau2 + n / sigma2)
    mean = var * (m0 / tau2 + s / sigma2)
    log_post = lambda mu: stats.norm.logpdf(mu, m0, np.sqrt(tau2)) + stats.norm.logpdf(x, mu, 1.0).sum()
    lo, hi = mean - 16 * np.sqrt(var), mean + 16 * np.sqrt(var)
    z, _ = integrate.quad(lambda mu: np.exp(log_post(mu) - log_post(mean)), lo, hi, epsabs=0, epsrel=1e-12)
    m1, _ = integrate.quad(lambda mu: mu * np.exp(log_post(mu) - log_post(mean)), lo, hi, epsabs=0, epsrel=1e-12)
    m2, _ = integrate.quad(lambda mu: mu * mu * np.exp(log_post(mu) - log_post(mean)), lo, hi, epsabs=0, epsrel=1e-12)
    q_mean = m1 / z
    result = {"n": n, "sum": s, "mle": s / n, "map": mean, "posterior": {"mean": mean, "variance": var},
              "predictive": {"mean": mean, "variance": var + sigma2},
              "quadrature": {"mean": q_mean, "variance": m2 / z - q_mean ** 2}}
    for name, (loc, v) in {"posterior": (mean, var), "predictive": (mean, var + sigma2)}.items():
        grid = np.linspace(loc - 5 * np.sqrt(v), loc + 5 * np.sqrt(v), 400)
        fig, ax = plt.subplots(figsize=(10, 6), dpi=100)
        ax.plot(grid, stats.norm.pdf(grid, loc, np.sqrt(v)), label=name)
        ax.set_xlabel("mu" if name == "posterior" else "x")
        ax.set_ylabel("density")
        ax.set_title(name)
        ax.legend()
        fig.savefig(os.path.join(out, name + ".png"))
        fig.savefig(os.path.join(out, name + ".svg"))
        plt.close(fig)
    path = os.path.join(out, "result.json")
    with open(path, "w") as f:
        json.dump({"name": "p1-1-posterior", "results": result}, f, indent=2)
    print(path)


if __name__ == "__main__":
    main()

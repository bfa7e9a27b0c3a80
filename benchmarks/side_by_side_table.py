#!/usr/bin/env python3
"""Prints the side-by-side table (markdown) from the files benchmarks/side-by-side.sh wrote.

  python3 side_by_side_table.py DIR
"""
import glob
import json
import os
import statistics
import sys

FLOPS = 2.0 * 256 * 784 * 256
# JMH product -> the numpy shape of the same product as mlp_numpy.py computes it
NUMPY_SHAPE = {"forward": "(256x784)@(784x256)", "dW": "(784x256)@(256x256)", "dX": "(256x256)@(256x784)"}


def lines(path):
    out = []
    if not os.path.exists(path):
        return out
    for line in open(path):
        line = line.strip()
        if line.startswith("{"):
            try:
                out.append(json.loads(line))
            except ValueError:
                pass
    return out


def jmh(path):
    return json.load(open(path)) if os.path.exists(path) else []


def p50(entry):
    m = entry["primaryMetric"]
    return m.get("scorePercentiles", {}).get("50.0", m["score"])


def fmt(v, digits=3):
    return "n/a" if v is None else f"{v:.{digits}g}"


def main():
    d = sys.argv[1]
    rows = []

    # GEMM
    numpy = {}
    for f in ("gemm-numpy-1.jsonl", "gemm-numpy-2.jsonl"):
        for r in lines(os.path.join(d, f)):
            if r.get("kind") == "gemm" and r.get("dtype") == "float32":
                key = (r["shape"], r["threads"])
                numpy[key] = min(numpy.get(key, 1e9), r["median_ms"])
    for e in jmh(os.path.join(d, "gemm-workbench.json")):
        prm = e["params"]
        us = p50(e)
        ours = FLOPS / (us * 1e-6) / 1e9
        ref_ms = numpy.get((NUMPY_SHAPE[prm["product"]], int(prm["threads"])))
        ref = FLOPS / (ref_ms * 1e-3) / 1e9 if ref_ms else None
        rows.append((f"float32 product {prm['product']} 256x784x256, {prm['threads']} thread(s), median GFLOP/s",
                     fmt(ours), fmt(ref), f"{ours / ref:.2f}x numpy's rate" if ref else "n/a"))

    # problem 4
    p4 = os.path.join(d, "p4")
    for r in (1, 2):
        npy = lines(os.path.join(p4, f"numpy-{r}.jsonl"))
        ep = [x["train_s"] for x in npy if x.get("kind") == "epoch"]
        summ = next((x for x in npy if x.get("kind") == "summary"), None)
        res = glob.glob(os.path.join(p4, f"results-{r}", "*", "*", "result.json"))
        if not ep or not res or summ is None:
            continue
        wb = json.load(open(res[0]))["results"]
        wt = statistics.median(x["trainSeconds"] for x in wb["epochs"])
        nt = statistics.median(ep)
        rss = int(open(os.path.join(p4, f"workbench-{r}.rss")).read().split()[-1]) / 1024.0
        rows.append((f"problem 4 training, median s/epoch (pair {r})", f"{wt:.3f} (test acc {wb['testAccuracy']:.4f})",
                     f"{nt:.3f} (test acc {summ['final_test_acc']:.4f})", f"{wt / nt:.2f}x numpy's time"))
        rows.append((f"problem 4 run, peak RSS MiB (pair {r})", f"{rss:.0f}", f"{summ['peak_rss_mib']:.0f}",
                     f"{rss / summ['peak_rss_mib']:.2f}x numpy's"))
    res = glob.glob(os.path.join(p4, "results-defaults", "*", "*", "result.json"))
    if res:
        doc = json.load(open(res[0]))
        wb = doc["results"]
        chosen = doc["provenance"]["components"].get("backend", {}).get("chosen", "")
        wt = statistics.median(x["trainSeconds"] for x in wb["epochs"])
        rows.append(("problem 4 written without backend or precision, median s/epoch", f"{wt:.3f}",
                     "", f"{wb['backend']}, {wb['precision']} ({chosen})"))

    # Gibbs
    best_numpy = None
    for f in ("gibbs-numpy-1thread.jsonl", "gibbs-numpy-threads.jsonl"):
        ips = [x["iterationsPerSecond"] for x in lines(os.path.join(d, f)) if x.get("kind") == "gibbs-chain-only"]
        if ips:
            m = statistics.median(ips)
            best_numpy = m if best_numpy is None else max(best_numpy, m)
    for name, f in (("warm", "gibbs-workbench.json"), ("cold, fresh JVM", "gibbs-workbench-cold.json")):
        runs = {e["benchmark"].rsplit(".", 1)[1]: e for e in jmh(os.path.join(d, f))}
        if "sampler" in runs and "diagnostics" in runs:
            draws = int(runs["sampler"]["params"]["draws"])
            sampler = statistics.median(v for vs in runs["sampler"]["primaryMetric"]["rawData"] for v in vs)
            diag = statistics.median(v for vs in runs["diagnostics"]["primaryMetric"]["rawData"] for v in vs)
            chain = sampler - diag
            if name == "warm":
                rows.append(("Gibbs N=1000 p=100, chain alone, it/s", f"{draws / chain:.0f}", fmt(best_numpy, 4),
                             f"{draws / chain / best_numpy:.2f}x numpy's rate" if best_numpy else "n/a"))
            rows.append((f"Gibbs diagnostics of {draws} draws x 100 ({name}), s", f"{diag:.3f}",
                         f"sampling {chain:.3f} s", f"{diag / chain:.2f} of the sampling time"))

    # lasso
    sk = {x["tau"]: x for x in lines(os.path.join(d, "lasso-sklearn.jsonl"))
          if x.get("kind") == "lasso_fit" and x.get("mu") == "0" and x.get("tol") == 1e-10 and not x.get("precompute_gram")}
    gaps = {}
    for x in lines(os.path.join(d, "lasso-workbench.log")):
        if x.get("kind") == "cd_fit":
            gaps[float(x["tau"])] = x
    for e in jmh(os.path.join(d, "lasso-workbench.json")):
        tau = float(e["params"]["tau"])
        t = statistics.median(v for vs in e["primaryMetric"]["rawData"] for v in vs)
        ref = sk.get(tau)
        g = gaps.get(tau, {})
        rows.append((f"lasso MAP N=10000 p=1000 tau={tau:g}, s (gap)", f"{t:.3f} (gap {fmt(g.get('duality_gap'))})",
                     f"{ref['time_s_median']:.3f} (gap {fmt(ref['duality_gap_bound'])})" if ref else "n/a",
                     f"{t / ref['time_s_median']:.2f}x scikit-learn's time" if ref else "n/a"))

    # p1 start
    times = {"reference": [], "workbench": []}
    cpu = {"reference": [], "workbench": []}
    path = os.path.join(d, "p1-times.txt")
    if os.path.exists(path):
        for line in open(path):
            parts = line.split()
            if len(parts) == 4 and parts[0] in times:
                times[parts[0]].append(float(parts[1]))
                cpu[parts[0]].append(float(parts[2]) + float(parts[3]))
    if times["workbench"] and times["reference"]:
        w, r = statistics.median(times["workbench"]), statistics.median(times["reference"])
        rows.append((f"p1-1-posterior start to result with plots, median wall s ({len(times['workbench'])} runs)",
                     f"{w:.2f} (CPU {statistics.median(cpu['workbench']):.2f})",
                     f"{r:.2f} (CPU {statistics.median(cpu['reference']):.2f})", f"{w / r:.2f}x the script's time"))

    print("| figure | workbench | reference | ratio |")
    print("|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()

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
        if "{" in line and line.endswith("}"):  # JMH prefixes a fork's own output with "Iteration N:"
            line = line[line.index("{"):]
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


def process_time(path):
    """(wall s, user+system CPU s or None, peak RSS KiB) of a /usr/bin/time line: '%e %U %S %M' or the older '%e %M'."""
    if not os.path.exists(path):
        return None
    parts = open(path).read().split()
    nums = [p for p in parts if p.replace(".", "", 1).isdigit()]
    if len(nums) >= 4:
        return float(nums[-4]), float(nums[-3]) + float(nums[-2]), nums[-1]
    if len(nums) >= 2:
        return float(nums[-2]), None, nums[-1]
    return None


def kernel(d):
    """What the vector backend says it chose, from the first problem 4 result: its name in the results and any
    provenance entry about its kernel (the planner's choice and timings, where the backend records them)."""
    res = sorted(glob.glob(os.path.join(d, "p4", "results-1", "*", "*", "result.json")))
    if not res:
        return "kernel: no problem 4 result"
    doc = json.load(open(res[0]))
    said = [f"backend {doc['results'].get('backend', '?')}"]
    prov = doc.get("provenance", {})
    backend = prov.get("components", {}).get("backend", {})
    fixed = {"kind", "name", "bundle", "version", "parameters", "seed"}
    said += [f"{k} {json.dumps(v)}" for k, v in backend.items() if k not in fixed]
    said += [f"{k} {json.dumps(v)}" for k, v in prov.items() if "kernel" in k.lower() or "plan" in k.lower()]
    return "kernel: " + "; ".join(said)


def machine(d):
    m = next(iter(lines(os.path.join(d, "machine.jsonl"))), None)
    if m is None:
        return "machine: not recorded"
    return f"machine: {m['cpu']}, {m['cores']} cores, vector flags {' '.join(m['vector_flags'])}"


def main():
    d = sys.argv[1]
    print(machine(d))
    print(kernel(d) + "\n")
    rows = []

    # GEMM: numpy's one-thread figures from the run with OPENBLAS_NUM_THREADS=1 (threadpoolctl cannot limit
    # the wheel's OpenBLAS where it borrows Debian's copy), two-thread figures from the default run
    numpy = {}
    for f, threads in (("gemm-numpy-1thread.jsonl", 1), ("gemm-numpy-threads.jsonl", 2)):
        for r in lines(os.path.join(d, f)):
            if r.get("kind") == "gemm" and r.get("dtype") == "float32" and r["threads"] == threads:
                key = (r["shape"], threads)
                old = numpy.get(key)
                numpy[key] = (min(old[0], r["median_ms"]) if old else r["median_ms"],
                              min(old[1], r["best_ms"]) if old else r["best_ms"])
    for e in jmh(os.path.join(d, "gemm-workbench.json")):
        prm = e["params"]
        pct = e["primaryMetric"].get("scorePercentiles", {})
        ours = FLOPS / (pct.get("50.0", e["primaryMetric"]["score"]) * 1e-6) / 1e9
        ours_best = FLOPS / (pct.get("0.0", e["primaryMetric"]["score"]) * 1e-6) / 1e9
        ref = numpy.get((NUMPY_SHAPE[prm["product"]], int(prm["threads"])))
        gf = (lambda ms: FLOPS / (ms * 1e-3) / 1e9)
        rows.append((f"float32 product {prm['product']} (256x784x256), {prm['threads']} thread(s), GFLOP/s median (best)",
                     f"{ours:.0f} ({ours_best:.0f})", f"{gf(ref[0]):.0f} ({gf(ref[1]):.0f})" if ref else "n/a",
                     f"{ours / gf(ref[0]):.2f}x median, {ours_best / gf(ref[1]):.2f}x best" if ref else "n/a"))

    # problem 4: each workbench run against the faster numpy run (OpenBLAS default threads, or one)
    p4 = os.path.join(d, "p4")
    refs = []
    for r in (1, 2):
        npy = lines(os.path.join(p4, f"numpy-{r}.jsonl"))
        ep = [x["train_s"] for x in npy if x.get("kind") == "epoch"]
        summ = next((x for x in npy if x.get("kind") == "summary"), None)
        if ep and summ is None:  # stopped by the time cap: the epochs it finished
            summ = {"final_test_acc": [x for x in npy if x.get("kind") == "epoch"][-1]["test_acc"], "peak_rss_mib": None}
        if ep:
            refs.append((statistics.median(ep), summ, ("1 thread" if r == 1 else "default threads")
                         + ("" if summ["peak_rss_mib"] else f", stopped after {len(ep)} epochs")))
    best = min(refs, key=lambda x: x[0]) if refs else None
    for r in (1, 2):
        res = glob.glob(os.path.join(p4, f"results-{r}", "*", "*", "result.json"))
        if not res or best is None:
            continue
        wb = json.load(open(res[0]))["results"]
        wt = statistics.median(x["trainSeconds"] for x in wb["epochs"])
        nt, summ, how = best
        wall_s, cpu_s, rss_kib = process_time(os.path.join(p4, f"workbench-{r}.rss"))
        rss = int(rss_kib) / 1024.0
        # numpy's whole process as timed from outside (interpreter and imports included), else as it timed itself
        outside = [process_time(os.path.join(p4, f"numpy-{k}.time")) for k in (1, 2)]
        outside = [t for t in outside if t is not None]
        whole = min((t[0] for t in outside), default=None) or summ.get("total_s")
        whole_cpu = min((t[1] for t in outside if t[1] is not None), default=None)
        rows.append((f"problem 4 whole run, wall s (run {r})",
                     f"{float(wall_s):.2f}" + (f" (CPU {cpu_s:.2f})" if cpu_s is not None else ""),
                     fmt(whole) + (f" (CPU {whole_cpu:.2f})" if whole_cpu is not None else ""),
                     f"{float(wall_s) / whole:.2f}x numpy's" if whole else "n/a"))
        first = wb["epochs"][0]["seconds"]
        npy_first = [x["train_s"] + x.get("eval_s", 0) for x in lines(os.path.join(p4, "numpy-1.jsonl"))
                     if x.get("kind") == "epoch"][:1]
        rows.append((f"problem 4 first epoch with its test pass, s (run {r})", f"{first:.2f}",
                     fmt(npy_first[0]) if npy_first else "n/a",
                     f"{first / npy_first[0]:.2f}x numpy's" if npy_first else "n/a"))
        rows.append((f"problem 4 training, median s/epoch (run {r})", f"{wt:.3f} (test acc {wb['testAccuracy']:.4f})",
                     f"{nt:.3f} (test acc {summ['final_test_acc']:.4f}; numpy {how})", f"{wt / nt:.2f}x numpy's time"))
        peak = summ["peak_rss_mib"] or next((s2["peak_rss_mib"] for _, s2, _ in refs if s2["peak_rss_mib"]), None)
        rows.append((f"problem 4 run, peak RSS MiB (run {r})", f"{rss:.0f}", fmt(peak),
                     f"{rss / peak:.2f}x numpy's" if peak else "n/a"))
    for nt, summ, how in refs:
        rows.append((f"(numpy reference, {how})", "", f"{nt:.3f} s/epoch, test acc {summ['final_test_acc']:.4f}", ""))
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
        if "chain" in runs and "diagnostics" in runs:
            draws = int(runs["chain"]["params"]["draws"])
            chain = statistics.median(v for vs in runs["chain"]["primaryMetric"]["rawData"] for v in vs)
            diag = statistics.median(v for vs in runs["diagnostics"]["primaryMetric"]["rawData"] for v in vs)
            rows.append((f"Gibbs N=1000 p=100, chain alone ({name}), it/s", f"{draws / chain:.0f}", fmt(best_numpy, 4),
                         f"{draws / chain / best_numpy:.2f}x numpy's rate" if best_numpy else "n/a"))
            rows.append((f"Gibbs diagnostics of {draws} draws x 100 ({name}), s", f"{diag:.3f}",
                         f"sampling {chain:.3f} s", f"{diag / chain:.2f} of the sampling time"))

    # lasso, at an equal duality gap: each side stops at the gap the other reached (lasso_equal_gap.py)
    fits = [x for x in lines(os.path.join(d, "lasso-equal-gap.jsonl")) if x.get("kind") == "lasso_equal_gap"]
    for k in range(0, len(fits) - 3, 4):
        sk, wb, wb_default, sk_tight = fits[k:k + 4]
        for how, ref, ours in (("scikit-learn's tol=1e-4", sk, wb), ("the workbench's tolerance=1e-10", sk_tight, wb_default)):
            rows.append((f"lasso MAP N=10000 p=1000 tau={sk['tau']:g}, at the gap of {how}, s (gap)",
                         f"{ours['time_s_median']:.3f} (gap {fmt(ours['duality_gap_here'])})",
                         f"scikit-learn {ref['time_s_median']:.3f} (gap {fmt(ref['duality_gap'])})",
                         f"{ours['time_s_median'] / ref['time_s_median']:.2f}x scikit-learn's time"))

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

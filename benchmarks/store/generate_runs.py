#!/usr/bin/env python3
"""Writes N result folders shaped like the workbench's (result.json with provenance) for the run-store
benchmark (benchmarks/store/store.sh): not real runs, only what the store indexes."""
import json
import os
import random
import sys

def main():
    results, n = sys.argv[1], int(sys.argv[2])
    rng = random.Random(22)
    experiments = ["p%d-%d-experiment-%d" % (1 + i % 4, i, i) for i in range(20)]
    for i in range(n):
        experiment = experiments[i % len(experiments)]
        run_id = "20260101-%06d-%03d-%04x" % (i // 1000, i % 1000, rng.randrange(65536))
        folder = os.path.join(results, experiment, run_id)
        os.makedirs(folder, exist_ok=True)
        scale = round(rng.uniform(0.01, 2.0), 4)
        prior = "laplace" if i % 3 else "gaussian"
        doc = {
            "name": experiment, "title": "Benchmark run %d" % i, "task": "bayesian-linear-regression",
            "status": "ok" if i % 50 else "partial", "seed": i,
            "results": {"lambda": 1.0 / scale, "map": {"objective": rng.uniform(5, 20), "converged": True},
                        "study": {"testMse": {"map": {"mean": rng.uniform(0.9, 1.3), "stderr": 0.01},
                                              "posteriorMean": {"mean": rng.uniform(0.9, 1.3), "stderr": 0.01}}},
                        "w": [rng.gauss(0, 1) for _ in range(10)]},
            "artifacts": ["test-mse-vs-tau.png"],
            "provenance": {
                "task": {"kind": "task", "name": "bayesian-linear-regression", "version": "1.0.0",
                         "parameters": {"replications": 200, "testSize": 1000}},
                "components": {
                    "data": {"kind": "data", "name": "linear-gaussian", "version": "1.0.0",
                             "parameters": {"n": rng.choice([10, 30, 100, 1000]), "p": 10, "noiseVariance": 1.0}},
                    "prior": {"kind": "prior", "name": prior, "version": "1.0.0",
                              "parameters": {"location": [0.0], "scale": [scale]}},
                    "likelihood": {"kind": "likelihood", "name": "gaussian", "version": "1.0.0",
                                   "parameters": {"variance": 1.0}},
                    "optimizer": {"kind": "optimizer", "name": "coordinate-descent", "version": "1.0.0",
                                  "parameters": {"tolerance": 1e-10, "maxIterations": 100000}}},
                "descriptor": "experiments/%s.json" % experiment,
                "overrides": [] if i % 7 else ["prior.with.scale=%s" % scale],
                "startedAt": "2026-01-%02dT%02d:%02d:%02dZ" % (1 + i // 86400 % 28, i // 3600 % 24, i // 60 % 60, i % 60),
                "durationMs": rng.randrange(100, 60000)}}
        with open(os.path.join(folder, "result.json"), "w") as f:
            json.dump(doc, f)

if __name__ == "__main__":
    main()

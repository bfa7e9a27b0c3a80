"""Test accuracy of a workbench weights.npz computed with numpy alone (no workbench code).

usage: accuracy.py WEIGHTS.npz RESULT.json
Reads the network and the data set's test limit from result.json's effective descriptor, the
Fashion-MNIST test images from their IDX files, and prints the accuracy of the saved weights.
"""
import gzip
import json
import os
import sys

import numpy as np


def idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def main(weights, result):
    doc = json.load(open(result))
    effective = doc["provenance"]["effectiveDescriptor"]["components"]
    data = effective["data"].get("with", {})
    folder = data.get("path", "/usr/share/datasets/fashion-mnist")
    limit = data.get("testLimit", 10000)
    x = idx(os.path.join(folder, "t10k-images-idx3-ubyte.gz"))[:limit].reshape(-1, 784).astype(np.float32) / np.float32(255)
    y = idx(os.path.join(folder, "t10k-labels-idx1-ubyte.gz"))[:limit]
    saved = np.load(weights)
    for i, layer in enumerate(effective["network"]):
        kind = layer["use"]
        if kind == "dense":
            x = x @ saved["network.%d.W" % i].T + saved["network.%d.b" % i]
        elif kind == "relu":
            x = np.maximum(x, 0)
        elif kind == "sigmoid":
            x = 1 / (1 + np.exp(-x))
        elif kind != "softmax":
            raise SystemExit("unknown layer " + kind)
    print(float(np.mean(np.argmax(x, axis=1) == y)))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

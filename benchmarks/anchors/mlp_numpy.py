#!/usr/bin/env python3
"""The reference for problem 4: the same MLP as experiments/p4-fashion-mnist-mlp.json, in numpy.

  python3 benchmarks/anchors/mlp_numpy.py [--epochs 10] [--seed 181] [--data /usr/share/datasets/fashion-mnist]

784-256-10, ReLU, softmax cross-entropy (through log-sum-exp), plain SGD with learning rate 0.1,
batches of 256 reshuffled every epoch, weights N(0, 0.01^2) and biases 0, float32 throughout,
backpropagation written by hand. Pixels are scaled to [0, 1]. Prints JSON lines: the machine, one
line per epoch (train_s = seconds of training in that epoch, eval_s = seconds of the accuracy
passes, the mean training loss, train and test accuracy), and a summary (load_s for reading the
IDX files, total_s from the first line of the script to the end, peak_rss_mib, final_test_acc).
Random numbers are numpy's own, so the weights differ from the workbench's: compare times and the
accuracy range (0.83-0.85 after 10 epochs), not digits.
"""
import time

START = time.perf_counter()

import argparse  # noqa: E402
import gzip  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import numpy as np  # noqa: E402

from machine import blas, cpu, emit, peak_rss_mib  # noqa: E402


def idx(path):
    with gzip.open(path, "rb") as f:
        raw = f.read()
    dims = raw[3]
    shape = [int.from_bytes(raw[4 + 4 * i: 8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def load(folder):
    def images(name):
        x = idx(os.path.join(folder, name))
        return (x.reshape(x.shape[0], -1).astype(np.float32) / np.float32(255.0))
    return (images("train-images-idx3-ubyte.gz"), idx(os.path.join(folder, "train-labels-idx1-ubyte.gz")),
            images("t10k-images-idx3-ubyte.gz"), idx(os.path.join(folder, "t10k-labels-idx1-ubyte.gz")))


class Dense:
    def __init__(self, rng, n_in, n_out, stddev):
        self.w = (rng.standard_normal((n_in, n_out)) * stddev).astype(np.float32)
        self.b = np.zeros(n_out, dtype=np.float32)

    def forward(self, x):
        self.x = x
        return x @ self.w + self.b

    def backward(self, grad_out, lr):
        grad_in = grad_out @ self.w.T
        self.w -= lr * (self.x.T @ grad_out)
        self.b -= lr * grad_out.sum(axis=0)
        return grad_in


def softmax_cross_entropy(logits, labels):
    """Mean loss over the batch and its gradient with respect to the logits."""
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_z = np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    log_p = shifted - log_z
    rows = np.arange(len(labels))
    loss = -log_p[rows, labels].mean()
    grad = np.exp(log_p)
    grad[rows, labels] -= 1.0
    return float(loss), grad / np.float32(len(labels))


def predict(layers, x):
    h = np.maximum(x @ layers[0].w + layers[0].b, 0.0)
    return (h @ layers[1].w + layers[1].b).argmax(axis=1)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--seed", type=int, default=181)
    parser.add_argument("--batch", type=int, default=256)
    parser.add_argument("--lr", type=float, default=0.1)
    parser.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
    args = parser.parse_args()
    emit(kind="machine", **cpu(), **blas())
    t = time.perf_counter()
    x_train, y_train, x_test, y_test = load(args.data)
    load_s = time.perf_counter() - t
    rng = np.random.default_rng(args.seed)
    layers = [Dense(rng, 784, 256, 0.01), Dense(rng, 256, 10, 0.01)]
    lr = np.float32(args.lr)
    for epoch in range(1, args.epochs + 1):
        t = time.perf_counter()
        order = rng.permutation(len(y_train))
        losses = []
        for start in range(0, len(order), args.batch):
            rows = order[start:start + args.batch]
            z1 = layers[0].forward(x_train[rows])
            h = np.maximum(z1, 0.0)
            loss, grad = softmax_cross_entropy(layers[1].forward(h), y_train[rows])
            losses.append(loss)
            grad_h = layers[1].backward(grad, lr)
            layers[0].backward(grad_h * (z1 > 0), lr)
        train_s = time.perf_counter() - t
        t = time.perf_counter()
        train_acc = float((predict(layers, x_train) == y_train).mean())
        test_acc = float((predict(layers, x_test) == y_test).mean())
        emit(kind="epoch", epoch=epoch, train_s=round(train_s, 4), eval_s=round(time.perf_counter() - t, 4),
             train_loss=round(float(np.mean(losses)), 6), train_acc=round(train_acc, 4), test_acc=round(test_acc, 4))
    emit(kind="summary", epochs=args.epochs, load_s=round(load_s, 4), final_test_acc=round(test_acc, 4),
         total_s=round(time.perf_counter() - START, 3), peak_rss_mib=round(peak_rss_mib(), 1))


if __name__ == "__main__":
    main()

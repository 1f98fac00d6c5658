// FIND's MLP approximation of a numeric function, trained in C++.
//
// FIND (Schwettmann et al., NeurIPS 2023) replaces 150 of its numeric
// functions by a one-hidden-layer ReLU network fitted to them:
//
//   y = W2 · relu(W1 · x + b1) + b2     (PyTorch: Linear(1, H), ReLU, Linear(H, 1))
//
// with H = 64 hidden units. Its weights are not published, so this file
// reproduces the training recipe instead:
//   - inputs: numpy-style linspace(lo, hi, 10000) cast to float32, not
//     normalised; targets: the function at those points, cast to float32;
//   - PyTorch's default Linear initialisation, weight and bias both
//     U(-1/sqrt(fan_in), 1/sqrt(fan_in)): U(-1, 1) for layer 1 and
//     U(-1/sqrt(H), 1/sqrt(H)) for layer 2; drawn from Philox keyed by
//     `seed` (PyTorch's own generator is not reproduced);
//   - full-batch mean-squared-error loss, Adam (lr 0.01, betas 0.9/0.999,
//     eps 1e-8, PyTorch's update with bias correction), 10,000 epochs;
//   - float32 arithmetic for the network, its gradients and the Adam state,
//     as PyTorch on float tensors (Adam's scalar bias corrections are double,
//     as in PyTorch). Summation orders are fixed, though not PyTorch's, so
//     the weights are a pure function of (target, domain, options): the same
//     bits on every run and on any x86-64 CPU, whatever its vector width.
// The reported error is the MSE of the trained network on the training grid.
// Weights match a PyTorch run only statistically (same recipe, other random
// draws and rounding), not bit for bit.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

namespace findc::suite {

// Hidden unit j computes relu(w1[j] * x + b1[j]) and contributes w2[j] times
// that to the output; hidden = w1.size() = b1.size() = w2.size().
struct MlpWeights {
  std::vector<float> w1, b1, w2;
  float b2 = 0;
};

struct MlpOptions {
  unsigned hidden = 64, points = 10000, epochs = 10000;
  float learningRate = 0.01f;
  uint64_t seed = 0; // initialisation is a pure function of the seed
};

// An empty fit (no weights, mse NaN) means there was nothing to train on.
struct MlpFit {
  MlpWeights weights;
  double mse = 0;
};

// Fills y[i] = f(x[i]) for the n grid points; the batch form lets a
// JIT-compiled function be passed directly.
using MlpTarget = std::function<void(const double* x, double* y, size_t n)>;

// Trains the network on `options.points` grid points spanning [lo, hi]
// (both included; the target sees the double grid, training its float32
// cast). Points whose target is not finite as a float32 (NaN, infinity,
// beyond float range) are dropped from the training set and from the MSE.
// Returns an empty fit if no point remains or lo/hi are not finite. With
// epochs = 0 it returns the initial weights and their MSE.
MlpFit trainMlp(const MlpTarget& target, double lo, double hi, const MlpOptions& options);

// The network's value at x in float32, as FIND's loader computes it (the
// caller casts its input to float first). Summation is over hidden units in
// index order, then b2 is added: the order training uses, so evaluating the
// grid reproduces the training loss bit for bit.
float evaluateMlp(const MlpWeights& weights, float x);

} // namespace findc::suite

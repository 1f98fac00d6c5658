// Training of FIND's MLP approximation; see Mlp.h for the recipe.
//
// The cost is the full-batch gradient, points x hidden units, 10,000 times.
// The training set is stored structure-of-arrays in blocks of kBlock points.
// Each pass runs unit by unit over the blocks where the unit is active, and
// every inner loop runs over the kBlock points of a block: a constant trip
// count, no branches, restrict-qualified arrays, which GCC vectorizes at -O2
// under its "very cheap" cost model. Sums over points are kept per lane
// (point index mod kBlock) and folded across lanes, in order, once per
// epoch, so vectorizing changes no rounding.
#include "compiler/suite/Mlp.h"

#include "runtime/Philox.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace findc::suite {
namespace {

constexpr size_t kBlock = 16;

// PyTorch's Adam defaults, as FIND uses them.
constexpr double kBeta1 = 0.9, kBeta2 = 0.999;
constexpr float kEps = 1e-8f;

// max(z, 0) in arithmetic, exact for |z| <= FLT_MAX / 2 (z + |z| is 2z or
// +0). GCC at -O2 if-converts neither a `z > 0 ? z : 0` whose uses it has
// threaded into branches nor a select around a float multiply (it will not
// speculate one under -ftrapping-math); without a branch the loops vectorize.
inline float relu(float z) { return 0.5f * (z + std::fabs(z)); }

// The kept grid points, padded with zero-weight points to whole blocks.
struct TrainingSet {
  std::vector<float> x, target, live; // live: 1 for a real point, 0 for padding
  size_t count = 0;                   // real points
  size_t blocks() const { return x.size() / kBlock; }
};

// Samples the target on numpy's linspace(lo, hi, points) and keeps the
// points whose float32 x and target are finite. x stays sorted (ascending,
// or descending if lo > hi), which activeBlocks relies on.
TrainingSet sampleTarget(const MlpTarget& target, double lo, double hi, unsigned points) {
  std::vector<double> grid(points), values(points, std::numeric_limits<double>::quiet_NaN());
  // numpy: arange(n) * step + lo, with the last point set to hi exactly.
  double step = points > 1 ? (hi - lo) / static_cast<double>(points - 1) : 0.0;
  for (size_t i = 0; i < points; ++i)
    grid[i] = static_cast<double>(i) * step + lo;
  if (points > 1)
    grid.back() = hi;
  if (points > 0)
    target(grid.data(), values.data(), points);

  TrainingSet set;
  for (size_t i = 0; i < points; ++i) {
    auto x = static_cast<float>(grid[i]), value = static_cast<float>(values[i]);
    if (!std::isfinite(x) || !std::isfinite(value))
      continue;
    set.x.push_back(x);
    set.target.push_back(value);
    set.live.push_back(1.0f);
  }
  set.count = set.x.size();
  size_t padded = (set.count + kBlock - 1) / kBlock * kBlock;
  set.x.resize(padded, set.count ? set.x.back() : 0.0f);
  set.target.resize(padded, 0.0f);
  set.live.resize(padded, 0.0f);
  return set;
}

// PyTorch's Linear init: weight and bias ~ U(-1/sqrt(fan_in), 1/sqrt(fan_in)).
// Element k of tensor `tensor` uses Philox counter (k, tensor), so each value
// depends on the seed and its position only.
float initialValue(uint64_t seed, uint32_t tensor, uint32_t element, unsigned fanIn) {
  double bound = fanIn > 0 ? 1.0 / std::sqrt(static_cast<double>(fanIn)) : 0.0;
  rt::PhiloxKey key = {static_cast<uint32_t>(seed), static_cast<uint32_t>(seed >> 32)};
  double u = rt::uniformPair({element, tensor, 0, 0}, key).first;
  return static_cast<float>(bound * (2.0 * u - 1.0));
}

// The blocks [first, last) holding every point where a unit is active.
struct BlockRange {
  size_t first = 0, last = 0;
  size_t size() const { return last - first; }
};

// Buffers of one epoch, allocated once per fit.
struct EpochScratch {
  // Gradient sums per lane (lane l: points with index = l mod kBlock), laid
  // out [unit][lane] so a block adds to one contiguous run.
  std::vector<float> w1, b1, w2, b2;
  std::vector<float> sum, grad; // per point: sum_j w2[j] relu(...), and dL/dy
  std::vector<BlockRange> ranges; // per unit
  EpochScratch(size_t hidden, size_t points)
      : w1(hidden * kBlock), b1(hidden * kBlock), w2(hidden * kBlock), b2(kBlock), sum(points), grad(points),
        ranges(hidden) {}
};

// z = fl(fl(w x) + b) is monotone in x and the grid is sorted, so the points
// with z > 0 form a run touching one end of it. A point outside the run adds
// an exact zero to every float sum (for finite weights and gradients), which
// changes no bit: the sums start at +0 and cannot reach -0. So training
// skips the blocks outside the run, about half the work, with results
// identical to the dense loop over all points.
BlockRange activeBlocks(const std::vector<float>& x, float w, float b) {
  if (x.empty())
    return {};
  auto active = [w, b](float xi) { return w * xi + b > 0.0f; };
  const size_t blocks = x.size() / kBlock;
  bool head = active(x.front()), tail = active(x.back());
  if (head == tail)
    return head ? BlockRange{0, blocks} : BlockRange{};
  if (head) { // active, then inactive
    auto end = static_cast<size_t>(std::partition_point(x.begin(), x.end(), active) - x.begin());
    return {0, (end + kBlock - 1) / kBlock};
  }
  auto begin = static_cast<size_t>(
      std::partition_point(x.begin(), x.end(), [&](float xi) { return !active(xi); }) - x.begin());
  return {begin / kBlock, blocks};
}

// The two kernels below take nearly all the time. They are also compiled
// for AVX-512 and AVX2 and picked at load time: with AVX-512, 3.5x faster
// than the SSE2 baseline on a Zen 5. The results are bit-identical, since
// each lane does the same float32 operations in the same order at any
// vector width (no FMA under -ffp-contract=off, no reassociation).
#if defined(__x86_64__) && defined(__GNUC__)
#define FINDC_MLP_KERNEL [[gnu::target_clones("avx512f", "avx2", "default")]]
#else
#define FINDC_MLP_KERNEL
#endif

// Forward pass of one unit over `blocks` blocks: sum += v * relu(w x + b).
// Units are added in index order, so each point's sum is formed as in
// evaluateMlp.
FINDC_MLP_KERNEL void forwardUnit(size_t blocks, float w, float b, float v, const float* __restrict x,
                                  float* __restrict sum) {
  for (size_t block = 0; block < blocks; ++block, x += kBlock, sum += kBlock)
    for (size_t i = 0; i < kBlock; ++i)
      sum[i] += v * relu(w * x[i] + b);
}

// Backward pass of one unit over `blocks` blocks given dL/dy = g, adding to
// the unit's lanes. The activation is recomputed, cheaper than storing
// points x units. Through ReLU the gradient flows where its output is
// positive, as in PyTorch's threshold_backward; the mask is a 0/1 factor.
FINDC_MLP_KERNEL void backwardUnit(size_t blocks, float w, float b, float v, const float* __restrict x,
                                   const float* __restrict g, float* __restrict gw1, float* __restrict gb1,
                                   float* __restrict gw2) {
  for (size_t block = 0; block < blocks; ++block, x += kBlock, g += kBlock)
    for (size_t i = 0; i < kBlock; ++i) {
      float r = relu(w * x[i] + b);
      gw2[i] += g[i] * r;
      float active = r > 0.0f ? 1.0f : 0.0f;
      float gz = g[i] * v * active;
      gb1[i] += gz;
      gw1[i] += gz * x[i];
    }
}

// One full-batch forward and backward pass of the MSE loss, leaving the
// per-lane gradient sums in `scratch`. y = sum_j w2[j] relu(w1[j] x + b1[j])
// + b2 and dL/dy = (y - t) * 2/N.
void accumulateGradient(const TrainingSet& set, size_t hidden, const float* w1, const float* b1,
                        const float* w2, float b2, EpochScratch& scratch) {
  for (auto* v : {&scratch.w1, &scratch.b1, &scratch.w2, &scratch.b2, &scratch.sum})
    std::fill(v->begin(), v->end(), 0.0f);
  const float* x = set.x.data();
  float* sum = scratch.sum.data();
  float* grad = scratch.grad.data();
  std::vector<BlockRange>& ranges = scratch.ranges;

  for (size_t j = 0; j < hidden; ++j) {
    ranges[j] = activeBlocks(set.x, w1[j], b1[j]);
    size_t offset = ranges[j].first * kBlock;
    forwardUnit(ranges[j].size(), w1[j], b1[j], w2[j], x + offset, sum + offset);
  }

  // 2/N as PyTorch's mse_loss backward computes it (double, then float).
  const auto norm = static_cast<float>(2.0 / static_cast<double>(set.count));
  for (size_t offset = 0; offset < set.x.size(); offset += kBlock)
    for (size_t i = 0; i < kBlock; ++i) {
      size_t k = offset + i;
      grad[k] = ((sum[k] + b2) - set.target[k]) * norm * set.live[k]; // padding points: gradient 0
      scratch.b2[i] += grad[k];
    }

  for (size_t j = 0; j < hidden; ++j) {
    size_t offset = ranges[j].first * kBlock;
    backwardUnit(ranges[j].size(), w1[j], b1[j], w2[j], x + offset, grad + offset, scratch.w1.data() + j * kBlock,
                 scratch.b1.data() + j * kBlock, scratch.w2.data() + j * kBlock);
  }
}

// Folds the kBlock lanes of each unit, in lane order.
void foldLanes(const std::vector<float>& lanes, float* out) {
  for (size_t unit = 0; unit < lanes.size() / kBlock; ++unit) {
    float total = 0.0f;
    for (size_t lane = 0; lane < kBlock; ++lane)
      total += lanes[unit * kBlock + lane];
    out[unit] = total;
  }
}

// Adam over the flat parameter vector, PyTorch's single-tensor update:
//   m = lerp(m, g, 1 - beta1); v = v * beta2 + (1 - beta2) * g * g;
//   p += -(lr / bc1) * m / (sqrt(v) / sqrt(bc2) + eps), bc = 1 - beta^step.
// Bias corrections are computed in double, as PyTorch does in Python. The
// powers are running products rather than std::pow, whose last bit may
// depend on the libm code path the CPU selects.
class Adam {
public:
  Adam(size_t size, double learningRate) : m_(size), v_(size), learningRate_(learningRate) {}

  void step(std::vector<float>& params, const std::vector<float>& grad) {
    beta1Power_ *= kBeta1;
    beta2Power_ *= kBeta2;
    double correction1 = 1.0 - beta1Power_, correction2 = 1.0 - beta2Power_;
    const auto negStep = static_cast<float>(-(learningRate_ / correction1));
    const auto correction2Sqrt = static_cast<float>(std::sqrt(correction2));
    constexpr auto oneMinusBeta1 = static_cast<float>(1.0 - kBeta1);
    constexpr auto beta2 = static_cast<float>(kBeta2), oneMinusBeta2 = static_cast<float>(1.0 - kBeta2);
    float* __restrict p = params.data();
    const float* __restrict g = grad.data();
    float* __restrict m = m_.data();
    float* __restrict v = v_.data();
    for (size_t k = 0; k < params.size(); ++k) {
      m[k] = m[k] + oneMinusBeta1 * (g[k] - m[k]);
      v[k] = v[k] * beta2 + oneMinusBeta2 * g[k] * g[k];
      float denom = std::sqrt(v[k]) / correction2Sqrt + kEps;
      p[k] = p[k] + negStep * m[k] / denom;
    }
  }

private:
  std::vector<float> m_, v_;
  double learningRate_;
  double beta1Power_ = 1.0, beta2Power_ = 1.0;
};

} // namespace

float evaluateMlp(const MlpWeights& weights, float x) {
  float sum = 0.0f;
  for (size_t j = 0; j < weights.w1.size(); ++j)
    sum += weights.w2[j] * relu(weights.w1[j] * x + weights.b1[j]);
  return sum + weights.b2;
}

MlpFit trainMlp(const MlpTarget& target, double lo, double hi, const MlpOptions& options) {
  MlpFit fit;
  fit.mse = std::numeric_limits<double>::quiet_NaN();
  if (!std::isfinite(lo) || !std::isfinite(hi))
    return fit;
  TrainingSet set = sampleTarget(target, lo, hi, options.points);
  if (set.count == 0)
    return fit;

  // One flat vector [w1 | b1 | w2 | b2] so Adam is a single loop.
  const size_t hidden = options.hidden;
  std::vector<float> params(3 * hidden + 1);
  for (uint32_t j = 0; j < hidden; ++j) {
    params[j] = initialValue(options.seed, 0, j, 1);
    params[hidden + j] = initialValue(options.seed, 1, j, 1);
    params[2 * hidden + j] = initialValue(options.seed, 2, j, options.hidden);
  }
  params[3 * hidden] = initialValue(options.seed, 3, 0, options.hidden);

  std::vector<float> grad(params.size());
  EpochScratch scratch(hidden, set.x.size());
  Adam adam(params.size(), options.learningRate);
  for (unsigned epoch = 0; epoch < options.epochs; ++epoch) {
    accumulateGradient(set, hidden, params.data(), params.data() + hidden, params.data() + 2 * hidden,
                       params[3 * hidden], scratch);
    foldLanes(scratch.w1, grad.data());
    foldLanes(scratch.b1, grad.data() + hidden);
    foldLanes(scratch.w2, grad.data() + 2 * hidden);
    foldLanes(scratch.b2, grad.data() + 3 * hidden);
    adam.step(params, grad);
  }

  MlpWeights& w = fit.weights;
  w.w1.assign(params.begin(), params.begin() + hidden);
  w.b1.assign(params.begin() + hidden, params.begin() + 2 * hidden);
  w.w2.assign(params.begin() + 2 * hidden, params.begin() + 3 * hidden);
  w.b2 = params[3 * hidden];

  // Residuals in float32 as PyTorch forms them; squares summed in double so
  // the report is not limited by float accumulation over 10,000 points.
  double total = 0.0;
  for (size_t i = 0; i < set.count; ++i) {
    double residual = evaluateMlp(w, set.x[i]) - set.target[i];
    total += residual * residual;
  }
  fit.mse = total / static_cast<double>(set.count);
  return fit;
}

} // namespace findc::suite

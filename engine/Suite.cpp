#include "engine/Suite.h"

#include "engine/BigStack.h"
#include "engine/Chunks.h"
#include "findc/Errors.hpp"

#include <algorithm>

namespace findc::engine {
namespace {

// The standard library's modules, tried in this order for an unqualified name.
constexpr std::string_view kLibraries[] = {"strings.", "numeric."};

// Levenshtein distance, for "did you mean".
size_t editDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j)
    row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t substitution = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
      diagonal = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, substitution});
    }
  }
  return row[b.size()];
}

} // namespace

Suite::Suite(std::shared_ptr<const SourceFile> file, ir::Module module, const BackendFactory& makeBackend,
             LoadOptions options, bool stdlib)
    : file_(std::move(file)), module_(std::move(module)), options_(options), stdlib_(stdlib),
      benches_(module_.functions.size(), nullptr) {
  for (const ir::Bench& bench : module_.benches)
    benches_[bench.function] = &bench;
  for (uint32_t f = 0; f < module_.functions.size(); ++f) {
    const std::string& name = module_.functions[f].name;
    byName_.emplace(name, f);
    bool dotted = name.find('.') != std::string::npos;
    if (dotted == stdlib_)
      visible_.push_back(f);
  }
  backend_ = makeBackend(module_);
}

void Suite::runCompiling(const std::function<void()>& work) const {
  if (backend_->compiles())
    runWithStack(compileStackNeed(file_->text().size()), work);
  else
    work();
}

std::optional<uint32_t> Suite::find(std::string_view name) const {
  if (stdlib_ && name.find('.') == std::string_view::npos)
    for (std::string_view library : kLibraries)
      if (auto it = byName_.find(std::string(library) + std::string(name)); it != byName_.end())
        return it->second;
  if (auto it = byName_.find(std::string(name)); it != byName_.end())
    return it->second;
  return std::nullopt;
}

uint32_t Suite::resolve(std::string_view name) const {
  if (auto fn = find(name))
    return *fn;
  // The closest names, within a third of the name's length.
  size_t best = std::max<size_t>(2, name.size() / 3) + 1;
  std::vector<std::string_view> closest;
  for (uint32_t f : visible_) {
    std::string_view candidate = module_.functions[f].name;
    if (stdlib_ && name.find('.') == std::string_view::npos)
      candidate = candidate.substr(candidate.find('.') + 1);
    size_t distance = editDistance(name, candidate);
    if (distance < best) {
      best = distance;
      closest.clear();
    }
    if (distance == best && closest.size() < 3)
      closest.push_back(candidate);
  }
  std::string message = std::string(stdlib_ ? "no standard library function named '" : "no function named '") +
                        std::string(name) + "'";
  for (size_t i = 0; i < closest.size(); ++i)
    message += (i == 0 ? "; did you mean '" : i + 1 == closest.size() ? "' or '" : "', '") + std::string(closest[i]);
  throw InputError(message + (closest.empty() ? "" : "'?"));
}

void Suite::prepare(std::span<const uint32_t> unary, std::span<const uint32_t> boxed,
                    std::span<const uint32_t> checked) const {
  std::vector<uint32_t> wantUnary, wantBoxed, wantChecked;
  auto missing = [&] {
    wantUnary.clear();
    wantBoxed.clear();
    wantChecked.clear();
    for (uint32_t f : unary)
      if (!backend_->hasBatch(f))
        wantUnary.push_back(f);
    for (uint32_t f : boxed)
      if (!backend_->hasBoxed(f))
        wantBoxed.push_back(f);
    if (backend_->compilesCheckedBatches())
      for (uint32_t f : checked)
        if (!backend_->hasCheckedBatch(f))
          wantChecked.push_back(f);
    return !wantUnary.empty() || !wantBoxed.empty() || !wantChecked.empty();
  };
  if (!missing()) // ready: no lock, no thread
    return;
  std::lock_guard lock(compiling_);
  if (missing()) // again: another thread may have compiled them meanwhile
    runCompiling([&] { backend_->prepare(wantUnary, wantBoxed, wantChecked); });
}

bool Suite::runsCheckedBatch(uint32_t fn) const {
  return backend_->compilesCheckedBatches() && function(fn).hasCheckedBatchEntry();
}

bool Suite::hasCheckedBatch(uint32_t fn) const { return backend_->hasCheckedBatch(fn); }

bool Suite::runsQuickCode(uint32_t fn) const { return backend_->runsQuickCode(fn); }

void Suite::count(uint32_t fn, size_t n) const {
  if (!backend_->countPoints(fn, n)) // once per function at most
    return;
  std::lock_guard lock(compiling_);
  runCompiling([&] { backend_->optimize(fn); });
}

unsigned Suite::threadsFor(size_t n) const {
  if (n <= kPointsPerBlock) // one block: one thread
    return 1;
  unsigned threads = threads_.load(std::memory_order_relaxed);
  if (threads == 0) {
    threads = threadCount(options_.threads);
    threads_.store(threads, std::memory_order_relaxed);
  }
  return threads;
}

void Suite::runBatch(uint32_t fn, const double* x, double* y, size_t n) const {
  if (!backend_->hasBatch(fn)) {
    uint32_t one[] = {fn};
    prepare(one, {});
  }
  count(fn, n);
  forEachBlock(n, threadsFor(n),
               [&](size_t, size_t begin, size_t end) { backend_->runBatch(fn, x + begin, y + begin, end - begin); });
}

void Suite::runCheckedBatch(uint32_t fn, rt::Context& ctx, const double* x, double* y, uint8_t* errors,
                            size_t n) const {
  if (!backend_->hasCheckedBatch(fn)) {
    uint32_t one[] = {fn};
    prepare({}, {}, one);
  }
  count(fn, n);
  // Each thread on a context of its own: the caller's, and for each helper
  // a copy with an arena of its own (a point's values live in its context's
  // arena until its next point). None for a batch of one block.
  unsigned threads = threadsFor(n);
  std::vector<rt::Arena> arenas(threads - 1);
  std::vector<rt::Context> helpers(threads - 1, ctx);
  for (size_t t = 0; t < helpers.size(); ++t) {
    helpers[t].arena = &arenas[t];
    helpers[t].begin();
  }
  forEachBlock(n, threads, [&](size_t thread, size_t begin, size_t end) {
    uint8_t unkept[kPointsPerBlock]; // a block's errors, where the caller keeps none: in L1
    rt::Context& c = thread == 0 ? ctx : helpers[thread - 1];
    backend_->runCheckedBatch(fn, c, x + begin, y + begin, errors ? errors + begin : unkept, end - begin);
  });
}

Scalar Suite::runBoxed(uint32_t fn, rt::Context& ctx, std::span<const Scalar> args) const {
  if (!backend_->hasBoxed(fn)) {
    uint32_t one[] = {fn};
    prepare({}, one);
  }
  count(fn, 1);
  return backend_->runBoxed(fn, ctx, args);
}

} // namespace findc::engine

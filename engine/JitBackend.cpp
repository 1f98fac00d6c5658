#include "compiler/jit/JIT.h"
#include "engine/Backends.h"
#include "engine/CompiledBackend.h"

#include <atomic>
#include <memory>
#include <stdexcept>
#include <vector>

namespace findc::engine {
namespace {

// Two tiers in exact math (compiler/codegen/Codegen.h, Tier): a function's
// first code comes from a quick JIT (a short IR pipeline, LLVM's fast
// instruction selection: what a hypothesis scored on a few hundred points
// wants), and once it has run optimizeAfterPoints points its entries are
// recompiled by a second, optimizing JIT and swapped in. The bits are the
// same (no pass of either changes a floating-point result; only the speed
// differs), and the first JIT stays alive, so a thread still in the quick
// code finishes there.
class JitBackend final : public CompiledBackend {
public:
  JitBackend(const ir::Module& module, MathMode math, uint64_t optimizeAfterPoints)
      : CompiledBackend(module.functions.size()), module_(module), math_(math),
        tiered_(math == MathMode::Exact && optimizeAfterPoints > 0), optimizeAfterPoints_(optimizeAfterPoints),
        points_(module.functions.size()), optimized_(module.functions.size()),
        first_(orThrow(
            JIT::create({.math = math, .tier = tiered_ ? Tier::Quick : Tier::Optimized}), "JIT")) {}

  // The lookups compile (ORC materializes at lookup), so they happen here,
  // on the Suite's stack, not at the first evaluation. A function already
  // optimized gets its new entries optimized too.
  void prepare(std::span<const uint32_t> unary, std::span<const uint32_t> boxed,
               std::span<const uint32_t> checked) override {
    EntryPoints quick, fast;
    auto split = [&](std::span<const uint32_t> fns, std::vector<uint32_t> EntryPoints::*list) {
      for (uint32_t f : fns)
        ((optimized_[f].load(std::memory_order_acquire) ? fast : quick).*list).push_back(f);
    };
    split(unary, &EntryPoints::unary);
    split(boxed, &EntryPoints::boxed);
    split(checked, &EntryPoints::checked);
    install(*first_, quick);
    if (!fast.unary.empty() || !fast.boxed.empty() || !fast.checked.empty())
      install(optimizing(), fast);
  }

  bool countPoints(uint32_t fn, size_t n) const override {
    if (!tiered_ || optimized_[fn].load(std::memory_order_relaxed))
      return false;
    uint64_t before = points_[fn].fetch_add(n, std::memory_order_relaxed);
    return before < optimizeAfterPoints_ && before + n >= optimizeAfterPoints_;
  }

  void optimize(uint32_t fn) override {
    EntryPoints entries;
    if (hasBatch(fn))
      entries.unary.push_back(fn);
    if (hasBoxed(fn))
      entries.boxed.push_back(fn);
    if (hasCheckedBatch(fn))
      entries.checked.push_back(fn);
    install(optimizing(), entries);
    optimized_[fn].store(true, std::memory_order_release);
  }

  bool runsQuickCode(uint32_t fn) const override {
    return tiered_ && !optimized_[fn].load(std::memory_order_acquire);
  }

private:
  JIT& optimizing() {
    if (!second_)
      second_ = orThrow(JIT::create({.math = math_, .tier = Tier::Optimized}), "JIT");
    return *second_;
  }

  void install(JIT& jit, const EntryPoints& entries) {
    orThrow(jit.addEntries(module_, entries), "JIT");
    for (uint32_t f : entries.unary)
      setBatch(f, orThrow(jit.batchEntry(module_.functions[f].name), "JIT"));
    for (uint32_t f : entries.boxed)
      setBoxed(f, orThrow(jit.boxedEntry(module_.functions[f].name), "JIT"));
    for (uint32_t f : entries.checked)
      setCheckedBatch(f, orThrow(jit.checkedBatchEntry(module_.functions[f].name), "JIT"));
  }

  const ir::Module& module_;
  MathMode math_;
  bool tiered_;
  uint64_t optimizeAfterPoints_;
  mutable std::vector<std::atomic<uint64_t>> points_; // per function, until optimized
  std::vector<std::atomic<bool>> optimized_;
  std::unique_ptr<JIT> first_;
  std::unique_ptr<JIT> second_; // the optimizing JIT, made on first use
};

} // namespace

std::unique_ptr<Backend> makeJitBackend(const ir::Module& module, MathMode math, uint64_t optimizeAfterPoints) {
  return std::make_unique<JitBackend>(module, math, optimizeAfterPoints);
}

} // namespace findc::engine

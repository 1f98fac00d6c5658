#include "compiler/jit/JIT.h"
#include "engine/Backends.h"

#include <atomic>
#include <stdexcept>
#include <vector>

namespace findc::engine {
namespace {

class JitBackend final : public Backend {
public:
  JitBackend(const ir::Module& module, MathMode math)
      : module_(module), jit_(orThrow(JIT::create({.math = math}), "JIT")), batch_(module.functions.size()),
        boxed_(module.functions.size()), checked_(module.functions.size()) {}

  // The lookups compile (ORC materializes at lookup), so they happen here,
  // on the Suite's stack, not at the first evaluation.
  void prepare(std::span<const uint32_t> unary, std::span<const uint32_t> boxed,
               std::span<const uint32_t> checked) override {
    EntryPoints entries{{unary.begin(), unary.end()}, {boxed.begin(), boxed.end()}, {checked.begin(), checked.end()}};
    orThrow(jit_->addEntries(module_, entries), "JIT");
    for (uint32_t f : entries.unary)
      batch_[f].store(orThrow(jit_->batchEntry(module_.functions[f].name), "JIT"), std::memory_order_release);
    for (uint32_t f : entries.boxed)
      boxed_[f].store(orThrow(jit_->boxedEntry(module_.functions[f].name), "JIT"), std::memory_order_release);
    for (uint32_t f : entries.checked)
      checked_[f].store(orThrow(jit_->checkedBatchEntry(module_.functions[f].name), "JIT"),
                        std::memory_order_release);
  }
  bool hasBatch(uint32_t fn) const override { return batch_[fn].load(std::memory_order_acquire) != nullptr; }
  bool hasBoxed(uint32_t fn) const override { return boxed_[fn].load(std::memory_order_acquire) != nullptr; }
  bool hasCheckedBatch(uint32_t fn) const override {
    return checked_[fn].load(std::memory_order_acquire) != nullptr;
  }
  bool compilesCheckedBatches() const override { return true; }

  void runBatch(uint32_t fn, const double* x, double* y, size_t n) const override {
    batch_[fn].load(std::memory_order_acquire)(x, y, static_cast<int64_t>(n));
  }
  Scalar runBoxed(uint32_t fn, rt::Context& ctx, std::span<const Scalar> args) const override {
    Scalar result;
    boxed_[fn].load(std::memory_order_acquire)(&ctx, args.data(), &result);
    return result;
  }
  void runCheckedBatch(uint32_t fn, rt::Context& ctx, const double* x, double* y, uint8_t* errors,
                       size_t n) const override {
    checked_[fn].load(std::memory_order_acquire)(&ctx, x, y, errors, static_cast<int64_t>(n));
  }

private:
  const ir::Module& module_;
  std::unique_ptr<JIT> jit_;
  std::vector<std::atomic<BatchEntry>> batch_;
  std::vector<std::atomic<BoxedEntry>> boxed_;
  std::vector<std::atomic<CheckedBatchEntry>> checked_;
};

} // namespace

std::unique_ptr<Backend> makeJitBackend(const ir::Module& module, MathMode math) {
  return std::make_unique<JitBackend>(module, math);
}

} // namespace findc::engine

#include "compiler/jit/JIT.h"
#include "engine/Backends.h"

#include <atomic>
#include <stdexcept>
#include <vector>

namespace findc::engine {
namespace {

template <typename T> T orThrow(llvm::Expected<T> value) {
  if (!value)
    throw std::runtime_error("JIT: " + llvm::toString(value.takeError()));
  return std::move(*value);
}

void orThrow(llvm::Error error) {
  if (error)
    throw std::runtime_error("JIT: " + llvm::toString(std::move(error)));
}

class JitBackend final : public Backend {
public:
  JitBackend(const ir::Module& module, MathMode math)
      : module_(module), jit_(orThrow(JIT::create({.math = math}))), batch_(module.functions.size()),
        boxed_(module.functions.size()) {}

  // Serialized by the Suite; runs on its large stack, as ORC compiles at
  // lookup.
  void prepare(std::span<const uint32_t> unary, std::span<const uint32_t> boxed) override {
    EntryPoints entries;
    for (uint32_t f : unary)
      if (!hasBatch(f))
        entries.unary.push_back(f);
    for (uint32_t f : boxed)
      if (!hasBoxed(f))
        entries.boxed.push_back(f);
    if (entries.unary.empty() && entries.boxed.empty())
      return;
    orThrow(jit_->addEntries(module_, entries));
    for (uint32_t f : entries.unary)
      batch_[f].store(orThrow(jit_->batchEntry(module_.functions[f].name)), std::memory_order_release);
    for (uint32_t f : entries.boxed)
      boxed_[f].store(orThrow(jit_->boxedEntry(module_.functions[f].name)), std::memory_order_release);
  }
  bool hasBatch(uint32_t fn) const override { return batch_[fn].load(std::memory_order_acquire) != nullptr; }
  bool hasBoxed(uint32_t fn) const override { return boxed_[fn].load(std::memory_order_acquire) != nullptr; }

  void runBatch(uint32_t fn, const double* x, double* y, size_t n) const override {
    batch_[fn].load(std::memory_order_acquire)(x, y, static_cast<int64_t>(n));
  }
  Scalar runBoxed(uint32_t fn, rt::Context& ctx, std::span<const Scalar> args) const override {
    Scalar result;
    boxed_[fn].load(std::memory_order_acquire)(&ctx, args.data(), &result);
    return result;
  }

private:
  const ir::Module& module_;
  std::unique_ptr<JIT> jit_;
  std::vector<std::atomic<BatchEntry>> batch_;
  std::vector<std::atomic<BoxedEntry>> boxed_;
};

} // namespace

std::unique_ptr<Backend> makeJitBackend(const ir::Module& module, MathMode math) {
  return std::make_unique<JitBackend>(module, math);
}

} // namespace findc::engine

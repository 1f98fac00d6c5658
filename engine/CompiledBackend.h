// What the backends on native code share (the JIT's, engine/JitBackend.cpp,
// and a compiled artifact's, engine/Artifact.cpp): a table of entry points
// per function, filled by prepare() under the Suite's lock and read
// lock-free, and the calls through it.
#pragma once

#include "compiler/codegen/EntryPoints.h"
#include "engine/Backend.h"

#include <atomic>
#include <vector>

namespace findc::engine {

class CompiledBackend : public Backend {
public:
  explicit CompiledBackend(size_t functions) : batch_(functions), boxed_(functions), checked_(functions) {}

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

protected:
  void setBatch(uint32_t fn, BatchEntry entry) { batch_[fn].store(entry, std::memory_order_release); }
  void setBoxed(uint32_t fn, BoxedEntry entry) { boxed_[fn].store(entry, std::memory_order_release); }
  void setCheckedBatch(uint32_t fn, CheckedBatchEntry entry) { checked_[fn].store(entry, std::memory_order_release); }

private:
  std::vector<std::atomic<BatchEntry>> batch_;
  std::vector<std::atomic<BoxedEntry>> boxed_;
  std::vector<std::atomic<CheckedBatchEntry>> checked_;
};

} // namespace findc::engine

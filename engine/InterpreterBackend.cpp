#include "compiler/interp/Interpreter.h"
#include "engine/Backends.h"

#include <atomic>
#include <stdexcept>
#include <vector>

namespace findc::engine {
namespace {

class InterpreterBackend final : public Backend {
public:
  explicit InterpreterBackend(const ir::Module& module)
      : interpreter_(module, Interpreter::Entries::OnDemand), unaryReady_(module.functions.size()) {}

  void prepare(std::span<const uint32_t> unary, std::span<const uint32_t>, std::span<const uint32_t>) override {
    for (uint32_t f : unary) {
      interpreter_.prepareEntry(f);
      unaryReady_[f].store(true, std::memory_order_release);
    }
  }
  bool hasBatch(uint32_t fn) const override { return unaryReady_[fn].load(std::memory_order_acquire); }
  bool hasBoxed(uint32_t) const override { return true; }
  // Its own path: one boxed call per point (engine/Evaluate.cpp).
  bool hasCheckedBatch(uint32_t) const override { return false; }
  bool compilesCheckedBatches() const override { return false; }

  void runBatch(uint32_t fn, const double* x, double* y, size_t n) const override {
    interpreter_.callBatch(fn, x, y, n);
  }
  Scalar runBoxed(uint32_t fn, rt::Context& ctx, std::span<const Scalar> args) const override {
    return interpreter_.call(fn, args, ctx);
  }
  void runCheckedBatch(uint32_t, rt::Context&, const double*, double*, uint8_t*, size_t) const override {
    throw std::logic_error("the interpreter has no checked batch entries");
  }

private:
  Interpreter interpreter_;
  std::vector<std::atomic<bool>> unaryReady_;
};

} // namespace

std::unique_ptr<Backend> makeInterpreterBackend(const ir::Module& module) {
  return std::make_unique<InterpreterBackend>(module);
}

} // namespace findc::engine

#include "compiler/jit/JIT.h"
#include "engine/Backends.h"
#include "engine/CompiledBackend.h"

#include <stdexcept>
#include <vector>

namespace findc::engine {
namespace {

class JitBackend final : public CompiledBackend {
public:
  JitBackend(const ir::Module& module, MathMode math)
      : CompiledBackend(module.functions.size()), module_(module), jit_(orThrow(JIT::create({.math = math}), "JIT")) {}

  // The lookups compile (ORC materializes at lookup), so they happen here,
  // on the Suite's stack, not at the first evaluation.
  void prepare(std::span<const uint32_t> unary, std::span<const uint32_t> boxed,
               std::span<const uint32_t> checked) override {
    EntryPoints entries{{unary.begin(), unary.end()}, {boxed.begin(), boxed.end()}, {checked.begin(), checked.end()}};
    orThrow(jit_->addEntries(module_, entries), "JIT");
    for (uint32_t f : entries.unary)
      setBatch(f, orThrow(jit_->batchEntry(module_.functions[f].name), "JIT"));
    for (uint32_t f : entries.boxed)
      setBoxed(f, orThrow(jit_->boxedEntry(module_.functions[f].name), "JIT"));
    for (uint32_t f : entries.checked)
      setCheckedBatch(f, orThrow(jit_->checkedBatchEntry(module_.functions[f].name), "JIT"));
  }

private:
  const ir::Module& module_;
  std::unique_ptr<JIT> jit_;
};

} // namespace

std::unique_ptr<Backend> makeJitBackend(const ir::Module& module, MathMode math) {
  return std::make_unique<JitBackend>(module, math);
}

} // namespace findc::engine

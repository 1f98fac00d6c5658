// How a compiled suite runs: native code from the JIT, or the reference
// interpreter on the same IR. The interface is free of LLVM, so everything
// that evaluates and formats works on any backend (and on native code loaded
// without LLVM, later).
#pragma once

#include "compiler/ir/IR.h"

#include <cstddef>
#include <cstdint>
#include <span>

namespace findc::engine {

class Backend {
public:
  virtual ~Backend() = default;

  // Compiles the batch entries of `unary` (functions with a unary entry),
  // the boxed entries of `boxed` (any function) and the checked batch
  // entries of `checked` (functions with one; ignored by a backend without
  // them), none of them ready yet. The Suite serializes the calls, filters
  // out what is ready and runs them on a stack with room for the source.
  virtual void prepare(std::span<const uint32_t> unary, std::span<const uint32_t> boxed,
                       std::span<const uint32_t> checked) = 0;
  // Whether prepare() and optimize() compile, and so recurse as deep as the
  // source nests (an artifact's backend only looks entry points up).
  virtual bool compiles() const { return true; }
  // Whether prepare() has made these entries ready (lock-free).
  virtual bool hasBatch(uint32_t fn) const = 0;
  virtual bool hasBoxed(uint32_t fn) const = 0;
  virtual bool hasCheckedBatch(uint32_t fn) const = 0;
  // Whether this backend compiles checked batch entries at all (the JIT
  // does; the interpreter evaluates such functions one boxed call a point).
  virtual bool compilesCheckedBatches() const = 0;

  // Tiers, for a backend whose first code of a function is quick to compile
  // rather than fast to run (the JIT in exact math): counts n points about
  // to run through fn's entries, and is true once, when fn has run enough
  // that recompiling it for speed pays; the Suite then calls optimize(fn)
  // as it calls prepare(). Whether fn still runs its first code.
  virtual bool countPoints(uint32_t /*fn*/, size_t /*n*/) const { return false; }
  virtual void optimize(uint32_t /*fn*/) {}
  virtual bool runsQuickCode(uint32_t /*fn*/) const { return false; }

  // y[i] = fn(x[i]) through the unary entry (clean: no benchmark effects).
  virtual void runBatch(uint32_t fn, const double* x, double* y, size_t n) const = 0;
  // One call with every argument; strings, lists and maps it makes live in
  // ctx's arena, a failure is recorded in ctx.
  virtual Scalar runBoxed(uint32_t fn, rt::Context& ctx, std::span<const Scalar> args) const = 0;
  // y[i] = fn(x[i]) through the checked batch entry (compiler/codegen's
  // checkedBatchEntryName): errors[i] the point's rt::ErrorKind, y[i] NaN
  // where it failed; each point starts with the default loop budget
  // (rt::defaultLoopBudget, whatever ctx's), ctx's arena is emptied
  // between points.
  virtual void runCheckedBatch(uint32_t fn, rt::Context& ctx, const double* x, double* y, uint8_t* errors,
                               size_t n) const = 0;
};

} // namespace findc::engine

// A compiled suite: a source file's functions (or the standard library's),
// their IR, and a backend that runs them. Compiled once, evaluated many
// times, from any number of threads: entry points are compiled on first use
// (or all at once with prepare()), under a lock, on a stack with room for
// the source (engine/BigStack.h).
//
// Evaluation with a benchmark's effects is in engine/Evaluate.h, formatting
// in engine/Format.h; neither needs LLVM. Compiling a source into a Suite
// (which does) is engine/Compile.h.
#pragma once

#include "compiler/ir/IR.h"
#include "compiler/support/Diagnostics.h"
#include "engine/Backend.h"
#include "findc/Options.hpp"

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace findc::engine {

class Suite {
public:
  using BackendFactory = std::function<std::unique_ptr<Backend>(const ir::Module&)>;

  // `stdlib`: the module holds every standard library function and names
  // resolve unqualified too (reverse_string -> strings.reverse_string).
  Suite(std::shared_ptr<const SourceFile> file, ir::Module module, const BackendFactory& makeBackend,
        LoadOptions options, bool stdlib);

  const SourceFile& file() const { return *file_; }
  const ir::Module& module() const { return module_; }
  const ir::Function& function(uint32_t fn) const { return module_.functions[fn]; }
  // The bench whose function is `fn`, or null.
  const ir::Bench* bench(uint32_t fn) const { return benches_[fn]; }
  const LoadOptions& options() const { return options_; }
  bool isStdlib() const { return stdlib_; }

  // The functions a user can name, in source order: those the file declares
  // (not the library functions it calls, which the IR holds under dotted
  // names), or for the standard library every library function.
  const std::vector<uint32_t>& visible() const { return visible_; }
  std::optional<uint32_t> find(std::string_view name) const;
  // find(), or an InputError naming the closest visible names.
  uint32_t resolve(std::string_view name) const;

  // Compiles the batch entries of `unary`, the boxed entries of `boxed` and
  // the checked batch entries of `checked` now, in one go (cheaper than one
  // at a time on first use).
  void prepare(std::span<const uint32_t> unary, std::span<const uint32_t> boxed,
               std::span<const uint32_t> checked = {}) const;

  // Whether fn is evaluated at numbers through a checked batch entry: it has
  // one and the backend compiles them.
  bool runsCheckedBatch(uint32_t fn) const;
  // Whether fn's checked batch entry is compiled already (lock-free).
  bool hasCheckedBatch(uint32_t fn) const;
  // Whether fn still runs its first, quickly compiled code (engine/Backend.h,
  // countPoints): the JIT in exact math recompiles a function optimized once
  // it has run CompileOptions::optimizeAfterPoints points.
  bool runsQuickCode(uint32_t fn) const;

  // The backend's entry points, prepared on first use. No effects: see
  // engine/Evaluate.h. runCheckedBatch's `errors` may be null: the errors
  // are then not kept (a failed point's y is NaN either way).
  void runBatch(uint32_t fn, const double* x, double* y, size_t n) const;
  Scalar runBoxed(uint32_t fn, rt::Context& ctx, std::span<const Scalar> args) const;
  void runCheckedBatch(uint32_t fn, rt::Context& ctx, const double* x, double* y, uint8_t* errors, size_t n) const;

private:
  // Before n points of fn run: recompiles fn optimized when that now pays.
  void count(uint32_t fn, size_t n) const;
  // The threads a batch of n points may use: 1 for one block, else
  // options_.threads with 0 resolved to the cores once (glibc reads /sys
  // each time it is asked).
  unsigned threadsFor(size_t n) const;
  // Runs the backend's prepare or optimize: where the stack has room for
  // compiling the source, if the backend compiles (engine/BigStack.h).
  void runCompiling(const std::function<void()>& work) const;

  std::shared_ptr<const SourceFile> file_;
  ir::Module module_;
  LoadOptions options_;
  mutable std::atomic<unsigned> threads_{0}; // see threadsFor
  bool stdlib_;
  std::vector<const ir::Bench*> benches_;
  std::vector<uint32_t> visible_;
  std::unordered_map<std::string, uint32_t> byName_;
  std::unique_ptr<Backend> backend_;
  mutable std::mutex compiling_;
};

} // namespace findc::engine

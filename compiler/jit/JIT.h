// The JIT: compiles findc IR to native code with LLVM ORC (LLJIT) and hands
// out the entry points `double f(double)` and `void f_batch(x, y, n)`.
#pragma once

#include "compiler/codegen/Codegen.h"
#include "compiler/ir/IR.h"

#include <llvm/ExecutionEngine/Orc/LLJIT.h>
#include <llvm/Support/Error.h>

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace findc {

// glibc's exp, log and pow (their GLIBC_2.29 versions) are a wrapper that
// sets errno on overflow, underflow or a pole around a core, which glibc
// also exports as __exp_finite, __log_finite and __pow_finite (GLIBC_2.15):
// the same bits without the wrapper, 1.15-1.5x faster per call. The JIT's
// code calls the cores where this libm has them (none of it reads errno).
struct LibmCore {
  const char* name;  // what the code calls
  void* address;     // the core: the function's own bits (LibmCoresTest)
};
std::vector<LibmCore> libmCores();

struct JITOptions {
  MathMode math = MathMode::Exact;
  // How much work code generation does (compiler/codegen/Codegen.h).
  Tier tier = Tier::Optimized;
};

class JIT {
public:
  static llvm::Expected<std::unique_ptr<JIT>> create(const JITOptions& options = {});

  // Compiles `roots` (every function when empty) of `module` and makes their
  // entry points available. May be called again with other modules.
  // Roots in `boxed` also get a boxed entry (those without a unary entry
  // always do, and a checked batch entry if they have one).
  llvm::Error add(const ir::Module& module, const std::vector<uint32_t>& roots = {},
                  const std::vector<uint32_t>& boxed = {});

  // Compiles exactly these entry points (see emitEntryPoints): a later call
  // may add others of the same module, but never the same one twice.
  llvm::Error addEntries(const ir::Module& module, const EntryPoints& entries);

  llvm::Expected<ScalarEntry> scalarEntry(std::string_view function);
  llvm::Expected<BatchEntry> batchEntry(std::string_view function);
  // Every root without a unary entry; results made in ctx's arena.
  llvm::Expected<BoxedEntry> boxedEntry(std::string_view function);
  // Roots with a checked batch entry (see checkedBatchEntryName).
  llvm::Expected<CheckedBatchEntry> checkedBatchEntry(std::string_view function);

private:
  JIT(std::unique_ptr<llvm::orc::LLJIT> jit, std::unique_ptr<llvm::TargetMachine> target, JITOptions options,
      LibmInlining libm)
      : target_(std::move(target)), jit_(std::move(jit)), options_(options), libm_(libm) {}
  llvm::Expected<llvm::orc::ExecutorAddr> lookup(const std::string& symbol);
  llvm::Error addModule(std::unique_ptr<llvm::Module> module, std::unique_ptr<llvm::LLVMContext> context);

  // Declared first: jit_'s compiler uses it, so it outlives jit_.
  std::unique_ptr<llvm::TargetMachine> target_;
  std::unique_ptr<llvm::orc::LLJIT> jit_;
  JITOptions options_;
  LibmInlining libm_; // decided once (hostLibmInlining in the optimized tier, else Never), for every module
};

} // namespace findc

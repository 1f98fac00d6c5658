// Code generation: findc IR -> LLVM IR, plus the host target, the -O2
// optimization pipeline (with glibc's libmvec for vector math) and assembly
// emission that the JIT and `findc emit` share.
#pragma once

#include "compiler/codegen/EntryPoints.h"
#include "compiler/ir/IR.h"
#include "findc/Options.hpp"

#include <llvm/IR/LLVMContext.h>
#include <llvm/IR/Module.h>
#include <llvm/Support/Error.h>
#include <llvm/Target/TargetMachine.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace findc {


// Whether exact-mode code may compute glibc's exp, sin and cos itself in
// vector loops (GlibcExp.h, GlibcSin.h): only for code that runs against
// this process's libm (the JIT's optimized tier, `findc emit`), and only
// where hostLibmInlining found it is glibc's algorithms. An artifact runs
// against the libm of the process that loads it, so it calls libm; the
// quick tier calls it too (the variants would triple its compile time).
enum class LibmInlining { Never, HostChecked };
// HostChecked where the target has FMA and AVX2 (glibc's __exp_fma,
// __sin_fma and __cos_fma run there) and this process's exp, sin and cos
// are glibc's algorithms (glibc::libmExpIsFastPath, libmSinIsFastPath;
// ~60 us: callers decide once).
LibmInlining hostLibmInlining(const llvm::TargetMachine& target);

// Emits the functions `roots` (all functions when empty) and their callees.
// Every root with a unary entry gets `double fnd.NAME(double)` and
// `void fnd.NAME.batch(const double* x, double* y, int64 n)`. In exact mode
// a batch loop that calls libm is left scalar: vectorizing it would only
// unpack the vectors again around scalar calls, at a cost in compile time.
// The other roots get a boxed entry, and a checked batch entry if they have
// one. Roots in `boxed` get a boxed entry even when they have a unary one.
std::unique_ptr<llvm::Module> emitLLVM(const ir::Module& module, llvm::LLVMContext& context,
                                       const llvm::TargetMachine& target, const std::vector<uint32_t>& roots = {},
                                       MathMode math = MathMode::Exact, const std::vector<uint32_t>& boxed = {},
                                       LibmInlining inlining = LibmInlining::Never);

// The body codegen compiles as the unary entry of function `index` (which
// must have one) in `math`: ir::specializeUnaryEntry's, with its
// polynomials in Horner's form where the mode reassociates. What
// `findc emit --stage entry --math MODE` prints.
ir::Function compiledEntry(const ir::Module& module, uint32_t index, MathMode math);

// Exactly these entry points: the scalar and batch entries of `unary` (each
// must have a unary entry), the boxed entries of `boxed` and the checked
// batch entries of `checked` (each must have one), with the callees they
// need (internal to the module, so modules never clash).
struct EntryPoints {
  std::vector<uint32_t> unary;
  std::vector<uint32_t> boxed;
  std::vector<uint32_t> checked;
};
std::unique_ptr<llvm::Module> emitEntryPoints(const ir::Module& module, llvm::LLVMContext& context,
                                              const llvm::TargetMachine& target, const EntryPoints& entries,
                                              MathMode math = MathMode::Exact,
                                              LibmInlining inlining = LibmInlining::Never);

// Codegen writes some libm calls out where that gives libm's bits (x ** n,
// exp, sin, cos) and calls libm itself for the rest, from a slow path
// `findc.slow.OP` with vector variants for the loop vectorizer: masked,
// `findc.slow.OP.mLANES` (for calls in branches, such as the rare lanes of
// x ** n), and for exp, sin and cos unmasked, `findc.slow.OP.vLANES`
// (glibc's algorithm for every lane). optimizeModule inlines the variants
// it called.
constexpr const char* kSlowPathPrefix = "findc.slow.";
std::string slowPathName(std::string_view op);
std::string vectorVariantName(std::string_view slowPath, unsigned lanes, bool masked);
bool isVectorVariant(llvm::StringRef name);

// How much work code generation does (bench/README.md has the figures):
//  - Quick: where no function of the module loops (besides the entries'
//    loops over the points), a short IR pipeline (inline, SROA, early CSE,
//    instcombine, simplifycfg, LICM, the loop vectorizer: a third of -O2's
//    time, the same speed on the FIND suite); -O2 where one loops (its full
//    unrolling of short loops is worth 2-4x there). Then LLVM's fast
//    instruction selection and register allocation (CodeGenOptLevel::None):
//    a fifth of the optimizing ones' time, for code 1.1-2.6x slower per
//    point in exact math.
//  - Optimized: -O2, then CodeGenOptLevel::Less.
enum class Tier { Quick, Optimized };
llvm::CodeGenOptLevel codeGenLevel(Tier tier);
// A function's first code: quick in exact math, where calls of scalar libm
// dominate and the engine recompiles a function that runs many points
// optimized (engine/JitBackend.cpp), and in artifacts; optimized in vector
// and fast math, which are chosen for throughput.
inline Tier firstTier(MathMode math) { return math == MathMode::Exact ? Tier::Quick : Tier::Optimized; }

// The host's TargetMachine; `level` is the optimization of instruction
// selection and register allocation (the IR pipeline's level is its own).
// With `positionIndependent`, code for a shared object (an artifact).
llvm::Expected<std::unique_ptr<llvm::TargetMachine>>
createHostTargetMachine(llvm::CodeGenOptLevel level = llvm::CodeGenOptLevel::Default, bool positionIndependent = false);

// An LLVM error as a std::runtime_error ("CONTEXT: message"), for callers
// that report failures with exceptions (the engine, the CLI).
inline void orThrow(llvm::Error error, std::string_view context = {}) {
  if (error)
    throw std::runtime_error((context.empty() ? "" : std::string(context) + ": ") + llvm::toString(std::move(error)));
}
template <typename T> T orThrow(llvm::Expected<T> value, std::string_view context = {}) {
  orThrow(value.takeError(), context);
  return std::move(*value);
}

// Runs the tier's IR pipeline (new pass manager; -O2 when optimized) for
// `target`; with llvm::TimePassesIsEnabled, a -time-passes report of every
// run at exit.
void optimizeModule(llvm::Module& module, llvm::TargetMachine& target, MathMode math,
                    Tier tier = Tier::Optimized);

llvm::Expected<std::string> emitAssembly(llvm::Module& module, llvm::TargetMachine& target);
// A relocatable object file (ELF on Linux), for a shared object.
llvm::Expected<std::string> emitObject(llvm::Module& module, llvm::TargetMachine& target);

// Code for a shared object loaded by another program (an artifact): every
// call of a runtime function (rt::runtimeSymbols) becomes a call through its
// slot (runtimeSlotName), a pointer variable the module defines weak (one
// per shared object, whichever modules it links) and the loader sets. Run
// after optimizeModule: the optimizer sees the calls with their attributes.
void callRuntimeThroughSlots(llvm::Module& module);

std::string printModule(const llvm::Module& module);

} // namespace findc

// Compiling a source into a Suite: the part of the engine that runs the
// compiler (and, for the JIT backend, LLVM). Every compilation runs where
// the stack has room for its source (engine/BigStack.h: the caller's, else a
// large one of its own), so any thread may call these.
#pragma once

#include "engine/Suite.h"

#include <memory>
#include <string>
#include <string_view>

namespace findc::engine {

struct CompileOptions {
  LoadOptions load;
  // Run the IR passes over the whole module. Evaluation does not need it
  // (each entry point is specialized and simplified on its own); `findc
  // check` does it to verify the optimized module too.
  bool optimizeIR = false;
  // The JIT in exact math compiles a function's first code quickly (LLVM's
  // fast instruction selection) and recompiles it optimized once this many
  // points have run through it, about as many as the recompilation costs in
  // the quick code's extra time (bench/README.md); 0 compiles optimized
  // code at once. Vector math is always optimized.
  uint64_t optimizeAfterPoints = kOptimizeAfterPoints;
  static constexpr uint64_t kOptimizeAfterPoints = uint64_t{1} << 20;
};

// The suite of `file`, or null after reporting its errors to `diags` (which
// point into `file`: keep a reference to print them).
std::unique_ptr<Suite> compileSuite(std::shared_ptr<const SourceFile> file, const CompileOptions& options,
                                    DiagnosticEngine& diags);
// Every standard library function (strings.NAME, numeric.NAME).
std::unique_ptr<Suite> compileStdlib(const LoadOptions& options, DiagnosticEngine& diags);

// The same for the APIs: a shared suite, or a CompileError whose message is
// every diagnostic as findc prints them. loadOrThrow loads a compiled
// artifact (engine/Artifact.h) as it is, in the math mode it was built with.
std::shared_ptr<const Suite> loadOrThrow(const std::string& path, const LoadOptions& options);
std::shared_ptr<const Suite> compileOrThrow(std::string_view source, std::string_view name,
                                            const LoadOptions& options);
std::shared_ptr<const Suite> stdlibOrThrow(const LoadOptions& options);

// The text of `path`, or null after reporting why it cannot be read.
std::shared_ptr<const SourceFile> readSource(const std::string& path, DiagnosticEngine& diags);

} // namespace findc::engine

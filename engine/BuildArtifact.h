// Writing compiled artifacts (engine/Artifact.h): every function a user can
// name, compiled ahead of time into one shared object, in parallel.
#pragma once

#include "engine/Artifact.h"

#include <string>

namespace findc::engine {

struct BuildOptions {
  MathMode math = MathMode::Exact;
  bool keepSource = false; // the source text (and the functions' docs) in the artifact
  unsigned jobs = 0;       // code generation threads; 0: one per core
  std::string linker = "cc"; // a C compiler driver that links shared objects
};

struct BuildReport {
  std::string artifact; // the file's bytes
  size_t entryPoints = 0;
  unsigned jobs = 0; // the threads that generated code
  double compileSeconds = 0, linkSeconds = 0; // wall clock
  // CPU time of the compiling threads, summed, by step: findc IR to LLVM IR,
  // LLVM's IR pipeline, instruction selection to an object file.
  double emitCpuSeconds = 0, optimizeCpuSeconds = 0, codegenCpuSeconds = 0;
};

// The artifact of `suite` (compiled from source: its IR has bodies). Throws
// std::runtime_error if code generation or the linker fails.
BuildReport buildArtifact(const Suite& suite, const BuildOptions& options);

} // namespace findc::engine

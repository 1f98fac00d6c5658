// Failing a harness on an LLVM error (the harnesses that use the compiler's
// stages directly; the API harness needs no LLVM).
#pragma once

#include "bench/BenchUtil.h"
#include "compiler/codegen/Codegen.h"
#include "compiler/codegen/Libmvec.h"

#include <llvm/Support/Error.h>

#include <string>

namespace findc::bench {

template <typename T> T unwrap(llvm::Expected<T> value, const char* what) {
  if (!value)
    fail(std::string(what) + ": " + llvm::toString(value.takeError()));
  return std::move(*value);
}

inline void check(llvm::Error error, const char* what) {
  if (error)
    fail(std::string(what) + ": " + llvm::toString(std::move(error)));
}

// The jit-vector row's description: the libmvec width it calls on this host.
inline std::string vectorEngineNote() {
  auto target = createHostTargetMachine();
  unsigned lanes = target ? widestLibmvecLanes(**target) : 0;
  if (!target)
    llvm::consumeError(target.takeError());
  return "findc JIT, MathMode::Vector (libmvec, " + std::to_string(lanes) + " doubles per call)";
}

} // namespace findc::bench

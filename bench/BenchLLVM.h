// Failing a harness on an LLVM error (the harnesses that use the compiler's
// stages directly; the API harness needs no LLVM).
#pragma once

#include "bench/BenchUtil.h"

#include <llvm/Support/Error.h>

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

} // namespace findc::bench

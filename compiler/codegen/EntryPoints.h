// What compiled code exports, free of LLVM: the names and C signatures of a
// function's entry points (the JIT looks them up; a compiled artifact's
// loader finds them in its shared object) and the slots through which an
// artifact's code calls the runtime.
#pragma once

#include "runtime/Strings.h"
#include "runtime/Value.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace findc {

// `double fnd.NAME(double)` and `void fnd.NAME.batch(x, y, n)`: functions
// with a unary entry (Function::hasUnaryEntry).
using ScalarEntry = double (*)(double);
using BatchEntry = void (*)(const double* x, double* y, int64_t n);
// `void fnd.NAME.boxed(rt::Context*, const Scalar* args, Scalar* result)`:
// any function; results made in ctx's arena.
using BoxedEntry = void (*)(rt::Context* ctx, const Scalar* args, Scalar* result);
// `void fnd.NAME.cbatch(ctx, x, y, errors, n)`, for functions with a checked
// batch entry (they take numbers but need a context): y[i] = f(x[i]) with
// the other parameters at their defaults, each point evaluated as the engine
// evaluates one boxed call: with the loop budget ctx holds on entry and no
// error recorded (the arena emptied first, if f allocates); errors[i] is the
// point's rt::ErrorKind, and y[i] NaN where it is not None. ctx's arena must
// be one the caller can spare.
using CheckedBatchEntry = void (*)(rt::Context* ctx, const double* x, double* y, uint8_t* errors, int64_t n);

inline constexpr std::string_view kBatchEntrySuffix = ".batch";
inline constexpr std::string_view kBoxedEntrySuffix = ".boxed";
inline constexpr std::string_view kCheckedBatchEntrySuffix = ".cbatch";
inline std::string scalarEntryName(std::string_view function) { return "fnd." + std::string(function); }
inline std::string batchEntryName(std::string_view function) {
  return scalarEntryName(function) + std::string(kBatchEntrySuffix);
}
inline std::string boxedEntryName(std::string_view function) {
  return scalarEntryName(function) + std::string(kBoxedEntrySuffix);
}
inline std::string checkedBatchEntryName(std::string_view function) {
  return scalarEntryName(function) + std::string(kCheckedBatchEntrySuffix);
}

// Code compiled for an artifact calls the runtime's extern "C" function
// `symbol` through the pointer variable of this name, which the loader sets
// to the runtime linked into the loading program: the shared object needs
// no symbol of the program's, which a program (or Python module) does not
// export.
inline std::string runtimeSlotName(std::string_view symbol) { return "findc.slot." + std::string(symbol); }

} // namespace findc

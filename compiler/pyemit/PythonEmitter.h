// The Python backend: one function of a findc IR module as a standalone
// Python 3 module that prints what `findc call` prints.
//
// The emitted module imports `math`, `struct` and `sys` (and, only where
// used, `ctypes` for libm functions Python's math lacks or computes its own
// way, and `json` for list or map inputs). It holds:
//   * helper definitions: IEEE arithmetic where Python raises (`_div`,
//     `_pow`, `_log`, ...), 64-bit wrapping ints, the string runtime's size
//     limit and loop budget, and for a bench Philox4x32-10 and the noise and
//     corruption draws of runtime/Bench.cpp, operation for operation;
//   * one Python function per IR function it needs (the unary entry both
//     engines run for a function of one number, every callee otherwise);
//   * `def function(x):` the value the engine serves for one query: effects
//     included (queries counted per call from FIRST_QUERY, keyed by SEED and
//     the bench's name), results converted as the engine converts them;
//   * FIND's `if __name__ == '__main__':` frame (optional).
// Failures the runtime records in rt::Context (IndexError, KeyError,
// ValueError, TypeError, BudgetExceeded) raise the Python exception of that
// name, so FIND's frame prints None for them as `findc call` does.
//
// Data flows one way: the emitter reads IR (and the runtime's tables) and
// writes text; nothing reaches back into the module.
#pragma once

#include "compiler/ir/IR.h"

#include <cstdint>
#include <optional>
#include <string>

namespace findc::pyemit {

struct PythonEmitOptions {
  // Apply a bench's domain, noise and corruption (false: `--clean`, the
  // effect-free function). Functions that are not benches have none.
  bool effects = true;
  // The noise key and the number of the first query (`findc call --seed N
  // --first-query K`), written into the module as SEED and FIRST_QUERY.
  uint64_t seed = 0;
  uint64_t firstQuery = 0;
  // The `__main__` frame appended, which prints `Function input - output
  // pairs: (X, Y) ...` for the command-line arguments:
  //   Call: as `findc call` prints, None for an input where the function
  //         raises (FIND's numeric frame, whatever the input's type);
  //   Find: FIND's own frame for the input's type: its numeric frame for a
  //         number (the same as Call), its string frame for a str
  //         (`string = str(arg)`, no try: an input that raises stops the
  //         script with Python's traceback, as FIND's released string files
  //         do);
  //   None: no frame.
  enum class Frame : uint8_t { Call, Find, None };
  Frame frame = Frame::Call;
};

// Why function `function` of `module` cannot be emitted, or nothing if it
// can. It can when it takes a first parameter and every other parameter has a
// default (what `findc call` binds), and it is not an untrained `approx mlp`.
std::optional<std::string> pythonEmitBlocker(const ir::Module& module, uint32_t function);

// The Python module for function `function` of `module`, which must be the
// module the engines run (after ir::optimize, as `findc emit --stage ir-opt`
// prints it). Throws std::invalid_argument when pythonEmitBlocker names a
// reason.
std::string emitPython(const ir::Module& module, uint32_t function, const PythonEmitOptions& options);

} // namespace findc::pyemit

// Evaluating a suite's functions with a benchmark's effects: what `findc
// eval` and `call`, the C++ API, the C ABI and the Python module all run.
// Free of LLVM: it works on whatever backend the Suite has.
#pragma once

#include "engine/Suite.h"
#include "findc/Errors.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace findc::engine {

// What evaluating one function at several inputs gave.
struct Outputs {
  Type type = Type::Real;      // of the values (a bench's noise can make ints real)
  std::vector<Scalar> inputs;  // the inputs as evaluated (numbers as reals on the batch path)
  std::vector<Scalar> values;  // meaningless where errors[i] is not None
  std::vector<rt::ErrorKind> errors;
  // The seed the values' noise or corruption was drawn under; none when no
  // random effect was applied (not a bench, a bench without noise or
  // corruption, or --clean). `findc eval --json` reports it (docs/json.md).
  std::optional<uint64_t> seed;

  size_t size() const { return values.size(); }
  bool failed(size_t i) const { return errors[i] != rt::ErrorKind::None; }
  bool anyFailed() const;
};

// The entry points evaluating fn runs, for Suite::prepare: at numbers, or at
// reals with the defaults (evaluateNumbers, evaluateCall and evaluateTexts
// without parameters), its batch entry if it has one, else its checked
// batch entry if the backend compiles them and it returns a real or a bool;
// otherwise (`explicitParams`, other inputs) its boxed entry.
struct EntryPointLists {
  std::vector<uint32_t> unary, boxed, checked;
};
void addEntryPoints(const Suite& suite, uint32_t fn, bool explicitParams, EntryPointLists& lists);

// y[i] = fn(x[i]) with the effects of its bench. Functions with a unary entry
// run as one batch; the others (statements, strings inside) as one checked
// batch if the backend compiles them (the JIT), else one boxed call per
// input, with default parameters, where a failed evaluation gives NaN and
// its error in `errors` (if given; None elsewhere). An int first parameter
// needs integral x. Throws InputError unless fn.takesNumbers().
void evaluateNumbers(const Suite& suite, uint32_t fn, std::span<const double> x, std::span<double> y,
                     const Effects& effects, std::span<rt::ErrorKind> errors = {});

// The same with the errors as codes (0: none, else the rt::ErrorKind), the
// form the C++ API, the C ABI and Python hand out; `codes` may be empty.
void evaluateNumberCodes(const Suite& suite, uint32_t fn, std::span<const double> x, std::span<double> y,
                         const Effects& effects, std::span<uint8_t> codes);

// The first of x that is not an integer (what an int parameter refuses).
std::optional<size_t> firstNonIntegral(std::span<const double> x);

// Any function at any inputs: inputs[i] binds the first parameter, `rest`
// every other (see bindParams), one boxed call per input; or, for reals
// into a function with a checked batch entry returning a real or a bool
// with `rest` its defaults, one checked batch (the same values). Values the
// calls make live in `arena`. The effects apply to functions of a number.
Outputs evaluateValues(const Suite& suite, uint32_t fn, std::span<const Scalar> inputs, std::span<const Scalar> rest,
                       const Effects& effects, rt::Arena& arena);

// fn at numbers through its unary entry, as Outputs (inputs as reals).
Outputs evaluateBatch(const Suite& suite, uint32_t fn, std::span<const double> x, const Effects& effects);

// fn at `inputs` as `findc eval` and the APIs evaluate it: without explicit
// parameters (`given` empty), a function with a unary entry runs as one batch
// of its specialized entry, where defaults are constants (numbers must be
// integral for an int parameter); otherwise one boxed call per input with
// `given`, then the defaults. The two paths can differ in the last bit where
// a default feeds pow (the batch path folds it as NumPy does): choosing the
// same path everywhere keeps every interface's output identical.
Outputs evaluateCall(const Suite& suite, uint32_t fn, std::span<const Scalar> inputs,
                     std::optional<std::span<const Scalar>> given, const Effects& effects, rt::Arena& arena);

// The type of fn's outputs under `effects` (a bench's noise can make ints
// real).
Type outputType(const Suite& suite, uint32_t fn, const Effects& effects);

// The value of a batch output y of a function returning `type`.
Scalar batchValue(double y, Type type);

// The parameters after the first: `given` in order, then the defaults.
// Throws InputError when given too many, a value of the wrong type, or none
// for a parameter without default.
std::vector<Scalar> bindParams(const ir::Function& fn, std::span<const Scalar> given);
// "'f' takes 1 parameter after its input, but SOURCE gives 2".
InputError tooManyParams(const ir::Function& fn, size_t given, std::string_view source);

// A seed drawn from the OS, below 2^53 so that a JSON reader that reads
// numbers as doubles (JavaScript; Python with parse_int=float) reads back the
// same seed: for runs and sessions without a given seed.
uint64_t freshSeed();

// A function served to an agent: its effects with a seed and a query
// counter that every evaluation advances (FIND draws fresh noise per query).
// Not synchronized: one Session per thread.
class Session {
public:
  Session(const Suite& suite, uint32_t fn, uint64_t seed, uint64_t firstQuery = 0)
      : suite_(suite), fn_(fn), seed_(seed), nextQuery_(firstQuery) {}

  // evaluateNumberCodes with the session's effects; the counter advances
  // only when the evaluation ran (a refused call draws nothing).
  void evaluateNumbers(std::span<const double> x, std::span<double> y, std::span<uint8_t> codes = {});

  uint64_t seed() const { return seed_; }
  uint64_t nextQuery() const { return nextQuery_; }

  // The effects of the next evaluation, and moving past its queries (for
  // callers that evaluate through another path).
  Effects effects() const { return {.apply = true, .seed = seed_, .firstQuery = nextQuery_}; }
  void advance(uint64_t queries) { nextQuery_ += queries; }

private:
  const Suite& suite_;
  uint32_t fn_;
  uint64_t seed_;
  uint64_t nextQuery_;
};

} // namespace findc::engine

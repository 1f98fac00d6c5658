// findc's C++ API: compile a suite of benchmark functions once, evaluate
// them many times, with FIND's noise and corruption. Everything an embedder
// includes; no LLVM or ANTLR header comes through. Link findc::findc (CMake:
// find_package(findc)). The C ABI is findc/findc.h.
//
//   findc::Suite suite = findc::Suite::load("examples/find-v1-numeric.fnd");
//   findc::Function f = suite["f00123"];
//   std::vector<double> y = f.evaluate(x);                   // served: noise, seed 0
//   std::vector<double> clean = f.evaluate(x, {.apply = false});
//   findc::Session agent = f.session(/*seed=*/7);            // a query counter
//
// Threads: a Suite and its Functions may be used from any number of threads
// at once (entry points are compiled on first use, under a lock, on the
// caller's stack when it has room for the source, else on a large stack of
// the engine's own, so the caller's stack size does not matter). A
// Session is one agent's query sequence: use it from one thread at a time.
// Resource bounds are in docs/api.md.
#pragma once

#include "findc/Errors.hpp"
#include "findc/Options.hpp"

#include <complex>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace findc {

namespace engine {
class Suite;
class Session;
} // namespace engine

// "0.1"
std::string_view version();

// A value of the language, owned: what functions take and return.
class Value {
public:
  // map[str, str], in insertion order (as Python's dict).
  using Map = std::vector<std::pair<std::string, std::string>>;
  // A complex result (Python's complex, e.g. FIND's root of a negative x) is
  // std::complex; a complex-typed function that gives a float gives a double.
  using Data = std::variant<bool, int64_t, double, std::string, std::vector<std::string>, std::vector<int64_t>, Map,
                            std::complex<double>, std::vector<double>>;

  Value(bool b) : data(b) {}
  Value(int i) : data(int64_t{i}) {}
  Value(int64_t i) : data(i) {}
  Value(double r) : data(r) {}
  Value(std::string s) : data(std::move(s)) {}
  Value(const char* s) : data(std::string(s)) {}
  Value(std::vector<std::string> items) : data(std::move(items)) {}
  Value(std::vector<int64_t> items) : data(std::move(items)) {}
  Value(std::vector<double> items) : data(std::move(items)) {}
  Value(Map entries) : data(std::move(entries)) {}
  Value(std::complex<double> z) : data(z) {}

  // The language's name of its type: bool, int, real, str, list[str],
  // list[int], list[real], map[str, str], complex.
  std::string_view type() const;
  // Python's str() of it (what FIND prints); JSON (docs/json.md).
  std::string str() const;
  std::string json() const;

  bool operator==(const Value&) const = default;

  Data data;
};

// What one evaluation gave: a value, or the error Python would raise
// ("IndexError", "KeyError", "ValueError", "TypeError", "ZeroDivisionError",
// "OverflowError", "RecursionError" past a hypothesis's recursion bound, or
// "BudgetExceeded" when a loop or a value outgrows its bound).
struct Outcome {
  std::optional<Value> value;
  std::string error;
  bool ok() const { return error.empty(); }
};

// The name of an error code of Function::evaluate's `errors` (0: none).
std::string_view errorName(uint8_t code);

class Session;

// A function of a Suite (cheap to copy; keeps its Suite alive).
class Function {
public:
  const std::string& name() const;
  // `name(x: real, a: real = 1.0) -> real`
  std::string signature() const;
  // The `##` doc comment.
  const std::string& description() const;
  // Everything `findc list --json` says of it: params, result, description,
  // and for benches category, domain, noise, corruption, approx.
  std::string metadataJson() const;
  bool isBench() const;
  // Whether evaluate() applies: a number first, defaults for the rest, a
  // number or bool out.
  bool takesNumbers() const;
  // Its parameters' names and types (bool, int, real, str, list[str],
  // list[int], map[str, str]), and its result type.
  std::vector<std::pair<std::string, std::string>> params() const;
  std::string_view resultType() const;

  // y[i] = f(x[i]), with the bench's effects for queries effects.firstQuery,
  // firstQuery + 1, ... Where an evaluation fails, y[i] is NaN and errors[i]
  // (if given) its error code, else 0. No copies: x and y may be any memory.
  // Throws InputError if !takesNumbers(), on size mismatches, or when an int
  // parameter gets a non-integral x.
  void evaluate(std::span<const double> x, std::span<double> y, const Effects& effects = {},
                std::span<uint8_t> errors = {}) const;
  std::vector<double> evaluate(std::span<const double> x, const Effects& effects = {}) const;
  // One point (query effects.firstQuery); for many, the batch is faster.
  double evaluate(double x, const Effects& effects = {}) const;

  // Any function, any inputs: each input binds the first parameter, `params`
  // the ones after it (then their defaults). Ints are accepted for reals.
  std::vector<Outcome> call(std::span<const Value> inputs, std::span<const Value> params = {},
                            const Effects& effects = {}) const;
  Outcome call(const Value& input, std::span<const Value> params = {}, const Effects& effects = {}) const;

  // The function as an agent queries it: effects with `seed`, and a query
  // counter that every evaluation advances.
  Session session(uint64_t seed, uint64_t firstQuery = 0) const;

private:
  friend class Suite;
  friend class Session;
  Function(std::shared_ptr<const engine::Suite> suite, uint32_t index) : suite_(std::move(suite)), index_(index) {}
  std::shared_ptr<const engine::Suite> suite_;
  uint32_t index_;
};

class Session {
public:
  Session(Session&&) noexcept;
  Session& operator=(Session&&) noexcept;
  ~Session();

  void evaluate(std::span<const double> x, std::span<double> y, std::span<uint8_t> errors = {});
  std::vector<Outcome> call(std::span<const Value> inputs, std::span<const Value> params = {});
  const Function& function() const { return function_; }
  uint64_t seed() const;
  // The number of the next query (FIND's noise is drawn per query).
  uint64_t nextQuery() const;

private:
  friend class Function;
  Session(Function function, uint64_t seed, uint64_t firstQuery);
  Function function_;
  std::unique_ptr<engine::Session> session_;
};

// A compiled source: its functions, ready to evaluate.
class Suite {
public:
  // Throws CompileError (every diagnostic, located, with a caret) if the
  // source cannot be read or does not compile.
  static Suite load(const std::string& path, const LoadOptions& options = {});
  static Suite compile(std::string_view source, std::string_view name = "<string>", const LoadOptions& options = {});
  // Every standard library function; names resolve unqualified too
  // (reverse_string -> strings.reverse_string).
  static Suite stdlib(const LoadOptions& options = {});

  // The functions the source declares, in order.
  std::vector<std::string> names() const;
  std::vector<Function> functions() const;
  bool contains(std::string_view name) const;
  // Throws InputError naming the closest names if there is no such function.
  Function operator[](std::string_view name) const;
  // Compiles every function's entry points now, in one go (otherwise each is
  // compiled on its first evaluation): those an evaluation without explicit
  // parameters runs.
  void compileAll() const;
  const LoadOptions& options() const;

private:
  explicit Suite(std::shared_ptr<const engine::Suite> impl) : impl_(std::move(impl)) {}
  std::shared_ptr<const engine::Suite> impl_;
};

} // namespace findc

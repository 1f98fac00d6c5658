// FIND's unit-test data (`unit_test_data.json`): for each function, 10
// vectors of 3 input/output pairs, exactly one of them an execution of the
// function (its 1-based index in `correct_inx`), the other two distractors.
// FIND's LLM judge is asked which pair the described function produced; its
// code scorer (string_indicator.py) calls a hypothesis on the correct input
// of each vector and compares with the stored output.
//
// The selection is findc's own (FIND's inputs were written by an LLM and its
// generator is not released); docs/find-export.md states the rules:
//   * inputs come from a pool (unitTestStrings): words, sentences, mixed
//     case, digits, punctuation, non-ASCII text and seeded random strings,
//     never a `'`, a `\` or a line break, which FIND's scorer cannot paste
//     into the `exec` string it builds around the input;
//   * a correct pair is an input of the pool on which the function does not
//     raise, with its output; the 10 correct inputs are distinct while the
//     pool has enough;
//   * a distractor is another function's execution (its input and output)
//     that is not one of this function: this function raises on that input
//     or prints something else there. Without one (a suite of one function,
//     or functions that all agree), the function's own output at another
//     input serves, if it differs;
//   * every choice is a draw of Philox keyed by the seed and the function's
//     name: the same suite and seed give the same bytes.
// Outputs are what `findc call` prints (Python's str()), as FIND stores them.
#pragma once

#include <llvm/Support/Error.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace findc::suite {

// str() of a function's value at each input, or nothing where it raised.
using PrintedOutputs = std::vector<std::optional<std::string>>;
// Evaluates subject `subject` at every one of `inputs`.
using EvaluateSubject = std::function<PrintedOutputs(size_t subject, std::span<const std::string> inputs)>;

struct UnitTestOptions {
  uint64_t seed = 0;
  size_t vectors = 10; // per function
  size_t pairs = 3;    // per vector
};

struct UnitTestVector {
  std::vector<std::string> inputs;
  std::vector<std::string> outputs;
  size_t correct = 0; // 0-based; FIND's correct_inx is correct + 1
};

struct UnitTests {
  std::string name; // FIND's name of the function ("f00000")
  std::vector<UnitTestVector> vectors;
};

// The pool of string inputs for `seed`: a fixed list, then seeded random
// strings.
std::vector<std::string> unitTestStrings(uint64_t seed);

// The pool of number inputs for `seed` (numeric suites): a fixed list, then
// seeded numbers of [-128, 128] with one decimal, as text.
std::vector<std::string> unitTestNumbers(uint64_t seed);

// Unit tests for subjects named `names` (in order), evaluated at `pool` by
// `evaluate` once each. Fails, naming the function, where one raises on
// every input of the pool or no distractor can be found.
llvm::Expected<std::vector<UnitTests>> makeUnitTests(std::span<const std::string> names,
                                                     std::span<const std::string> pool,
                                                     const EvaluateSubject& evaluate, const UnitTestOptions& options);

// The tests as FIND's unit_test_data.json: a JSON list, one object per line
// (`{"name", "test_vec": [[inputs, outputs], ...], "correct_inx": [...]}`).
std::string unitTestDataJson(std::span<const UnitTests> tests);

} // namespace findc::suite

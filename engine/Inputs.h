// Inputs and parameters given as text: a command line (`findc eval X...
// --params JSON`), later a query server. Numbers are parsed as strtod does,
// a str input is its text as given, lists and maps are JSON.
#pragma once

#include "engine/Evaluate.h"

#include <optional>
#include <string>
#include <vector>

namespace findc::engine {

// A number as strtod reads all of `text` (inf, nan, 1e3, 0x1p3), if it is one.
std::optional<double> parseNumber(const std::string& text);

// FIND's numeric test grid: x = float(i + 0.5) for i in [-range, range).
std::vector<double> findGrid(int64_t range);

// Inputs as typed; numbers parsed once for every function (NaN where the
// text is not a number).
struct TextInputs {
  std::vector<std::string> texts;
  std::vector<double> numbers;

  void add(std::string text);
  void add(double number, std::string text);
  bool empty() const { return texts.empty(); }
  // InputError naming the first text that is not a number, if any.
  void requireNumbers() const;
};

// `json` (a JSON array) as the parameters of fn after its first, in order,
// converted to their types; `source` names where they come from in messages
// ("--params"). Throws InputError.
std::vector<Scalar> parseParams(const ir::Function& fn, const std::string& json, rt::Arena& arena,
                                const std::string& source);

// `json` (a JSON array) as inputs for fn's first parameter. Throws InputError.
std::vector<Scalar> parseInputsJson(const ir::Function& fn, const std::string& json, rt::Arena& arena);

// `text` as a value of `param`'s type: a str as is, numbers and bools as
// typed, lists and maps as JSON. Throws InputError.
Scalar parseInput(const std::string& text, const ir::Param& param, const std::string& function, rt::Arena& arena);

// fn at every input, as `findc eval` and `call` evaluate it: without
// explicit parameters, a function with a unary entry runs as one batch on the
// numbers (an int parameter needs integral ones); otherwise each text is
// parsed for the first parameter and the parameters after it come from
// `paramsJson`, then their defaults.
Outputs evaluateTexts(const Suite& suite, uint32_t fn, const TextInputs& inputs,
                      const std::optional<std::string>& paramsJson, const Effects& effects, rt::Arena& arena);

} // namespace findc::engine

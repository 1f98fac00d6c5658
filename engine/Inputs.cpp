#include "engine/Inputs.h"

#include "findc/Errors.hpp"
#include "runtime/PyNumbers.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>

namespace findc::engine {
namespace {

// JSON objects keep their order: FIND's dicts are ordered.
using Json = nlohmann::ordered_json;

// An integer, or a double with an integral value in range (as llvm::json
// reads integers).
std::optional<int64_t> jsonInteger(const Json& value) {
  if (value.is_number_integer()) {
    if (value.is_number_unsigned() && value.get<uint64_t>() > uint64_t(INT64_MAX))
      return std::nullopt;
    return value.get<int64_t>();
  }
  if (value.is_number_float()) {
    double d = value.get<double>();
    double whole = 0;
    if (std::modf(d, &whole) == 0.0 && d >= -9223372036854775808.0 && d < 9223372036854775808.0)
      return static_cast<int64_t>(d);
  }
  return std::nullopt;
}

Scalar jsonToScalar(const Json& value, Type type, rt::Arena& arena, const std::string& where,
                    const std::string& source) {
  auto wrong = [&] {
    return InputError(where + " has type '" + std::string(typeName(type)) + "', but " + source + " gives " +
                      value.dump());
  };
  switch (type) {
  case Type::Bool:
    if (value.is_boolean())
      return Scalar::ofBool(value.get<bool>());
    throw wrong();
  case Type::Int:
    if (auto i = jsonInteger(value))
      return Scalar::ofInt(*i);
    throw wrong();
  case Type::Real:
    if (value.is_number())
      return Scalar::ofReal(value.get<double>());
    throw wrong();
  case Type::Complex: // a number, or {"re": .., "im": ..} as findc writes a complex
    if (value.is_number())
      return Scalar::ofComplex(rt::makeComplex(arena, {value.get<double>(), 0.0, false}));
    if (value.is_object() && value.size() == 2 && value.contains("re") && value.contains("im") &&
        value["re"].is_number() && value["im"].is_number())
      return Scalar::ofComplex(rt::makeComplex(arena, {value["re"].get<double>(), value["im"].get<double>(), true}));
    throw wrong();
  case Type::Str:
    if (value.is_string())
      return Scalar::ofStr(rt::makeStr(arena, value.get_ref<const std::string&>()));
    throw wrong();
  case Type::StrList:
  case Type::IntList:
  case Type::RealList: {
    if (!value.is_array())
      throw wrong();
    std::vector<std::string> strings;
    std::vector<int64_t> ints;
    std::vector<double> reals;
    for (const Json& item : value) {
      if (type == Type::StrList) {
        if (!item.is_string())
          throw wrong();
        strings.push_back(item.get<std::string>());
      } else if (type == Type::RealList) {
        if (!item.is_number())
          throw wrong();
        reals.push_back(item.get<double>());
      } else {
        auto i = jsonInteger(item);
        if (!i)
          throw wrong();
        ints.push_back(*i);
      }
    }
    return Scalar::ofList(type, type == Type::StrList   ? rt::makeStrList(arena, strings)
                                : type == Type::IntList ? rt::makeIntList(arena, ints)
                                                        : rt::makeRealList(arena, reals));
  }
  case Type::StrMap: {
    if (!value.is_object())
      throw wrong();
    std::vector<std::pair<std::string, std::string>> entries;
    for (const auto& [key, item] : value.items()) {
      if (!item.is_string())
        throw wrong();
      entries.emplace_back(key, item.get<std::string>());
    }
    return Scalar::ofMap(Type::StrMap, rt::makeMap(arena, entries));
  }
  case Type::StrIntMap: // maps of other types are a hypothesis's own values, never inputs
  case Type::StrRealMap:
  case Type::IntStrMap:
  case Type::IntIntMap:
  case Type::IntRealMap:
  case Type::Error: break;
  }
  throw wrong();
}

Json parseJson(const std::string& text, const std::string& source) {
  try {
    return Json::parse(text);
  } catch (const Json::parse_error& error) {
    throw InputError(source + " is not valid JSON: " + error.what());
  }
}

} // namespace

std::optional<double> parseNumber(const std::string& text) {
  if (text.empty())
    return std::nullopt;
  char* end = nullptr;
  double value = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size())
    return std::nullopt;
  return value;
}

void TextInputs::add(std::string text) {
  numbers.push_back(parseNumber(text).value_or(std::nan("")));
  texts.push_back(std::move(text));
}

void TextInputs::add(double number, std::string text) {
  numbers.push_back(number);
  texts.push_back(std::move(text));
}

void TextInputs::requireNumbers() const {
  for (size_t i = 0; i < texts.size(); ++i)
    if (std::isnan(numbers[i]) && !parseNumber(texts[i]))
      throw InputError("input '" + texts[i] + "' is not a number");
}

std::vector<Scalar> parseParams(const ir::Function& fn, const std::string& json, rt::Arena& arena,
                                const std::string& source) {
  Json parsed = parseJson(json, source);
  if (!parsed.is_array())
    throw InputError(source + " must be a JSON array, in the order of the parameters after the first");
  if (parsed.size() + 1 > std::max<size_t>(fn.params.size(), 1))
    throw tooManyParams(fn, parsed.size(), source);
  std::vector<Scalar> given;
  for (size_t k = 0; k < parsed.size(); ++k) {
    const ir::Param& p = fn.params[k + 1];
    given.push_back(jsonToScalar(parsed[k], p.type, arena, "parameter '" + p.name + "'", source));
  }
  return given;
}

std::vector<Scalar> parseInputsJson(const ir::Function& fn, const std::string& json, rt::Arena& arena) {
  Json parsed = parseJson(json, "the inputs");
  if (!parsed.is_array())
    throw InputError("the inputs must be a JSON array");
  if (fn.params.empty())
    throw InputError("'" + fn.name + "' takes no parameters: there is nothing to bind an input to");
  std::vector<Scalar> inputs;
  for (const Json& item : parsed)
    inputs.push_back(jsonToScalar(item, fn.params[0].type, arena, "the input of '" + fn.name + "'", "the inputs"));
  return inputs;
}

Scalar parseInput(const std::string& text, const ir::Param& param, const std::string& function, rt::Arena& arena) {
  switch (param.type) {
  case Type::Str: return Scalar::ofStr(rt::makeStr(arena, text));
  case Type::Bool:
    if (text == "True" || text == "true") return Scalar::ofBool(true);
    if (text == "False" || text == "false") return Scalar::ofBool(false);
    break;
  case Type::Int: {
    int64_t value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec == std::errc() && end == text.data() + text.size())
      return Scalar::ofInt(value);
    break;
  }
  case Type::Real:
    if (auto x = parseNumber(text))
      return Scalar::ofReal(*x);
    break;
  default: {
    Json json = Json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (json.is_discarded())
      break;
    return jsonToScalar(json, param.type, arena, "the input", "the input");
  }
  }
  throw InputError("'" + function + "' takes a '" + std::string(typeName(param.type)) + "' first; input '" + text +
                   "' is not one");
}

Outputs evaluateTexts(const Suite& suite, uint32_t fn, const TextInputs& inputs,
                      const std::optional<std::string>& paramsJson, const Effects& effects, rt::Arena& arena) {
  const ir::Function& f = suite.function(fn);
  if (f.params.empty())
    throw InputError("'" + f.name + "' takes no parameters: there is nothing to bind an input to");
  if (f.hasUnaryEntry() && !paramsJson) {
    inputs.requireNumbers();
    // Checked here too, to name the input as it was typed.
    if (f.params[0].type == Type::Int)
      if (std::optional<size_t> i = firstNonIntegral(inputs.numbers))
        throw InputError("'" + f.name + "' takes an int; input '" + inputs.texts[*i] + "' is not an integer");
    return evaluateBatch(suite, fn, inputs.numbers, effects);
  }
  std::vector<Scalar> given = paramsJson ? parseParams(f, *paramsJson, arena, "--params") : std::vector<Scalar>{};
  for (size_t k = given.size() + 1; k < f.params.size(); ++k)
    if (!f.params[k].defaultValue)
      throw InputError("'" + f.name + "' needs a value for parameter '" + f.params[k].name + "': pass --params");
  std::vector<Scalar> rest = bindParams(f, given);
  std::vector<Scalar> values;
  for (const std::string& text : inputs.texts)
    values.push_back(parseInput(text, f.params[0], f.name, arena));
  return evaluateValues(suite, fn, values, rest, effects, arena);
}

std::vector<double> findGrid(int64_t range) {
  std::vector<double> grid;
  for (int64_t i = -range; i < range; ++i)
    grid.push_back(static_cast<double>(i) + 0.5); // FIND's float(i + 0.5)
  return grid;
}

} // namespace findc::engine

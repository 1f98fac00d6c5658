#include "engine/Evaluate.h"

#include "compiler/interp/Interpreter.h"
#include "findc/Errors.hpp"
#include "runtime/PrimOps.h"
#include "runtime/PyNumbers.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <random>
#include <string>

namespace findc::engine {

uint64_t freshSeed() {
  std::random_device os;
  uint64_t bits = (uint64_t{os()} << 32) | os();
  return bits >> (64 - 53);
}

namespace {

// The bench whose effects apply to fn's outputs, or null. Without
// `effects.apply` (--clean) they still apply, with every draw zero: the
// served function without its random effects, with its type.
const ir::Bench* effectsOf(const Suite& suite, uint32_t fn) {
  const ir::Bench* bench = suite.bench(fn);
  return bench && isNumeric(suite.function(fn).params[0].type) ? bench : nullptr;
}

// The effects on a complex-typed value, as Python's complex + float would
// apply them; a corrupted point becomes the (real) draw.
Scalar withEffect(const Scalar& value, const rt::PointEffect& effect, rt::Arena& arena) {
  const rt::Complex& z = *value.c;
  if (effect.outside)
    return Scalar::ofComplex(rt::makeComplex(arena, {std::nan(""), 0.0, false}));
  rt::Complex result = effect.replacement ? rt::Complex{*effect.replacement, 0.0, false} : z;
  if (effect.noise) {
    result.re += *effect.noise;
    if (result.isComplex)
      result.im += 0.0; // complex(n, 0.0) is added: -0.0 parts become 0.0
  }
  return Scalar::ofComplex(rt::makeComplex(arena, result));
}

// The seed fn's outputs depend on under `effects`: only noise and corruption
// draw random numbers (a domain alone does not).
std::optional<uint64_t> seedDrawn(const Suite& suite, uint32_t fn, const Effects& effects) {
  const ir::Bench* bench = effectsOf(suite, fn);
  if (!bench || !effects.apply)
    return std::nullopt;
  bool random = bench->effects.noise.kind != rt::NoiseKind::None ||
                bench->effects.corruption.region != rt::CorruptRegion::None;
  return random ? std::optional<uint64_t>(effects.seed) : std::nullopt;
}

// fn's checked batch entry on a context of its own (the entry empties its
// arena between points), with the default loop budget for each point; each
// point's error kind into `kinds`, unless it is empty (then not kept).
void runCheckedBatch(const Suite& suite, uint32_t fn, std::span<const double> x, std::span<double> y,
                     std::span<uint8_t> kinds) {
  rt::Arena arena;
  rt::Context ctx{&arena};
  ctx.begin();
  suite.runCheckedBatch(fn, ctx, x.data(), y.data(), kinds.empty() ? nullptr : kinds.data(), x.size());
}

// Whether evaluateValues computes fn at reals with its defaults through the
// checked batch entry, to the same values as boxed calls: it takes a real
// (a double holds each input exactly) and returns a real or a bool (an int
// past 2^53 would not survive the double).
bool valuesRunCheckedBatch(const Suite& suite, uint32_t fn) {
  const ir::Function& f = suite.function(fn);
  return suite.runsCheckedBatch(fn) && f.params[0].type == Type::Real &&
         (f.resultType == Type::Real || f.resultType == Type::Bool);
}

// ... and whether these are such inputs: reals, and `rest` the defaults the
// entry has built in.
bool valuesFitCheckedBatch(const Suite& suite, uint32_t fn, std::span<const Scalar> inputs,
                           std::span<const Scalar> rest) {
  const ir::Function& f = suite.function(fn);
  if (!valuesRunCheckedBatch(suite, fn) || rest.size() + 1 != f.params.size())
    return false;
  for (size_t k = 0; k < rest.size(); ++k)
    if (!rest[k].identical(*f.params[k + 1].defaultValue))
      return false;
  return std::all_of(inputs.begin(), inputs.end(), [](const Scalar& s) { return s.type == Type::Real; });
}

void requireSize(size_t got, size_t want, const char* what) {
  if (got != want)
    throw InputError(std::string(what) + " has " + std::to_string(got) + " elements, the inputs " +
                     std::to_string(want));
}

} // namespace

void addEntryPoints(const Suite& suite, uint32_t fn, bool explicitParams, EntryPointLists& lists) {
  const ir::Function& f = suite.function(fn);
  if (!explicitParams && f.hasUnaryEntry())
    lists.unary.push_back(fn);
  else if (!explicitParams && valuesRunCheckedBatch(suite, fn))
    lists.checked.push_back(fn);
  else
    lists.boxed.push_back(fn);
}

bool Outputs::anyFailed() const {
  return std::any_of(errors.begin(), errors.end(), [](rt::ErrorKind e) { return e != rt::ErrorKind::None; });
}

Scalar batchValue(double y, Type type) {
  switch (type) {
  case Type::Int: return Scalar::ofInt(rt::realToInt(y)); // 2^63 comes back as INT64_MAX
  case Type::Bool: return Scalar::ofBool(y != 0.0);
  default: return Scalar::ofReal(y);
  }
}

InputError tooManyParams(const ir::Function& fn, size_t given, std::string_view source) {
  size_t after = fn.params.empty() ? 0 : fn.params.size() - 1;
  return InputError("'" + fn.name + "' takes " + (after == 0 ? std::string("no") : std::to_string(after)) +
                    " parameter" + (after == 1 ? "" : "s") + " after its input, but " + std::string(source) +
                    " gives " + std::to_string(given));
}

std::vector<Scalar> bindParams(const ir::Function& fn, std::span<const Scalar> given) {
  if (given.size() + 1 > std::max<size_t>(fn.params.size(), 1))
    throw tooManyParams(fn, given.size(), "the call");
  std::vector<Scalar> rest;
  for (size_t k = 1; k < fn.params.size(); ++k) {
    const ir::Param& p = fn.params[k];
    if (k - 1 < given.size()) {
      Scalar value = given[k - 1];
      if (value.type == Type::Int && p.type == Type::Real)
        value = Scalar::ofReal(static_cast<double>(value.i));
      if (value.type != p.type)
        throw InputError("parameter '" + p.name + "' of '" + fn.name + "' has type '" + std::string(typeName(p.type)) +
                         "', but is given a value of type '" + std::string(typeName(value.type)) + "'");
      rest.push_back(value);
    } else if (p.defaultValue) {
      rest.push_back(*p.defaultValue);
    } else {
      throw InputError("'" + fn.name + "' needs a value for parameter '" + p.name + "'");
    }
  }
  return rest;
}

void evaluateNumbers(const Suite& suite, uint32_t fn, std::span<const double> x, std::span<double> y,
                     const Effects& effects, std::span<rt::ErrorKind> errors) {
  const ir::Function& f = suite.function(fn);
  if (!f.takesNumbers())
    throw InputError("'" + f.name + "' cannot be evaluated at numbers: it takes (" +
                     (f.params.empty() ? std::string() : std::string(typeName(f.params[0].type))) + ", ...) and returns '" +
                     std::string(typeName(f.resultType)) + "'; call it with values");
  requireSize(y.size(), x.size(), "the output array");
  if (!errors.empty())
    requireSize(errors.size(), x.size(), "the error array");
  std::fill(errors.begin(), errors.end(), rt::ErrorKind::None);
  if (f.params[0].type == Type::Int)
    if (std::optional<size_t> i = firstNonIntegral(x))
      throw InputError("'" + f.name + "' takes an int; input " + formatPython(Scalar::ofReal(x[*i])) +
                       " is not an integer");
  const ir::Bench* bench = effectsOf(suite, fn);
  std::vector<bool> failed;
  if (f.hasUnaryEntry()) {
    suite.runBatch(fn, x.data(), y.data(), x.size());
  } else if (suite.runsCheckedBatch(fn)) {
    // One compiled loop; each point as one boxed call below evaluates it.
    // The errors are kept only for the caller or the effects (10^6 bytes
    // written and faulted in would cost a memory-speed batch half its time).
    std::vector<uint8_t> kinds(!errors.empty() || bench ? x.size() : 0);
    runCheckedBatch(suite, fn, x, y, kinds);
    if (!errors.empty())
      std::transform(kinds.begin(), kinds.end(), errors.begin(), [](uint8_t k) { return rt::ErrorKind(k); });
    if (bench) // only effects need to know (a failed point's NaN is in y already)
      std::transform(kinds.begin(), kinds.end(), std::back_inserter(failed), [](uint8_t k) { return k != 0; });
  } else {
    // One call per input, the parameters after the first at their defaults.
    std::vector<Scalar> args(1);
    std::vector<Scalar> rest = bindParams(f, {});
    args.insert(args.end(), rest.begin(), rest.end());
    rt::Arena arena;
    rt::Context ctx{&arena};
    ctx.drawKey = rt::benchKey(effects.seed, f.name);
    failed.resize(x.size());
    for (size_t i = 0; i < x.size(); ++i) {
      args[0] = unaryArgument(f.params[0], x[i]);
      ctx.begin();
      ctx.query = effects.firstQuery + i;
      Scalar value = suite.runBoxed(fn, ctx, args);
      failed[i] = ctx.errorKind() != rt::ErrorKind::None;
      y[i] = failed[i] ? std::nan("") : value.asDouble();
      if (!errors.empty())
        errors[i] = ctx.errorKind();
      arena.reset();
    }
  }
  if (bench) {
    rt::applyEffects(bench->effects, rt::benchKey(effects.seed, f.name), effects.firstQuery, x.data(), y.data(),
                     x.size(), effects.apply);
    for (size_t i = 0; i < failed.size(); ++i)
      if (failed[i])
        y[i] = std::nan("");
  }
}

void evaluateNumberCodes(const Suite& suite, uint32_t fn, std::span<const double> x, std::span<double> y,
                         const Effects& effects, std::span<uint8_t> codes) {
  if (codes.empty()) {
    evaluateNumbers(suite, fn, x, y, effects);
    return;
  }
  requireSize(codes.size(), x.size(), "the error array");
  std::vector<rt::ErrorKind> kinds(x.size());
  evaluateNumbers(suite, fn, x, y, effects, kinds);
  for (size_t i = 0; i < kinds.size(); ++i)
    codes[i] = static_cast<uint8_t>(kinds[i]);
}

std::optional<size_t> firstNonIntegral(std::span<const double> x) {
  for (size_t i = 0; i < x.size(); ++i)
    if (x[i] != std::floor(x[i]) || !std::isfinite(x[i]))
      return i;
  return std::nullopt;
}

Outputs evaluateValues(const Suite& suite, uint32_t fn, std::span<const Scalar> inputs, std::span<const Scalar> rest,
                       const Effects& effects, rt::Arena& arena) {
  const ir::Function& f = suite.function(fn);
  if (f.params.empty())
    throw InputError("'" + f.name + "' takes no parameters: there is nothing to bind an input to");
  Outputs out;
  out.type = f.resultType;
  out.inputs.assign(inputs.begin(), inputs.end());
  if (valuesFitCheckedBatch(suite, fn, inputs, rest)) {
    std::vector<double> x, y(inputs.size());
    for (const Scalar& input : inputs)
      x.push_back(input.r);
    std::vector<uint8_t> kinds(inputs.size());
    runCheckedBatch(suite, fn, x, y, kinds);
    for (size_t k = 0; k < inputs.size(); ++k) {
      out.values.push_back(batchValue(y[k], f.resultType));
      out.errors.push_back(static_cast<rt::ErrorKind>(kinds[k]));
    }
  } else {
    std::vector<Scalar> args(1 + rest.size());
    std::copy(rest.begin(), rest.end(), args.begin() + 1);
    rt::Context ctx{&arena};
    ctx.drawKey = rt::benchKey(effects.seed, f.name); // the function's own draws: Python's random
    for (const Scalar& input : inputs) {
      args[0] = input;
      ctx.begin();
      ctx.query = effects.firstQuery + out.values.size();
      out.values.push_back(suite.runBoxed(fn, ctx, args));
      out.errors.push_back(ctx.errorKind());
    }
  }
  if (f.drawsRandom) // Python's random in the function: keyed by the seed too
    out.seed = effects.seed;
  const ir::Bench* bench = effectsOf(suite, fn);
  if (bench && out.type == Type::Complex) {
    rt::PhiloxKey key = rt::benchKey(effects.seed, f.name);
    for (size_t k = 0; k < out.size(); ++k)
      if (!out.failed(k))
        out.values[k] = withEffect(out.values[k], rt::effectAt(bench->effects, key, effects.firstQuery + k,
                                                                out.inputs[k].asDouble(), effects.apply),
                                   arena);
  } else if (bench) {
    std::vector<double> xs, ys;
    for (size_t k = 0; k < out.size(); ++k) {
      xs.push_back(out.inputs[k].asDouble());
      ys.push_back(out.values[k].asDouble());
    }
    rt::applyEffects(bench->effects, rt::benchKey(effects.seed, f.name), effects.firstQuery, xs.data(), ys.data(),
                     xs.size(), effects.apply);
    out.type = bench->servedType(out.type);
    if (!out.seed)
      out.seed = seedDrawn(suite, fn, effects);
    for (size_t k = 0; k < ys.size(); ++k)
      if (!out.failed(k))
        out.values[k] = batchValue(ys[k], out.type);
  }
  return out;
}

Outputs evaluateBatch(const Suite& suite, uint32_t fn, std::span<const double> x, const Effects& effects) {
  std::vector<double> y(x.size());
  evaluateNumbers(suite, fn, x, y, effects);
  Outputs out;
  out.type = outputType(suite, fn, effects);
  for (size_t i = 0; i < y.size(); ++i) {
    out.inputs.push_back(Scalar::ofReal(x[i]));
    out.values.push_back(batchValue(y[i], out.type));
  }
  out.errors.assign(y.size(), rt::ErrorKind::None);
  out.seed = seedDrawn(suite, fn, effects);
  return out;
}

Outputs evaluateCall(const Suite& suite, uint32_t fn, std::span<const Scalar> inputs,
                     std::optional<std::span<const Scalar>> given, const Effects& effects, rt::Arena& arena) {
  const ir::Function& f = suite.function(fn);
  bool numbers = std::all_of(inputs.begin(), inputs.end(), [](const Scalar& s) { return isNumeric(s.type); });
  if (f.hasUnaryEntry() && !given && numbers) {
    std::vector<double> x;
    for (const Scalar& input : inputs)
      x.push_back(input.asDouble());
    return evaluateBatch(suite, fn, x, effects);
  }
  std::vector<Scalar> args;
  if (!f.params.empty())
    for (const Scalar& input : inputs)
      args.push_back(input.type == Type::Int && f.params[0].type == Type::Real ? Scalar::ofReal(double(input.i)) : input);
  for (const Scalar& input : args)
    if (input.type != f.params[0].type)
      throw InputError("'" + f.name + "' takes a '" + std::string(typeName(f.params[0].type)) +
                       "' first, but is given a '" + std::string(typeName(input.type)) + "'");
  std::vector<Scalar> rest = bindParams(f, given.value_or(std::span<const Scalar>{}));
  return evaluateValues(suite, fn, args, rest, effects, arena);
}

Type outputType(const Suite& suite, uint32_t fn, const Effects& effects) {
  const ir::Bench* bench = effectsOf(suite, fn);
  Type clean = suite.function(fn).resultType;
  return bench ? bench->servedType(clean) : clean;
}

void Session::evaluateNumbers(std::span<const double> x, std::span<double> y, std::span<uint8_t> codes) {
  evaluateNumberCodes(suite_, fn_, x, y, effects(), codes);
  nextQuery_ += x.size();
}

} // namespace findc::engine

// The C++ API (include/findc/findc.hpp) over the engine: owned values in,
// owned values out; the engine's arenas and scalars stay inside.
#include "findc/findc.hpp"

#include "compiler/support/Version.h"
#include "engine/Compile.h"
#include "engine/Format.h"
#include "runtime/PyNumbers.h"

#include <type_traits>

namespace findc {
namespace {

Scalar toScalar(const Value& value, rt::Arena& arena) {
  return std::visit(
      [&](const auto& v) -> Scalar {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, bool>)
          return Scalar::ofBool(v);
        else if constexpr (std::is_same_v<T, int64_t>)
          return Scalar::ofInt(v);
        else if constexpr (std::is_same_v<T, double>)
          return Scalar::ofReal(v);
        else if constexpr (std::is_same_v<T, std::string>)
          return Scalar::ofStr(rt::makeStr(arena, v));
        else if constexpr (std::is_same_v<T, std::vector<std::string>>)
          return Scalar::ofList(Type::StrList, rt::makeStrList(arena, v));
        else if constexpr (std::is_same_v<T, std::vector<int64_t>>)
          return Scalar::ofList(Type::IntList, rt::makeIntList(arena, v));
        else if constexpr (std::is_same_v<T, std::vector<double>>)
          return Scalar::ofList(Type::RealList, rt::makeRealList(arena, v));
        else if constexpr (std::is_same_v<T, std::complex<double>>)
          return Scalar::ofComplex(rt::makeComplex(arena, {v.real(), v.imag(), true}));
        else
          return Scalar::ofMap(Type::StrMap, rt::makeMap(arena, v));
      },
      value.data);
}

Value toValue(const Scalar& s) {
  switch (s.type) {
  case Type::Bool: return Value(s.b);
  case Type::Int: return Value(s.i);
  case Type::Real: return Value(s.r);
  case Type::Str: return Value(std::string(s.s->view()));
  case Type::StrList: {
    std::vector<std::string> items;
    for (int64_t k = 0; k < s.list->size; ++k)
      items.emplace_back(s.list->items[k].s->view());
    return Value(std::move(items));
  }
  case Type::IntList: {
    std::vector<int64_t> items;
    for (int64_t k = 0; k < s.list->size; ++k)
      items.push_back(s.list->items[k].i);
    return Value(std::move(items));
  }
  case Type::RealList: {
    std::vector<double> items;
    for (int64_t k = 0; k < s.list->size; ++k)
      items.push_back(s.list->items[k].r);
    return Value(std::move(items));
  }
  case Type::Complex:
    if (s.c->isComplex)
      return Value(std::complex<double>(s.c->re, s.c->im));
    return Value(s.c->re);
  case Type::StrMap: {
    Value::Map entries;
    for (int64_t k = 0; k < s.map->size; ++k)
      entries.emplace_back(s.map->keys[k].s->view(), s.map->values[k].s->view());
    return Value(std::move(entries));
  }
  case Type::StrIntMap: // a hypothesis's own values: the Python front end returns none of them
  case Type::StrRealMap:
  case Type::IntStrMap:
  case Type::IntIntMap:
  case Type::IntRealMap:
    throw std::invalid_argument("findc: a " + std::string(typeName(s.type)) +
                                " value has no public form (maps passed in or out are map[str, str])");
  case Type::Error: break;
  }
  throw std::logic_error("findc: a value without a type");
}

std::vector<Outcome> toOutcomes(const engine::Outputs& outputs) {
  std::vector<Outcome> outcomes(outputs.size());
  for (size_t i = 0; i < outputs.size(); ++i) {
    if (outputs.failed(i))
      outcomes[i].error = std::string(rt::errorName(outputs.errors[i]));
    else
      outcomes[i].value = toValue(outputs.values[i]);
  }
  return outcomes;
}

// With a session, its effects, and its counter moves past the inputs.
std::vector<Outcome> call(const engine::Suite& suite, uint32_t fn, std::span<const Value> inputs,
                          std::span<const Value> params, const Effects& effects, engine::Session* session) {
  rt::Arena arena;
  std::vector<Scalar> in, given;
  for (const Value& v : inputs)
    in.push_back(toScalar(v, arena));
  for (const Value& v : params)
    given.push_back(toScalar(v, arena));
  std::optional<std::span<const Scalar>> explicitParams;
  if (!params.empty())
    explicitParams = given;
  engine::Outputs outputs =
      engine::evaluateCall(suite, fn, in, explicitParams, session ? session->effects() : effects, arena);
  if (session)
    session->advance(in.size());
  return toOutcomes(outputs);
}

} // namespace

std::string_view version() { return kVersion; }

std::string_view Value::type() const {
  rt::Arena arena;
  return typeName(toScalar(*this, arena).type);
}

std::string Value::str() const {
  rt::Arena arena;
  return formatPython(toScalar(*this, arena));
}

std::string Value::json() const {
  rt::Arena arena;
  return engine::formatJsonValue(toScalar(*this, arena));
}

std::string_view errorName(uint8_t code) {
  return code == 0 ? std::string_view() : rt::errorName(static_cast<rt::ErrorKind>(code));
}

const std::string& Function::name() const { return suite_->function(index_).name; }
std::string Function::signature() const { return engine::formatSignature(suite_->function(index_)); }
const std::string& Function::description() const { return suite_->function(index_).doc; }
std::string Function::metadataJson() const { return engine::formatMetadataJson(*suite_, index_); }
bool Function::isBench() const { return suite_->bench(index_) != nullptr; }
bool Function::takesNumbers() const { return suite_->function(index_).takesNumbers(); }

std::vector<std::pair<std::string, std::string>> Function::params() const {
  std::vector<std::pair<std::string, std::string>> params;
  for (const ir::Param& p : suite_->function(index_).params)
    params.emplace_back(p.name, typeName(p.type));
  return params;
}

std::string_view Function::resultType() const { return typeName(suite_->function(index_).resultType); }

void Function::evaluate(std::span<const double> x, std::span<double> y, const Effects& effects,
                        std::span<uint8_t> errors) const {
  engine::evaluateNumberCodes(*suite_, index_, x, y, effects, errors);
}

std::vector<double> Function::evaluate(std::span<const double> x, const Effects& effects) const {
  std::vector<double> y(x.size());
  evaluate(x, y, effects);
  return y;
}

double Function::evaluate(double x, const Effects& effects) const {
  double y = 0;
  evaluate(std::span(&x, 1), std::span(&y, 1), effects);
  return y;
}

std::vector<Outcome> Function::call(std::span<const Value> inputs, std::span<const Value> params,
                                    const Effects& effects) const {
  return findc::call(*suite_, index_, inputs, params, effects, nullptr);
}

Outcome Function::call(const Value& input, std::span<const Value> params, const Effects& effects) const {
  return call(std::span(&input, 1), params, effects).front();
}

Session Function::session(uint64_t seed, uint64_t firstQuery) const { return Session(*this, seed, firstQuery); }

Session::Session(Function function, uint64_t seed, uint64_t firstQuery)
    : function_(std::move(function)),
      session_(std::make_unique<engine::Session>(*function_.suite_, function_.index_, seed, firstQuery)) {}
Session::Session(Session&&) noexcept = default;
Session& Session::operator=(Session&&) noexcept = default;
Session::~Session() = default;

void Session::evaluate(std::span<const double> x, std::span<double> y, std::span<uint8_t> errors) {
  session_->evaluateNumbers(x, y, errors);
}

std::vector<Outcome> Session::call(std::span<const Value> inputs, std::span<const Value> params) {
  return findc::call(*function_.suite_, function_.index_, inputs, params, {}, session_.get());
}

uint64_t Session::seed() const { return session_->seed(); }
uint64_t Session::nextQuery() const { return session_->nextQuery(); }

Suite Suite::load(const std::string& path, const LoadOptions& options) {
  return Suite(engine::loadOrThrow(path, options));
}

Suite Suite::compile(std::string_view source, std::string_view name, const LoadOptions& options) {
  return Suite(engine::compileOrThrow(source, name, options));
}

Suite Suite::stdlib(const LoadOptions& options) { return Suite(engine::stdlibOrThrow(options)); }

std::vector<std::string> Suite::names() const {
  std::vector<std::string> names;
  for (uint32_t f : impl_->visible())
    names.push_back(impl_->function(f).name);
  return names;
}

std::vector<Function> Suite::functions() const {
  std::vector<Function> functions;
  for (uint32_t f : impl_->visible())
    functions.push_back(Function(impl_, f));
  return functions;
}

bool Suite::contains(std::string_view name) const { return impl_->find(name).has_value(); }

Function Suite::operator[](std::string_view name) const { return Function(impl_, impl_->resolve(name)); }

void Suite::compileAll() const {
  engine::EntryPointLists entries;
  for (uint32_t f : impl_->visible())
    engine::addEntryPoints(*impl_, f, /*explicitParams=*/false, entries);
  impl_->prepare(entries.unary, entries.boxed, entries.checked);
}

const LoadOptions& Suite::options() const { return impl_->options(); }

} // namespace findc

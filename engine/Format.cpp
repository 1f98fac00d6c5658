#include "engine/Format.h"

#include "runtime/PyNumbers.h"

#include <fmt/core.h>

#include <cmath>

namespace findc::engine {
namespace {

std::string jsonReal(double x) { return formatJsonValue(Scalar::ofReal(x)); }

template <typename Item> std::string joined(size_t count, Item item) {
  std::string out;
  for (size_t i = 0; i < count; ++i)
    out += (i ? ", " : "") + item(i);
  return out;
}

// The suite metadata of a bench, as JSON members (leading ", ").
std::string benchJson(const ir::Bench& bench) {
  std::string domain =
      bench.domain ? fmt::format("[{}, {}]", jsonReal(bench.domain->first), jsonReal(bench.domain->second)) : "null";
  std::string noise = "null";
  if (const rt::NoiseSpec& n = bench.effects.noise; n.kind != rt::NoiseKind::None) {
    noise = fmt::format("{{\"kind\": \"{}\", \"scale\": {}}}", rt::noiseKindName(n.kind), jsonReal(n.scale));
  }
  std::string corruption = "null";
  if (const rt::CorruptionSpec& c = bench.effects.corruption; c.region != rt::CorruptRegion::None) {
    bool inside = c.region == rt::CorruptRegion::Inside;
    std::string bounds = inside ? fmt::format("[{}, {}]", jsonReal(c.a), jsonReal(c.b)) : fmt::format("[{}]", jsonReal(c.a));
    corruption = fmt::format("{{\"kind\": \"{}\", \"bounds\": {}, \"mean\": {}, \"scale\": {}}}",
                             rt::corruptRegionName(c.region), bounds,
                             jsonReal(c.mean), jsonReal(c.scale));
  }
  std::string approx = "null";
  if (bench.approx)
    approx = fmt::format("{{\"kind\": \"mlp\", \"hidden\": {}, \"trained\": {}, \"mse\": {}}}", bench.approx->hidden,
                         bench.approx->trained ? "true" : "false",
                         bench.approx->mse ? jsonReal(*bench.approx->mse) : "null");
  return fmt::format(", \"bench\": true, \"category\": {}, \"domain\": {}, \"outside_domain\": \"{}\", "
                     "\"noise\": {}, \"corruption\": {}, \"approx\": {}",
                     formatJsonString(bench.category), domain,
                     bench.domain && !bench.extrapolate ? "nan" : "extrapolate", noise, corruption, approx);
}

} // namespace

std::string formatText(const Scalar& value) {
  return value.type == Type::Real ? formatG17(value.r) : formatPython(value);
}

std::string formatText(const Outputs& outputs, size_t i) {
  return outputs.failed(i) ? "None" : formatText(outputs.values[i]);
}

std::string formatJsonValue(const Scalar& value) {
  switch (value.type) {
  case Type::Bool: return value.b ? "true" : "false";
  case Type::Int: return std::to_string(value.i);
  case Type::Real: return std::isfinite(value.r) ? formatG17(value.r) : "null";
  case Type::Complex:
    if (!value.c->isComplex)
      return formatJsonValue(Scalar::ofReal(value.c->re));
    return "{\"re\": " + formatJsonValue(Scalar::ofReal(value.c->re)) +
           ", \"im\": " + formatJsonValue(Scalar::ofReal(value.c->im)) + "}";
  default: return formatJson(value);
  }
}

std::string formatEvalJson(std::string_view function, const Outputs& outputs) {
  size_t n = outputs.size();
  std::string inputs = joined(n, [&](size_t i) { return formatJsonValue(outputs.inputs[i]); });
  std::string values =
      joined(n, [&](size_t i) { return outputs.failed(i) ? std::string("null") : formatJsonValue(outputs.values[i]); });
  std::string errors;
  if (outputs.anyFailed())
    errors = ", \"errors\": [" + joined(n, [&](size_t i) {
               return outputs.failed(i) ? formatJsonString(rt::errorName(outputs.errors[i])) : std::string("null");
             }) + "]";
  std::string seed = outputs.seed ? fmt::format(", \"seed\": {}", *outputs.seed) : std::string();
  return fmt::format("{{\"fn\": {}, \"inputs\": [{}], \"outputs\": [{}]{}{}}}", formatJsonString(function), inputs,
                     values, errors, seed);
}

std::string formatFindLine(std::span<const std::string> inputs, const Outputs& outputs) {
  std::string line = "Function input - output pairs: ";
  for (size_t i = 0; i < inputs.size(); ++i) {
    // FIND's frame prints None where its code raised; NumPy's nan and inf print as they are.
    line += "(" + inputs[i] + ", " + (outputs.failed(i) ? "None" : formatPython(outputs.values[i])) + ") ";
  }
  return line;
}

std::string formatSignature(const ir::Function& fn) {
  std::string params = joined(fn.params.size(), [&](size_t i) {
    const ir::Param& p = fn.params[i];
    return p.name + ": " + std::string(typeName(p.type)) + (p.defaultValue ? " = " + formatPython(*p.defaultValue) : "");
  });
  return fn.name + "(" + params + ") -> " + std::string(typeName(fn.resultType));
}

std::string formatMetadataJson(const Suite& suite, uint32_t f) {
  const ir::Function& fn = suite.function(f);
  std::string params = joined(fn.params.size(), [&](size_t i) {
    const ir::Param& p = fn.params[i];
    std::string defaultValue = p.defaultValue ? ", \"default\": " + formatJsonValue(*p.defaultValue) : "";
    return fmt::format("{{\"name\": {}, \"type\": \"{}\"{}}}", formatJsonString(p.name), typeName(p.type), defaultValue);
  });
  const ir::Bench* bench = suite.bench(f);
  return fmt::format("{{\"name\": {}, \"params\": [{}], \"result\": \"{}\", \"unary\": {}, \"description\": {}{}}}",
                     formatJsonString(fn.name), params, typeName(fn.resultType), fn.hasUnaryEntry() ? "true" : "false",
                     formatJsonString(fn.doc), bench ? benchJson(*bench) : "");
}

} // namespace findc::engine

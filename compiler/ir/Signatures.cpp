#include "compiler/ir/Signatures.h"

#include "compiler/support/Bytes.h"

#include <algorithm>
#include <stdexcept>
#include <vector>

namespace findc::ir {
namespace {

// Written first: a reader of another layout refuses rather than misreads.
constexpr uint32_t kLayout = 1;

template <typename Enum> Enum checkedEnum(ByteReader& in, Enum last) {
  auto raw = in.get<uint8_t>();
  if (raw > static_cast<uint8_t>(last))
    in.fail();
  return static_cast<Enum>(raw);
}

void putOptionalDouble(ByteWriter& out, const std::optional<double>& value) {
  out.put<uint8_t>(value.has_value());
  out.put<double>(value.value_or(0));
}
std::optional<double> getOptionalDouble(ByteReader& in) {
  bool present = in.get<uint8_t>() != 0;
  double value = in.get<double>();
  return present ? std::optional<double>(value) : std::nullopt;
}

void putDefault(ByteWriter& out, const Function& fn, const Param& p) {
  out.put<uint8_t>(p.defaultValue.has_value());
  if (!p.defaultValue)
    return;
  const Scalar& value = *p.defaultValue;
  if (isHandle(value.type))
    throw std::invalid_argument("parameter '" + p.name + "' of '" + fn.name + "' has a " +
                                std::string(typeName(value.type)) + " default: artifacts hold number defaults only");
  out.put<uint8_t>(static_cast<uint8_t>(value.type));
  out.put<int64_t>(value.type == Type::Real ? std::bit_cast<int64_t>(value.r)
                   : value.type == Type::Bool ? int64_t{value.b}
                                              : value.i);
}
std::optional<Scalar> getDefault(ByteReader& in) {
  if (in.get<uint8_t>() == 0)
    return std::nullopt;
  Type type = checkedEnum(in, Type::RealList);
  auto bits = in.get<int64_t>();
  switch (type) {
  case Type::Bool: return Scalar::ofBool(bits != 0);
  case Type::Int: return Scalar::ofInt(bits);
  case Type::Real: return Scalar::ofReal(std::bit_cast<double>(bits));
  default: in.fail();
  }
}

} // namespace

std::string encodeSignatures(const Module& module, bool withDocs) {
  ByteWriter out;
  out.put<uint32_t>(kLayout);
  out.put<uint64_t>(module.functions.size());
  for (const Function& fn : module.functions) {
    out.putBytes(fn.name);
    out.putBytes(withDocs ? fn.doc : "");
    out.put<uint8_t>(static_cast<uint8_t>(fn.resultType));
    out.put<uint8_t>(fn.usesContext);
    out.put<uint8_t>(fn.drawsRandom);
    out.put<uint64_t>(fn.params.size());
    for (const Param& p : fn.params) {
      out.putBytes(p.name);
      out.put<uint8_t>(static_cast<uint8_t>(p.type));
      putDefault(out, fn, p);
    }
  }
  out.put<uint64_t>(module.benches.size());
  for (const Bench& bench : module.benches) {
    out.put<uint32_t>(bench.function);
    out.putBytes(bench.category);
    out.put<uint8_t>(bench.domain.has_value());
    out.put<double>(bench.domain ? bench.domain->first : 0);
    out.put<double>(bench.domain ? bench.domain->second : 0);
    out.put<uint8_t>(bench.extrapolate);
    const rt::BenchEffects& e = bench.effects;
    out.put<uint8_t>(static_cast<uint8_t>(e.noise.kind));
    out.put<double>(e.noise.scale);
    out.put<uint8_t>(static_cast<uint8_t>(e.corruption.region));
    for (double v : {e.corruption.a, e.corruption.b, e.corruption.mean, e.corruption.scale, e.domainLo, e.domainHi})
      out.put<double>(v);
    out.put<uint8_t>(bench.approx.has_value());
    if (bench.approx) {
      const Bench::Approx& a = *bench.approx;
      out.put<uint32_t>(a.hidden);
      out.put<uint8_t>(a.trained);
      putOptionalDouble(out, a.mse);
      out.put<uint32_t>(a.target);
      out.put<uint32_t>(a.line);
      out.put<uint32_t>(a.column);
      out.put<uint64_t>(a.endOffset);
    }
  }
  return std::move(out.bytes());
}

namespace {

constexpr uint32_t kNotKept = UINT32_MAX;

void readFunction(ByteReader& in, Function& fn) {
  fn.name = in.getBytes();
  fn.doc = in.getBytes();
  fn.resultType = checkedEnum(in, Type::IntRealMap);
  fn.usesContext = in.get<uint8_t>() != 0;
  fn.drawsRandom = in.get<uint8_t>() != 0;
  fn.params.resize(in.getCount(/*smallest param=*/8 + 2));
  for (Param& p : fn.params) {
    p.name = in.getBytes();
    p.type = checkedEnum(in, Type::IntRealMap);
    p.defaultValue = getDefault(in);
  }
}

// Function indices as written, checked against `functions`.
void readBench(ByteReader& in, Bench& bench, size_t functions) {
  auto checkFunction = [&](uint32_t index) {
    if (index >= functions)
      in.fail();
    return index;
  };
  bench.function = checkFunction(in.get<uint32_t>());
  bench.category = in.getBytes();
  bool hasDomain = in.get<uint8_t>() != 0;
  double lo = in.get<double>(), hi = in.get<double>();
  bench.domain.reset();
  if (hasDomain)
    bench.domain = {lo, hi};
  bench.extrapolate = in.get<uint8_t>() != 0;
  rt::BenchEffects& e = bench.effects;
  e.noise.kind = checkedEnum(in, rt::NoiseKind::Poisson);
  e.noise.scale = in.get<double>();
  e.corruption.region = checkedEnum(in, rt::CorruptRegion::Inside);
  for (double* v : {&e.corruption.a, &e.corruption.b, &e.corruption.mean, &e.corruption.scale, &e.domainLo,
                    &e.domainHi})
    *v = in.get<double>();
  bench.approx.reset();
  if (in.get<uint8_t>() != 0) {
    Bench::Approx& a = bench.approx.emplace();
    a.hidden = in.get<uint32_t>();
    a.trained = in.get<uint8_t>() != 0;
    a.mse = getOptionalDouble(in);
    a.target = checkFunction(in.get<uint32_t>());
    a.line = in.get<uint32_t>();
    a.column = in.get<uint32_t>();
    a.endOffset = in.get<uint64_t>();
  }
}

} // namespace

Module decodeSignatures(std::string_view bytes, std::span<const std::string> only) {
  constexpr std::string_view what = "the artifact's function signatures";
  ByteReader in(bytes, what);
  if (in.get<uint32_t>() != kLayout)
    throw std::invalid_argument("the artifact's function signatures are in another layout");
  // Every record is read once, and so checked, into scratch space whose
  // storage the next reuses; where each starts is kept.
  uint64_t functionCount = in.getCount(/*smallest function=*/3 * 8 + 3);
  std::vector<size_t> functionAt(functionCount);
  std::vector<uint8_t> kept(functionCount, only.empty());
  Function function;
  for (uint64_t f = 0; f < functionCount; ++f) {
    functionAt[f] = in.position();
    readFunction(in, function);
    if (std::find(only.begin(), only.end(), function.name) != only.end())
      kept[f] = true;
  }
  uint64_t benchCount = in.getCount(/*smallest bench=*/4 + 8);
  std::vector<size_t> benchAt(benchCount);
  std::vector<uint32_t> approxTarget(functionCount, kNotKept); // of each function's bench
  Bench bench;
  for (uint64_t b = 0; b < benchCount; ++b) {
    benchAt[b] = in.position();
    readBench(in, bench, functionCount);
    if (bench.approx)
      approxTarget[bench.function] = bench.approx->target;
  }
  if (!in.atEnd())
    in.fail();
  // A kept bench's approx target is kept too, and so on.
  for (uint64_t f = functionCount; f-- > 0;)
    for (uint64_t g = f; kept[g] && approxTarget[g] != kNotKept && !kept[approxTarget[g]];)
      kept[g = approxTarget[g]] = true;

  // The kept records, read again into the module, renumbered in order.
  Module module;
  std::vector<uint32_t> newIndex(functionCount, kNotKept);
  for (uint64_t f = 0; f < functionCount; ++f)
    if (kept[f]) {
      newIndex[f] = static_cast<uint32_t>(module.functions.size());
      ByteReader record(bytes.substr(functionAt[f]), what);
      readFunction(record, module.functions.emplace_back());
    }
  for (size_t at : benchAt) {
    ByteReader record(bytes.substr(at), what);
    readBench(record, bench, functionCount);
    if (!kept[bench.function])
      continue;
    bench.function = newIndex[bench.function];
    if (bench.approx)
      bench.approx->target = newIndex[bench.approx->target];
    module.benches.push_back(bench);
  }
  return module;
}

} // namespace findc::ir

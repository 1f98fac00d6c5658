// FIND's numeric sampler: Python-repr formatting, determinism, entry shape,
// FIND's proportions and parameter ranges, names that regenerate from their
// params, and (when shared/find-v1 is present) FIND v1's 1,000 released names
// and corruption means reproduced by the same code.
#include "compiler/suite/FindSampler.h"
#include "runtime/Value.h"

#include <gtest/gtest.h>

#include <llvm/Support/FormatVariadic.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <numbers>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

using findc::suite::findMathMean;
using findc::suite::FindSample;
using findc::suite::formatFindName;
using findc::suite::sampleFindNumeric;
using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

std::string serialize(const FindSample &sample) {
  return llvm::formatv("{0}\n{1}", Value(Array(sample.data)), Value(Object(sample.variants))).str();
}

// "relu;linear;multiply_two((...), (...))" -> "relu;linear;multiply_two"
std::string funcNameOf(llvm::StringRef name) { return name.substr(0, name.find('(')).str(); }

std::vector<std::string> atomsOf(llvm::StringRef funcName) {
  llvm::SmallVector<llvm::StringRef, 3> parts;
  funcName.split(parts, ';');
  if (parts.size() == 1)
    return {parts[0].str()};
  return {parts[0].str(), parts[1].str()};
}

// The values of round(np.linspace(lo, hi, 100), 1), FIND's amplitude, bias,
// phase_shift and period grids.
std::set<double> roundedGrid(double lo, double hi) {
  std::set<double> out;
  for (int k = 0; k < 100; ++k) {
    double x = k == 99 ? hi : k * ((hi - lo) / 99) + lo;
    out.insert(std::nearbyint(x * 10) / 10);
  }
  return out;
}

bool isOneDecimal(double v) {
  std::string text = findc::formatPython(findc::Scalar::ofReal(v));
  size_t dot = text.find('.');
  return dot != std::string::npos && text.size() - dot == 2 && text.find('e') == std::string::npos;
}

std::vector<double> numbersOf(const Value &value) {
  std::vector<double> out;
  if (const Array *array = value.getAsArray())
    for (const Value &element : *array)
      if (std::optional<double> d = element.getAsNumber())
        out.push_back(*d);
  return out;
}

// FIND's parameter ranges (math_functions.sample_single_f), with v1's bias
// grid. Used on sampled and on released entries alike.
void expectAtomInRanges(const std::string &atom, const Value &params, const std::string &where) {
  static const std::set<double> kTenGrid = roundedGrid(-10, 10);
  static const std::set<double> kPeriodGrid = roundedGrid(0.1, 2 * std::numbers::pi);
  SCOPED_TRACE(where + " " + atom);
  auto oneDecimalIn = [&](double v, double lo, double hi) {
    EXPECT_TRUE(isOneDecimal(v)) << v;
    EXPECT_GE(v, lo);
    EXPECT_LE(v, hi);
  };
  auto onGrid = [&](double v, const std::set<double> &grid) { EXPECT_TRUE(grid.count(v)) << v; };
  if (atom == "ceil" || atom == "floor") {
    EXPECT_EQ(params.kind(), Value::Null);
    return;
  }
  if (atom == "constant") {
    std::optional<int64_t> c = params.getAsInteger();
    ASSERT_TRUE(c);
    EXPECT_GE(*c, -100);
    EXPECT_LE(*c, 99);
    return;
  }
  if (atom == "rational") {
    const Array *parts = params.getAsArray();
    ASSERT_TRUE(parts && parts->size() == 2);
    std::vector<double> num = numbersOf((*parts)[0]), den = numbersOf((*parts)[1]);
    EXPECT_GE(num.size(), 1u);
    EXPECT_LE(num.size(), 5u);
    EXPECT_GT(den.size(), num.size());
    EXPECT_LE(den.size(), 6u);
    for (double v : num)
      oneDecimalIn(v, -10, 10);
    for (double v : den)
      oneDecimalIn(v, -10, 10);
    return;
  }
  std::vector<double> p = numbersOf(params);
  auto expectSize = [&](size_t n) {
    EXPECT_EQ(p.size(), n);
    return p.size() == n;
  };
  if (atom == "polynomial") {
    EXPECT_GE(p.size(), 3u);
    EXPECT_LE(p.size(), 6u);
    for (double v : p)
      oneDecimalIn(v, -5, 5);
  } else if (atom == "linear") {
    if (expectSize(2))
      for (double v : p)
        oneDecimalIn(v, -10, 10);
  } else if (atom == "reciprocal") {
    if (expectSize(1))
      oneDecimalIn(p[0], -10, 10);
  } else if (atom == "gaussian") {
    if (expectSize(2)) {
      oneDecimalIn(p[0], -50, 50);
      oneDecimalIn(p[1], 1, 10);
    }
  } else if (atom == "square_wave") {
    if (expectSize(2)) {
      oneDecimalIn(p[0], 1, 10);
      oneDecimalIn(p[1], -5, 5);
    }
  } else if (atom == "rectangle") {
    if (expectSize(1))
      oneDecimalIn(p[0], 1, 10);
  } else if (atom == "absolute" || atom == "root" || atom == "logarithm" || atom == "step" || atom == "relu") {
    if (!expectSize(atom == "absolute" ? 2 : 3))
      return;
    oneDecimalIn(p[0], -30, 30); // scale
    onGrid(p[1], kTenGrid);      // bias
    if (atom == "root")
      EXPECT_TRUE(p[2] == 1 || p[2] == 2) << p[2];
    else if (atom == "logarithm")
      oneDecimalIn(p[2], 1, 10);
    else if (atom == "step")
      oneDecimalIn(p[2], -100, 100);
    else if (atom == "relu")
      oneDecimalIn(p[2], 0, 1);
  } else if (atom == "tanh" || atom == "sin" || atom == "cos") {
    if (expectSize(4)) {
      onGrid(p[0], kTenGrid);
      onGrid(p[1], kPeriodGrid);
      onGrid(p[2], kPeriodGrid);
      onGrid(p[3], kTenGrid);
    }
  } else {
    ADD_FAILURE() << "unexpected atom";
  }
}

void expectEntryInRanges(const Object &entry) {
  std::string name = entry.getString("name")->str();
  std::vector<std::string> atoms = atomsOf(funcNameOf(name));
  const Value *params = entry.get("params");
  ASSERT_TRUE(params);
  if (atoms.size() == 1) {
    expectAtomInRanges(atoms[0], *params, name);
    return;
  }
  const Array *pair = params->getAsArray();
  ASSERT_TRUE(pair && pair->size() == 2) << name;
  for (size_t i = 0; i < 2; ++i)
    expectAtomInRanges(atoms[i], (*pair)[i], name);
}

std::vector<int64_t> expectedDomain(llvm::StringRef funcName) {
  if (funcName.contains("log"))
    return {1, 100};
  if (funcName.contains("root"))
    return {0, 100};
  return {-100, 100};
}

// The numbers written in a name, in order ("None" and atom names skipped).
std::vector<std::string> numberTokens(llvm::StringRef name) {
  std::vector<std::string> out;
  name = name.substr(name.find('('));
  for (size_t i = 0; i < name.size();) {
    char c = name[i];
    if (c == '-' || (c >= '0' && c <= '9')) {
      size_t j = i + 1;
      while (j < name.size() && (std::isdigit(static_cast<unsigned char>(name[j])) || name[j] == '.' ||
                                 name[j] == 'e' || name[j] == '+' || name[j] == '-'))
        ++j;
      out.push_back(name.substr(i, j - i).str());
      i = j;
    } else {
      ++i;
    }
  }
  return out;
}

void flatten(const Value &value, std::vector<double> &out) {
  if (const Array *array = value.getAsArray()) {
    for (const Value &element : *array)
      flatten(element, out);
  } else if (std::optional<double> d = value.getAsNumber()) {
    out.push_back(*d);
  }
}

std::optional<Array> loadReleased() {
  std::filesystem::path shared;
  if (const char *env = std::getenv("FINDC_SHARED_DIR"); env && *env)
    shared = env;
  else
    shared = std::filesystem::path(__FILE__).parent_path() / "../../../shared";
  std::ifstream in(shared / "find-v1" / "numeric-data.json");
  if (!in)
    return std::nullopt;
  std::stringstream text;
  text << in.rdbuf();
  llvm::Expected<Value> parsed = llvm::json::parse(text.str());
  if (!parsed) {
    ADD_FAILURE() << llvm::toString(parsed.takeError());
    return std::nullopt;
  }
  if (Array *array = parsed->getAsArray())
    return std::move(*array);
  ADD_FAILURE() << "numeric-data.json is not a list";
  return std::nullopt;
}

const std::set<std::string> kEntryKeys = {"type",
                                          "params",
                                          "name",
                                          "dir",
                                          "approx_mse_error",
                                          "corruption_type",
                                          "corruption_params",
                                          "domain",
                                          "noise_type",
                                          "noise_params",
                                          "GPT_description"};

std::set<std::string> keysOf(const Object &object) {
  std::set<std::string> out;
  for (const auto &kv : object)
    out.insert(kv.first.str());
  return out;
}

TEST(FindSamplerFormat, NamesOfKnownParams) {
  auto name = [](llvm::StringRef funcName, const char *params) {
    llvm::Expected<Value> value = llvm::json::parse(params);
    EXPECT_TRUE(bool(value));
    llvm::Expected<std::string> out = formatFindName(funcName, *value);
    return out ? *out : "error: " + llvm::toString(out.takeError());
  };
  EXPECT_EQ(name("absolute", "[26.8, -8.2]"), "absolute((26.8, -8.2))");
  EXPECT_EQ(name("polynomial", "[-1.1, 4.8, 0.3]"), "polynomial(-1.1, 4.8, 0.3)");
  EXPECT_EQ(name("relu;linear;multiply_two", "[[0.3, 5.6, 0.9], [7.6, 9.1]]"),
            "relu;linear;multiply_two((0.3, 5.6, 0.9), (7.6, 9.1))");
  EXPECT_EQ(name("constant", "-60"), "constant(-60)");
  EXPECT_EQ(name("root", "[19.1, 1.5, 1]"), "root((19.1, 1.5, 1))");
  EXPECT_EQ(name("rectangle", "[1.0]"), "rectangle((1.0,))");
  EXPECT_EQ(name("rational", "[[1.4, 2.0], [6.3, -0.2]]"), "rational(([1.4, 2.0], [6.3, -0.2]))");
  EXPECT_EQ(name("ceil;polynomial;sum_two", "[null, [4.4, 2.0]]"), "ceil;polynomial;sum_two(None, [4.4, 2.0])");
  EXPECT_EQ(name("rectangle;ceil;multiply_two", "[[8.7], null]"), "rectangle;ceil;multiply_two((8.7,), None)");
  EXPECT_EQ(name("floor;constant;sum_two", "[null, -39]"), "floor;constant;sum_two(None, -39)");
  // Not v1: unknown atoms, unused combinators, wrong arity.
  EXPECT_EQ(name("signum", "null").rfind("error", 0), 0u);
  EXPECT_EQ(name("linear;linear;compose", "[[1.0, 2.0], [1.0, 2.0]]").rfind("error", 0), 0u);
  EXPECT_EQ(name("linear", "[1.0]").rfind("error", 0), 0u);
}

TEST(FindSamplerFormat, MathMeanOfSimpleCases) {
  auto mean = [](llvm::StringRef funcName, const char *params, double lo, double hi) {
    llvm::Expected<double> m = findMathMean(funcName, *llvm::json::parse(params), lo, hi);
    EXPECT_TRUE(bool(m));
    return m ? *m : std::nan("");
  };
  EXPECT_EQ(mean("constant", "-39", -100, 100), -39.0);
  // The released std of floor;constant;sum_two(None, -39) (f00160).
  EXPECT_EQ(mean("floor;constant;sum_two", "[null, -39]", -100, 100), -39.49);
  // absolute keeps its bias in the math function: mean a*|x| + b, where
  // mean |x| on linspace(-100, 100, 100) is 100 * (1 + 1/99) / 2.
  EXPECT_NEAR(mean("absolute", "[1.0, 5.0]", -100, 100), 5000.0 / 99 + 5.0, 1e-9);
  EXPECT_NEAR(mean("linear", "[2.0, 3.0]", -100, 100), 3.0, 1e-12);
}

TEST(FindSampler, DeterministicInSeed) {
  std::string a = serialize(sampleFindNumeric(300, 42));
  std::string b = serialize(sampleFindNumeric(300, 42));
  EXPECT_EQ(a, b);
  EXPECT_NE(a, serialize(sampleFindNumeric(300, 43)));
  EXPECT_NE(a, serialize(sampleFindNumeric(300, 42 + (uint64_t{1} << 32)))); // the seed's high half counts
  // Function i depends on (seed, i) only: a shorter run is a prefix of a
  // longer one, except that the MLP cut int(0.15 N) moves with N.
  FindSample small = sampleFindNumeric(100, 42), large = sampleFindNumeric(300, 42);
  for (unsigned i = 0; i < 100; ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(llvm::formatv("{0}", small.data[i]).str(), llvm::formatv("{0}", large.data[i]).str());
    std::string dir = small.data[i].getAsObject()->getString("dir")->str();
    if (i < 15 || i >= 45)
      EXPECT_EQ(*small.variants.getString(dir), *large.variants.getString(dir));
    else
      EXPECT_EQ(*large.variants.getString(dir), "load_mlp.py");
  }
  EXPECT_TRUE(sampleFindNumeric(0, 1).data.empty());
}

TEST(FindSampler, EntryShape) {
  constexpr unsigned kCount = 2000;
  FindSample sample = sampleFindNumeric(kCount, 7);
  ASSERT_EQ(sample.data.size(), kCount);
  EXPECT_EQ(sample.variants.size(), kCount);
  for (unsigned i = 0; i < kCount; ++i) {
    const Object *entry = sample.data[i].getAsObject();
    ASSERT_TRUE(entry);
    SCOPED_TRACE(llvm::formatv("{0}", sample.data[i]).str());
    EXPECT_EQ(keysOf(*entry), kEntryKeys);
    char dir[16];
    std::snprintf(dir, sizeof dir, "f%05u", i);
    EXPECT_EQ(*entry->getString("dir"), dir);
    EXPECT_TRUE(sample.variants.getString(dir));
    std::string name = entry->getString("name")->str();
    std::string funcName = funcNameOf(name);
    std::vector<std::string> atoms = atomsOf(funcName);
    EXPECT_EQ(*entry->getString("type"), atoms.size() == 1 ? "simple" : atoms[0]);
    std::vector<int64_t> domain;
    for (const Value &v : *entry->getArray("domain"))
      domain.push_back(*v.getAsInteger());
    EXPECT_EQ(domain, expectedDomain(funcName));
    EXPECT_EQ(*entry->getString("approx_mse_error"), "not trained");
    EXPECT_EQ(*entry->getString("GPT_description"), "");
    EXPECT_EQ(*entry->getInteger("noise_params"), 1);
    llvm::StringRef noise = *entry->getString("noise_type");
    EXPECT_TRUE(noise == "normal" || noise == "uniform" || noise == "poisson");

    // Corruption: a = round(U(max(lo, -100), 100), 1); b = U(a + 5, a + 25).
    const Object *corruption = entry->getObject("corruption_params");
    ASSERT_TRUE(corruption);
    EXPECT_EQ(keysOf(*corruption), (std::set<std::string>{"std", "boundary"}));
    std::vector<double> boundary = numbersOf(*corruption->get("boundary"));
    llvm::StringRef kind = *entry->getString("corruption_type");
    ASSERT_EQ(boundary.size(), kind == "interval_inside" ? 2u : 1u);
    EXPECT_TRUE(kind == "interval_inside" || kind == "interval_smaller" || kind == "interval_larger");
    EXPECT_TRUE(isOneDecimal(boundary[0])) << boundary[0];
    EXPECT_GE(boundary[0], static_cast<double>(std::max<int64_t>(domain[0], -100)));
    EXPECT_LE(boundary[0], 100.0);
    if (boundary.size() == 2) {
      EXPECT_GE(boundary[1] - boundary[0], 5.0 - 1e-9);
      EXPECT_LE(boundary[1] - boundary[0], 25.0 + 1e-9);
    }
    // std is the math function's mean, or null where it is not finite.
    const Value *stdValue = corruption->get("std");
    ASSERT_TRUE(stdValue);
    llvm::Expected<double> mean =
        findMathMean(funcName, *entry->get("params"), static_cast<double>(domain[0]), static_cast<double>(domain[1]));
    ASSERT_TRUE(bool(mean)) << llvm::toString(mean.takeError());
    if (std::isfinite(*mean))
      EXPECT_EQ(stdValue->getAsNumber(), *mean);
    else
      EXPECT_EQ(stdValue->kind(), Value::Null);
  }
}

TEST(FindSampler, NamesRegenerateFromParams) {
  FindSample sample = sampleFindNumeric(3000, 11);
  for (const Value &value : sample.data) {
    const Object &entry = *value.getAsObject();
    std::string name = entry.getString("name")->str();
    SCOPED_TRACE(name);
    llvm::Expected<std::string> again = formatFindName(funcNameOf(name), *entry.get("params"));
    ASSERT_TRUE(bool(again)) << llvm::toString(again.takeError());
    EXPECT_EQ(*again, name);
    // Every number in the name reads back as the param, sign of zero included.
    std::vector<double> params;
    flatten(*entry.get("params"), params);
    std::vector<std::string> tokens = numberTokens(name);
    ASSERT_EQ(tokens.size(), params.size());
    for (size_t i = 0; i < tokens.size(); ++i) {
      double parsed = std::strtod(tokens[i].c_str(), nullptr);
      EXPECT_EQ(parsed, params[i]) << tokens[i];
      EXPECT_EQ(std::signbit(parsed), std::signbit(params[i])) << tokens[i];
      // Floats print as Python's repr, ints (constant, root's n) as ints.
      EXPECT_TRUE(tokens[i] == findc::formatPython(findc::Scalar::ofReal(parsed)) || tokens[i] == std::to_string(static_cast<int64_t>(parsed)))
          << tokens[i];
    }
  }
}

TEST(FindSampler, ParametersInFindRanges) {
  FindSample sample = sampleFindNumeric(10000, 5);
  for (const Value &value : sample.data)
    expectEntryInRanges(*value.getAsObject());
}

TEST(FindSampler, ProportionsMatchFind) {
  constexpr unsigned kCount = 10000;
  FindSample sample = sampleFindNumeric(kCount, 2023);
  std::map<std::string, double> simpleAtoms, compositionAtoms, ops, noise, corruption, variants, degrees, rootN;
  double simple = 0, compositions = 0, polynomials = 0, roots = 0;
  for (unsigned i = 0; i < kCount; ++i) {
    const Object &entry = *sample.data[i].getAsObject();
    std::string dir = entry.getString("dir")->str();
    std::string variant = sample.variants.getString(dir)->str();
    // The first int(0.15 N) are the MLP functions, and only they.
    EXPECT_EQ(variant == "load_mlp.py", i < 1500) << dir;
    if (variant != "load_mlp.py")
      variants[variant] += 1.0 / (kCount - 1500);
    noise[entry.getString("noise_type")->str()] += 1.0 / kCount;
    corruption[entry.getString("corruption_type")->str()] += 1.0 / kCount;
    std::string funcName = funcNameOf(*entry.getString("name"));
    std::vector<std::string> atoms = atomsOf(funcName);
    if (atoms.size() == 1) {
      ++simple;
      simpleAtoms[atoms[0]] += 1;
    } else {
      ++compositions;
      ops[funcName.substr(funcName.rfind(';') + 1)] += 1;
      compositionAtoms[atoms[0]] += 1;
      compositionAtoms[atoms[1]] += 1;
    }
    auto visit = [&](const std::string &atom, const Value &params) {
      if (atom == "polynomial") {
        ++polynomials;
        degrees[std::to_string(numbersOf(params).size() - 1)] += 1;
      } else if (atom == "root") {
        ++roots;
        rootN[std::to_string(*(*params.getAsArray())[2].getAsInteger())] += 1;
      }
    };
    if (atoms.size() == 1)
      visit(atoms[0], *entry.get("params"));
    else
      for (size_t k = 0; k < 2; ++k)
        visit(atoms[k], (*entry.get("params")->getAsArray())[k]);
  }
  // Binomial standard deviations are at most 0.005 here (0.013 for ops, 0.02
  // for degrees and root's n); bounds are 3-5 of them.
  EXPECT_NEAR(simple / kCount, 0.85, 0.015);
  EXPECT_EQ(simpleAtoms.size(), 16u);
  for (const auto &[atom, n] : simpleAtoms)
    EXPECT_NEAR(n / simple, 1.0 / 16, 0.013) << atom;
  EXPECT_EQ(compositionAtoms.size(), 9u);
  for (const auto &[atom, n] : compositionAtoms)
    EXPECT_NEAR(n / (2 * compositions), 1.0 / 9, 0.025) << atom;
  EXPECT_EQ(ops.size(), 2u);
  EXPECT_NEAR(ops["sum_two"] / compositions, 0.5, 0.05);
  EXPECT_NEAR(ops["multiply_two"] / compositions, 0.5, 0.05);
  // noise: random() < 0.33, else random() < 0.66.
  EXPECT_EQ(noise.size(), 3u);
  EXPECT_NEAR(noise["normal"], 0.33, 0.02);
  EXPECT_NEAR(noise["uniform"], 0.67 * 0.66, 0.02);
  EXPECT_NEAR(noise["poisson"], 0.67 * 0.34, 0.02);
  EXPECT_EQ(corruption.size(), 3u);
  EXPECT_NEAR(corruption["interval_smaller"], 0.25, 0.02);
  EXPECT_NEAR(corruption["interval_larger"], 0.25, 0.02);
  EXPECT_NEAR(corruption["interval_inside"], 0.5, 0.02);
  EXPECT_EQ(variants.size(), 3u);
  EXPECT_NEAR(variants["function_code.py"], 483.0 / 850, 0.025);
  EXPECT_NEAR(variants["noised_function_code.py"], 176.0 / 850, 0.025);
  EXPECT_NEAR(variants["corrupted_function_code.py"], 191.0 / 850, 0.025);
  EXPECT_EQ(degrees.size(), 4u);
  for (const auto &[degree, n] : degrees)
    EXPECT_NEAR(n / polynomials, 0.25, 0.08) << degree;
  EXPECT_EQ(rootN.size(), 2u);
  EXPECT_NEAR(rootN["1"] / roots, 0.5, 0.1);
}

// FIND v1's released entries: every name regenerates from its params and
// type, every param lies in the ranges the sampler uses (which pins v1's bias
// grid), and every corruption std is the math function's mean.
TEST(FindSamplerReleased, V1NamesRangesAndMeans) {
  std::optional<Array> released = loadReleased();
  if (!released)
    GTEST_SKIP() << "shared/find-v1/numeric-data.json not found (set FINDC_SHARED_DIR)";
  ASSERT_EQ(released->size(), 1000u);
  std::set<std::string> expectedKeys = kEntryKeys;
  expectedKeys.insert({"error_code_generated", "error_corrupted_code_generated"});
  double worstStd = 0;
  std::string worstName;
  unsigned bitExact = 0;
  for (const Value &value : *released) {
    const Object &entry = *value.getAsObject();
    std::string name = entry.getString("name")->str();
    SCOPED_TRACE(name);
    EXPECT_EQ(keysOf(entry), expectedKeys);
    std::string funcName = funcNameOf(name);
    llvm::Expected<std::string> again = formatFindName(funcName, *entry.get("params"));
    ASSERT_TRUE(bool(again)) << llvm::toString(again.takeError());
    EXPECT_EQ(*again, name);
    std::vector<std::string> atoms = atomsOf(funcName);
    EXPECT_EQ(*entry.getString("type"), atoms.size() == 1 ? "simple" : atoms[0]);
    std::vector<int64_t> domain;
    for (const Value &v : *entry.getArray("domain"))
      domain.push_back(*v.getAsInteger());
    EXPECT_EQ(domain, expectedDomain(funcName));
    expectEntryInRanges(entry);

    // The notes found FIND's std within 1e-9 relative of a numpy recomputation
    // on another machine; libm and summation differences stay far below that.
    double released = *entry.getObject("corruption_params")->getNumber("std");
    llvm::Expected<double> mean =
        findMathMean(funcName, *entry.get("params"), static_cast<double>(domain[0]), static_cast<double>(domain[1]));
    ASSERT_TRUE(bool(mean)) << llvm::toString(mean.takeError());
    bitExact += *mean == released;
    double error = std::fabs(*mean - released) / std::max(std::fabs(released), 1e-300);
    if (error > worstStd) {
      worstStd = error;
      worstName = name;
    }
    EXPECT_LE(error, 1e-9) << *mean << " vs " << released;
  }
#ifdef __GLIBC__
  // With glibc's libm the port reproduces every released std bit for bit
  // (numpy's summation order included); other libms may differ in the last bits.
  EXPECT_EQ(bitExact, 1000u);
#endif
  std::printf("corruption std: %u/1000 bit-exact, worst relative difference %g (%s)\n", bitExact, worstStd,
              worstName.c_str());
}

} // namespace

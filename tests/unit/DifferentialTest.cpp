// Differential tests on examples/*.fnd: the interpreter, the JIT's scalar
// entry and its batch entry must agree bit for bit in exact math mode; in
// vector math mode the batch entry may differ only as far as few-ulp errors
// in transcendental functions explain; in fast math mode, only as far as
// rounding in reassociated sums explains.
#include "compiler/interp/Interpreter.h"
#include "compiler/ir/Passes.h"
#include "tests/unit/TestUtil.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <span>
#include <sstream>

#ifndef FINDC_EXAMPLES_DIR
#error "FINDC_EXAMPLES_DIR must name the examples directory"
#endif

namespace findc {
namespace {

using test::describe;
using test::sameReal;

std::vector<std::filesystem::path> exampleFiles() {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(FINDC_EXAMPLES_DIR, ec))
    if (entry.is_regular_file() && entry.path().extension() == ".fnd")
      files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<double> exampleInputs() {
  std::vector<double> xs = test::gridInputs(-100.0, 100.0, 2001);
  for (double x : test::specialInputs())
    xs.push_back(x);
  // FIND's own test grid: x = i + 0.5.
  for (int i = -128; i < 128; ++i)
    xs.push_back(i + 0.5);
  return xs;
}

struct LoadedExample {
  std::unique_ptr<SourceFile> file;
  DiagnosticEngine diags;
  std::optional<ir::Module> module;
};

std::unique_ptr<LoadedExample> load(const std::filesystem::path& path) {
  auto ex = std::make_unique<LoadedExample>();
  ex->file = SourceFile::read(path.string());
  if (!ex->file)
    return ex;
  ex->module = compileToIR(*ex->file, ex->diags);
  return ex;
}

std::string diagText(const DiagnosticEngine& diags) {
  std::ostringstream os;
  diags.print(os);
  return os.str();
}

TEST(DifferentialTest, ExamplesDirectoryHasFiles) {
  EXPECT_GE(exampleFiles().size(), 1u) << "no .fnd files in " << FINDC_EXAMPLES_DIR;
}

class ExampleTest : public ::testing::TestWithParam<std::filesystem::path> {};

TEST_P(ExampleTest, InterpreterAndJITAgree) {
  auto ex = load(GetParam());
  ASSERT_TRUE(ex->file) << "cannot read " << GetParam();
  ASSERT_TRUE(ex->module.has_value()) << diagText(ex->diags);
  const ir::Module& module = *ex->module;

  auto exact = test::makeJIT(module, MathMode::Exact);
  auto vector = test::makeJIT(module, MathMode::Vector);
  ASSERT_TRUE(exact && vector);

  const std::vector<double> xs = exampleInputs();
  const int64_t n = static_cast<int64_t>(xs.size());
  Interpreter interp(module);
  size_t tested = 0;
  for (uint32_t f = 0; f < module.functions.size(); ++f) {
    const ir::Function& fn = module.functions[f];
    if (!fn.hasUnaryEntry())
      continue;
    ++tested;
    SCOPED_TRACE(GetParam().filename().string() + ": " + fn.name);
    auto scalar = exact->scalarEntry(fn.name);
    auto batch = exact->batchEntry(fn.name);
    auto vbatch = vector->batchEntry(fn.name);
    ASSERT_TRUE(scalar && batch && vbatch) << "missing entry points for " << fn.name;

    std::vector<double> expected(xs.size()), fromBatch(xs.size(), -1.0), fromVector(xs.size(), -1.0);
    interp.callBatch(f, xs.data(), expected.data(), xs.size());
    (*batch)(xs.data(), fromBatch.data(), n);
    (*vbatch)(xs.data(), fromVector.data(), n);

    int failures = 0;
    for (size_t i = 0; i < xs.size() && failures < 10; ++i) {
      double fromScalar = (*scalar)(xs[i]);
      if (!sameReal(expected[i], fromScalar)) {
        ++failures;
        ADD_FAILURE() << fn.name << "(" << describe(xs[i]) << "): interpreter " << describe(expected[i])
                      << ", JIT scalar " << describe(fromScalar);
      }
      if (!sameReal(expected[i], fromBatch[i])) {
        ++failures;
        ADD_FAILURE() << fn.name << "(" << describe(xs[i]) << "): interpreter " << describe(expected[i])
                      << ", JIT batch " << describe(fromBatch[i]);
      }
      if (!test::vectorResultAcceptable(module, f, xs[i], expected[i], fromVector[i])) {
        ++failures;
        ADD_FAILURE() << fn.name << "(" << describe(xs[i]) << "): interpreter " << describe(expected[i])
                      << ", JIT vector batch " << describe(fromVector[i]) << " ("
                      << test::ulpDistance(expected[i], fromVector[i])
                      << " ulp; not explained by " << test::kVectorUlps << "-ulp errors in transcendental functions)";
      }
    }
    // Batch entries of every length, so vector loop remainders are covered.
    for (int64_t len : {0, 1, 2, 3, 5, 7, 9, 17}) {
      std::vector<double> out(static_cast<size_t>(len) + 1, 42.0);
      (*batch)(xs.data() + 1000, out.data(), len);
      for (int64_t i = 0; i < len; ++i)
        EXPECT_TRUE(sameReal(out[static_cast<size_t>(i)], expected[static_cast<size_t>(1000 + i)]))
            << fn.name << " batch of " << len << " at " << i;
      EXPECT_EQ(out[static_cast<size_t>(len)], 42.0) << "batch of " << len << " wrote past its end";
    }
  }
  RecordProperty("unary_functions", static_cast<int>(tested));
}

// Fast math reassociates sums (Horner's form, fma) and may take x/y as
// x*(1/y). That moves a result by some ulp of the size of the terms it
// adds up (sizeOfTerms), so the difference from the interpreter must be
// within kFastTolerance of the largest of |exact|, that size, and 1e-3 of
// the function's scale on FIND's range (|x| <= 128). Where exact is
// finite, fast must be, and NaN where exact is NaN (a domain's check).
// Beyond that range reassociation may turn inf - inf into inf, and a sum
// of 1e18 * x rounded otherwise moves sin's argument by periods (FIND's
// float32 functions): the contract allows both.
constexpr double kFastTolerance = 1e-9;
// A function whose every value is a float32 (FIND's MLPs round each step):
// each fused or reassociated step moves by a float32 ulp (6e-8), and a
// layer adds 64 such terms.
constexpr double kFastTolerance32 = 1e-5;

// The size of the terms f adds up at x: f's entry evaluated at |x| with
// every constant |c|, every difference a sum and every negation an abs,
// so a sum that cancels is as large as its terms (the classical running
// error bound's scale).
ir::Module sizeOfTerms(const ir::Module& module, uint32_t f) {
  ir::Function fn = ir::specializeUnaryEntry(module, f);
  for (ir::Inst& inst : fn.body) {
    if (inst.type != Type::Real)
      continue;
    if (inst.op == ir::Opcode::Const)
      inst.constant.r = std::fabs(inst.constant.r);
    else if (inst.op == ir::Opcode::Prim && inst.prim == PrimOp::Sub)
      inst.prim = PrimOp::Add;
    else if (inst.op == ir::Opcode::Prim && inst.prim == PrimOp::Neg)
      inst.prim = PrimOp::Abs;
  }
  ir::Module sizes;
  sizes.functions.push_back(std::move(fn));
  return sizes;
}

TEST_P(ExampleTest, FastMathStaysClose) {
  auto ex = load(GetParam());
  ASSERT_TRUE(ex->file) << "cannot read " << GetParam();
  ASSERT_TRUE(ex->module.has_value()) << diagText(ex->diags);
  const ir::Module& module = *ex->module;
  auto fast = test::makeJIT(module, MathMode::Fast);
  ASSERT_TRUE(fast);

  const std::vector<double> xs = exampleInputs();
  Interpreter interp(module);
  for (uint32_t f = 0; f < module.functions.size(); ++f) {
    const ir::Function& fn = module.functions[f];
    if (!fn.hasUnaryEntry())
      continue;
    SCOPED_TRACE(GetParam().filename().string() + ": " + fn.name);
    auto batch = fast->batchEntry(fn.name);
    ASSERT_TRUE(static_cast<bool>(batch)) << "missing batch entry for " << fn.name;
    std::vector<double> expected(xs.size()), fromFast(xs.size(), -1.0);
    interp.callBatch(f, xs.data(), expected.data(), xs.size());
    (*batch)(xs.data(), fromFast.data(), static_cast<int64_t>(xs.size()));
    double scale = 0;
    bool float32 = true;
    for (size_t i = 0; i < xs.size(); ++i)
      if (std::fabs(xs[i]) <= 128 && std::isfinite(expected[i])) {
        scale = std::max(scale, std::fabs(expected[i]));
        float32 &= static_cast<float>(expected[i]) == expected[i];
      }
    ir::Module sizes = sizeOfTerms(module, f);
    Interpreter sizeInterp(sizes);
    auto tolerance = [&](double reference, double x) {
      double size = std::fabs(sizeInterp.callUnary(0, std::fabs(x)));
      return (float32 ? kFastTolerance32 : kFastTolerance) *
             std::max({std::fabs(reference), std::isfinite(size) ? size : 0.0, 1e-3 * scale});
    };
    int failures = 0;
    for (size_t i = 0; i < xs.size() && failures < 10; ++i) {
      double exact = expected[i], got = fromFast[i];
      if (!(std::fabs(xs[i]) <= 128))
        continue;
      auto close = [&](double reference) {  // of f at xs[i], or a hair away
        return std::isfinite(reference)
                   ? std::isfinite(got) &&
                         std::fabs(got - reference) <= tolerance(reference, xs[i])
                   : std::isnan(reference) == std::isnan(got);
      };
      // At a jump (a square wave's edge, a floor), rounding moves the edge:
      // fast's value must then be the function's a hair away.
      auto nearJump = [&] {
        for (double step : {1e-12, -1e-12, 1e-10, -1e-10})
          if (close(interp.callUnary(f, xs[i] + step * std::max(1.0, std::fabs(xs[i])))))
            return true;
        return false;
      };
      if (!close(exact) && !nearJump()) {
        ++failures;
        ADD_FAILURE() << fn.name << "(" << describe(xs[i]) << "): interpreter " << describe(exact)
                      << ", JIT fast batch " << describe(got);
      }
    }
  }
}

std::string exampleName(const ::testing::TestParamInfo<std::filesystem::path>& info) {
  std::string name = info.param.stem().string();
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c)))
      c = '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Examples, ExampleTest, ::testing::ValuesIn(exampleFiles()), exampleName);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ExampleTest);

} // namespace
} // namespace findc

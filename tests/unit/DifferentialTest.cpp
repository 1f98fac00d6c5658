// Differential tests on examples/*.fnd: the interpreter, the JIT's scalar
// entry and its batch entry must agree bit for bit in exact math mode; in
// vector math mode the batch entry may differ only as far as few-ulp errors
// in transcendental functions explain.
#include "compiler/interp/Interpreter.h"
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

  auto exact = test::makeJIT(MathMode::Exact);
  auto vector = test::makeJIT(MathMode::Vector);
  ASSERT_TRUE(exact && vector);
  if (auto err = exact->add(module))
    FAIL() << "JIT (exact): " << llvm::toString(std::move(err));
  if (auto err = vector->add(module))
    FAIL() << "JIT (vector): " << llvm::toString(std::move(err));

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

// The reference interpreter on functions with known values.
#include "compiler/interp/Interpreter.h"
#include "tests/unit/TestUtil.h"

#include <gtest/gtest.h>

#include <cmath>

namespace findc {
namespace {

using test::describe;
using test::sameReal;

const char* kSource = R"(
const scale = 2.5
def lin(x: real, a: real = 2.0, b: real = -1.0) -> real = a * x + b
def named(x: real) -> real = lin(x, b=10.0) + lin(a=0.5, x=x)
def tally(n: int, step: int = 3) -> int = n // step + n % step
def between(x: real) -> bool = -1 < x <= 10
def piecewise(x: real) -> real = if x < 0 { -x } elif x < 1 { x * scale } else { let y = x - 1 return y ** 2 + scale }
def ipow(n: int) -> real = n ** 2 + 7 / 2
def ternary(x: real) -> int = 1 if x > 0 else (0 if x == 0 else -1)
def logic(x: real) -> bool = not (x > 1 or x < -1) and x != 0
def many(x: real) -> real = max(x, 1, -x, 0.5) + min(3, int(x))
)";

class InterpreterTest : public ::testing::TestWithParam<bool> {
protected:
  void SetUp() override {
    compiled_ = test::compile(kSource, /*optimize=*/GetParam());
    ASSERT_TRUE(compiled_->module.has_value()) << compiled_->diagnosticsText();
  }
  uint32_t fn(std::string_view name) {
    auto index = compiled_->module->find(name);
    EXPECT_TRUE(index.has_value()) << name;
    return index.value_or(0);
  }
  double unary(std::string_view name, double x) {
    return Interpreter(*compiled_->module).callUnary(fn(name), x);
  }
  std::unique_ptr<test::Compiled> compiled_;
};

#define EXPECT_SAME(actual, expected)                                                                \
  do {                                                                                               \
    double a_ = (actual), e_ = (expected);                                                           \
    EXPECT_TRUE(sameReal(a_, e_)) << #actual << " = " << describe(a_) << ", expected " << describe(e_); \
  } while (0)

TEST_P(InterpreterTest, DefaultsAndNamedArguments) {
  EXPECT_SAME(unary("lin", 3.0), 5.0);
  EXPECT_SAME(unary("lin", -0.5), -2.0);
  EXPECT_SAME(unary("named", 2.0), 14.0);  // (2*2 + 10) + (0.5*2 - 1)
  Interpreter interp(*compiled_->module);
  Scalar args[] = {Scalar::ofReal(1.0), Scalar::ofReal(3.0), Scalar::ofReal(4.0)};
  Scalar r = interp.call(fn("lin"), args);
  EXPECT_EQ(r.type, Type::Real);
  EXPECT_SAME(r.r, 7.0);
}

TEST_P(InterpreterTest, IntParameters) {
  EXPECT_SAME(unary("tally", 7.9), 3.0);    // n = 7: 7 // 3 + 7 % 3
  EXPECT_SAME(unary("tally", -7.0), -1.0);  // -3 + 2
  EXPECT_SAME(unary("tally", std::nan("")), 0.0);
  Interpreter interp(*compiled_->module);
  Scalar args[] = {Scalar::ofInt(10), Scalar::ofInt(4)};
  Scalar r = interp.call(fn("tally"), args);
  EXPECT_EQ(r.type, Type::Int);
  EXPECT_EQ(r.i, 4);
  Scalar zero[] = {Scalar::ofInt(10), Scalar::ofInt(0)};
  EXPECT_EQ(interp.call(fn("tally"), zero).i, 0);
  EXPECT_SAME(unary("ipow", 3.0), 12.5);
  EXPECT_SAME(unary("ipow", -3.7), 12.5);  // int(-3.7) = -3
}

TEST_P(InterpreterTest, ChainedComparisonsAndLogic) {
  EXPECT_SAME(unary("between", 0.0), 1.0);
  EXPECT_SAME(unary("between", 10.0), 1.0);
  EXPECT_SAME(unary("between", 10.5), 0.0);
  EXPECT_SAME(unary("between", -1.0), 0.0);
  EXPECT_SAME(unary("between", std::nan("")), 0.0);
  EXPECT_SAME(unary("logic", 0.5), 1.0);
  EXPECT_SAME(unary("logic", 0.0), 0.0);
  EXPECT_SAME(unary("logic", 2.0), 0.0);
  EXPECT_SAME(unary("logic", std::nan("")), 1.0);  // nan != 0 and not (False or False)
}

TEST_P(InterpreterTest, IfElifElse) {
  EXPECT_SAME(unary("piecewise", -2.0), 2.0);
  EXPECT_SAME(unary("piecewise", 0.5), 1.25);
  EXPECT_SAME(unary("piecewise", 3.0), 6.5);
  EXPECT_SAME(unary("piecewise", -0.0), -0.0);
  EXPECT_SAME(unary("piecewise", std::nan("")), std::nan(""));
  EXPECT_SAME(unary("ternary", 5.0), 1.0);
  EXPECT_SAME(unary("ternary", 0.0), 0.0);
  EXPECT_SAME(unary("ternary", -3.0), -1.0);
  EXPECT_SAME(unary("ternary", std::nan("")), -1.0);
}

TEST_P(InterpreterTest, VariadicMinMax) {
  EXPECT_SAME(unary("many", 2.0), 4.0);    // max(2, 1, -2, 0.5) + min(3, 2)
  EXPECT_SAME(unary("many", -5.0), 0.0);   // 5 + -5
  EXPECT_SAME(unary("many", 10.0), 13.0);  // 10 + 3
  EXPECT_SAME(unary("many", std::nan("")), std::nan(""));
}

TEST_P(InterpreterTest, Batch) {
  Interpreter interp(*compiled_->module);
  const double xs[] = {-2.0, 0.5, 3.0};
  double ys[3] = {};
  interp.callBatch(fn("piecewise"), xs, ys, 3);
  EXPECT_SAME(ys[0], 2.0);
  EXPECT_SAME(ys[1], 1.25);
  EXPECT_SAME(ys[2], 6.5);
}

INSTANTIATE_TEST_SUITE_P(OptimizedAndNot, InterpreterTest, ::testing::Bool(),
                         [](const auto& info) { return info.param ? "Optimized" : "Unoptimized"; });

} // namespace
} // namespace findc

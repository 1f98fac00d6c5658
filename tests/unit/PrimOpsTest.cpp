// The reference semantics of the primitive operations (runtime/PrimOps.h)
// against hand-computed values: NumPy's conventions on doubles, wrapping
// 64-bit integers.
#include "runtime/PrimOps.h"
#include "tests/unit/TestUtil.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

namespace findc {
namespace {

using test::describe;
using test::sameReal;

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
constexpr int64_t kMax = std::numeric_limits<int64_t>::max();

Scalar R(double v) { return Scalar::ofReal(v); }
Scalar I(int64_t v) { return Scalar::ofInt(v); }
Scalar B(bool v) { return Scalar::ofBool(v); }

Scalar eval(PrimOp op, std::vector<Scalar> args) { return evaluatePrim(op, args); }

// Bitwise comparison of a real result (NaNs equal), with a readable message.
#define EXPECT_REAL(actual, expected)                                                                   \
  do {                                                                                                  \
    double a_ = (actual), e_ = (expected);                                                              \
    EXPECT_TRUE(sameReal(a_, e_)) << #actual << " = " << describe(a_) << ", expected " << describe(e_); \
  } while (0)

#define EXPECT_PRIM_REAL(op, args, expected)                     \
  do {                                                           \
    Scalar s_ = eval(op, args);                                  \
    EXPECT_EQ(s_.type, Type::Real) << #op;                       \
    EXPECT_REAL(s_.r, expected);                                 \
  } while (0)

#define EXPECT_PRIM_INT(op, args, expected)  \
  do {                                       \
    Scalar s_ = eval(op, args);              \
    EXPECT_EQ(s_.type, Type::Int) << #op;    \
    EXPECT_EQ(s_.i, (expected)) << #op;      \
  } while (0)

#define EXPECT_PRIM_BOOL(op, args, expected) \
  do {                                       \
    Scalar s_ = eval(op, args);              \
    EXPECT_EQ(s_.type, Type::Bool) << #op;   \
    EXPECT_EQ(s_.b, (expected)) << #op;      \
  } while (0)

TEST(PrimOpsTest, RealFloorDivAndModMatchNumPy) {
  struct Case {
    double a, b, quotient, modulus;
  };
  // np.floor_divide / np.remainder.
  const Case cases[] = {
      {7.0, 2.0, 3.0, 1.0},
      {-7.0, 2.0, -4.0, 1.0},
      {7.0, -2.0, -4.0, -1.0},
      {-7.0, -2.0, 3.0, -1.0},
      {5.5, 2.0, 2.0, 1.5},
      {-5.5, 2.0, -3.0, 0.5},
      {1.0, -3.0, -1.0, -2.0},
      {6.0, 3.0, 2.0, 0.0},
      {6.0, -3.0, -2.0, -0.0},  // zero remainder takes the divisor's sign
      {-6.0, 3.0, -2.0, 0.0},
      {0.0, 2.0, 0.0, 0.0},
      {-0.0, 2.0, -0.0, 0.0},  // floor_divide(-0.0, 2.0) = -0.0
      {0.0, -2.0, -0.0, -0.0},
      {-0.0, -2.0, 0.0, -0.0},
      {1.0, kInf, 0.0, 1.0},
      {-1.0, kInf, -1.0, kInf},  // remainder(-1, inf) = inf
      {kInf, 1.0, kNaN, kNaN},
      {kNaN, 1.0, kNaN, kNaN},
      {1.0, kNaN, kNaN, kNaN},
      {0.3, 0.1, 2.0, 0.09999999999999998},  // floor(0.3 / 0.1) is 2 in binary
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(describe(c.a) + " // " + describe(c.b));
    EXPECT_PRIM_REAL(PrimOp::FloorDiv, (std::vector{R(c.a), R(c.b)}), c.quotient);
    EXPECT_PRIM_REAL(PrimOp::Mod, (std::vector{R(c.a), R(c.b)}), c.modulus);
    rt::DivMod dm = rt::divmodReal(c.a, c.b);
    EXPECT_REAL(dm.quotient, c.quotient);
    EXPECT_REAL(dm.modulus, c.modulus);
  }
}

TEST(PrimOpsTest, RealDivModByZero) {
  // NumPy: x // 0 is x / 0 (inf with x's sign, nan for 0 // 0); x % 0 is nan.
  EXPECT_PRIM_REAL(PrimOp::FloorDiv, (std::vector{R(1.0), R(0.0)}), kInf);
  EXPECT_PRIM_REAL(PrimOp::FloorDiv, (std::vector{R(-1.0), R(0.0)}), -kInf);
  EXPECT_PRIM_REAL(PrimOp::FloorDiv, (std::vector{R(1.0), R(-0.0)}), -kInf);
  EXPECT_PRIM_REAL(PrimOp::FloorDiv, (std::vector{R(0.0), R(0.0)}), kNaN);
  EXPECT_PRIM_REAL(PrimOp::FloorDiv, (std::vector{R(kNaN), R(0.0)}), kNaN);
  for (double a : {1.0, -1.0, 0.0, -0.0, kInf, kNaN}) {
    EXPECT_PRIM_REAL(PrimOp::Mod, (std::vector{R(a), R(0.0)}), kNaN);
    EXPECT_PRIM_REAL(PrimOp::Mod, (std::vector{R(a), R(-0.0)}), kNaN);
  }
}

TEST(PrimOpsTest, IntFloorDivAndMod) {
  EXPECT_EQ(rt::floorDivInt(7, 2), 3);
  EXPECT_EQ(rt::floorDivInt(-7, 2), -4);
  EXPECT_EQ(rt::floorDivInt(7, -2), -4);
  EXPECT_EQ(rt::floorDivInt(-7, -2), 3);
  EXPECT_EQ(rt::floorDivInt(6, 3), 2);
  EXPECT_EQ(rt::floorDivInt(-6, 3), -2);
  EXPECT_EQ(rt::floorDivInt(0, -5), 0);
  EXPECT_EQ(rt::modInt(7, 2), 1);
  EXPECT_EQ(rt::modInt(-7, 2), 1);
  EXPECT_EQ(rt::modInt(7, -2), -1);
  EXPECT_EQ(rt::modInt(-7, -2), -1);
  EXPECT_EQ(rt::modInt(-6, 3), 0);
  EXPECT_EQ(rt::modInt(-1, kMax), kMax - 1);
  // Zero divisor gives 0 (NumPy), no trap.
  EXPECT_EQ(rt::floorDivInt(7, 0), 0);
  EXPECT_EQ(rt::floorDivInt(kMin, 0), 0);
  EXPECT_EQ(rt::modInt(7, 0), 0);
  EXPECT_EQ(rt::modInt(kMin, 0), 0);
  // INT64_MIN // -1 wraps to INT64_MIN; the remainder is 0.
  EXPECT_EQ(rt::floorDivInt(kMin, -1), kMin);
  EXPECT_EQ(rt::modInt(kMin, -1), 0);
  EXPECT_EQ(rt::floorDivInt(kMax, -1), -kMax);
  EXPECT_EQ(rt::floorDivInt(kMin, 2), kMin / 2);
  EXPECT_EQ(rt::floorDivInt(kMin, kMax), -2);
  EXPECT_EQ(rt::modInt(kMin, kMax), kMax - 1);
  EXPECT_EQ(rt::floorDivInt(kMin, kMin), 1);

  EXPECT_PRIM_INT(PrimOp::FloorDiv, (std::vector{I(-7), I(2)}), -4);
  EXPECT_PRIM_INT(PrimOp::Mod, (std::vector{I(-7), I(2)}), 1);
  EXPECT_PRIM_INT(PrimOp::FloorDiv, (std::vector{I(5), I(0)}), 0);
  EXPECT_PRIM_INT(PrimOp::Mod, (std::vector{I(5), I(0)}), 0);
  EXPECT_PRIM_INT(PrimOp::FloorDiv, (std::vector{I(kMin), I(-1)}), kMin);
}

TEST(PrimOpsTest, IntArithmeticWraps) {
  EXPECT_PRIM_INT(PrimOp::Add, (std::vector{I(kMax), I(1)}), kMin);
  EXPECT_PRIM_INT(PrimOp::Sub, (std::vector{I(kMin), I(1)}), kMax);
  EXPECT_PRIM_INT(PrimOp::Mul, (std::vector{I(kMax), I(2)}), -2);
  EXPECT_PRIM_INT(PrimOp::Neg, (std::vector{I(kMin)}), kMin);
  EXPECT_PRIM_INT(PrimOp::Abs, (std::vector{I(kMin)}), kMin);
  EXPECT_PRIM_INT(PrimOp::Abs, (std::vector{I(-5)}), 5);
  EXPECT_PRIM_INT(PrimOp::Sign, (std::vector{I(-5)}), -1);
  EXPECT_PRIM_INT(PrimOp::Sign, (std::vector{I(0)}), 0);
  EXPECT_PRIM_INT(PrimOp::Sign, (std::vector{I(kMax)}), 1);
  EXPECT_PRIM_INT(PrimOp::Min, (std::vector{I(-5), I(3)}), -5);
  EXPECT_PRIM_INT(PrimOp::Max, (std::vector{I(-5), I(3)}), 3);
}

TEST(PrimOpsTest, Sign) {
  EXPECT_REAL(rt::signReal(3.5), 1.0);
  EXPECT_REAL(rt::signReal(-1e-300), -1.0);
  EXPECT_REAL(rt::signReal(-kInf), -1.0);
  EXPECT_REAL(rt::signReal(0.0), 0.0);
  EXPECT_REAL(rt::signReal(-0.0), 0.0);  // np.sign(-0.0) is +0.0
  EXPECT_REAL(rt::signReal(kNaN), kNaN);
  EXPECT_PRIM_REAL(PrimOp::Sign, (std::vector{R(-0.0)}), 0.0);
  EXPECT_PRIM_REAL(PrimOp::Sign, (std::vector{R(kNaN)}), kNaN);
  EXPECT_PRIM_REAL(PrimOp::Sign, (std::vector{R(-2.0)}), -1.0);
}

TEST(PrimOpsTest, Heaviside) {
  EXPECT_REAL(rt::heaviside(-3.0, 0.5), 0.0);
  EXPECT_REAL(rt::heaviside(-kInf, 0.5), 0.0);
  EXPECT_REAL(rt::heaviside(0.0, 0.5), 0.5);
  EXPECT_REAL(rt::heaviside(-0.0, 0.5), 0.5);
  EXPECT_REAL(rt::heaviside(0.0, kNaN), kNaN);
  EXPECT_REAL(rt::heaviside(0.0, -0.0), -0.0);
  EXPECT_REAL(rt::heaviside(2.0, 0.5), 1.0);
  EXPECT_REAL(rt::heaviside(kInf, 0.5), 1.0);
  EXPECT_REAL(rt::heaviside(kNaN, 0.5), kNaN);
  EXPECT_PRIM_REAL(PrimOp::Heaviside, (std::vector{R(0.0), R(0.25)}), 0.25);
  EXPECT_PRIM_REAL(PrimOp::Heaviside, (std::vector{R(-1.0), R(0.25)}), 0.0);
  EXPECT_PRIM_REAL(PrimOp::Heaviside, (std::vector{R(1.0), R(0.25)}), 1.0);
  EXPECT_PRIM_REAL(PrimOp::Heaviside, (std::vector{R(kNaN), R(0.25)}), kNaN);
}

TEST(PrimOpsTest, MinMaxPropagateNaNAndPreferFirstOnTies) {
  EXPECT_REAL(rt::minReal(1.0, 2.0), 1.0);
  EXPECT_REAL(rt::maxReal(1.0, 2.0), 2.0);
  EXPECT_REAL(rt::minReal(kNaN, 1.0), kNaN);
  EXPECT_REAL(rt::minReal(1.0, kNaN), kNaN);
  EXPECT_REAL(rt::maxReal(kNaN, 1.0), kNaN);
  EXPECT_REAL(rt::maxReal(1.0, kNaN), kNaN);
  EXPECT_REAL(rt::minReal(-kInf, kNaN), kNaN);
  // Ties (0.0 == -0.0) return the first operand.
  EXPECT_REAL(rt::minReal(0.0, -0.0), 0.0);
  EXPECT_REAL(rt::minReal(-0.0, 0.0), -0.0);
  EXPECT_REAL(rt::maxReal(0.0, -0.0), 0.0);
  EXPECT_REAL(rt::maxReal(-0.0, 0.0), -0.0);
  EXPECT_PRIM_REAL(PrimOp::Min, (std::vector{R(-0.0), R(0.0)}), -0.0);
  EXPECT_PRIM_REAL(PrimOp::Max, (std::vector{R(1.0), R(kNaN)}), kNaN);
  EXPECT_PRIM_REAL(PrimOp::Min, (std::vector{R(kInf), R(-kInf)}), -kInf);
}

TEST(PrimOpsTest, ToIntTruncatesSaturatesAndMapsNaNToZero) {
  EXPECT_EQ(rt::realToInt(2.9), 2);
  EXPECT_EQ(rt::realToInt(-2.9), -2);
  EXPECT_EQ(rt::realToInt(-0.0), 0);
  EXPECT_EQ(rt::realToInt(kNaN), 0);
  EXPECT_EQ(rt::realToInt(-kNaN), 0);
  EXPECT_EQ(rt::realToInt(kInf), kMax);
  EXPECT_EQ(rt::realToInt(-kInf), kMin);
  EXPECT_EQ(rt::realToInt(1e300), kMax);
  EXPECT_EQ(rt::realToInt(-1e300), kMin);
  EXPECT_EQ(rt::realToInt(9223372036854775808.0), kMax);  // 2**63
  EXPECT_EQ(rt::realToInt(-9223372036854775808.0), kMin);
  EXPECT_EQ(rt::realToInt(9223372036854774784.0), 9223372036854774784);  // largest double < 2**63
  EXPECT_PRIM_INT(PrimOp::ToInt, (std::vector{R(kNaN)}), 0);
  EXPECT_PRIM_INT(PrimOp::ToInt, (std::vector{R(-1e19)}), kMin);
  EXPECT_PRIM_INT(PrimOp::ToInt, (std::vector{B(true)}), 1);
  EXPECT_PRIM_INT(PrimOp::ToInt, (std::vector{B(false)}), 0);
  EXPECT_PRIM_REAL(PrimOp::ToReal, (std::vector{I(-3)}), -3.0);
  EXPECT_PRIM_REAL(PrimOp::ToReal, (std::vector{I(kMax)}), 9223372036854775808.0);
  EXPECT_PRIM_REAL(PrimOp::ToReal, (std::vector{B(true)}), 1.0);
}

TEST(PrimOpsTest, RoundingHalfToEven) {
  EXPECT_PRIM_REAL(PrimOp::Round, (std::vector{R(0.5)}), 0.0);
  EXPECT_PRIM_REAL(PrimOp::Round, (std::vector{R(1.5)}), 2.0);
  EXPECT_PRIM_REAL(PrimOp::Round, (std::vector{R(2.5)}), 2.0);
  EXPECT_PRIM_REAL(PrimOp::Round, (std::vector{R(-0.5)}), -0.0);
  EXPECT_PRIM_REAL(PrimOp::Round, (std::vector{R(-1.5)}), -2.0);
  EXPECT_PRIM_REAL(PrimOp::Round, (std::vector{R(2.5000000000000004)}), 3.0);
  EXPECT_PRIM_REAL(PrimOp::Round, (std::vector{R(4503599627370497.0)}), 4503599627370497.0);
  EXPECT_PRIM_REAL(PrimOp::Round, (std::vector{R(kNaN)}), kNaN);
  EXPECT_PRIM_REAL(PrimOp::Floor, (std::vector{R(-0.5)}), -1.0);
  EXPECT_PRIM_REAL(PrimOp::Floor, (std::vector{R(-0.0)}), -0.0);
  EXPECT_PRIM_REAL(PrimOp::Ceil, (std::vector{R(-0.5)}), -0.0);
  EXPECT_PRIM_REAL(PrimOp::Ceil, (std::vector{R(0.5)}), 1.0);
  EXPECT_PRIM_REAL(PrimOp::Trunc, (std::vector{R(-2.7)}), -2.0);
  EXPECT_PRIM_REAL(PrimOp::Trunc, (std::vector{R(-0.7)}), -0.0);
}

TEST(PrimOpsTest, IEEESpecialCases) {
  EXPECT_PRIM_REAL(PrimOp::Log, (std::vector{R(-1.0)}), kNaN);
  EXPECT_PRIM_REAL(PrimOp::Log, (std::vector{R(0.0)}), -kInf);
  EXPECT_PRIM_REAL(PrimOp::Log, (std::vector{R(1.0)}), 0.0);
  EXPECT_PRIM_REAL(PrimOp::Sqrt, (std::vector{R(-1.0)}), kNaN);
  EXPECT_PRIM_REAL(PrimOp::Sqrt, (std::vector{R(-0.0)}), -0.0);
  EXPECT_PRIM_REAL(PrimOp::Div, (std::vector{R(1.0), R(0.0)}), kInf);
  EXPECT_PRIM_REAL(PrimOp::Div, (std::vector{R(1.0), R(-0.0)}), -kInf);
  EXPECT_PRIM_REAL(PrimOp::Div, (std::vector{R(0.0), R(0.0)}), kNaN);
  EXPECT_PRIM_REAL(PrimOp::Pow, (std::vector{R(kNaN), R(0.0)}), 1.0);
  EXPECT_PRIM_REAL(PrimOp::Pow, (std::vector{R(1.0), R(kNaN)}), 1.0);
  EXPECT_PRIM_REAL(PrimOp::Pow, (std::vector{R(-8.0), R(1.0 / 3.0)}), kNaN);
  EXPECT_PRIM_REAL(PrimOp::Pow, (std::vector{R(0.0), R(-1.0)}), kInf);
  EXPECT_PRIM_REAL(PrimOp::Pow, (std::vector{R(2.0), R(10.0)}), 1024.0);
  EXPECT_PRIM_REAL(PrimOp::Exp2, (std::vector{R(-1.0)}), 0.5);
  EXPECT_PRIM_REAL(PrimOp::Exp10, (std::vector{R(0.0)}), 1.0);
  EXPECT_PRIM_REAL(PrimOp::Exp10, (std::vector{R(-INFINITY)}), 0.0);
  EXPECT_PRIM_REAL(PrimOp::Exp10, (std::vector{R(400.0)}), kInf);
  // glibc's exp10 and cbrt are not correctly rounded (exp10(3) is
  // 1000.0000000000001 with glibc 2.36): within one ulp.
  EXPECT_LE(test::ulpDistance(eval(PrimOp::Exp10, {R(3.0)}).r, 1000.0), 1u);
  EXPECT_LE(test::ulpDistance(eval(PrimOp::Cbrt, {R(-27.0)}).r, -3.0), 1u);
  EXPECT_PRIM_REAL(PrimOp::Cbrt, (std::vector{R(-0.0)}), -0.0);
  EXPECT_PRIM_REAL(PrimOp::Cbrt, (std::vector{R(-8.0)}), -2.0);
  EXPECT_PRIM_REAL(PrimOp::Atan2, (std::vector{R(0.0), R(-1.0)}), M_PI);
  EXPECT_PRIM_REAL(PrimOp::Atan2, (std::vector{R(-0.0), R(-1.0)}), -M_PI);
  EXPECT_PRIM_REAL(PrimOp::Hypot, (std::vector{R(kInf), R(kNaN)}), kInf);
  EXPECT_PRIM_REAL(PrimOp::Hypot, (std::vector{R(3.0), R(4.0)}), 5.0);
  EXPECT_PRIM_REAL(PrimOp::Neg, (std::vector{R(0.0)}), -0.0);
  EXPECT_PRIM_REAL(PrimOp::Abs, (std::vector{R(-0.0)}), 0.0);
  EXPECT_PRIM_REAL(PrimOp::Add, (std::vector{R(-0.0), R(0.0)}), 0.0);
  EXPECT_PRIM_REAL(PrimOp::Add, (std::vector{R(-0.0), R(-0.0)}), -0.0);
  EXPECT_PRIM_REAL(PrimOp::Sub, (std::vector{R(kInf), R(kInf)}), kNaN);
  EXPECT_PRIM_REAL(PrimOp::Mul, (std::vector{R(0.0), R(kInf)}), kNaN);
}

TEST(PrimOpsTest, ComparisonsLogicAndSelect) {
  EXPECT_PRIM_BOOL(PrimOp::Eq, (std::vector{R(kNaN), R(kNaN)}), false);
  EXPECT_PRIM_BOOL(PrimOp::Ne, (std::vector{R(kNaN), R(kNaN)}), true);
  EXPECT_PRIM_BOOL(PrimOp::Lt, (std::vector{R(kNaN), R(1.0)}), false);
  EXPECT_PRIM_BOOL(PrimOp::Ge, (std::vector{R(kNaN), R(1.0)}), false);
  EXPECT_PRIM_BOOL(PrimOp::Eq, (std::vector{R(0.0), R(-0.0)}), true);
  EXPECT_PRIM_BOOL(PrimOp::Le, (std::vector{R(-kInf), R(kInf)}), true);
  EXPECT_PRIM_BOOL(PrimOp::Lt, (std::vector{I(kMin), I(kMax)}), true);
  EXPECT_PRIM_BOOL(PrimOp::Gt, (std::vector{I(-1), I(0)}), false);
  EXPECT_PRIM_BOOL(PrimOp::Eq, (std::vector{B(true), B(true)}), true);
  EXPECT_PRIM_BOOL(PrimOp::Ne, (std::vector{B(true), B(false)}), true);
  EXPECT_PRIM_BOOL(PrimOp::Not, (std::vector{B(false)}), true);
  EXPECT_PRIM_BOOL(PrimOp::And, (std::vector{B(true), B(false)}), false);
  EXPECT_PRIM_BOOL(PrimOp::Or, (std::vector{B(true), B(false)}), true);
  EXPECT_PRIM_REAL(PrimOp::Select, (std::vector{B(true), R(1.0), R(2.0)}), 1.0);
  EXPECT_PRIM_REAL(PrimOp::Select, (std::vector{B(false), R(1.0), R(2.0)}), 2.0);
  EXPECT_PRIM_INT(PrimOp::Select, (std::vector{B(false), I(1), I(2)}), 2);
}

TEST(PrimOpsTest, TableAndTyping) {
  EXPECT_EQ(primArity(PrimOp::Neg), 1u);
  EXPECT_EQ(primArity(PrimOp::Atan2), 2u);
  EXPECT_EQ(primArity(PrimOp::Select), 3u);
  EXPECT_EQ(primMnemonic(PrimOp::FloorDiv), "floordiv");
  EXPECT_EQ(primMnemonic(PrimOp::ToReal), "to_real");
  for (int i = 0; i <= static_cast<int>(PrimOp::Select); ++i) {
    auto op = static_cast<PrimOp>(i);
    auto back = primFromMnemonic(primMnemonic(op));
    ASSERT_TRUE(back.has_value()) << primMnemonic(op);
    EXPECT_EQ(*back, op);
  }
  EXPECT_FALSE(primFromMnemonic("bogus").has_value());
  EXPECT_TRUE(isComparison(PrimOp::Le));
  EXPECT_FALSE(isComparison(PrimOp::And));

  EXPECT_TRUE(primAccepts(PrimOp::Add, Type::Int));
  EXPECT_TRUE(primAccepts(PrimOp::Add, Type::Real));
  EXPECT_FALSE(primAccepts(PrimOp::Add, Type::Bool));
  EXPECT_FALSE(primAccepts(PrimOp::Sqrt, Type::Int));
  EXPECT_FALSE(primAccepts(PrimOp::Div, Type::Int));
  EXPECT_TRUE(primAccepts(PrimOp::Eq, Type::Bool));
  EXPECT_FALSE(primAccepts(PrimOp::Lt, Type::Bool));
  EXPECT_FALSE(primAccepts(PrimOp::And, Type::Int));
  EXPECT_TRUE(primAccepts(PrimOp::ToReal, Type::Int));
  EXPECT_FALSE(primAccepts(PrimOp::ToReal, Type::Real));
  EXPECT_TRUE(primAccepts(PrimOp::ToInt, Type::Real));
  EXPECT_FALSE(primAccepts(PrimOp::ToInt, Type::Int));

  EXPECT_EQ(primResultType(PrimOp::Add, Type::Int), Type::Int);
  EXPECT_EQ(primResultType(PrimOp::Lt, Type::Real), Type::Bool);
  EXPECT_EQ(primResultType(PrimOp::Floor, Type::Real), Type::Real);
  EXPECT_EQ(primResultType(PrimOp::ToInt, Type::Real), Type::Int);
  EXPECT_EQ(primResultType(PrimOp::Select, Type::Int), Type::Int);
}

} // namespace
} // namespace findc

// The IR passes: each is checked structurally and by running the
// interpreter before and after on many inputs (results must not change).
#include "compiler/interp/Interpreter.h"
#include "compiler/ir/Passes.h"
#include "tests/unit/TestUtil.h"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <random>

namespace findc {
namespace {

using test::describe;
using test::sameReal;

// Source compiled without the standard pipeline, so each pass runs alone.
ir::Module unoptimized(const std::string& source) {
  auto c = test::compile(source, /*optimize=*/false);
  EXPECT_TRUE(c->module.has_value()) << c->diagnosticsText();
  return c->module ? std::move(*c->module) : ir::Module{};
}

size_t countPrim(const ir::Function& fn, PrimOp op) {
  size_t n = 0;
  for (const ir::Inst& inst : fn.body)
    n += inst.op == ir::Opcode::Prim && inst.prim == op;
  return n;
}
size_t countOp(const ir::Function& fn, ir::Opcode op) {
  size_t n = 0;
  for (const ir::Inst& inst : fn.body)
    n += inst.op == op;
  return n;
}

std::vector<double> passInputs() {
  std::vector<double> xs = test::gridInputs(-20.0, 20.0, 801);
  for (double x : test::gridInputs(-1.0, 1.0, 201))
    xs.push_back(x);
  for (double x : test::specialInputs())
    xs.push_back(x);
  for (double x : {0.1, 0.3, 0.7, 1.1, 3.3, 7.77, 31.5, 99.9, 123.456, 1022.5, 1023.9, 1024.0, -1074.5, 308.3})
    xs.push_back(x), xs.push_back(-x);
  return xs;
}

// Runs every unary function of `before` and `after` in the interpreter (as
// compiled: Interpreter::call, not the specialized unary entry) and requires
// bit-identical results (NaNs equal).
void expectSameResults(const ir::Module& before, const ir::Module& after) {
  ASSERT_EQ(before.functions.size(), after.functions.size());
  Interpreter ib(before), ia(after);
  for (uint32_t f = 0; f < before.functions.size(); ++f) {
    if (!before.functions[f].hasUnaryEntry())
      continue;
    int reported = 0;
    for (double x : passInputs()) {
      double yb = test::callWithDefaults(ib, before, f, x), ya = test::callWithDefaults(ia, after, f, x);
      if (!sameReal(yb, ya) && reported++ < 5)
        ADD_FAILURE() << "@" << before.functions[f].name << "(" << describe(x) << "): before " << describe(yb)
                      << ", after " << describe(ya) << "\nafter:\n" << ir::print(after);
    }
  }
}

// Applies `pass` to every function of a copy of `module`, verifies the result
// and (unless told not to) checks it computes the same values. Returns the
// transformed copy.
ir::Module applied(const ir::Module& module, const std::function<void(ir::Function&)>& pass,
                   bool checkResults = true) {
  ir::Module out = module;
  for (ir::Function& fn : out.functions)
    pass(fn);
  std::vector<std::string> problems = ir::verify(out);
  EXPECT_TRUE(problems.empty()) << (problems.empty() ? "" : problems.front()) << "\n" << ir::print(out);
  if (checkResults)
    expectSameResults(module, out);
  return out;
}

ir::Module folded(const std::string& source, bool checkResults = true) {
  return applied(unoptimized(source), [](ir::Function& fn) { ir::foldConstants(fn); }, checkResults);
}

TEST(PassesTest, FoldsAllConstantOperations) {
  ir::Module m = folded("def f(x: real) -> real = x + (2 * 3 + sqrt(16.0) - 7 // 2 + (1.0 if 2 < 3 else 5.0))");
  const ir::Function& f = m.functions[0];
  // 6 + 4 - 3 + 1 = 8: one constant operand left.
  ASSERT_EQ(countPrim(f, PrimOp::Add), 1u) << ir::print(m);
  const ir::Inst& add = f.body[f.result];
  const ir::Inst& c = f.body[add.operands[1]];
  ASSERT_EQ(c.op, ir::Opcode::Const);
  EXPECT_EQ(c.constant.type, Type::Real);
  EXPECT_EQ(c.constant.r, 8.0);
}

TEST(PassesTest, FoldsWholeFunctionToConstant) {
  ir::Module m = folded("def f(x: real) -> real = exp(0.0) + log(1.0) * 5.0 + int(2.7) + 10 % 3");
  const ir::Function& f = m.functions[0];
  const ir::Inst& r = f.body[f.result];
  ASSERT_EQ(r.op, ir::Opcode::Const) << ir::print(m);
  EXPECT_EQ(r.constant.r, 4.0);
  ir::eliminateDeadCode(m.functions[0]);
  EXPECT_EQ(m.functions[0].body.size(), 1u) << ir::print(m);
}

TEST(PassesTest, FoldsSelectWithConstantCondition) {
  ir::Module m = folded("def f(x: real) -> real = sin(x) if 1 > 2 else cos(x)");
  const ir::Function& f = m.functions[0];
  EXPECT_EQ(countPrim(f, PrimOp::Select), 0u) << ir::print(m);
  ASSERT_EQ(f.body[f.result].op, ir::Opcode::Prim);
  EXPECT_EQ(f.body[f.result].prim, PrimOp::Cos);

  m = folded("def g(x: real) -> real = where(x > 0, x, x)");
  EXPECT_EQ(countPrim(m.functions[0], PrimOp::Select), 0u) << ir::print(m);
  EXPECT_EQ(m.functions[0].body[m.functions[0].result].op, ir::Opcode::Param);
}

TEST(PassesTest, FoldKeepsSignedZeroAndNaNSemantics) {
  // x + 0.0 is not x (for x = -0.0), x * 0.0 is not 0: none may be folded away.
  ir::Module m = folded("def f(x: real) -> real = (x + 0.0) + (x * 0.0) + (0.0 - x) + (x - -0.0) + (x / -1.0)");
  const ir::Function& f = m.functions[0];
  EXPECT_EQ(countPrim(f, PrimOp::Mul), 1u) << ir::print(m);
  EXPECT_EQ(countPrim(f, PrimOp::Sub), 2u) << ir::print(m);
  EXPECT_EQ(countPrim(f, PrimOp::Div), 1u) << ir::print(m);
  // Only identities exact in IEEE may go: x * 1, x / 1, x - 0.0, x + -0.0.
  m = folded("def g(x: real) -> real = ((x * 1.0) / 1.0 - 0.0) + -0.0");
  EXPECT_EQ(m.functions[0].body[m.functions[0].result].op, ir::Opcode::Param) << ir::print(m);
}

struct PowCase {
  const char* source;
  PrimOp expect;     // an op the canonical form contains
  size_t powCount;   // pow instructions left
};

TEST(PassesTest, PowCanonicalizations) {
  const PowCase cases[] = {
      // pow is not correctly rounded: x*x, 1/x and sqrt(x) can differ from it.
      {"def f(x: real) -> real = x ** 2", PrimOp::Pow, 1},
      {"def f(x: real) -> real = x ** 2.0", PrimOp::Pow, 1},
      {"def f(x: real) -> real = x ** -1", PrimOp::Pow, 1},
      {"def f(x: real) -> real = x ** 0.5", PrimOp::Pow, 1},
      {"def f(x: real) -> real = x ** 3", PrimOp::Pow, 1},
      // A constant base stays pow (exp2(k * x) would round k * x).
      {"def f(x: real) -> real = 2 ** x", PrimOp::Pow, 1},
      {"def f(x: real) -> real = 8 ** x", PrimOp::Pow, 1},
      {"def f(x: real) -> real = 0.25 ** x", PrimOp::Pow, 1},
      {"def f(x: real) -> real = 10 ** x", PrimOp::Pow, 1},
      {"def f(x: real) -> real = 1 ** x", PrimOp::Pow, 1},
  };
  for (const PowCase& c : cases) {
    SCOPED_TRACE(c.source);
    // Structure only: see PowFoldsPreserveResults for the values.
    ir::Module m = folded(c.source, /*checkResults=*/false);
    const ir::Function& f = m.functions[0];
    EXPECT_EQ(countPrim(f, PrimOp::Pow), c.powCount) << ir::print(m);
    EXPECT_GE(countPrim(f, c.expect), 1u) << ir::print(m);
  }
}

TEST(PassesTest, PowStructure) {
  // x ** 0 -> 1 and x ** 1 -> x.
  ir::Module m = folded("def f(x: real) -> real = x ** 0");
  const ir::Function& f0 = m.functions[0];
  ASSERT_EQ(f0.body[f0.result].op, ir::Opcode::Const) << ir::print(m);
  EXPECT_EQ(f0.body[f0.result].constant.r, 1.0);
  m = folded("def f(x: real) -> real = x ** 1");
  EXPECT_EQ(m.functions[0].body[m.functions[0].result].op, ir::Opcode::Param) << ir::print(m);

  // 8 ** x stays pow of the constant 8.0.
  m = folded("def f(x: real) -> real = 8 ** x");
  const ir::Function& fe = m.functions[0];
  const ir::Inst& p = fe.body[fe.result];
  ASSERT_EQ(p.prim, PrimOp::Pow) << ir::print(m);
  EXPECT_EQ(fe.body[p.operands[0]].op, ir::Opcode::Const);
  EXPECT_EQ(fe.body[p.operands[0]].constant.r, 8.0);
}

TEST(PassesTest, CommonSubexpressionElimination) {
  ir::Module m = unoptimized("def f(x: real) -> real = sin(x) * 2.0 + sin(x) * 2.0 + sin(x + 1.0)");
  size_t sinsBefore = countPrim(m.functions[0], PrimOp::Sin);
  ASSERT_EQ(sinsBefore, 3u);
  ir::Module cse = applied(m, [](ir::Function& fn) { ir::eliminateCommonSubexpressions(fn); });
  const ir::Function& f = cse.functions[0];
  EXPECT_EQ(countPrim(f, PrimOp::Sin), 2u) << ir::print(cse);
  EXPECT_EQ(countPrim(f, PrimOp::Mul), 1u) << ir::print(cse);
  // Already-CSE'd code is a fixed point.
  ir::Module again = cse;
  EXPECT_FALSE(ir::eliminateCommonSubexpressions(again.functions[0]));
}

TEST(PassesTest, CSEDistinguishesSignedZerosAndTypes) {
  // Folding first turns -0.0 into a constant, so CSE sees 0.0 and -0.0.
  ir::Module m = folded("def f(x: real) -> real = (x * 0.0) + (x * -0.0) + real(int(x) * 0) + (x * 0.0)");
  ir::Module cse = applied(m, [](ir::Function& fn) { ir::eliminateCommonSubexpressions(fn); });
  const ir::Function& f = cse.functions[0];
  // x * 0.0 twice merges; x * -0.0 stays separate; the int multiply stays.
  EXPECT_EQ(countPrim(f, PrimOp::Mul), 3u) << ir::print(cse);
  size_t realZeros = 0;
  for (const ir::Inst& inst : f.body)
    realZeros += inst.op == ir::Opcode::Const && inst.type == Type::Real && inst.constant.r == 0.0;
  EXPECT_EQ(realZeros, 2u) << ir::print(cse);
}

TEST(PassesTest, DeadCodeElimination) {
  ir::Module m = unoptimized(
      "def f(x: real, unused: real = 2.0) -> real {\n"
      "  let a = exp(x)\n"
      "  let b = a * 3.0 + unused\n"
      "  return x + 1.0\n"
      "}");
  ir::Module dce = applied(m, [](ir::Function& fn) { ir::eliminateDeadCode(fn); });
  const ir::Function& f = dce.functions[0];
  EXPECT_EQ(countPrim(f, PrimOp::Exp), 0u) << ir::print(dce);
  EXPECT_EQ(countPrim(f, PrimOp::Mul), 0u) << ir::print(dce);
  EXPECT_EQ(f.body.size(), 3u) << ir::print(dce);  // param x, const 1.0, add
  ir::Module again = dce;
  EXPECT_FALSE(ir::eliminateDeadCode(again.functions[0]));
}

const char* kInlineSource =
    "def leaf(x: real, s: real = 2.0) -> real = x * s + 1.0\n"
    "def mid(x: real) -> real = leaf(x) - leaf(x, s=0.5)\n"
    "def top(x: real) -> real = mid(x) * leaf(x + 1.0)\n";

TEST(PassesTest, InlineRespectsThreshold) {
  ir::Module m = unoptimized(kInlineSource);
  const size_t leafSize = m.functions[0].body.size();
  const size_t midSize = m.functions[1].body.size();
  ASSERT_LT(leafSize, midSize);

  // Below leaf's size: nothing changes.
  ir::Module none = m;
  EXPECT_FALSE(ir::inlineCalls(none, leafSize - 1));
  EXPECT_EQ(countOp(none.functions[2], ir::Opcode::Call), 2u);
  EXPECT_EQ(ir::print(none), ir::print(m));

  // Exactly leaf's size: leaf is inlined everywhere; mid then grows past the
  // threshold and stays a call.
  ir::Module some = m;
  EXPECT_TRUE(ir::inlineCalls(some, leafSize));
  EXPECT_TRUE(ir::verify(some).empty()) << ir::print(some);
  EXPECT_EQ(countOp(some.functions[1], ir::Opcode::Call), 0u) << ir::print(some);
  EXPECT_EQ(countOp(some.functions[2], ir::Opcode::Call), 1u) << ir::print(some);
  expectSameResults(m, some);

  // A large threshold flattens everything.
  ir::Module all = m;
  EXPECT_TRUE(ir::inlineCalls(all, 1000));
  EXPECT_TRUE(ir::verify(all).empty()) << ir::print(all);
  for (const ir::Function& fn : all.functions)
    EXPECT_EQ(countOp(fn, ir::Opcode::Call), 0u) << ir::print(all);
  expectSameResults(m, all);
}

TEST(PassesTest, InlineWithIntAndBoolParameters) {
  ir::Module m = unoptimized(
      "def pick(x: real, n: int = 3, neg: bool = False) -> real = -x * n if neg else x // n\n"
      "def use(x: real) -> real = pick(x) + pick(x, neg=True) + pick(x, n=int(x))\n");
  ir::Module all = m;
  EXPECT_TRUE(ir::inlineCalls(all, 1000));
  EXPECT_TRUE(ir::verify(all).empty()) << ir::print(all);
  EXPECT_EQ(countOp(all.functions[1], ir::Opcode::Call), 0u);
  expectSameResults(m, all);
}

TEST(PassesTest, StandardPipelinePreservesResults) {
  ir::Module m = unoptimized(std::string(kInlineSource) +
                             "def poly(x: real) -> real = x ** 3 + 3 ** x - x ** 1.5 + x ** 1 - x ** 0\n"
                             "def mix(x: real) -> real = where(x > 0, sqrt(x), -x) + min(x, 1.0, sin(x))\n"
                             "def ints(x: real) -> int = int(x) // 3 + int(x) % -4 + abs(int(x) - 7)\n");
  ir::Module opt = m;
  ir::optimize(opt);
  EXPECT_TRUE(ir::verify(opt).empty()) << ir::print(opt);
  expectSameResults(m, opt);
}

// Each pow canonicalization computes exactly its canonical form (x ** 2 is
// x * x, as NumPy's fast path np.square; x ** -1 is 1 / x; x ** 0.5 is
// sqrt with pow's special values), on inputs including the special values.
// (Not always pow's bits: glibc's pow is not correctly rounded, and e.g.
// pow(y, 2) != y * y for about 0.08% of doubles.)
// The folds that remain are exact for glibc's pow: x ** 0 is 1 (NaN
// included), x ** 1 is x. And x ** 2 really needs pow: at the near-tie
// x = 24.000000000000004 glibc's pow(x, 2) and x * x differ (FIND's
// gaussian f00177 at x = -7.5 depends on it).
TEST(PassesTest, PowFoldsAreExactForGlibc) {
  struct Case {
    const char* source;
    double (*expected)(double);
  };
  const Case cases[] = {
      {"def f(x: real) -> real = x ** 0", [](double) { return 1.0; }},
      {"def f(x: real) -> real = x ** 1", [](double x) { return x; }},
      {"def f(x: real) -> real = x ** 2", [](double x) { return std::pow(x, 2.0); }},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.source);
    ir::Module m = folded(c.source, /*checkResults=*/false);
    Interpreter interp(m);
    int failures = 0;
    for (double x : passInputs()) {
      double y = test::callWithDefaults(interp, m, 0, x);
      if (!sameReal(y, c.expected(x)) && failures++ < 3)
        ADD_FAILURE() << "x = " << describe(x) << ": " << describe(y) << ", expected " << describe(c.expected(x));
    }
  }
  volatile double two = 2.0, nearTie = 24.000000000000004;
  EXPECT_NE(std::pow(nearTie, two), nearTie * nearTie) << "glibc's pow now rounds this case like x * x";
  ir::Module m = folded("def f(x: real) -> real = x ** 2", /*checkResults=*/false);
  EXPECT_EQ(test::callWithDefaults(Interpreter(m), m, 0, nearTie), std::pow(nearTie, two));
}

// A constant base is not rewritten: 8 ** x, 0.125 ** x, 1024 ** x and
// 10 ** x compute pow, as np.power does (exp2(3 * x) would be ~20 ulp off
// near x = -20, exp10(3) is 1000.0000000000001 in glibc 2.36).
TEST(PassesTest, ConstantBasePowIsPow) {
  for (double base : {2.0, 8.0, 0.125, 1024.0, 10.0}) {
    std::string source = "def f(x: real) -> real = " + formatPython(Scalar::ofReal(base)) + " ** x";
    SCOPED_TRACE(source);
    ir::Module m = folded(source);  // interpreter before and after folding agree
    Interpreter interp(m);
    for (double x : passInputs())
      ASSERT_TRUE(sameReal(test::callWithDefaults(interp, m, 0, x), std::pow(base, x))) << describe(x);
  }
}

// --- Horner's form (fast math only) -----------------------------------------

// `source` through the standard pipeline, then evaluatePolynomialsInHornerForm
// on every function; `changed` is whether the pass said it changed any.
ir::Module inHornerForm(const std::string& source, bool* changed = nullptr) {
  ir::Module m = unoptimized(source);
  ir::optimize(m);
  bool any = false;
  ir::Module out = applied(m, [&](ir::Function& fn) { any |= ir::evaluatePolynomialsInHornerForm(fn); },
                           /*checkResults=*/false);
  if (changed)
    *changed = any;
  return out;
}

// A polynomial by its coefficients, c[k] for x**k, and its value and the
// size of its terms (sum of |c[k] x^k|) in long double: Horner's form is
// within (2n + 1) ulp of that size from the value (each step rounds a
// multiplication and an addition), the original order within about as much.
struct Polynomial {
  std::vector<double> c;
  long double value(double x) const {
    long double sum = 0;
    for (size_t k = c.size(); k-- > 0;)
      sum = sum * x + c[k];
    return sum;
  }
  long double size(double x) const {
    long double sum = 0;
    for (size_t k = c.size(); k-- > 0;)
      sum = sum * std::fabs(x) + std::fabs(c[k]);
    return sum;
  }
};

void expectWithinHornerBound(const ir::Module& m, uint32_t f, const Polynomial& p, double lo, double hi) {
  Interpreter interp(m);
  double n = static_cast<double>(p.c.size());
  int failures = 0;
  for (double x : test::gridInputs(lo, hi, 401)) {
    double y = test::callWithDefaults(interp, m, f, x);
    long double error = std::fabs(static_cast<long double>(y) - p.value(x));
    long double bound = (2 * n + 2) * 0x1p-53L * p.size(x);
    if (!(error <= bound) && failures++ < 3)
      ADD_FAILURE() << "x = " << describe(x) << ": " << describe(y) << ", exact "
                    << describe(static_cast<double>(p.value(x))) << "; error " << static_cast<double>(error)
                    << " beyond " << static_cast<double>(bound) << "\n" << ir::print(m);
  }
}

// FIND's c_k*x**k form becomes n multiplications and n additions, no pow.
TEST(PassesTest, HornerFormOfFindPolynomial) {
  bool changed = false;
  ir::Module m = inHornerForm(
      "def poly(x: real) -> real = 0.84*x**0 + -1.26*x**1 + 0.37*x**2 + 2.05*x**3 + -0.58*x**4 + 0.11*x**5",
      &changed);
  EXPECT_TRUE(changed);
  const ir::Function& fn = m.functions[0];
  EXPECT_EQ(countPrim(fn, PrimOp::Pow), 0u) << ir::print(m);
  EXPECT_EQ(countPrim(fn, PrimOp::Mul), 5u) << ir::print(m);
  EXPECT_EQ(countPrim(fn, PrimOp::Add), 5u) << ir::print(m);
  expectWithinHornerBound(m, 0, {{0.84, -1.26, 0.37, 2.05, -0.58, 0.11}}, -20, 20);
}

// Random polynomials of degree up to 16 in every spelling the pass reads:
// c*x**k, x**k*c, -(c*x**k), c*(2.0*x)**k, c*x*x**(k-1), sums and
// differences, a degree's terms spread over the sum.
TEST(PassesTest, HornerFormStaysWithinItsErrorBound) {
  std::mt19937_64 random(12);
  for (int trial = 0; trial < 60; ++trial) {
    int degree = 2 + static_cast<int>(random() % 15);
    Polynomial p{std::vector<double>(degree + 1, 0.0)};
    std::string body;
    int terms = 2 + static_cast<int>(random() % (degree + 3));
    for (int t = 0; t < terms; ++t) {
      int k = t == 0 ? degree : static_cast<int>(random() % (degree + 1));
      double a = static_cast<double>(1 + random() % 1000) / 100.0;
      std::string c = formatPython(Scalar::ofReal(a)), power = "x**" + std::to_string(k);
      std::string term;
      double value = a; // of the term, times x**k
      switch (random() % 5) {
      case 0: term = c + "*" + power; break;
      case 1: term = power + "*" + c; break;
      case 2: term = "-(" + c + "*" + power + ")", value = -a; break;
      case 3: term = c + "*(2.0*x)**" + std::to_string(k), value = std::ldexp(a, k); break;
      default: term = k == 0 ? c : c + "*x*x**" + std::to_string(k - 1); break;
      }
      bool minus = random() % 2 == 1;
      body += (t == 0 ? (minus ? "-" : "") : (minus ? " - " : " + ")) + term;
      p.c[k] += minus ? -value : value;
    }
    std::string source = "def f(x: real) -> real = " + body;
    SCOPED_TRACE(source);
    ir::Module m = inHornerForm(source);
    EXPECT_EQ(countPrim(m.functions[0], PrimOp::Pow), 0u) << ir::print(m);
    expectWithinHornerBound(m, 0, p, -3, 3);
  }
}

// What is not a monomial of the sum's base is added after the polynomial:
// another function of x, a product with another base, a polynomial in
// another base. Ints, degree-1 sums and a sum used twice keep their values.
TEST(PassesTest, HornerFormKeepsOtherTerms) {
  const char* source = "def f(x: real) -> real = sin(x) + x**3 - 2*x + exp(x)*x**2 + (x + 1)**2 - 4\n"
                       "def g(x: real) -> real = (x**2 + 1) * (x**2 + 1) + (x**2 + 1)\n"
                       "def h(x: int) -> int = 3*x*x + x + 1\n"
                       "def k(x: real) -> real = 2*x + 1\n";
  bool changed = false;
  ir::Module m = inHornerForm(source, &changed);
  EXPECT_TRUE(changed);
  ir::Module before = unoptimized(source);
  Interpreter ib(before), ia(m);
  for (uint32_t f = 0; f < m.functions.size(); ++f)
    for (double x : test::gridInputs(-3, 3, 121)) {
      double yb = test::callWithDefaults(ib, before, f, x), ya = test::callWithDefaults(ia, m, f, x);
      EXPECT_NEAR(ya, yb, 1e-12 * std::max(1.0, std::fabs(yb))) << m.functions[f].name << "(" << describe(x) << ")\n"
                                                                 << ir::print(m);
    }
  ir::Module unchanged = unoptimized("def h(x: int) -> int = 3*x*x + x + 1\ndef k(x: real) -> real = 2*x + 1\n");
  ir::optimize(unchanged);
  bool any = false;
  for (ir::Function& fn : unchanged.functions)
    any |= ir::evaluatePolynomialsInHornerForm(fn);
  EXPECT_FALSE(any) << ir::print(unchanged);
}

} // namespace
} // namespace findc

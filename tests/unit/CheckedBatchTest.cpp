// The checked batch entry (compiler/codegen's checkedBatchEntryName) of
// functions that take numbers but need a context, against the interpreter
// point by point: each point evaluated as one boxed call on a fresh context
// would be (value bit for bit, error kind for error kind), with the loop
// budget restored, the error cleared and the arena emptied between points.
// The functions use every runtime operation codegen writes out inline
// (StrOps.def: Inline), at the inputs where their decisions turn. And the
// engine: evaluateNumbers runs the JIT's checked batch, the interpreter's
// boxed calls, to the same bits.
#include "engine/Compile.h"
#include "engine/Evaluate.h"
#include "tests/unit/TestUtil.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <set>
#include <string>
#include <vector>

namespace findc {
namespace {

using test::describe;
using test::sameReal;

const char* kFunctions = R"(
def div(x: real) -> real = py_div(1.0, x)
def div_shifted(x: real) -> real = py_div(x, x - 1.0)
def mod_by(x: real) -> real = py_mod(x, -2.5)
def mod_of(x: real) -> real = py_mod(-7.5, x)
def floordiv_by(x: real) -> real = py_floordiv(x, -2.5)
def floordiv_of(x: real) -> real = py_floordiv(7.5, x)
def imod(x: real) -> int = py_mod(int(x), int(x / 3)) + py_mod(-7, int(x))
def ifloordiv(x: real) -> int = py_floordiv(int(x), int(x / 3)) + py_floordiv(-7, int(x))
def ifloordiv_minus_one(x: real) -> int = py_floordiv(int(x), -1) + py_mod(int(x), -1)
def to_int(x: real) -> int = py_int(x)
def log_checked(x: real) -> real = py_math(log(x), x)
def sqrt_checked(x: real) -> real = py_math(sqrt(x), x)
def exp_checked(x: real) -> real = py_math_overflow(exp(x), x)
def cosh_checked(x: real) -> real = py_math_overflow(cosh(x), x)
def square(x: real) -> real = py_pow(x, 2)
def cube(x: real) -> real = py_pow(x, 3)
def reciprocal(x: real) -> real = py_pow(x, -1)
def inverse_square(x: real) -> real = py_pow(x, -2)
def zeroth(x: real) -> real = py_pow(x, 0)
def huge_power(x: real) -> real = py_pow(x, 1025)
def odd_power_past_2_53(x: real) -> real = py_pow(x, 9007199254740993)
def power_of_x(x: real) -> real = py_pow(x, int(x))
def powers_of_constants(x: real) -> real = py_pow(-1.5, int(x)) + py_pow(1.0, int(x)) + py_pow(-1.0, int(x))
def first_error_wins(x: real) -> int = py_int(py_div(1.0, x)) + py_int(py_math(log(x), x))
def truth(x: real) -> bool = py_div(1.0, x) > 0.5
def with_defaults(x: real, a: real = 2.5, k: int = -3, flip: bool = True) -> real {
  if flip {
    return py_div(x, a) + py_pow(x, k)
  }
  return 0.0
}
def int_input(n: int, d: int = 3) -> int = py_floordiv(n, d) + py_mod(n, d - 5)
def int_overflow(x: real) -> int = py_add(py_mul(py_int(x), 4611686018427387904), py_sub(py_int(x), 9223372036854775807))
def caught(x: real) -> real {
  var y = py_div(1.0, x)
  if py_failed() {
    return -1.0
  }
  return y
}

def steps(x: real) -> int {
  var k = 0
  while k < x {
    k += 1
  }
  return k
}

def stepped(x: real) -> real {
  var total = 0.0
  for i in range(1, 10, int(x)) {
    total += py_div(x, i)
  }
  return total
}

def digits(x: real) -> int {
  var s = str(x)
  return len(s + s)
}
)";

std::vector<double> inputsFor(const ir::Function& fn) {
  std::vector<double> xs = test::specialInputs();
  for (double x : test::gridInputs(-12, 12, 97))
    xs.push_back(x);
  for (double x : {1e-320, -1e-320, 1e300, 709.0, 710.0, 711.0, -745.5, 1.0000000001, 0x1p63, -0x1p63, 0x1p62,
                   -0x1p62, 2.0e6, 999999.0, 1e6, 3.0, 1.0, -1.0, 2.5, -2.5, 7.5, -7.5})
    xs.push_back(x);
  if (fn.params[0].type == Type::Int) // an int parameter takes integral inputs
    std::erase_if(xs, [](double x) { return x != std::floor(x) || !std::isfinite(x); });
  return xs;
}

// The interpreter's boxed call of fn at x, on a context of its own with
// `budget` loop trips.
std::pair<double, rt::ErrorKind> interpreted(const Interpreter& interp, const ir::Module& module, uint32_t f,
                                             double x, int64_t budget = rt::defaultLoopBudget) {
  const ir::Function& fn = module.functions[f];
  std::vector<Scalar> args = {unaryArgument(fn.params[0], x)};
  for (size_t k = 1; k < fn.params.size(); ++k)
    args.push_back(*fn.params[k].defaultValue);
  rt::Arena arena;
  rt::Context ctx{&arena};
  ctx.begin(budget);
  double y = interp.call(f, args, ctx).asDouble();
  return {y, ctx.errorKind()};
}

class CheckedBatchTest : public ::testing::TestWithParam<MathMode> {};

TEST_P(CheckedBatchTest, MatchesTheInterpreterPointByPoint) {
  auto c = test::compile(kFunctions);
  ASSERT_TRUE(c->module.has_value()) << c->diagnosticsText();
  const ir::Module& module = *c->module;
  auto jit = test::makeJIT(module, GetParam());
  ASSERT_TRUE(jit);
  Interpreter interp(module);
  size_t checked = 0;
  std::set<rt::ErrorKind> kindsSeen;
  for (uint32_t f = 0; f < module.functions.size(); ++f) {
    const ir::Function& fn = module.functions[f];
    ASSERT_TRUE(fn.hasCheckedBatchEntry()) << fn.name;
    auto entry = jit->checkedBatchEntry(fn.name);
    ASSERT_TRUE(static_cast<bool>(entry)) << llvm::toString(entry.takeError());
    std::vector<double> xs = inputsFor(fn);
    std::vector<double> ys(xs.size());
    std::vector<uint8_t> errors(xs.size(), 0xFF);
    rt::Arena arena;
    rt::Context ctx{&arena};
    ctx.begin();
    (*entry)(&ctx, xs.data(), ys.data(), errors.data(), static_cast<int64_t>(xs.size()));
    for (size_t i = 0; i < xs.size(); ++i) {
      auto [expected, kind] = interpreted(interp, module, f, xs[i]);
      kindsSeen.insert(kind);
      EXPECT_EQ(static_cast<rt::ErrorKind>(errors[i]), kind) << fn.name << "(" << describe(xs[i]) << ")";
      if (kind != rt::ErrorKind::None) {
        EXPECT_TRUE(std::isnan(ys[i])) << fn.name << "(" << describe(xs[i]) << ") failed, but gives "
                                       << describe(ys[i]);
      } else if (GetParam() == MathMode::Exact || !sameReal(ys[i], expected)) {
        // Vector math: within a few ulp of glibc's (x * x for pow(x, 2)).
        bool close = GetParam() == MathMode::Vector && std::isfinite(expected) &&
                     test::ulpDistance(ys[i], expected) <= 4;
        EXPECT_TRUE(sameReal(ys[i], expected) || close)
            << fn.name << "(" << describe(xs[i]) << "): checked batch " << describe(ys[i]) << ", interpreter "
            << describe(expected);
      }
      ++checked;
    }
  }
  EXPECT_GT(checked, 3000u);
  // The inputs reach every outcome the operations have.
  for (rt::ErrorKind kind : {rt::ErrorKind::None, rt::ErrorKind::ValueError, rt::ErrorKind::BudgetExceeded,
                             rt::ErrorKind::ZeroDivisionError, rt::ErrorKind::OverflowError})
    EXPECT_TRUE(kindsSeen.count(kind)) << rt::errorName(kind);
}

INSTANTIATE_TEST_SUITE_P(MathModes, CheckedBatchTest, ::testing::Values(MathMode::Exact, MathMode::Vector),
                         [](const auto& info) { return info.param == MathMode::Exact ? "Exact" : "Vector"; });

// Every runtime operation StrOps.def marks Inline is used by kFunctions (so
// the test above checks codegen's lowering of each against the runtime).
TEST(CheckedBatch, FunctionsUseEveryInlineOperation) {
  auto c = test::compile(kFunctions);
  ASSERT_TRUE(c->module.has_value()) << c->diagnosticsText();
  std::set<rt::StrOp> used;
  for (const ir::Function& fn : c->module->functions)
    for (const ir::Inst& inst : fn.body)
      if (inst.op == ir::Opcode::Runtime)
        used.insert(inst.strOp());
  for (size_t k = 0; k < rt::allStrOps().size(); ++k)
    if (rt::allStrOps()[k].compiled == rt::Compiled::Inline) {
      EXPECT_TRUE(used.count(static_cast<rt::StrOp>(k))) << rt::allStrOps()[k].mnemonic;
    }
}

// Each point starts as ctx.begin() leaves a context: the default loop
// budget (a constant in the entry, whatever the context held: loops with
// constant trip counts then fold their checks), no error; the arena is
// emptied before each point of a function that allocates.
TEST(CheckedBatch, EachPointStartsAfresh) {
  auto c = test::compile(kFunctions);
  ASSERT_TRUE(c->module.has_value()) << c->diagnosticsText();
  auto jit = test::makeJIT(*c->module, MathMode::Exact);
  ASSERT_TRUE(jit);
  Interpreter interp(*c->module);
  rt::Arena arena;
  rt::Context ctx{&arena};

  auto steps = jit->checkedBatchEntry("steps");
  ASSERT_TRUE(static_cast<bool>(steps)) << llvm::toString(steps.takeError());
  const double budget = static_cast<double>(rt::defaultLoopBudget);
  double xs[] = {5, budget + 1, 9, budget - 1, budget * 2, 0};
  double ys[6];
  uint8_t errors[6];
  ctx.begin(10); // not what the points start with
  (*steps)(&ctx, xs, ys, errors, 6);
  std::set<rt::ErrorKind> outcomes;
  for (int i = 0; i < 6; ++i) {
    auto [expected, kind] = interpreted(interp, *c->module, *c->module->find("steps"), xs[i]);
    EXPECT_EQ(static_cast<rt::ErrorKind>(errors[i]), kind) << xs[i];
    EXPECT_TRUE(kind != rt::ErrorKind::None ? std::isnan(ys[i]) : ys[i] == expected) << xs[i] << " -> " << ys[i];
    outcomes.insert(kind);
  }
  EXPECT_EQ(outcomes, (std::set<rt::ErrorKind>{rt::ErrorKind::None, rt::ErrorKind::BudgetExceeded}));

  auto div = jit->checkedBatchEntry("div");
  ASSERT_TRUE(static_cast<bool>(div)) << llvm::toString(div.takeError());
  double at[] = {0, 2, 0, -4};
  double quotients[4];
  ctx.begin();
  (*div)(&ctx, at, quotients, errors, 4);
  EXPECT_EQ(errors[0], uint8_t(rt::ErrorKind::ZeroDivisionError));
  EXPECT_EQ(errors[1], 0);
  EXPECT_EQ(quotients[1], 0.5);
  EXPECT_EQ(errors[2], uint8_t(rt::ErrorKind::ZeroDivisionError));
  EXPECT_EQ(errors[3], 0);
  EXPECT_EQ(quotients[3], -0.25);

  // str(x) + str(x) at 10,000 points: the arena holds one point's strings.
  auto digits = jit->checkedBatchEntry("digits");
  ASSERT_TRUE(static_cast<bool>(digits)) << llvm::toString(digits.takeError());
  std::vector<double> many = test::gridInputs(-1e6, 1e6, 10000);
  std::vector<double> lengths(many.size());
  std::vector<uint8_t> kinds(many.size());
  ctx.begin();
  (*digits)(&ctx, many.data(), lengths.data(), kinds.data(), static_cast<int64_t>(many.size()));
  EXPECT_EQ(lengths.front(), 2 * std::string("-1000000.0").size());
  EXPECT_LT(arena.bytesAllocated(), 200u);
}

// The points run on a copy of the context (so that the loop vectorizes); the
// caller's context ends as the last point left it, its arena its own.
TEST(CheckedBatch, TheContextEndsAsTheLastPointLeftIt) {
  auto c = test::compile(kFunctions);
  ASSERT_TRUE(c->module.has_value()) << c->diagnosticsText();
  auto jit = test::makeJIT(*c->module, MathMode::Exact);
  ASSERT_TRUE(jit);
  rt::Arena arena;
  rt::Context ctx{&arena};
  auto div = jit->checkedBatchEntry("div");
  ASSERT_TRUE(static_cast<bool>(div)) << llvm::toString(div.takeError());
  std::vector<double> xs = test::gridInputs(-4, 4, 33); // 0 last but one
  xs.push_back(0);
  std::vector<double> ys(xs.size());
  std::vector<uint8_t> errors(xs.size());
  ctx.begin();
  (*div)(&ctx, xs.data(), ys.data(), errors.data(), static_cast<int64_t>(xs.size()));
  EXPECT_EQ(ctx.errorKind(), rt::ErrorKind::ZeroDivisionError);
  EXPECT_EQ(ctx.arena, &arena);
  xs.back() = 2;
  (*div)(&ctx, xs.data(), ys.data(), errors.data(), static_cast<int64_t>(xs.size()));
  EXPECT_EQ(ctx.errorKind(), rt::ErrorKind::None);

  auto steps = jit->checkedBatchEntry("steps");
  ASSERT_TRUE(static_cast<bool>(steps)) << llvm::toString(steps.takeError());
  double at[] = {2, 5};
  double trips[2];
  ctx.begin(10);
  (*steps)(&ctx, at, trips, errors.data(), 2);
  // The budget steps(5) leaves, called alone (every point starts with the
  // default budget).
  Interpreter interp(*c->module);
  rt::Context alone{&arena};
  alone.begin();
  std::vector<Scalar> five = {Scalar::ofReal(5)};
  interp.call(*c->module->find("steps"), five, alone);
  EXPECT_LT(alone.budget, rt::defaultLoopBudget);
  EXPECT_EQ(ctx.budget, alone.budget);
  EXPECT_EQ(ctx.errorKind(), rt::ErrorKind::None);
}

// The engine evaluates functions with a checked batch entry through it with
// the JIT, and through boxed calls with the interpreter: the same bits and
// errors (an agent's hypothesis, as the Python module runs it).
TEST(CheckedBatch, EngineEvaluatesNumbersThroughIt) {
  const char* hypothesis = R"(import math

def f(x):
    if x > 3:
        return math.log(x - 4) / (x - 5)
    total = 0.0
    for k in range(1, 4):
        total += x ** k / k
    return total + 1 / x
)";
  std::vector<double> xs = test::gridInputs(-10, 10, 81);
  for (double x : test::specialInputs())
    xs.push_back(x);
  std::vector<double> jitY(xs.size()), interpY(xs.size());
  std::vector<rt::ErrorKind> jitErrors(xs.size()), interpErrors(xs.size());
  auto jit = engine::compileOrThrow(hypothesis, "h.py", {});
  auto interp = engine::compileOrThrow(hypothesis, "h.py", {.engine = Engine::Interpreter});
  uint32_t f = jit->resolve("f");
  EXPECT_TRUE(jit->runsCheckedBatch(f));
  EXPECT_FALSE(interp->runsCheckedBatch(f));
  engine::evaluateNumbers(*jit, f, xs, jitY, {}, jitErrors);
  EXPECT_TRUE(jit->hasCheckedBatch(f)) << "evaluateNumbers went another way";
  engine::evaluateNumbers(*interp, f, xs, interpY, {}, interpErrors);
  std::set<rt::ErrorKind> kinds;
  for (size_t i = 0; i < xs.size(); ++i) {
    EXPECT_EQ(jitErrors[i], interpErrors[i]) << describe(xs[i]);
    EXPECT_TRUE(sameReal(jitY[i], interpY[i])) << describe(xs[i]) << ": JIT " << describe(jitY[i])
                                               << ", interpreter " << describe(interpY[i]);
    kinds.insert(jitErrors[i]);
  }
  EXPECT_TRUE(kinds.count(rt::ErrorKind::ZeroDivisionError) && kinds.count(rt::ErrorKind::ValueError));
}

} // namespace
} // namespace findc

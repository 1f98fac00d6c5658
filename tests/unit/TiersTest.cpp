// The JIT's two tiers in exact math (engine/JitBackend.cpp): a function's
// first code is compiled quickly, and recompiled optimized once it has run
// CompileOptions::optimizeAfterPoints points, through any of its entries
// (batch, checked batch, boxed), from any number of threads at once. The
// values are the same bits before, during and after, and the interpreter's.
#include "compiler/codegen/Codegen.h"
#include "engine/Compile.h"
#include "engine/Evaluate.h"
#include "tests/unit/TestUtil.h"

#include <gtest/gtest.h>
#include <llvm/Analysis/LoopInfo.h>
#include <llvm/IR/Dominators.h>
#include <llvm/IR/LLVMContext.h>
#include <llvm/IR/Module.h>

#include <memory>
#include <thread>
#include <vector>

namespace findc {
namespace {

using test::describe;
using test::sameReal;

const char* kSuite = R"(
def wave(x: real) -> real = 2.37 * sin(1.62 * (x - 0.45)) + x ** 2 - exp(x / 7)
def ramp(x: real, a: real = 1.0, b: real = 0.1) -> real = where(x > 0, a * x ** 3, b * x)
)";

const char* kHypothesis = R"(import math

def f(x):
    if x < -2:
        return math.sin(x) / (x + 3)
    total = 0.0
    for k in range(1, 4):
        total += x ** k / k
    return total + math.exp(-abs(x))
)";

constexpr uint64_t kThreshold = 1000;

std::unique_ptr<engine::Suite> compile(const char* source, const char* name, uint64_t optimizeAfterPoints,
                                       Engine engine = Engine::Jit, MathMode math = MathMode::Exact) {
  DiagnosticEngine diags;
  auto file = std::make_shared<const SourceFile>(name, source);
  engine::CompileOptions options;
  options.load.engine = engine;
  options.load.math = math;
  options.optimizeAfterPoints = optimizeAfterPoints;
  std::unique_ptr<engine::Suite> suite = engine::compileSuite(file, options, diags);
  EXPECT_TRUE(suite) << name;
  return suite;
}

std::vector<double> inputs(size_t n) {
  std::vector<double> xs = test::gridInputs(-9, 9, static_cast<int>(n));
  for (double x : test::specialInputs())
    xs.push_back(x);
  return xs;
}

std::vector<double> evaluate(const engine::Suite& suite, const char* name, const std::vector<double>& xs) {
  std::vector<double> ys(xs.size());
  std::vector<rt::ErrorKind> errors(xs.size());
  engine::evaluateNumbers(suite, suite.resolve(name), xs, ys, {}, errors);
  return ys;
}

void expectSame(const std::vector<double>& got, const std::vector<double>& want, const std::vector<double>& xs,
                const char* what) {
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < got.size(); ++i)
    EXPECT_TRUE(sameReal(got[i], want[i])) << what << " at " << describe(xs[i]) << ": " << describe(got[i])
                                           << " against " << describe(want[i]);
}

// Below the threshold the quick code runs; the batch that reaches it runs
// optimized code; every value is the interpreter's.
void checkTiers(const char* source, const char* name, const char* fn) {
  std::unique_ptr<engine::Suite> jit = compile(source, name, kThreshold);
  std::unique_ptr<engine::Suite> interp = compile(source, name, kThreshold, Engine::Interpreter);
  ASSERT_TRUE(jit && interp);
  uint32_t f = jit->resolve(fn);
  std::vector<double> xs = inputs(600);
  ASSERT_LT(xs.size(), kThreshold);
  std::vector<double> want = evaluate(*interp, fn, xs);
  expectSame(evaluate(*jit, fn, xs), want, xs, "quick code");
  EXPECT_TRUE(jit->runsQuickCode(f)) << fn << ": optimized before its threshold";
  expectSame(evaluate(*jit, fn, xs), want, xs, "optimized code");
  EXPECT_FALSE(jit->runsQuickCode(f)) << fn << ": not optimized past its threshold";
  expectSame(evaluate(*jit, fn, xs), want, xs, "optimized code, again");
}

TEST(Tiers, BatchEntriesAreRecompiledOptimizedAtTheThreshold) { checkTiers(kSuite, "tiers.fnd", "wave"); }

TEST(Tiers, CheckedBatchEntriesAreRecompiledOptimizedAtTheThreshold) {
  checkTiers(kHypothesis, "tiers.py", "f");
}

TEST(Tiers, BoxedCallsCountOnePointEach) {
  std::unique_ptr<engine::Suite> jit = compile(kSuite, "tiers.fnd", kThreshold);
  std::unique_ptr<engine::Suite> interp = compile(kSuite, "tiers.fnd", kThreshold, Engine::Interpreter);
  ASSERT_TRUE(jit && interp);
  uint32_t f = jit->resolve("ramp");
  std::vector<Scalar> given = {Scalar::ofReal(2.5), Scalar::ofReal(-0.3)};
  std::vector<Scalar> xs;
  for (double x : inputs(kThreshold / 2))
    xs.push_back(Scalar::ofReal(x));
  rt::Arena arena;
  engine::Outputs want = engine::evaluateValues(*interp, interp->resolve("ramp"), xs, given, {}, arena);
  for (int round = 0; round < 3; ++round) {
    engine::Outputs got = engine::evaluateValues(*jit, f, xs, given, {}, arena);
    ASSERT_EQ(got.size(), want.size());
    for (size_t i = 0; i < xs.size(); ++i)
      EXPECT_TRUE(sameReal(got.values[i].r, want.values[i].r)) << "round " << round << " at " << describe(xs[i].r);
    EXPECT_EQ(jit->runsQuickCode(f), round == 0) << "round " << round;
  }
}

TEST(Tiers, ThreadsCrossTheThresholdTogether) {
  std::unique_ptr<engine::Suite> jit = compile(kHypothesis, "tiers.py", kThreshold);
  std::unique_ptr<engine::Suite> interp = compile(kHypothesis, "tiers.py", kThreshold, Engine::Interpreter);
  ASSERT_TRUE(jit && interp);
  std::vector<double> xs = inputs(64);
  std::vector<double> want = evaluate(*interp, "f", xs);
  std::vector<std::thread> threads;
  std::vector<int> wrong(4, 0);
  for (size_t t = 0; t < wrong.size(); ++t)
    threads.emplace_back([&, t] {
      for (int round = 0; round < 40; ++round) {
        std::vector<double> got = evaluate(*jit, "f", xs);
        for (size_t i = 0; i < xs.size(); ++i)
          wrong[t] += !sameReal(got[i], want[i]);
      }
    });
  for (std::thread& thread : threads)
    thread.join();
  for (size_t t = 0; t < wrong.size(); ++t)
    EXPECT_EQ(wrong[t], 0) << "thread " << t;
  EXPECT_FALSE(jit->runsQuickCode(jit->resolve("f")));
}

// The deepest loop nest of the checked batch entry of `f` in `source`, its
// module optimized at `tier`.
unsigned checkedBatchLoopDepth(const char* source, Tier tier) {
  std::unique_ptr<test::Compiled> c = test::compile(source, /*optimize=*/true, "tiers.py");
  EXPECT_TRUE(c->module) << c->diagnosticsText();
  if (!c->module)
    return 0;
  auto target = createHostTargetMachine(codeGenLevel(tier));
  EXPECT_TRUE(static_cast<bool>(target));
  if (!target)
    return 0;
  llvm::LLVMContext context;
  uint32_t f = *c->module->find("f");
  std::unique_ptr<llvm::Module> module = emitEntryPoints(*c->module, context, **target, {{}, {}, {f}});
  optimizeModule(*module, **target, MathMode::Exact, tier);
  llvm::Function* entry = module->getFunction(checkedBatchEntryName("f"));
  EXPECT_TRUE(entry);
  if (!entry)
    return 0;
  llvm::DominatorTree dominators(*entry);
  llvm::LoopInfo loops(dominators);
  unsigned depth = 0;
  for (llvm::BasicBlock& block : *entry)
    depth = std::max(depth, loops.getLoopDepth(&block));
  return depth;
}

// The quick tier's short pipeline does not unroll, so a module whose
// function loops gets -O2 there too: the loop over k is unrolled whole, in
// both tiers, and only the loop over the points is left.
TEST(Tiers, AFunctionThatLoopsGetsTheFullPipelineInBothTiers) {
  EXPECT_EQ(checkedBatchLoopDepth(kHypothesis, Tier::Quick), 1u);
  EXPECT_EQ(checkedBatchLoopDepth(kHypothesis, Tier::Optimized), 1u);
}

TEST(Tiers, ZeroThresholdAndVectorMathAreOptimizedAtOnce) {
  std::unique_ptr<engine::Suite> optimized = compile(kSuite, "tiers.fnd", 0);
  std::unique_ptr<engine::Suite> vector = compile(kSuite, "tiers.fnd", kThreshold, Engine::Jit, MathMode::Vector);
  std::unique_ptr<engine::Suite> interp = compile(kSuite, "tiers.fnd", kThreshold, Engine::Interpreter);
  ASSERT_TRUE(optimized && vector && interp);
  std::vector<double> xs = inputs(100);
  expectSame(evaluate(*optimized, "wave", xs), evaluate(*interp, "wave", xs), xs, "optimized at once");
  evaluate(*vector, "wave", xs);
  for (const engine::Suite* suite : {optimized.get(), vector.get(), interp.get()})
    EXPECT_FALSE(suite->runsQuickCode(suite->resolve("wave")));
}

} // namespace
} // namespace findc

// Where the engine compiles: on the caller's thread when its stack has room
// for the source (engine/BigStack.h), else on a thread of its own.
#include "engine/BigStack.h"
#include "engine/Compile.h"

#include <gtest/gtest.h>
#include <pthread.h>

#include <cstdint>
#include <functional>
#include <string>

namespace findc::engine {
namespace {

// Runs `work` on a new thread with exactly `bytes` of stack; false if it
// threw (a stack too small for `work` crashes the test instead).
bool onStackOf(size_t bytes, const std::function<void()>& work) {
  pthread_attr_t attributes;
  pthread_attr_init(&attributes);
  pthread_attr_setstacksize(&attributes, bytes);
  struct Job {
    const std::function<void()>* work;
    bool ok = true;
  } job{&work};
  pthread_t thread;
  if (pthread_create(
          &thread, &attributes,
          [](void* opaque) -> void* {
            auto* j = static_cast<Job*>(opaque);
            try {
              (*j->work)();
            } catch (...) {
              j->ok = false;
            }
            return nullptr;
          },
          &job) != 0)
    return false;
  pthread_join(thread, nullptr);
  pthread_attr_destroy(&attributes);
  return job.ok;
}

TEST(BigStack, RunsOnTheCallersThreadOnlyWhenItHasRoom) {
  pthread_t caller = pthread_self();
  bool same = false;
  runWithStack(64 << 10, [&] { same = pthread_equal(pthread_self(), caller); });
  EXPECT_TRUE(same) << "64 KiB are left on the test's thread";
  runWithStack(SIZE_MAX, [&] { same = pthread_equal(pthread_self(), caller); });
  EXPECT_FALSE(same);
  size_t left = stackLeft();
  EXPECT_GT(left, size_t{64} << 10);
  EXPECT_LT(left, size_t{1} << 40);
}

// The deepest sources the front ends accept, compiled and evaluated by the
// JIT on a thread with just the stack compileStackNeed promises: inline, on
// that very thread (a bound too small crashes here).
TEST(BigStack, TheBoundCoversTheDeepestSources) {
  std::string chain = "x";
  for (int i = 0; i < 700; ++i)
    chain += "+x";
  std::string python = "def f(x):\n    return " + std::string(250, '(') + chain + std::string(250, ')') + "\n";
  std::string longChain = "x";
  for (int i = 0; i < 20000; ++i)
    longChain += "+x";
  std::string fnd =
      "def f(x: real) -> real = " + std::string(250, '(') + longChain + std::string(250, ')') + "\n";
  for (auto [source, name, expected] :
       {std::tuple{python, "deep.py", 1402.0}, std::tuple{fnd, "deep.fnd", 40002.0}}) {
    size_t need = compileStackNeed(source.size());
    double y = 0;
    bool inline_ = false;
    EXPECT_TRUE(onStackOf(need + (64 << 10), [&] {
      pthread_t self = pthread_self();
      std::shared_ptr<const Suite> suite = compileOrThrow(source, name, {});
      uint32_t f = suite->resolve("f");
      uint32_t entry[] = {f};
      suite->prepare({}, entry);
      rt::Arena arena;
      rt::Context ctx{&arena};
      Scalar args[] = {Scalar::ofReal(2.0)};
      runWithStack(need, [&] { inline_ = pthread_equal(pthread_self(), self); });
      y = suite->runBoxed(f, ctx, args).asDouble();
    })) << name;
    EXPECT_TRUE(inline_) << name;
    EXPECT_EQ(y, expected) << name;
  }
}

} // namespace
} // namespace findc::engine

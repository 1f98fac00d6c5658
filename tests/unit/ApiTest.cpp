// The C++ API (include/findc/findc.hpp) as an embedder uses it: linked
// against libfindc.so alone, from ordinary threads.
#include "findc/findc.hpp"

#include <gtest/gtest.h>

#include <pthread.h>

#include <cmath>
#include <cstring>
#include <functional>
#include <string>
#include <thread>
#include <vector>

namespace {

std::string example(const char* name) { return std::string(FINDC_EXAMPLES_DIR) + "/" + name; }

bool sameBits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

// Runs `work` on a thread with a small stack, as an embedder's worker might
// have (musl's default is 128 KiB; macOS gives secondary threads 512 KiB).
void onSmallStack(const std::function<void()>& work, size_t bytes = 256 << 10) {
  pthread_attr_t attributes;
  pthread_attr_init(&attributes);
  pthread_attr_setstacksize(&attributes, bytes);
  struct Job {
    const std::function<void()>* work;
    std::string failure;
  } job{&work, ""};
  pthread_t thread;
  ASSERT_EQ(pthread_create(
                &thread, &attributes,
                [](void* opaque) -> void* {
                  auto* j = static_cast<Job*>(opaque);
                  try {
                    (*j->work)();
                  } catch (const std::exception& e) {
                    j->failure = e.what();
                  }
                  return nullptr;
                },
                &job),
            0);
  pthread_join(thread, nullptr);
  pthread_attr_destroy(&attributes);
  EXPECT_EQ(job.failure, "");
}

TEST(Api, DeepSourcesCompileOnAnySmallStack) {
  // A 100,000-term sum is a 100,000-deep tree for every stage; it compiles
  // because the engine compiles on a stack of its own.
  std::string source = "def f(x: real) -> real = x";
  for (int i = 0; i < 100000; ++i)
    source += " + 1";
  source += "\n";
  onSmallStack([&] {
    findc::Suite suite = findc::Suite::compile(source, "deep.fnd", {.engine = findc::Engine::Interpreter});
    double x[] = {0.5}, y[1];
    suite["f"].evaluate(x, y);
    if (y[0] != 100000.5)
      throw std::runtime_error("wrong value " + std::to_string(y[0]));
  });
  // Nesting is bounded by the parser: a located error, not a crash.
  std::string nested = "def g(x: real) -> real = " + std::string(300, '(') + "x" + std::string(300, ')') + "\n";
  onSmallStack([&] {
    try {
      findc::Suite::compile(nested, "nested.fnd");
      throw std::runtime_error("300 levels of brackets compiled");
    } catch (const findc::CompileError& e) {
      if (std::string(e.what()).rfind("nested.fnd:1:", 0) != 0)
        throw std::runtime_error(std::string("not a located error: ") + e.what());
    }
  });
}

TEST(Api, ThreadsShareASuiteAndCompileOnFirstUse) {
  findc::Suite suite = findc::Suite::load(example("find-v1-numeric.fnd"));
  std::vector<std::string> names = suite.names();
  ASSERT_EQ(names.size(), 1000u);
  std::vector<double> x;
  for (int k = -128; k < 128; ++k)
    x.push_back(k + 0.5);
  // Four threads evaluate overlapping functions, each compiled on first use.
  constexpr size_t kThreads = 4, kFunctions = 40;
  std::vector<std::vector<std::vector<double>>> results(kThreads);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      for (size_t k = 0; k < kFunctions; ++k)
        results[t].push_back(suite[names[(k * 7 + t) % kFunctions]].evaluate(x, {.seed = 3}));
    });
  for (std::thread& thread : threads)
    thread.join();
  for (size_t t = 0; t < kThreads; ++t)
    for (size_t k = 0; k < kFunctions; ++k) {
      std::vector<double> want = suite[names[(k * 7 + t) % kFunctions]].evaluate(x, {.seed = 3});
      for (size_t i = 0; i < x.size(); ++i)
        ASSERT_TRUE(sameBits(results[t][k][i], want[i]) || (std::isnan(want[i]) && std::isnan(results[t][k][i])))
            << names[(k * 7 + t) % kFunctions] << " at " << x[i];
    }
}

TEST(Api, EnginesAgreeAndEffectsFollowSeedsAndQueries) {
  findc::Suite jit = findc::Suite::load(example("find-v1-numeric.fnd"));
  findc::Suite interp = findc::Suite::load(example("find-v1-numeric.fnd"), {.engine = findc::Engine::Interpreter});
  std::vector<double> x = {-100.5, -3.25, 0.0, 0.5, 7.75, 99.5};
  for (const char* name : {"f00000", "f00001", "f00013", "f00150", "f00500", "f00152"}) {
    std::vector<double> a = jit[name].evaluate(x, {.seed = 9, .firstQuery = 4});
    std::vector<double> b = interp[name].evaluate(x, {.seed = 9, .firstQuery = 4});
    for (size_t i = 0; i < x.size(); ++i)
      EXPECT_TRUE(sameBits(a[i], b[i]) || (std::isnan(a[i]) && std::isnan(b[i]))) << name << " at " << x[i];
  }
  // f00152 has normal noise: a session numbers queries across calls.
  findc::Function noisy = jit["f00152"];
  ASSERT_TRUE(noisy.isBench());
  std::vector<double> served = noisy.evaluate(x, {.seed = 5});
  EXPECT_EQ(noisy.evaluate(x[3], {.seed = 5, .firstQuery = 3}), served[3]);
  EXPECT_NE(served, noisy.evaluate(x, {.apply = false}));
  EXPECT_NE(served, noisy.evaluate(x, {.seed = 6}));
  findc::Session agent = noisy.session(5);
  std::vector<double> first(2), rest(x.size() - 2);
  agent.evaluate(std::span(x).first(2), first);
  agent.evaluate(std::span(x).subspan(2), rest);
  EXPECT_EQ(agent.nextQuery(), x.size());
  first.insert(first.end(), rest.begin(), rest.end());
  EXPECT_EQ(first, served);
}

// A large batch on several threads (LoadOptions::threads) gives the same
// bits, errors and noise as on one: a checked batch (a Python hypothesis
// that raises on some points), and the interpreter on a noised bench. Both
// are slow enough per point that the helpers start.
TEST(Api, ThreadsGiveTheSameBits) {
  const char* hypothesis = "import math\n"
                           "def f(x):\n"
                           "    s = 0.0\n"
                           "    for i in range(30):\n"
                           "        s += math.sin(x + i) / (i + 1)\n"
                           "    if 10 < x < 20:\n"
                           "        return 1 / (x - x)\n"
                           "    return s\n";
  std::vector<double> x(200'003);
  for (size_t i = 0; i < x.size(); ++i)
    x[i] = -100 + 200.0 * static_cast<double>(i) / static_cast<double>(x.size());
  auto run = [&](findc::Function f, const findc::Effects& effects) {
    std::pair<std::vector<double>, std::vector<uint8_t>> out{std::vector<double>(x.size()),
                                                             std::vector<uint8_t>(x.size())};
    f.evaluate(x, out.first, effects, out.second);
    return out;
  };
  auto same = [&](const auto& a, const auto& b, const char* what) {
    ASSERT_EQ(a.second, b.second) << what;
    for (size_t i = 0; i < x.size(); ++i)
      ASSERT_TRUE(sameBits(a.first[i], b.first[i])) << what << " at " << x[i];
  };
  for (unsigned threads : {2u, 3u}) {
    auto one = findc::Suite::compile(hypothesis, "h.py", {.threads = 1})["f"];
    auto many = findc::Suite::compile(hypothesis, "h.py", {.threads = threads})["f"];
    auto want = run(one, {});
    EXPECT_EQ(findc::errorName(want.second[x.size() * 23 / 40]), "ZeroDivisionError");
    same(want, run(many, {}), "checked batch");
    // Without an error array (the errors not kept): the same values, NaN where a point failed.
    std::vector<double> values(x.size());
    many.evaluate(x, values);
    same(want, std::pair(values, want.second), "checked batch, errors not kept");

    findc::LoadOptions interp{.engine = findc::Engine::Interpreter, .threads = 1};
    auto noisyOne = findc::Suite::load(example("find-v1-numeric.fnd"), interp)["f00152"];
    interp.threads = threads;
    auto noisyMany = findc::Suite::load(example("find-v1-numeric.fnd"), interp)["f00152"];
    same(run(noisyOne, {.seed = 3, .firstQuery = 7}), run(noisyMany, {.seed = 3, .firstQuery = 7}), "interpreter");
  }
}

TEST(Api, ValuesErrorsAndMessages) {
  findc::Suite lib = findc::Suite::stdlib();
  std::vector<findc::Value> inputs = {findc::Value("abc"), findc::Value("")};
  std::vector<findc::Outcome> out = lib["get_first_character"].call(inputs);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].value, findc::Value("a"));
  EXPECT_FALSE(out[1].ok());
  EXPECT_EQ(out[1].error, "IndexError");
  findc::Value three(3);
  findc::Outcome caesar = lib["add_number_to_string"].call(findc::Value("Hello"), std::span(&three, 1));
  EXPECT_EQ(caesar.value->str(), "Khoor");
  EXPECT_EQ(findc::Value(std::vector<std::string>{"a", "b"}).str(), "['a', 'b']");
  EXPECT_EQ(findc::Value(std::vector<std::string>{"a", "b"}).json(), "[\"a\", \"b\"]");
  EXPECT_EQ(findc::Value(0.1).json(), "0.10000000000000001");
  EXPECT_EQ(findc::Value(findc::Value::Map{{"k", "v"}}).type(), "map[str, str]");

  // A function with statements evaluated at numbers: NaN and an error code.
  findc::Suite suite = findc::Suite::compile("def pick(i: int) -> int {\n  let s = \"abc\"\n  return ord(s[i])\n}\n");
  std::vector<double> x = {0, 5}, y(2);
  std::vector<uint8_t> errors(2);
  suite["pick"].evaluate(x, y, {}, errors);
  EXPECT_EQ(y[0], 97);
  EXPECT_TRUE(std::isnan(y[1]));
  EXPECT_EQ(errors[0], 0);
  EXPECT_EQ(findc::errorName(errors[1]), "IndexError");

  EXPECT_THROW(suite["pick"].evaluate(std::vector<double>{0.5}), findc::InputError);
  try {
    suite["pik"];
    FAIL() << "no InputError";
  } catch (const findc::InputError& e) {
    EXPECT_EQ(std::string(e.what()), "no function named 'pik'; did you mean 'pick'?");
  }
  try {
    findc::Suite::compile("def f(x: real) -> real = y\n", "bad.fnd");
    FAIL() << "no CompileError";
  } catch (const findc::CompileError& e) {
    EXPECT_EQ(std::string(e.what()), "bad.fnd:1:26: error: unknown name 'y'\n"
                                     "def f(x: real) -> real = y\n"
                                     "                         ^\n");
  }
  EXPECT_THROW(findc::Suite::load(example("no-such-file.fnd")), findc::CompileError);
}

} // namespace

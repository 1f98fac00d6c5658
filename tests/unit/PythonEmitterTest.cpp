// The Python backend's API (compiler/pyemit): what emitPython writes for the
// options, and what it refuses. Whether the modules print what `findc call`
// prints is tests/pyemit/diff_python_backend.py's job (ctest python_backend).
#include "TestUtil.h"

#include "compiler/pyemit/PythonEmitter.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace findc {
namespace {

const char* const kSource = R"(
## A line.
def line(x: real, k: real = 2.0) -> real = k * x + 1
def pair(x: real, y: real) -> real = x + y
bench noisy(x) = x / 3
    domain [-5, 5]
    noise normal(2)
def first(s: str) -> str = s[0]
)";

class PythonEmitterTest : public ::testing::Test {
protected:
  void SetUp() override {
    compiled_ = test::compile(kSource);
    ASSERT_TRUE(compiled_->module) << compiled_->diagnosticsText();
  }
  const ir::Module& module() const { return *compiled_->module; }
  uint32_t index(std::string_view name) const { return *module().find(name); }
  std::string emit(std::string_view name, pyemit::PythonEmitOptions options = {}) const {
    return pyemit::emitPython(module(), index(name), options);
  }

  std::unique_ptr<test::Compiled> compiled_;
};

TEST_F(PythonEmitterTest, ModuleHasTheFunctionAndFindsFrame) {
  std::string code = emit("line");
  EXPECT_NE(code.find("import math\n"), std::string::npos);
  EXPECT_NE(code.find("\ndef function(x):\n"), std::string::npos);
  EXPECT_NE(code.find("\nif __name__ == '__main__':\n"), std::string::npos);
  EXPECT_NE(code.find("# A line.\n"), std::string::npos); // the doc comment
  // Only the helpers it uses: no noise machinery, no string runtime.
  EXPECT_EQ(code.find("_philox4x32"), std::string::npos);
  EXPECT_EQ(code.find("_Evaluation"), std::string::npos);
  // The default is bound in the unary entry both engines run.
  EXPECT_NE(code.find("def _entry_line(p_x):"), std::string::npos);
}

TEST_F(PythonEmitterTest, FrameIsOptional) {
  std::string code = emit("line", {.frame = pyemit::PythonEmitOptions::Frame::None});
  EXPECT_NE(code.find("\ndef function(x):\n"), std::string::npos);
  EXPECT_EQ(code.find("__main__"), std::string::npos);
}

TEST_F(PythonEmitterTest, SeedAndFirstQueryAreModuleConstants) {
  std::string code = emit("noisy", {.seed = 7, .firstQuery = 3});
  EXPECT_NE(code.find("\nSEED = 7\nFIRST_QUERY = 3\n"), std::string::npos);
  EXPECT_NE(code.find("_KEY = _bench_key(SEED, 'noisy')"), std::string::npos);
  EXPECT_NE(code.find("if not (-5.0 <= x <= 5.0):"), std::string::npos);
  EXPECT_NE(code.find("y += 2.0 * _standard_normal(query, 0, _KEY)"), std::string::npos);
}

// --clean is the served function with every draw zero: no seed, no
// generator, and noise adds 0.0 (as the engine's --clean does).
TEST_F(PythonEmitterTest, CleanDrawsNothing) {
  std::string code = emit("noisy", {.effects = false, .seed = 7});
  EXPECT_EQ(code.find("SEED"), std::string::npos);
  EXPECT_EQ(code.find("_philox"), std::string::npos);
  EXPECT_NE(code.find("    y += 0.0\n"), std::string::npos) << code;
}

TEST_F(PythonEmitterTest, StringFunctionsTakeAnEvaluationContext) {
  std::string code = emit("first");
  EXPECT_NE(code.find("(ctx, p_s):"), std::string::npos);
  EXPECT_NE(code.find("(_Evaluation(), x)"), std::string::npos);
  EXPECT_NE(code.find(" = v0[v1]\n"), std::string::npos) << code; // s[0]: Python's IndexError
  EXPECT_NE(code.find("out = function(arg)"), std::string::npos);   // the str as typed
}

TEST_F(PythonEmitterTest, RefusesWhatFunctionXCannotCall) {
  std::optional<std::string> blocker = pyemit::pythonEmitBlocker(module(), index("pair"));
  ASSERT_TRUE(blocker);
  EXPECT_NE(blocker->find("parameter 'y'"), std::string::npos);
  EXPECT_THROW(emit("pair"), std::invalid_argument);
  EXPECT_FALSE(pyemit::pythonEmitBlocker(module(), index("line")));
}

} // namespace
} // namespace findc

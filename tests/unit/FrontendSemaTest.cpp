// Front end and semantic analysis through compileToIR: diagnostics (text,
// line, column), several errors in one run, and doc comments reaching IR.
#include "tests/unit/TestUtil.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace findc {
namespace {

using ::testing::HasSubstr;

struct ExpectedDiag {
  uint32_t line;
  uint32_t column;
  std::string message;
};

std::string listDiags(const test::Compiled& c) { return "diagnostics:\n" + c.diagnosticsText(); }

// Compiles `source` and requires exactly the errors `expected`, in order.
void expectErrors(const std::string& source, const std::vector<ExpectedDiag>& expected) {
  SCOPED_TRACE(source);
  auto c = test::compile(source);
  EXPECT_FALSE(c->module.has_value());
  std::vector<const Diagnostic*> errors;
  for (const Diagnostic& d : c->diags.diagnostics())
    if (d.severity == Severity::Error)
      errors.push_back(&d);
  ASSERT_EQ(errors.size(), expected.size()) << listDiags(*c);
  EXPECT_EQ(c->diags.errorCount(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(errors[i]->message, expected[i].message) << listDiags(*c);
    EXPECT_EQ(errors[i]->loc.line, expected[i].line) << expected[i].message;
    EXPECT_EQ(errors[i]->loc.column, expected[i].column) << expected[i].message;
    EXPECT_EQ(errors[i]->file, c->file.get());
  }
}

TEST(FrontendSemaTest, UnknownName) {
  expectErrors("def f(x: real) -> real = y", {{1, 26, "unknown name 'y'"}});
}

TEST(FrontendSemaTest, RenderedDiagnostic) {
  auto c = test::compile("def f(x: real) -> real = x + yy", true, "dir/file.fnd");
  ASSERT_EQ(c->diags.diagnostics().size(), 1u) << listDiags(*c);
  EXPECT_EQ(DiagnosticEngine::render(c->diags.diagnostics()[0]),
            "dir/file.fnd:1:30: error: unknown name 'yy'\n"
            "def f(x: real) -> real = x + yy\n"
            "                             ^~\n");
}

TEST(FrontendSemaTest, SeveralErrorsInOneRun) {
  expectErrors("def a(x: real) -> real = x + True\n"
               "def b(x: real) -> real = foo(x)\n"
               "def c(x: real) -> real = sqrt(x, x)\n"
               "def d(x: real) -> bool = x * 2\n",
               {{1, 30, "operator '+' expects numbers, got 'bool'"},
                {2, 26, "unknown function 'foo'"},
                {3, 26, "'sqrt' takes 1 argument but 2 were given"},
                {4, 26, "the result of 'd' has type 'bool' but the expression has type 'real'"}});
}

TEST(FrontendSemaTest, CallArgumentErrors) {
  expectErrors("def h(x: real, k: int = 2) -> real = x * k\n"
               "def u(x: real) -> real = h(x, q=3)\n"
               "def v(x: real) -> real = h(k=1)\n"
               "def w(x: real) -> real = h(x, k=1.5)\n"
               "def z(x: real) -> real = h(k=1, x)\n",
               {{2, 31, "'h' has no parameter named 'q'"},
                {3, 26, "missing argument for parameter 'x' of 'h'"},
                {4, 33, "parameter 'k' of 'h' has type 'int' but the expression has type 'real'"},
                {5, 33, "positional argument follows a named argument"}});
}

TEST(FrontendSemaTest, Recursion) {
  expectErrors("def f(x: real) -> real = g(x) + 1.0\n"
               "def g(x: real) -> real = f(x - 1.0)\n",
               {{2, 26, "recursive call to 'f' (f -> g -> f); findc functions must not recurse"}});
  expectErrors("def f(x: real) -> real = f(x)",
               {{1, 26, "recursive call to 'f' (f -> f); findc functions must not recurse"}});
}

TEST(FrontendSemaTest, DeclarationErrors) {
  auto c = test::compile("def f(x: real) -> real = x\ndef f(y: real) -> real = y\n");
  ASSERT_EQ(c->diags.diagnostics().size(), 2u) << listDiags(*c);
  const Diagnostic& err = c->diags.diagnostics()[0];
  const Diagnostic& note = c->diags.diagnostics()[1];
  EXPECT_EQ(err.message, "redefinition of 'f'");
  EXPECT_EQ(err.loc.line, 2u);
  EXPECT_EQ(err.loc.column, 5u);
  EXPECT_EQ(note.severity, Severity::Note);
  EXPECT_EQ(note.message, "previous definition is here");
  EXPECT_EQ(note.loc.line, 1u);
  EXPECT_EQ(note.loc.column, 5u);
  EXPECT_EQ(c->diags.errorCount(), 1u);

  expectErrors("def sin(x: real) -> real = x",
               {{1, 5, "'sin' is a builtin function; choose another name for this function"}});
  expectErrors("def f(x: float) -> real = x", {{1, 10, "unknown type 'float'; expected 'real', 'int', 'bool', 'str', 'complex', 'list[...]' or 'map[...]'"}});
  expectErrors("def f(x: real = 1.0, y: real) -> real = x",
               {{1, 22, "parameter 'y' without a default follows a parameter with one"}});
  expectErrors("const k = k + 1", {{1, 11, "constant 'k' refers to itself"}});
}

TEST(FrontendSemaTest, TypeErrors) {
  expectErrors("def f(x: real) -> real = 1.0 if x else 2.0", {{1, 33, "condition must be bool, got 'real'"}});
  expectErrors("def f(x: real) -> bool = True < x", {{1, 31, "cannot compare 'bool' with 'real' using '<'"}});
}

TEST(FrontendSemaTest, LexicalAndSyntaxErrors) {
  expectErrors("def f(x: real) -> int = 99999999999999999999",
               {{1, 25, "integer literal '99999999999999999999' does not fit in 64 bits; write it as a real"}});

  auto c = test::compile("def f(x: real) -> real = x $ 2");
  ASSERT_FALSE(c->diags.diagnostics().empty());
  EXPECT_EQ(c->diags.diagnostics()[0].message, "invalid character '$'");
  EXPECT_EQ(c->diags.diagnostics()[0].loc.column, 28u);

  c = test::compile("def f(x: real) -> real = lambda");
  ASSERT_FALSE(c->diags.diagnostics().empty());
  EXPECT_EQ(c->diags.diagnostics()[0].message, "'lambda' is a reserved word");
  EXPECT_EQ(c->diags.diagnostics()[0].loc.column, 26u);

  c = test::compile("def f(x: real) -> real = (x + 1\n");
  EXPECT_FALSE(c->module.has_value());
  ASSERT_FALSE(c->diags.diagnostics().empty());
  EXPECT_THAT(c->diags.diagnostics()[0].message, HasSubstr("unexpected end of file"));
}

TEST(FrontendSemaTest, BlockBindingsEndWithReturn) {
  // Without `return`, `-y` continues the binding as `x - y`, and the body
  // has no result.
  expectErrors("def f(x: real) -> real {\n  let y = x\n  -y\n}\n",
               {{3, 4, "unknown name 'y'"},
                {1, 5, "function 'f' can reach its end without returning a value; end it with 'return'"}});
  auto c = test::compile("def f(x: real) -> real {\n  let y = x\n  return -y\n}\n");
  EXPECT_TRUE(c->module.has_value()) << listDiags(*c);
  c = test::compile("def f(x: real) -> real { return x }");
  EXPECT_TRUE(c->module.has_value()) << listDiags(*c);
}

TEST(FrontendSemaTest, NestingLimit) {
  std::string deep = "def f(x: real) -> real = " + std::string(300, '(') + "x" + std::string(300, ')');
  auto c = test::compile(deep);
  EXPECT_FALSE(c->module.has_value());
  ASSERT_EQ(c->diags.diagnostics().size(), 1u) << listDiags(*c);
  EXPECT_EQ(c->diags.diagnostics()[0].message, "expression nests more than 256 levels deep");
  std::string ok = "def f(x: real) -> real = " + std::string(200, '(') + "x" + std::string(200, ')');
  c = test::compile(ok);
  EXPECT_TRUE(c->module.has_value()) << listDiags(*c);
}

TEST(FrontendSemaTest, ValidProgramHasNoDiagnostics) {
  auto c = test::compile("const k: int = 3\n"
                         "def f(x: real, n: int = k) -> real {\n"
                         "  let y = x ** 2\n"
                         "  return if y > n { y } elif y < -1 { -y } else { let z = 0 return z }\n"
                         "}\n");
  ASSERT_TRUE(c->module.has_value()) << listDiags(*c);
  EXPECT_TRUE(c->diags.diagnostics().empty());
  ASSERT_EQ(c->module->functions.size(), 1u);
  const ir::Function& f = c->module->functions[0];
  ASSERT_EQ(f.params.size(), 2u);
  ASSERT_TRUE(f.params[1].defaultValue.has_value());
  EXPECT_EQ(f.params[1].defaultValue->type, Type::Int);
  EXPECT_EQ(f.params[1].defaultValue->i, 3);
}

TEST(FrontendSemaTest, DocCommentsReachIR) {
  auto c = test::compile("## Computes the thing.\n"
                         "##   indented detail\n"
                         "# an ordinary comment\n"
                         "def f(x: real) -> real = x\n"
                         "\n"
                         "def g(x: real) -> real = x + 1.0\n"
                         "## Third.\n"
                         "def h(x: real) -> real = x + 2.0\n");
  ASSERT_TRUE(c->module.has_value()) << listDiags(*c);
  const auto& fns = c->module->functions;
  ASSERT_EQ(fns.size(), 3u);
  EXPECT_EQ(fns[0].doc, "Computes the thing.\n  indented detail");
  EXPECT_EQ(fns[1].doc, "");
  EXPECT_EQ(fns[2].doc, "Third.");
  EXPECT_THAT(ir::print(*c->module), HasSubstr("; Computes the thing.\n;   indented detail\nfunc @f("));
}

} // namespace
} // namespace findc

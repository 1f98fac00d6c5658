// Every builtin sema knows is usable and documented: it type-checks with one
// to three numeric arguments, and docs/language.md names it.
#include "compiler/sema/Sema.h"
#include "tests/unit/TestUtil.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace findc {
namespace {

std::string languageReference() {
  std::ifstream in(std::string(FINDC_DOCS_DIR) + "/language.md");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(BuiltinsTest, EveryBuiltinIsDocumented) {
  std::string docs = languageReference();
  ASSERT_FALSE(docs.empty()) << "cannot read docs/language.md";
  for (std::string_view name : builtinFunctionNames()) {
    std::string asCall = "`" + std::string(name) + "(", asName = "`" + std::string(name) + "`";
    EXPECT_TRUE(docs.find(asCall) != std::string::npos || docs.find(asName) != std::string::npos)
        << "builtin '" << name << "' is not documented in docs/language.md";
  }
  for (std::string_view name : builtinConstantNames())
    EXPECT_NE(docs.find("`" + std::string(name) + "`"), std::string::npos)
        << "constant '" << name << "' is not documented in docs/language.md";
}

TEST(BuiltinsTest, EveryBuiltinTypeChecks) {
  for (std::string_view name : builtinFunctionNames()) {
    // Try one to three real arguments (where's first is a bool); one arity fits.
    bool compiled = false;
    for (int arity = 1; arity <= 3 && !compiled; ++arity) {
      std::string args = name == "where" ? "x > 0" : "x";
      for (int i = 1; i < arity; ++i)
        args += ", x";
      std::string source = "def f(x: real) -> real = real(" + std::string(name) + "(" + args + "))";
      auto c = test::compile(source, /*optimize=*/true, "builtin.fnd");
      compiled = c->module.has_value();
    }
    EXPECT_TRUE(compiled) << "builtin '" << name << "' does not compile with 1-3 real arguments";
  }
}

} // namespace
} // namespace findc

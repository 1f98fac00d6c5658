// The Python front end's choice of a hypothesis's function: FIND's scorer's
// textual rule (code.rsplit('def ')[-1].rsplit('(')[0]), quirks included.
#include "compiler/frontend/python/PyLower.h"

#include <gtest/gtest.h>

namespace {

using findc::py::entryByFindsRule;

TEST(PyLowerTest, EntryIsTheNameAfterTheLastDef) {
  EXPECT_EQ(entryByFindsRule("def f(x):\n    return x\n"), "f");
  EXPECT_EQ(entryByFindsRule("def helper(v):\n    return v\n\ndef function(x):\n    return helper(x)\n"), "function");
  EXPECT_EQ(entryByFindsRule("def  spaced (x):\n    return x\n"), "spaced");
  EXPECT_EQ(entryByFindsRule("x = 1\n"), std::nullopt);
}

TEST(PyLowerTest, EntryRuleIsTextualAsFinds) {
  // A later "def " in a comment or a string wins, as in FIND's scorer.
  EXPECT_EQ(entryByFindsRule("def f(x):\n    return x\n# def helper(y):\n"), "helper");
  EXPECT_EQ(entryByFindsRule("def f(x):\n    return 'undef it'\n"), "it'");
  // Without a "(" after it, the rest of the text.
  EXPECT_EQ(entryByFindsRule("def f(x):\n    pass\n# def g"), "g");
}

} // namespace

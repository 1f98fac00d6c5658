// The AST printer on checked modules: exact text for small programs (one
// per area of the language), and every bundled example and stdlib module
// printed whole, as a well-formed tree.
#include "compiler/ast/ASTPrinter.h"
#include "compiler/frontend/Parser.h"
#include "compiler/sema/Sema.h"
#include "stdlib/Stdlib.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

#ifndef FINDC_EXAMPLES_DIR
#error "FINDC_EXAMPLES_DIR must name the examples directory"
#endif

namespace findc {
namespace {

std::string diagnosticsText(const DiagnosticEngine& diags) {
  std::ostringstream os;
  diags.print(os);
  return os.str();
}

// A parsed and checked module with what it points into: the standard
// library is parsed and checked first, as the driver does, so that
// `strings.NAME(...)` calls resolve.
struct Checked {
  std::vector<std::unique_ptr<SourceFile>> libraryFiles;
  std::vector<std::unique_ptr<ast::Module>> libraries;
  LibraryTable libraryTable;
  std::unique_ptr<SourceFile> file;
  DiagnosticEngine diags;
  std::unique_ptr<ast::Module> module;
};

std::unique_ptr<Checked> check(std::unique_ptr<SourceFile> file) {
  auto checked = std::make_unique<Checked>();
  for (const StdlibModule& source : stdlibModules()) {
    auto libraryFile = std::make_unique<SourceFile>(std::string(source.path), std::string(source.text));
    std::unique_ptr<ast::Module> library = parseModule(*libraryFile, checked->diags);
    EXPECT_TRUE(library) << diagnosticsText(checked->diags);
    if (!library)
      return checked;
    library->libraryName = std::string(source.name);
    for (auto& fn : library->functions)
      fn->library = library->libraryName;
    EXPECT_TRUE(analyzeModule(*library, checked->diags, &checked->libraryTable)) << diagnosticsText(checked->diags);
    for (auto& fn : library->functions)
      checked->libraryTable.emplace(library->libraryName + "." + fn->name, fn.get());
    checked->libraryFiles.push_back(std::move(libraryFile));
    checked->libraries.push_back(std::move(library));
  }
  checked->file = std::move(file);
  checked->module = parseModule(*checked->file, checked->diags);
  EXPECT_TRUE(checked->module && analyzeModule(*checked->module, checked->diags, &checked->libraryTable))
      << diagnosticsText(checked->diags);
  return checked;
}

// The printed module, or the diagnostics when `source` does not check.
std::string printed(const std::string& source) {
  std::unique_ptr<Checked> checked = check(std::make_unique<SourceFile>("test.fnd", source));
  if (checked->diags.hasErrors() || !checked->module)
    return diagnosticsText(checked->diags);
  return ast::print(*checked->module);
}

TEST(ASTPrinterTest, ExpressionsFollowPrecedence) {
  EXPECT_EQ(printed("def f(x: real, n: int) -> real =\n"
                    "  -x ** 2 + 3 * (x - 1) / n if 0 < x <= n and not x == 2 or False else n // 2 % 3\n"),
            "Module test.fnd\n"
            "  FuncDecl <1:5> f -> real\n"
            "    Param <1:7> x : real\n"
            "    Param <1:16> n : int\n"
            "    body: Conditional <2:3> : real\n"
            "      cond: Binary <2:32> 'or' : bool\n"
            "        Binary <2:32> 'and' : bool\n"
            "          Compare <2:32> '<' '<=' : bool (operands real, real)\n"
            "            IntLit <2:32> 0 : int\n"
            "            NameRef <2:36> x : real (param #0)\n"
            "            NameRef <2:41> n : int (param #1)\n"
            "          Unary <2:47> 'not' : bool\n"
            "            Compare <2:51> '==' : bool (operands real)\n"
            "              NameRef <2:51> x : real (param #0)\n"
            "              IntLit <2:56> 2 : int\n"
            "        BoolLit <2:61> False : bool\n"
            "      then: Binary <2:3> '+' : real\n"
            "        Unary <2:3> '-' : real\n"
            "          Binary <2:4> '**' : real\n"
            "            NameRef <2:4> x : real (param #0)\n"
            "            IntLit <2:9> 2 : int\n"
            "        Binary <2:13> '/' : real\n"
            "          Binary <2:13> '*' : real\n"
            "            IntLit <2:13> 3 : int\n"
            "            Binary <2:18> '-' : real\n"
            "              NameRef <2:18> x : real (param #0)\n"
            "              IntLit <2:22> 1 : int\n"
            "          NameRef <2:27> n : int (param #1)\n"
            "      else: Binary <2:72> '%' : int\n"
            "        Binary <2:72> '//' : int\n"
            "          NameRef <2:72> n : int (param #1)\n"
            "          IntLit <2:77> 2 : int\n"
            "        IntLit <2:81> 3 : int\n");
}

TEST(ASTPrinterTest, BenchWithEveryClause) {
  EXPECT_EQ(printed("## A doubled input,\n"
                    "## noisy and corrupted.\n"
                    "bench doubled(x) = x * 2\n"
                    "  category \"linear\"\n"
                    "  domain [-lo, 2.5] extrapolate\n"
                    "  noise uniform(0.25)\n"
                    "  corrupt inside (-1, 1) with normal(0, 2)\n"
                    "  approx mlp(hidden = 2) weights [0.5, -1, 0, 1, 2, 3, 4] mse 1e-3\n"
                    "const lo = 10\n"
                    "bench shifted(x) = x - 1\n"
                    "  corrupt below 0 with normal(1.5, 0.5)\n"
                    "  approx mlp(hidden = 3)\n"),
            "Module test.fnd\n"
            "  BenchDecl <3:7> doubled -> real\n"
            "    Doc 'A doubled input,\\nnoisy and corrupted.'\n"
            "    Param <3:15> x : real\n"
            "    body: Binary <3:20> '*' : real\n"
            "      NameRef <3:20> x : real (param #0)\n"
            "      IntLit <3:24> 2 : int\n"
            "    Category 'linear'\n"
            "    Domain <5:3> [-10.0, 2.5] extrapolate\n"
            "      lo: Unary <5:11> '-' : int\n"
            "        NameRef <5:12> lo : int (const = 10)\n"
            "      hi: RealLit <5:16> 2.5 : real\n"
            "    Noise <6:3> uniform 0.25\n"
            "      scale: RealLit <6:17> 0.25 : real\n"
            "    Corrupt <7:3> inside (-1.0, 1.0) mean 0.0 scale 2.0\n"
            "      a: Unary <7:19> '-' : int\n"
            "        IntLit <7:20> 1 : int\n"
            "      b: IntLit <7:23> 1 : int\n"
            "      mean: IntLit <7:38> 0 : int\n"
            "      scale: IntLit <7:41> 2 : int\n"
            "    Approx <8:3> mlp hidden 2 weights 7 mse 0.001\n"
            "      hidden: IntLit <8:23> 2 : int\n"
            "      mse: RealLit <8:63> 0.001 : real\n"
            "  ConstDecl <9:7> lo : int = 10\n"
            "    IntLit <9:12> 10 : int\n"
            "  BenchDecl <10:7> shifted -> real\n"
            "    Param <10:15> x : real\n"
            "    body: Binary <10:20> '-' : real\n"
            "      NameRef <10:20> x : real (param #0)\n"
            "      IntLit <10:24> 1 : int\n"
            "    Corrupt <11:3> below 0.0 mean 1.5 scale 0.5\n"
            "      bound: IntLit <11:17> 0 : int\n"
            "      mean: RealLit <11:31> 1.5 : real\n"
            "      scale: RealLit <11:36> 0.5 : real\n"
            "    Approx <12:3> mlp hidden 3\n"
            "      hidden: IntLit <12:23> 3 : int\n");
}

TEST(ASTPrinterTest, StatementsAndLoops) {
  EXPECT_EQ(printed("def collatz(start: int) -> int {\n"
                    "  var n = start\n"
                    "  var steps: int = 0\n"
                    "  while n != 1 {\n"
                    "    if n % 2 == 0 {\n"
                    "      n = n // 2\n"
                    "    } elif n < 0 {\n"
                    "      return -1\n"
                    "    } else {\n"
                    "      n = 3 * n + 1\n"
                    "    }\n"
                    "    steps += 1\n"
                    "  }\n"
                    "  for i in range(2, 8, 3) {\n"
                    "    steps -= i\n"
                    "  }\n"
                    "  let total = steps\n"
                    "  return total\n"
                    "}\n"),
            "Module test.fnd\n"
            "  FuncDecl <1:5> collatz -> int\n"
            "    Param <1:13> start : int\n"
            "    LetStmt <2:7> var n : int\n"
            "      NameRef <2:11> start : int (param #0)\n"
            "    LetStmt <3:7> var steps : int\n"
            "      IntLit <3:20> 0 : int\n"
            "    WhileStmt <4:3>\n"
            "      cond: Compare <4:9> '!=' : bool (operands int)\n"
            "        NameRef <4:9> n : int (var at 2:7)\n"
            "        IntLit <4:14> 1 : int\n"
            "      IfStmt <5:5>\n"
            "        if: Compare <5:8> '==' : bool (operands int)\n"
            "          Binary <5:8> '%' : int\n"
            "            NameRef <5:8> n : int (var at 2:7)\n"
            "            IntLit <5:12> 2 : int\n"
            "          IntLit <5:17> 0 : int\n"
            "        Then\n"
            "          AssignStmt <6:7> n '=' (var at 2:7)\n"
            "            Binary <6:11> '//' : int\n"
            "              NameRef <6:11> n : int (var at 2:7)\n"
            "              IntLit <6:16> 2 : int\n"
            "        elif: Compare <7:12> '<' : bool (operands int)\n"
            "          NameRef <7:12> n : int (var at 2:7)\n"
            "          IntLit <7:16> 0 : int\n"
            "        Then\n"
            "          ReturnStmt <8:7>\n"
            "            Unary <8:14> '-' : int\n"
            "              IntLit <8:15> 1 : int\n"
            "        Else\n"
            "          AssignStmt <10:7> n '=' (var at 2:7)\n"
            "            Binary <10:11> '+' : int\n"
            "              Binary <10:11> '*' : int\n"
            "                IntLit <10:11> 3 : int\n"
            "                NameRef <10:15> n : int (var at 2:7)\n"
            "              IntLit <10:19> 1 : int\n"
            "      AssignStmt <12:5> steps '+=' (var at 3:7, operands int)\n"
            "        IntLit <12:14> 1 : int\n"
            "    ForStmt <14:3> over range\n"
            "      LetStmt <14:7> loop var i : int\n"
            "      in: Call <14:12> range : int\n"
            "        IntLit <14:18> 2 : int\n"
            "        IntLit <14:21> 8 : int\n"
            "        IntLit <14:24> 3 : int\n"
            "      AssignStmt <15:5> steps '-=' (var at 3:7, operands int)\n"
            "        NameRef <15:14> i : int (loop var at 14:7)\n"
            "    LetStmt <17:7> let total : int\n"
            "      NameRef <17:15> steps : int (var at 3:7)\n"
            "    ReturnStmt <18:3>\n"
            "      NameRef <18:10> total : int (let at 17:7)\n");
}

TEST(ASTPrinterTest, StringsListsAndMaps) {
  EXPECT_EQ(printed("const SEP = \"-\" + \"\\n\"\n"
                    "def f(s: str) -> str {\n"
                    "  var words: list[str] = []\n"
                    "  for w in split(s) {\n"
                    "    words = append(words, upper(w))\n"
                    "  }\n"
                    "  let m = {\"a\": \"b\", 'it\\'s': s[1:]}\n"
                    "  let n = [1, 2][-1]\n"
                    "  return join(SEP, words) + n * m[\"a\"] if \"a\" in m else strings.reverse_string(s[::-1])\n"
                    "}\n"),
            "Module test.fnd\n"
            "  ConstDecl <1:7> SEP : str = '-\\n'\n"
            "    Binary <1:13> '+' : str (runtime str.concat)\n"
            "      StrLit <1:13> '-' : str\n"
            "      StrLit <1:19> '\\n' : str\n"
            "  FuncDecl <2:5> f -> str\n"
            "    Param <2:7> s : str\n"
            "    LetStmt <3:7> var words : list[str]\n"
            "      ListLit <3:26> : list[str]\n"
            "    ForStmt <4:3> over list\n"
            "      LetStmt <4:7> loop var w : str\n"
            "      in: Call <4:12> split : list[str] (runtime str.split_ws)\n"
            "        NameRef <4:18> s : str (param #0)\n"
            "      AssignStmt <5:5> words '=' (var at 3:7)\n"
            "        Call <5:13> append : list[str] (runtime strlist.append)\n"
            "          NameRef <5:20> words : list[str] (var at 3:7)\n"
            "          Call <5:27> upper : str (runtime str.upper)\n"
            "            NameRef <5:33> w : str (loop var at 4:7)\n"
            "    LetStmt <7:7> let m : map[str, str]\n"
            "      MapLit <7:11> : map[str, str]\n"
            "        key: StrLit <7:12> 'a' : str\n"
            "        value: StrLit <7:17> 'b' : str\n"
            "        key: StrLit <7:22> \"it's\" : str\n"
            "        value: Slice <7:31> : str\n"
            "          NameRef <7:31> s : str (param #0)\n"
            "          lo: IntLit <7:33> 1 : int\n"
            "    LetStmt <8:7> let n : int\n"
            "      Index <8:11> : int\n"
            "        ListLit <8:11> : list[int]\n"
            "          IntLit <8:12> 1 : int\n"
            "          IntLit <8:15> 2 : int\n"
            "        Unary <8:18> '-' : int\n"
            "          IntLit <8:19> 1 : int\n"
            "    ReturnStmt <9:3>\n"
            "      Conditional <9:10> : str\n"
            "        cond: Compare <9:43> 'in' : bool (operands map[str, str])\n"
            "          StrLit <9:43> 'a' : str\n"
            "          NameRef <9:50> m : map[str, str] (let at 7:7)\n"
            "        then: Binary <9:10> '+' : str (runtime str.concat)\n"
            "          Call <9:10> join : str (runtime str.join)\n"
            "            NameRef <9:15> SEP : str (const = '-\\n')\n"
            "            NameRef <9:20> words : list[str] (var at 3:7)\n"
            "          Binary <9:29> '*' : str (runtime str.repeat, operands swapped)\n"
            "            NameRef <9:29> n : int (let at 8:7)\n"
            "            Index <9:33> : str\n"
            "              NameRef <9:33> m : map[str, str] (let at 7:7)\n"
            "              StrLit <9:35> 'a' : str\n"
            "        else: Call <9:57> strings.reverse_string : str (library strings.reverse_string)\n"
            "          Slice <9:80> : str\n"
            "            NameRef <9:80> s : str (param #0)\n"
            "            step: Unary <9:84> '-' : int\n"
            "              IntLit <9:85> 1 : int\n");
}

TEST(ASTPrinterTest, NamedArgumentsAndDefaults) {
  EXPECT_EQ(printed("def scaled(x: real, k: real = 2 * pi, shift: int = -1) -> real = k * x + shift\n"
                    "def g(x: real) -> real = scaled(x, shift=3) + scaled(k=0.5, x=x) + real(round(x))\n"),
            "Module test.fnd\n"
            "  FuncDecl <1:5> scaled -> real\n"
            "    Param <1:12> x : real\n"
            "    Param <1:21> k : real = 6.283185307179586\n"
            "      default: Binary <1:31> '*' : real\n"
            "        IntLit <1:31> 2 : int\n"
            "        NameRef <1:35> pi : real (builtin = 3.141592653589793)\n"
            "    Param <1:39> shift : int = -1\n"
            "      default: Unary <1:52> '-' : int\n"
            "        IntLit <1:53> 1 : int\n"
            "    body: Binary <1:66> '+' : real\n"
            "      Binary <1:66> '*' : real\n"
            "        NameRef <1:66> k : real (param #1)\n"
            "        NameRef <1:70> x : real (param #0)\n"
            "      NameRef <1:74> shift : int (param #2)\n"
            "  FuncDecl <2:5> g -> real\n"
            "    Param <2:7> x : real\n"
            "    body: Binary <2:26> '+' : real\n"
            "      Binary <2:26> '+' : real\n"
            "        Call <2:26> scaled : real (function scaled)\n"
            "          NameRef <2:33> x : real (param #0)\n"
            "          shift: IntLit <2:42> 3 : int\n"
            "          Default k = 6.283185307179586\n"
            "        Call <2:47> scaled : real (function scaled)\n"
            "          k: RealLit <2:56> 0.5 : real\n"
            "          x: NameRef <2:63> x : real (param #0)\n"
            "          Default shift = -1\n"
            "      Call <2:68> real : real (convert to real)\n"
            "        Call <2:73> round : real (prim round, operands real)\n"
            "          NameRef <2:79> x : real (param #0)\n");
}

// A function alone, and a bench's function (its clauses belong to the module).
TEST(ASTPrinterTest, OneFunction) {
  std::unique_ptr<Checked> checked = check(std::make_unique<SourceFile>(
      "test.fnd", "def f(x: real) -> real = x\nbench b(x) = f(x)\n  category \"c\"\n"));
  ASSERT_TRUE(checked->module);
  EXPECT_EQ(ast::print(*checked->module->functions.at(0)),
            "FuncDecl <1:5> f -> real\n"
            "  Param <1:7> x : real\n"
            "  body: NameRef <1:26> x : real (param #0)\n");
  EXPECT_EQ(ast::print(*checked->module->functions.at(1)),
            "FuncDecl <2:7> b -> real\n"
            "  Param <2:9> x : real\n"
            "  body: Call <2:14> f : real (function f)\n"
            "    NameRef <2:16> x : real (param #0)\n");
}

// Every line one node: text after an indent of two spaces a level, at most
// one level deeper than the line before; the top level is the module's
// declarations, each printed once.
void expectWellFormedTree(const ast::Module& module, const std::string& text) {
  std::istringstream lines(text);
  std::string line;
  ASSERT_TRUE(std::getline(lines, line));
  EXPECT_EQ(line, "Module " + module.file->path() +
                      (module.libraryName.empty() ? "" : " (library " + module.libraryName + ")"));
  size_t previousDepth = 0, declarations = 0, lineNumber = 1;
  while (std::getline(lines, line)) {
    ++lineNumber;
    size_t indent = line.find_first_not_of(' ');
    ASSERT_NE(indent, std::string::npos) << "blank line " << lineNumber;
    ASSERT_EQ(indent % 2, 0u) << "line " << lineNumber << ": " << line;
    size_t depth = indent / 2;
    ASSERT_GE(depth, 1u) << "line " << lineNumber << ": " << line;
    ASSERT_LE(depth, previousDepth + 1) << "line " << lineNumber << ": " << line;
    EXPECT_EQ(line.find("<error>"), std::string::npos) << "line " << lineNumber << ": " << line;
    declarations += depth == 1;
    previousDepth = depth;
  }
  EXPECT_EQ(declarations, module.constants.size() + module.functions.size());
  EXPECT_EQ(text.back(), '\n');
}

TEST(ASTPrinterTest, PrintsEveryExampleAndLibrary) {
  std::vector<std::filesystem::path> examples;
  for (const auto& entry : std::filesystem::directory_iterator(FINDC_EXAMPLES_DIR))
    if (entry.path().extension() == ".fnd")
      examples.push_back(entry.path());
  std::sort(examples.begin(), examples.end());
  ASSERT_FALSE(examples.empty()) << "no .fnd files in " << FINDC_EXAMPLES_DIR;
  for (const auto& path : examples) {
    SCOPED_TRACE(path.string());
    std::unique_ptr<SourceFile> file = SourceFile::read(path.string());
    ASSERT_TRUE(file);
    std::unique_ptr<Checked> checked = check(std::move(file));
    ASSERT_TRUE(checked->module);
    std::string text = ast::print(*checked->module);
    expectWellFormedTree(*checked->module, text);
    EXPECT_EQ(ast::print(*checked->module), text) << "not deterministic";
    if (&path == &examples.front())
      for (const auto& library : checked->libraries) {
        SCOPED_TRACE(library->file->path());
        expectWellFormedTree(*library, ast::print(*library));
      }
  }
}

} // namespace
} // namespace findc

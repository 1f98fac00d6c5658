// stdlib/strings.fnd: every record of tests/strings/find-atoms.json (FIND's
// own Python run on 28 inputs and every parameter set of its 69 string
// atoms) through the interpreter and the exact-mode JIT, compiled with and
// without IR optimization. Each engine must give FIND's value (the str's
// bytes or the bool) or FIND's exception kind, so the two engines also agree
// with each other. The records' main fields are FIND's released code
// (function_code.py); `as_imported` is ignored (see tests/strings/QUIRKS.md).
//
// The module under test is compileToIR with allLibraryFunctions: every
// strings.* function is generated, called or not, and reached by its
// qualified name. Coverage tests tie the atom list of FIND (kAtoms) to the
// JSON and to the module, so that a missing or renamed atom fails.
#include "compiler/driver/Compiler.h"
#include "compiler/interp/Interpreter.h"
#include "compiler/ir/IR.h"
#include "compiler/jit/JIT.h"
#include "compiler/support/Diagnostics.h"
#include "runtime/Strings.h"

#include <llvm/Support/JSON.h>
#include <llvm/Support/MemoryBuffer.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#ifndef FINDC_STRING_EXPECTATIONS
#error "FINDC_STRING_EXPECTATIONS must name tests/strings/find-atoms.json"
#endif

namespace findc {
namespace {

const char* const kExpectationsPath = FINDC_STRING_EXPECTATIONS;

// FIND's string atoms (the list), in FIND's names.
const std::vector<std::string> kAtoms = {
    "get_string_length", "get_digit_indexes", "get_alpha_indexes", "convert_to_lowercase", "convert_to_uppercase",
    "capitalize_string", "reverse_string", "reverse_string_first_half", "reverse_string_last_half",
    "extract_digits", "remove_digits", "extract_uppers", "remove_uppers", "add_whitespace", "remove_whitespace",
    "get_first_character", "get_last_character", "get_mid_character", "remove_duplicates", "reverse_words",
    "count_vowels", "reverse_vowels", "capitalize_alternating_letters", "replace_vowels_with_character",
    "replace_vowels_with_first", "replace_vowels_with_last", "replace_vowels_with_mid",
    "replace_vowels_with_ind_of_count", "count_consonants", "count_uppercase", "count_lowercase",
    "count_character_repetitions", "string_strip", "string_lstrip", "string_rstrip", "add_number_to_string",
    "advance_by_character_order", "substract_by_character_order", "add_len_to_string", "add_number_to_middle",
    "add_len_to_middle", "add_order_of_inx1_to_inx2", "sub_order_of_inx1_to_inx2", "subtract_number_to_string",
    "subtract_middle_character", "insert_number", "add_letter_if_needed", "insert_letter", "split_string",
    "string_concatenate", "count_substring", "find_string", "remove_substring", "starts_with_substring",
    "ends_with_substring", "replace_substring", "duplicate_first_letter", "duplicate_last_letter",
    "duplicate_mid_letter", "swap_first_last", "swap_rand", "map_string", "get_first_character_ordinality",
    "get_last_character_ordinality", "get_mid_character_ordinality", "shift_last_letter_rand",
    "shift_first_letter_rand", "shift_last_letter_predecessor_rand", "shift_first_letter_predecessor_rand",
};

// One parameter after the input string: a number, a string or a mapping.
struct Param {
  enum Kind { Int, Str, Map } kind = Int;
  int64_t i = 0;
  std::string s;
  std::vector<std::pair<std::string, std::string>> map; // sorted by key
};

struct Record {
  std::string atom;
  std::vector<Param> params;
  std::string input;
  bool ok = false;
  std::string type;  // "str" or "bool" when ok
  std::string str;   // the str value
  bool boolean = false;
  std::string error; // exception class name when !ok
};

std::optional<Param> toParam(const llvm::json::Value& v) {
  Param p;
  if (auto i = v.getAsInteger()) {
    p.kind = Param::Int;
    p.i = *i;
  } else if (auto s = v.getAsString()) {
    p.kind = Param::Str;
    p.s = s->str();
  } else if (const llvm::json::Object* o = v.getAsObject()) {
    p.kind = Param::Map;
    for (const auto& [key, value] : *o) {
      auto text = value.getAsString();
      if (!text)
        return std::nullopt;
      p.map.emplace_back(key.str(), text->str());
    }
    std::sort(p.map.begin(), p.map.end());
  } else {
    return std::nullopt;
  }
  return p;
}

struct Expectations {
  std::vector<std::string> inputs; // the header's input list
  std::vector<Record> records;
  std::string problem;             // why the file could not be read
};

const Expectations& expectations() {
  static const Expectations loaded = [] {
    Expectations e;
    auto buffer = llvm::MemoryBuffer::getFile(kExpectationsPath);
    if (!buffer) {
      e.problem = "cannot read " + std::string(kExpectationsPath);
      return e;
    }
    llvm::Expected<llvm::json::Value> parsed = llvm::json::parse((*buffer)->getBuffer());
    if (!parsed) {
      e.problem = "invalid JSON: " + llvm::toString(parsed.takeError());
      return e;
    }
    const llvm::json::Array* all = parsed->getAsArray();
    if (!all || all->empty()) {
      e.problem = "expected a non-empty array";
      return e;
    }
    for (const llvm::json::Value& element : *all) {
      const llvm::json::Object* o = element.getAsObject();
      if (!o) {
        e.problem = "an element is not an object";
        return e;
      }
      if (o->getBoolean("header").value_or(false)) {
        if (const llvm::json::Array* inputs = o->getArray("inputs"))
          for (const llvm::json::Value& input : *inputs)
            e.inputs.push_back(input.getAsString().value_or("").str());
        continue;
      }
      Record r;
      r.atom = o->getString("atom").value_or("").str();
      r.input = o->getString("input").value_or("").str();
      r.ok = o->getBoolean("ok").value_or(false);
      if (const llvm::json::Array* params = o->getArray("params"))
        for (const llvm::json::Value& v : *params) {
          std::optional<Param> p = toParam(v);
          if (!p) {
            e.problem = "unexpected parameter in a record of " + r.atom;
            return e;
          }
          r.params.push_back(std::move(*p));
        }
      if (r.ok) {
        r.type = o->getString("type").value_or("").str();
        const llvm::json::Value* value = o->get("value");
        if (r.type == "str" && value && value->getAsString())
          r.str = value->getAsString()->str();
        else if (r.type == "bool" && value && value->getAsBoolean())
          r.boolean = *value->getAsBoolean();
        else {
          e.problem = "record of " + r.atom + " has type '" + r.type + "' or a value of another type";
          return e;
        }
      } else {
        r.error = o->getString("error").value_or("").str();
      }
      e.records.push_back(std::move(r));
    }
    return e;
  }();
  return loaded;
}

// Python's repr-like rendering for failure messages.
std::string show(const std::string& s) { return rt::pythonRepr(s); }

std::string describe(const Record& r) {
  std::ostringstream os;
  os << "strings." << r.atom << "(" << show(r.input);
  for (const Param& p : r.params) {
    os << ", ";
    if (p.kind == Param::Int)
      os << p.i;
    else if (p.kind == Param::Str)
      os << show(p.s);
    else
      os << "{" << p.map.size() << "-entry map}";
  }
  os << ")";
  return os.str();
}

std::string expectedText(const Record& r) {
  if (!r.ok)
    return r.error;
  if (r.type == "bool")
    return r.boolean ? "True" : "False";
  return show(r.str);
}

// What an engine gave for one call.
std::string outcomeText(const Scalar& value, rt::ErrorKind error) {
  if (error != rt::ErrorKind::None)
    return std::string(rt::errorName(error));
  switch (value.type) {
  case Type::Str: return value.s ? show(std::string(value.s->view())) : "<null str>";
  case Type::Bool: return value.b ? "True" : "False";
  case Type::Int: return std::to_string(value.i) + " (int)";
  default: return "<value of type " + std::string(typeName(value.type)) + ">";
  }
}

bool matches(const Record& r, const Scalar& value, rt::ErrorKind error) {
  if (!r.ok)
    return error != rt::ErrorKind::None && rt::errorName(error) == r.error;
  if (error != rt::ErrorKind::None)
    return false;
  if (r.type == "bool")
    return value.type == Type::Bool && value.b == r.boolean;
  return value.type == Type::Str && value.s && value.s->view() == r.str;
}

// The standard library alone, every function generated.
struct Library {
  std::unique_ptr<SourceFile> file = std::make_unique<SourceFile>("strings-test.fnd", "");
  DiagnosticEngine diags;
  std::optional<ir::Module> module;

  std::string diagnosticsText() const {
    std::ostringstream os;
    diags.print(os);
    return os.str();
  }
};

std::unique_ptr<Library> compileLibrary(bool optimize) {
  auto library = std::make_unique<Library>();
  CompileOptions options;
  options.optimize = optimize;
  options.allLibraryFunctions = true;
  library->module = compileToIR(*library->file, library->diags, options);
  return library;
}

// The arguments of record `r` for function `fn` (nothing if they do not fit
// its signature); strings and maps made in `arena`.
std::optional<std::vector<Scalar>> arguments(const Record& r, const ir::Function& fn, rt::Arena& arena,
                                             std::string& why) {
  if (fn.params.size() != 1 + r.params.size()) {
    why = "takes " + std::to_string(fn.params.size()) + " parameters, the record passes " +
          std::to_string(1 + r.params.size());
    return std::nullopt;
  }
  if (fn.params[0].type != Type::Str) {
    why = "its first parameter is not a str";
    return std::nullopt;
  }
  std::vector<Scalar> args{Scalar::ofStr(rt::makeStr(arena, r.input))};
  for (size_t k = 0; k < r.params.size(); ++k) {
    const Param& p = r.params[k];
    Type want = fn.params[k + 1].type;
    if (p.kind == Param::Int && want == Type::Int)
      args.push_back(Scalar::ofInt(p.i));
    else if (p.kind == Param::Str && want == Type::Str)
      args.push_back(Scalar::ofStr(rt::makeStr(arena, p.s)));
    else if (p.kind == Param::Map && want == Type::StrMap)
      args.push_back(Scalar::ofMap(Type::StrMap, rt::makeMap(arena, p.map)));
    else {
      why = "parameter " + std::to_string(k + 2) + " is a " + std::string(typeName(want)) +
            ", which does not fit the record's value";
      return std::nullopt;
    }
  }
  return args;
}

double microseconds(std::chrono::steady_clock::duration d) {
  return std::chrono::duration<double, std::micro>(d).count();
}

// Parameter: whether the IR is optimized before both engines run it.
class StringAtoms : public ::testing::TestWithParam<bool> {};

TEST_P(StringAtoms, EveryRecordMatchesFindInBothEngines) {
  const Expectations& e = expectations();
  ASSERT_TRUE(e.problem.empty()) << e.problem;
  ASSERT_GE(e.records.size(), 2000u) << "too few records in " << kExpectationsPath;

  auto library = compileLibrary(GetParam());
  ASSERT_TRUE(library->module.has_value()) << library->diagnosticsText();
  const ir::Module& module = *library->module;

  auto jit = JIT::create({.math = MathMode::Exact});
  ASSERT_TRUE(static_cast<bool>(jit)) << llvm::toString(jit.takeError());
  std::vector<uint32_t> roots;
  for (const std::string& atom : kAtoms)
    if (auto f = module.find("strings." + atom))
      roots.push_back(*f);
  if (auto err = (*jit)->add(module, roots, roots))
    FAIL() << llvm::toString(std::move(err));
  Interpreter interp(module);

  rt::Arena arena;
  size_t passedInterp = 0, passedJit = 0;
  std::chrono::steady_clock::duration interpTime{}, jitTime{};
  std::map<std::string, BoxedEntry> entries;
  for (const Record& r : e.records) {
    std::optional<uint32_t> f = module.find("strings." + r.atom);
    if (!f) {
      ADD_FAILURE() << "stdlib/strings.fnd has no atom " << r.atom << " (" << describe(r) << ")";
      continue;
    }
    const ir::Function& fn = module.functions[*f];
    std::string why;
    std::optional<std::vector<Scalar>> args = arguments(r, fn, arena, why);
    if (!args) {
      ADD_FAILURE() << "strings." << r.atom << " " << why;
      continue;
    }
    auto& entry = entries[r.atom];
    if (!entry) {
      auto found = (*jit)->boxedEntry(fn.name);
      if (!found) {
        ADD_FAILURE() << fn.name << ": " << llvm::toString(found.takeError());
        continue;
      }
      entry = *found;
    }

    rt::Context ctx{&arena};
    ctx.begin();
    auto t0 = std::chrono::steady_clock::now();
    Scalar fromInterp = interp.call(*f, *args, ctx);
    interpTime += std::chrono::steady_clock::now() - t0;
    rt::ErrorKind interpError = ctx.errorKind();

    ctx.begin();
    Scalar fromJit;
    t0 = std::chrono::steady_clock::now();
    entry(&ctx, args->data(), &fromJit);
    jitTime += std::chrono::steady_clock::now() - t0;
    rt::ErrorKind jitError = ctx.errorKind();

    bool interpOk = matches(r, fromInterp, interpError);
    bool jitOk = matches(r, fromJit, jitError);
    passedInterp += interpOk;
    passedJit += jitOk;
    EXPECT_TRUE(interpOk && jitOk) << describe(r) << ": FIND gives " << expectedText(r) << ", interpreter "
                                   << outcomeText(fromInterp, interpError) << ", JIT "
                                   << outcomeText(fromJit, jitError);
    // Both engines exactly alike, value or error (implied when both match
    // FIND; stated for the failure message when neither does).
    if (!interpOk && !jitOk) {
      EXPECT_TRUE(interpError == jitError && (interpError != rt::ErrorKind::None || fromInterp.identical(fromJit)))
          << describe(r) << ": the engines disagree too";
    }
    arena.reset();
  }
  const double n = static_cast<double>(e.records.size());
  std::printf("[ strings  ] %s: %zu records; interpreter %zu pass (%.2f us/record), JIT %zu pass (%.2f us/record)\n",
              GetParam() ? "optimized" : "unoptimized", e.records.size(), passedInterp,
              microseconds(interpTime) / n, passedJit, microseconds(jitTime) / n);
  RecordProperty("records", static_cast<int>(e.records.size()));
  RecordProperty("interpreter_passed", static_cast<int>(passedInterp));
  RecordProperty("jit_passed", static_cast<int>(passedJit));
}

INSTANTIATE_TEST_SUITE_P(StringStdlib, StringAtoms, ::testing::Bool(),
                         [](const auto& info) { return info.param ? "Optimized" : "Unoptimized"; });

// Every atom of FIND's list is in the JSON, and each is exercised on an
// edge: an input of '' or a record where FIND's Python raises.
TEST(StringStdlibTest, EveryAtomHasAnEdgeRecord) {
  const Expectations& e = expectations();
  ASSERT_TRUE(e.problem.empty()) << e.problem;
  std::map<std::string, size_t> records, edges;
  for (const Record& r : e.records) {
    ++records[r.atom];
    if (!r.ok || r.input.empty())
      ++edges[r.atom];
  }
  for (const std::string& atom : kAtoms) {
    EXPECT_GT(records[atom], 0u) << atom << " has no record in " << kExpectationsPath;
    EXPECT_GT(edges[atom], 0u) << atom << " has no record with input '' or an exception";
  }
  const std::set<std::string> known(kAtoms.begin(), kAtoms.end());
  for (const auto& [atom, count] : records)
    EXPECT_TRUE(known.count(atom)) << "the JSON has records of " << atom << ", which is not in FIND's atom list";
  EXPECT_EQ(known.size(), kAtoms.size()) << "an atom is listed twice";
  EXPECT_EQ(kAtoms.size(), 69u);
  // The inputs the header lists are the records' inputs.
  std::set<std::string> inputs(e.inputs.begin(), e.inputs.end());
  for (const Record& r : e.records)
    EXPECT_TRUE(inputs.count(r.input)) << show(r.input) << " is not in the header's inputs";
  EXPECT_TRUE(inputs.count("")) << "the inputs lack ''";
}

// Every atom is in stdlib/strings.fnd, with a str first parameter and FIND's
// result type, and every strings.* function (helpers too) is documented.
TEST(StringStdlibTest, ModuleDefinesEveryAtomWithADocComment) {
  auto library = compileLibrary(/*optimize=*/false);
  ASSERT_TRUE(library->module.has_value()) << library->diagnosticsText();
  const ir::Module& module = *library->module;
  for (const std::string& atom : kAtoms) {
    std::optional<uint32_t> f = module.find("strings." + atom);
    if (!f) {
      ADD_FAILURE() << "stdlib/strings.fnd does not define " << atom;
      continue;
    }
    const ir::Function& fn = module.functions[*f];
    ASSERT_FALSE(fn.params.empty()) << atom;
    EXPECT_EQ(fn.params[0].type, Type::Str) << atom << ": the input string comes first";
    bool boolean = atom == "starts_with_substring" || atom == "ends_with_substring";
    EXPECT_EQ(fn.resultType, boolean ? Type::Bool : Type::Str) << atom;
    EXPECT_NE(fn.doc.find("FIND `" + atom), std::string::npos)
        << atom << ": the doc comment should start by naming FIND's atom; it is:\n" << fn.doc;
  }
  size_t functions = 0;
  for (const ir::Function& fn : module.functions) {
    if (fn.name.rfind("strings.", 0) != 0)
      continue;
    ++functions;
    EXPECT_FALSE(fn.doc.empty()) << fn.name << " has no ## doc comment";
  }
  EXPECT_GE(functions, kAtoms.size());
}

// Quirks that the doc comments promise, spelled out on inputs of our own
// (not in the JSON), so that a wrong reading of FIND shows up twice.
struct HandCase {
  const char* call; // a strings.* call of s
  const char* input;
  const char* expected; // str() of the value, or the exception name
};

TEST(StringStdlibTest, HandWorkedQuirks) {
  const std::vector<HandCase> hand = {
      {"strings.get_digit_indexes(s)", "a1b", ""},               // reset in the loop
      {"strings.get_digit_indexes(s)", "9a9", "zero"},           // first occurrence
      {"strings.get_mid_character(s)", "abcd", "bc"},            // two characters
      {"strings.get_mid_character(s)", "abc", "b"},
      {"strings.count_consonants(s)", "aaa", "three"},           // 'a' counts
      {"strings.count_consonants(s)", "AAA", "zero"},
      {"strings.sub_order_of_inx1_to_inx2(s, 1, 0)", "abc", "bbc"}, // adds
      {"strings.starts_with_substring(s, 'a')", "abc", "True"},
      {"strings.find_string(s, 'q')", "abc", "none"},
      {"strings.get_string_length(s)", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "unknown"},
      {"strings.count_vowels(s)", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "KeyError"},
      {"strings.add_number_to_string(s, 27)", "Zz", "Aa"},
      {"strings.subtract_number_to_string(s, 1)", "aA", "zZ"},    // floored %
      {"strings.advance_by_character_order(s, 1)", "Ab", "bc"},   // lowercased
      {"strings.substract_by_character_order(s, 0)", "cA", "ay"},
      {"strings.reverse_vowels(s)", "Ab-e", "eb-A"},
      {"strings.remove_duplicates(s)", "abcabcA", "abcA"},
      {"strings.swap_rand(s, 0, 2)", "abc", "cba"},
      {"strings.swap_rand(s, 0, 3)", "abc", "abc"},
      {"strings.shift_last_letter_rand(s, 3)", "az", "aa"},
      {"strings.shift_first_letter_predecessor_rand(s, 3)", "Az", "Zz"},
      {"strings.shift_first_letter_predecessor_rand(s, 3)", "dz", "az"},
      {"strings.get_first_character_ordinality(s)", "Bob", "two"},
      {"strings.get_first_character_ordinality(s)", "1", "zero"},
      {"strings.replace_vowels_with_ind_of_count(s)", "xyz", "xyz"},
      {"strings.split_string(s, 'b')", "abba", "a  a"},
      {"strings.extract_digits(s)", "a0b9", "zero nine"},
      {"strings.insert_letter(s, 'X')", "ab", "aXb"},
  };
  std::ostringstream source;
  for (size_t i = 0; i < hand.size(); ++i) {
    const bool boolean = std::string(hand[i].call).find("starts_with") != std::string::npos;
    source << "def hand_" << i << "(s: str) -> " << (boolean ? "bool" : "str") << " = " << hand[i].call << "\n";
  }
  SourceFile file("hand.fnd", source.str());
  DiagnosticEngine diags;
  std::optional<ir::Module> module = compileToIR(file, diags);
  std::ostringstream text;
  diags.print(text);
  ASSERT_TRUE(module.has_value()) << text.str() << source.str();
  auto jit = JIT::create({.math = MathMode::Exact});
  ASSERT_TRUE(static_cast<bool>(jit)) << llvm::toString(jit.takeError());
  if (auto err = (*jit)->add(*module))
    FAIL() << llvm::toString(std::move(err));
  Interpreter interp(*module);
  rt::Arena arena;
  for (size_t i = 0; i < hand.size(); ++i) {
    const std::string name = "hand_" + std::to_string(i);
    std::optional<uint32_t> f = module->find(name);
    ASSERT_TRUE(f.has_value()) << name;
    auto entry = (*jit)->boxedEntry(name);
    ASSERT_TRUE(static_cast<bool>(entry)) << llvm::toString(entry.takeError());
    Scalar args[] = {Scalar::ofStr(rt::makeStr(arena, hand[i].input))};
    rt::Context ctx{&arena};
    ctx.begin();
    Scalar fromInterp = interp.call(*f, args, ctx);
    rt::ErrorKind interpError = ctx.errorKind();
    ctx.begin();
    Scalar fromJit;
    (*entry)(&ctx, args, &fromJit);
    rt::ErrorKind jitError = ctx.errorKind();
    for (auto [engine, value, error] : {std::tuple{"interpreter", fromInterp, interpError},
                                        std::tuple{"JIT", fromJit, jitError}}) {
      std::string got = error != rt::ErrorKind::None ? std::string(rt::errorName(error)) : formatPython(value);
      EXPECT_EQ(got, hand[i].expected) << hand[i].call << " at s = " << show(hand[i].input) << " (" << engine
                                       << ")";
    }
    arena.reset();
  }
}

} // namespace
} // namespace findc

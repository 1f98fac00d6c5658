#include "compiler/suite/FindExport.h"

#include "compiler/pyemit/PythonEmitter.h"
#include "runtime/Bench.h"
#include "runtime/Value.h"

#include <fmt/core.h>

#include <cctype>
#include <cmath>
#include <limits>

namespace findc::suite {
namespace {

llvm::Error failure(const std::string& bench, const std::string& what) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), "%s: %s", bench.c_str(), what.c_str());
}

// A double as Python's json writes it, so `json.load` gives the same double.
std::string jsonNumber(double x) { return formatPythonJson(x); }

// Integral values as ints, as FIND writes its domains and noise scale.
std::string jsonIntegral(double x) {
  if (std::isfinite(x) && x == std::trunc(x) && std::fabs(x) < 1e15)
    return fmt::format("{}", static_cast<int64_t>(x));
  return jsonNumber(x);
}

// Python literals as FIND's names paste them: numbers, None, True/False,
// tuples and lists (both become JSON arrays).
class LiteralParser {
public:
  explicit LiteralParser(std::string_view text) : text_(text) {}

  // Comma-separated items up to the end (a call's argument list).
  std::optional<std::vector<std::string>> arguments() {
    std::optional<std::vector<std::string>> items = sequence('\0');
    skipSpace();
    if (!items || pos_ != text_.size())
      return std::nullopt;
    return items;
  }

private:
  void skipSpace() {
    while (pos_ < text_.size() && text_[pos_] == ' ')
      ++pos_;
  }
  bool accept(char c) {
    skipSpace();
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  bool at(char c) {
    skipSpace();
    return c == '\0' ? pos_ == text_.size() : pos_ < text_.size() && text_[pos_] == c;
  }

  // Items until `close` (not consumed); a trailing comma is allowed, as in `(1.0,)`.
  std::optional<std::vector<std::string>> sequence(char close) {
    std::vector<std::string> items;
    while (!at(close)) {
      std::optional<std::string> item = value();
      if (!item)
        return std::nullopt;
      items.push_back(std::move(*item));
      if (!accept(','))
        break;
    }
    if (!at(close))
      return std::nullopt;
    return items;
  }

  std::optional<std::string> value() {
    skipSpace();
    for (auto [open, close] : {std::pair{'(', ')'}, std::pair{'[', ']'}})
      if (accept(open)) {
        std::optional<std::vector<std::string>> items = sequence(close);
        if (!items || !accept(close))
          return std::nullopt;
        return array(*items);
      }
    if (accept('{'))
      return dict();
    if (at('\''))
      return quoted();
    for (auto [python, json] : {std::pair{"None", "null"}, std::pair{"True", "true"}, std::pair{"False", "false"}})
      if (text_.substr(pos_).starts_with(python)) {
        pos_ += std::string_view(python).size();
        return json;
      }
    size_t start = pos_;
    if (std::optional<std::string> n = number(); n && (at(',') || at(')') || at(']') || at('}') || at('\0')))
      return n;
    pos_ = start;
    return bare();
  }

  // `{'a': 'q', ...}` (a dict's repr) as a JSON object.
  std::optional<std::string> dict() {
    std::string out = "{";
    while (!at('}')) {
      std::optional<std::string> key = quoted();
      std::optional<std::string> item = key && accept(':') ? value() : std::nullopt;
      if (!item)
        return std::nullopt;
      out += (out.size() > 1 ? ", " : "") + *key + ": " + *item;
      if (!accept(','))
        break;
    }
    if (!accept('}'))
      return std::nullopt;
    return out + "}";
  }

  // A str's repr in single quotes (\\, \', \n, \t, \r escaped) as a JSON string.
  std::optional<std::string> quoted() {
    if (!accept('\''))
      return std::nullopt;
    std::string text;
    for (; pos_ < text_.size() && text_[pos_] != '\''; ++pos_) {
      if (text_[pos_] != '\\') {
        text += text_[pos_];
        continue;
      }
      if (++pos_ == text_.size())
        return std::nullopt;
      char c = text_[pos_];
      text += c == 'n' ? '\n' : c == 't' ? '\t' : c == 'r' ? '\r' : c;
    }
    if (!accept('\''))
      return std::nullopt;
    return formatJsonString(text);
  }

  // A str pasted without quotes (FIND's str() of a string parameter): the
  // characters up to a separator, as a JSON string. FIND draws letters only;
  // text holding a separator or a space cannot be told apart.
  std::optional<std::string> bare() {
    size_t start = pos_;
    while (pos_ < text_.size() && std::string_view(",()[]{}' ").find(text_[pos_]) == std::string_view::npos)
      ++pos_;
    if (pos_ == start)
      return std::nullopt;
    return formatJsonString(text_.substr(start, pos_ - start));
  }

  // A JSON number's text (what Python's str() of a finite float or an int is).
  std::optional<std::string> number() {
    size_t start = pos_;
    auto digits = [&] {
      size_t from = pos_;
      while (pos_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[pos_])))
        ++pos_;
      return pos_ > from;
    };
    if (pos_ < text_.size() && text_[pos_] == '-')
      ++pos_;
    if (!digits())
      return std::nullopt;
    if (text_[start + (text_[start] == '-')] == '0' && pos_ - start > 1u + (text_[start] == '-'))
      return std::nullopt; // JSON has no leading zeros
    if (pos_ < text_.size() && text_[pos_] == '.') {
      ++pos_;
      if (!digits())
        return std::nullopt;
    }
    if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
      ++pos_;
      if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-'))
        ++pos_;
      if (!digits())
        return std::nullopt;
    }
    return std::string(text_.substr(start, pos_ - start));
  }

  static std::string array(const std::vector<std::string>& items) {
    std::string out = "[";
    for (size_t i = 0; i < items.size(); ++i)
      out += (i ? ", " : "") + items[i];
    return out + "]";
  }

  std::string_view text_;
  size_t pos_ = 0;
};

// The variant file FIND names for what the bench serves. FIND never combines
// effects; for a findc bench that does, the strongest one names the file.
const char* variantFile(const ir::Bench& bench) {
  if (bench.approx)
    return "load_mlp.py";
  if (bench.effects.corruption.region != rt::CorruptRegion::None)
    return "corrupted_function_code.py";
  if (bench.effects.noise.kind != rt::NoiseKind::None)
    return "noised_function_code.py";
  return "function_code.py";
}

// FIND's get_type of a name: "simple" for one atom, "compose" for a string
// composition, the first atom of a numeric one (`linear;step;sum_two`).
std::string findType(std::string_view name) {
  std::string_view kind = name.substr(0, name.find('('));
  if (kind.find(';') == std::string_view::npos)
    return "simple";
  if (kind.find("compose") != std::string_view::npos)
    return "compose";
  return std::string(kind.substr(0, kind.find(';')));
}

// The members FIND's generators write first: type, params, name, dir (and
// findc_bench where the folder is not the bench's name).
std::string commonEntry(const ir::Bench& bench, const ir::Function& fn, const std::string& folder) {
  std::optional<std::string> findName = findNameOf(fn.doc, fn.name);
  std::optional<std::string> params = findName ? findParamsOf(*findName) : std::nullopt;
  std::string name = findName ? *findName : !bench.category.empty() ? bench.category : fn.name;
  std::string out = fmt::format(R"({{"type": {}, "params": {}, "name": {}, "dir": {})", formatJsonString(findType(name)),
                                params ? *params : "[]", formatJsonString(name), formatJsonString(folder));
  if (fn.name != folder)
    out += ", \"findc_bench\": " + formatJsonString(fn.name);
  return out;
}

// One numeric data.json entry, FIND's members in FIND's order.
std::string numericEntry(const ir::Bench& bench, const ir::Function& fn, const std::string& folder) {
  std::string out = commonEntry(bench, fn, folder);
  if (bench.approx && bench.approx->mse)
    out += ", \"approx_mse_error\": " + jsonNumber(*bench.approx->mse);
  if (const rt::CorruptionSpec& c = bench.effects.corruption; c.region != rt::CorruptRegion::None) {
    const char* corruption = c.region == rt::CorruptRegion::Below   ? "interval_smaller"
                       : c.region == rt::CorruptRegion::Above ? "interval_larger"
                                                              : "interval_inside";
    std::string boundary = jsonNumber(c.a);
    if (c.region == rt::CorruptRegion::Inside)
      boundary += ", " + jsonNumber(c.b);
    // FIND's "std" is the normal's mean; its scale is always 0.1.
    out += fmt::format(R"(, "corruption_type": "{}", "corruption_params": {{"std": {}, "boundary": [{}]}})", corruption,
                       jsonNumber(c.mean), boundary);
  }
  if (bench.domain)
    out += fmt::format(R"(, "domain": [{}, {}])", jsonIntegral(bench.domain->first), jsonIntegral(bench.domain->second));
  if (const rt::NoiseSpec& n = bench.effects.noise; n.kind != rt::NoiseKind::None)
    out += fmt::format(R"(, "noise_type": "{}", "noise_params": {})", rt::noiseKindName(n.kind), jsonIntegral(n.scale));
  return out + "}";
}

std::string numericFile(const ir::Module& module, uint32_t f, bool effects) {
  std::string header =
      effects ? "# FIND's function_code.py for this bench, written by `findc suite export-find`: the served\n"
                "# function (noise, corruption or MLP included) and FIND's __main__ frame.\n"
                "# FIND's noise is unseeded NumPy; this draws findc's seeded Philox (SEED 0, queries\n"
                "# counted from FIRST_QUERY in call order), so it prints what `findc call --seed 0` prints.\n"
              : "# The clean function of this bench (every random draw zero, as `findc call --clean`),\n"
                "# written by `findc suite export-find` beside function_code.py for strict scoring.\n";
  return header + pyemit::emitPython(module, f, {.effects = effects, .frame = pyemit::PythonEmitOptions::Frame::Find});
}

std::string stringFile(const ir::Module& module, uint32_t f) {
  return "# FIND's function_code.py for this bench, written by `findc suite export-find`, with FIND's\n"
         "# string frame: an input on which the function raises stops the script with Python's\n"
         "# traceback, as in FIND's release (`findc call` prints None for it and goes on).\n" +
         pyemit::emitPython(module, f, {.frame = pyemit::PythonEmitOptions::Frame::Find});
}

// The kind of suite export-find writes, from the benches' input types.
enum class SuiteKind { Numeric, Strings };

llvm::Expected<SuiteKind> suiteKind(const ir::Module& module) {
  std::optional<SuiteKind> kind;
  for (const ir::Bench& bench : module.benches) {
    const ir::Function& fn = module.functions[bench.function];
    std::optional<SuiteKind> own = fn.params.empty()                ? std::nullopt
                                   : isNumeric(fn.params[0].type)   ? std::optional(SuiteKind::Numeric)
                                   : fn.params[0].type == Type::Str ? std::optional(SuiteKind::Strings)
                                                                    : std::nullopt;
    if (!own)
      return failure(fn.name, "export-find writes benches of a number or of a str; this bench's input is neither");
    if (kind && *kind != *own)
      return failure(fn.name, "export-find writes suites whose benches all take a number or all take a str; this "
                              "bench differs from the first");
    kind = own;
    if (std::optional<std::string> blocker = pyemit::pythonEmitBlocker(module, bench.function))
      return llvm::createStringError(llvm::inconvertibleErrorCode(), *blocker); // names the bench
  }
  if (!kind)
    return llvm::createStringError(llvm::inconvertibleErrorCode(), "the suite has no benches to export");
  return *kind;
}

} // namespace

std::optional<std::string> findNameOf(std::string_view doc, std::string_view bench) {
  std::string marker = " " + std::string(bench) + ": ";
  size_t start = doc.find(marker);
  if (start == std::string_view::npos)
    return std::nullopt;
  std::string_view line = doc.substr(start + marker.size());
  line = line.substr(0, line.find('\n'));
  std::string_view name;
  if (size_t shipped = line.rfind(", shipped as "); shipped != std::string_view::npos)
    name = line.substr(0, shipped); // import-find: `NAME, shipped as ...`
  else if (size_t find = line.rfind(", FIND's "); find != std::string_view::npos && line.ends_with("."))
    name = line.substr(find + 9, line.size() - find - 10); // the string sampler: `..., FIND's NAME.`
  if (name.empty())
    return std::nullopt;
  return std::string(name);
}

std::optional<std::string> findParamsOf(std::string_view name) {
  size_t open = name.find('(');
  if (open == std::string_view::npos || !name.ends_with(")"))
    return std::nullopt;
  std::optional<std::vector<std::string>> items =
      LiteralParser(name.substr(open + 1, name.size() - open - 2)).arguments();
  if (!items || items->empty())
    return std::nullopt;
  // One argument is the params itself (a tuple, a bare constant); several
  // (polynomial's coefficients, a composition's two sets) form a list.
  if (items->size() == 1)
    return (*items)[0];
  std::string out = "[";
  for (size_t i = 0; i < items->size(); ++i)
    out += (i ? ", " : "") + (*items)[i];
  return out + "]";
}

std::string findFolder(size_t position) { return fmt::format("f{:05d}", position); }

llvm::Expected<std::vector<ExportedFile>> exportFind(const ir::Module& module, const EvaluateSubject& evaluate,
                                                     const UnitTestOptions& unitTests) {
  llvm::Expected<SuiteKind> kind = suiteKind(module);
  if (!kind)
    return kind.takeError();
  std::vector<ExportedFile> files;
  std::vector<std::string> folders;
  std::string data = "[", variants = "{";
  for (size_t i = 0; i < module.benches.size(); ++i) {
    const ir::Bench& bench = module.benches[i];
    const ir::Function& fn = module.functions[bench.function];
    folders.push_back(findFolder(i));
    const std::string& folder = folders.back();
    data += (i ? ",\n" : "\n");
    if (*kind == SuiteKind::Strings) {
      data += commonEntry(bench, fn, folder) + "}";
      files.push_back({folder + "/function_code.py", stringFile(module, bench.function)});
      continue;
    }
    data += numericEntry(bench, fn, folder);
    variants += fmt::format("{}\"{}\": \"{}\"", i ? ", " : "", folder, variantFile(bench));
    files.push_back({folder + "/function_code.py", numericFile(module, bench.function, true)});
    files.push_back({folder + "/clean_function_code.py", numericFile(module, bench.function, false)});
  }
  files.push_back({"data.json", data + "\n]\n"});
  if (*kind == SuiteKind::Numeric) {
    files.push_back({"func_name_dict.json", variants + "}\n"});
    return files;
  }
  llvm::Expected<std::vector<UnitTests>> tests =
      makeUnitTests(folders, unitTestStrings(unitTests.seed), evaluate, unitTests);
  if (!tests)
    return tests.takeError();
  files.push_back({"unit_test_data.json", unitTestDataJson(*tests)});
  return files;
}

} // namespace findc::suite

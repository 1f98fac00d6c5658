#include "tools/findc/Suite.h"

#include "compiler/suite/FindExport.h"
#include "compiler/suite/FindSampler.h"
#include "compiler/suite/FindStringSampler.h"
#include "compiler/suite/FindWriter.h"
#include "engine/Compile.h"
#include "engine/Inputs.h"
#include "runtime/Value.h"
#include "tools/findc/Load.h"

#include <fmt/core.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/raw_ostream.h>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace findc {

const char* const kSuiteHelp = R"(usage: findc suite <action> ...

actions:
  import-find DATA VARIANTS -o FILE
      writes FIND v1's numeric functions (DATA: FIND's numeric data.json,
      VARIANTS: its func_name_dict.json) as a suite: one bench per function,
      named f00000 ..., computing FIND's released code, shipped variant as
      clauses (noise, corrupt, approx mlp)
  export-find SUITE -o DIR [--seed S]
      writes the suite as FIND's files into the new directory DIR (it must
      not exist or be empty), bench i as DIR/fNNNNN (NNNNN = i), as FIND's
      scripts address functions (docs/find-export.md). A numeric suite:
      data.json (FIND's fields per bench; FIND's name and params for benches
      imported from FIND), func_name_dict.json (the variant file FIND would
      ship), and per bench function_code.py (the served function with
      FIND's __main__ frame, printing what `findc call --seed 0` prints) and
      clean_function_code.py (every random draw zero); import-find reads
      data.json and func_name_dict.json back (MLP benches come back
      untrained). A string suite: data.json, function_code.py with FIND's
      string frame, and unit_test_data.json (10 vectors of 3 input/output
      pairs per bench, one correct, two distractors from other benches;
      deterministic for a seed, default 0)
  generate --numeric N [--seed S] -o FILE
      samples N new numeric functions with FIND's distribution (atoms and
      compositions, noise, corruption, MLP share); deterministic for a seed
  generate --strings N [--seed S] -o FILE
      samples N new string functions with FIND's distribution (30% single
      atoms, 70% compositions outer(inner(x)) under FIND's avoid lists,
      FIND's parameter ranges), no two alike, as benches s00000 ... calling
      stdlib/strings.fnd; deterministic for a seed
  train FILE [-o OUT] [--epochs E] [--seed S]
      trains every `approx mlp` bench of FILE that has no weights yet
      (FIND's recipe: 1-H-1 ReLU network, 10,000 points of the domain, Adam,
      E epochs, default 10,000) and writes the weights and the fit's MSE
      into the file (or OUT)

Files (and export-find's directory) are written whole or not at all.
)";

namespace {

namespace json = llvm::json;

SuiteOptions parseSuiteOptions(const std::vector<std::string>& args, const std::vector<std::string>& allowed) {
  SuiteOptions options;
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (!arg.starts_with("-")) {
      options.positional.push_back(arg);
      continue;
    }
    if (std::find(allowed.begin(), allowed.end(), arg) == allowed.end())
      throw UsageError("'suite " + args[0] + "' does not take " + arg);
    if (i + 1 >= args.size())
      throw UsageError("option " + arg + " needs a value");
    const std::string& value = args[++i];
    if (arg == "-o")
      options.output = value;
    else if (arg == "--numeric")
      options.numeric = parseCount(arg, value);
    else if (arg == "--strings")
      options.strings = parseCount(arg, value);
    else if (arg == "--seed")
      options.seed = parseCount(arg, value);
    else if (arg == "--epochs")
      options.epochs = static_cast<unsigned>(std::min<uint64_t>(parseCount(arg, value), 1'000'000));
  }
  return options;
}

json::Value readJson(const std::string& path) {
  auto buffer = llvm::MemoryBuffer::getFile(path);
  if (!buffer)
    throw std::runtime_error("cannot read '" + path + "': " + buffer.getError().message());
  llvm::Expected<json::Value> value = json::parse((*buffer)->getBuffer());
  if (!value)
    throw std::runtime_error(path + ": invalid JSON: " + llvm::toString(value.takeError()));
  return std::move(*value);
}

std::string requireOutput(const SuiteOptions& options, const std::string& action) {
  if (options.output.empty())
    throw UsageError("'suite " + action + "' needs -o FILE");
  return options.output;
}

int writeSuite(const json::Array& data, const json::Object& variants, const std::string& origin,
               const std::string& label, const std::string& output) {
  llvm::Expected<suite::FindSuiteText> text = suite::writeFindSuite(data, variants, origin, label);
  if (!text)
    throw std::runtime_error(llvm::toString(text.takeError()));
  writeWhole(output, text->text);
  fmt::print(stderr, "wrote {} benches to {}\n", text->benches, output);
  return 0;
}

int importFind(const SuiteOptions& options) {
  if (options.positional.size() != 2)
    throw UsageError("'suite import-find' needs DATA and VARIANTS (FIND's data.json and func_name_dict.json)");
  std::string output = requireOutput(options, "import-find");
  json::Value data = readJson(options.positional[0]);
  json::Value variants = readJson(options.positional[1]);
  if (!data.getAsArray() || !variants.getAsObject())
    throw std::runtime_error("DATA must be a JSON array and VARIANTS a JSON object");
  auto fileName = [](const std::string& path) { return path.substr(path.find_last_of('/') + 1); };
  return writeSuite(*data.getAsArray(), *variants.getAsObject(),
                    "FIND v1's " + fileName(options.positional[0]) + " and " + fileName(options.positional[1]),
                    "FIND v1", output);
}

int generateStrings(const SuiteOptions& options) {
  if (*options.strings > 100000)
    throw UsageError("--strings is limited to 100000 functions");
  std::string output = requireOutput(options, "generate");
  std::vector<suite::StringFunction> functions =
      suite::sampleFindStrings(static_cast<unsigned>(*options.strings), options.seed);
  std::string text = suite::writeFindStringSuite(
      functions,
      fmt::format("FIND's string sampler (findc's port), --strings {} --seed {}", *options.strings, options.seed),
      fmt::format("Sampled (seed {})", options.seed));
  writeWhole(output, text);
  fmt::print(stderr, "wrote {} benches to {}\n", functions.size(), output);
  return 0;
}

int generate(const SuiteOptions& options) {
  if (options.numeric && options.strings)
    throw UsageError("'suite generate' takes one of --numeric N and --strings N, not both");
  if (options.strings)
    return generateStrings(options);
  if (!options.numeric)
    throw UsageError("'suite generate' needs --numeric N or --strings N");
  if (*options.numeric > 100000)
    throw UsageError("--numeric is limited to 100000 functions");
  std::string output = requireOutput(options, "generate");
  suite::FindSample sample = suite::sampleFindNumeric(static_cast<unsigned>(*options.numeric), options.seed);
  return writeSuite(sample.data, sample.variants,
                    fmt::format("FIND's numeric sampler (findc's port), --numeric {} --seed {}", *options.numeric,
                                options.seed),
                    fmt::format("Sampled (seed {})", options.seed), output);
}

// Writes `files` into a new directory `dir`: into a sibling temporary
// directory first, renamed to `dir` at the end (over an empty `dir`), so
// readers never see half an export.
void writeDirectoryWhole(const std::string& dir, const std::vector<suite::ExportedFile>& files) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path target = fs::absolute(fs::path(dir), ec);
  if (ec)
    throw std::runtime_error("cannot write '" + dir + "': " + ec.message());
  if (fs::exists(target, ec) && !(fs::is_directory(target, ec) && fs::is_empty(target, ec)))
    throw std::runtime_error("'" + dir + "' exists and is not an empty directory; export-find writes a new one");
  llvm::SmallString<256> staging;
  if (std::error_code e = llvm::sys::fs::createUniqueDirectory(target.string() + ".tmp", staging))
    throw std::runtime_error("cannot create a directory beside '" + dir + "': " + e.message());
  // Removes the staging directory unless it became `dir`.
  struct Staging {
    fs::path path;
    bool kept = false;
    ~Staging() {
      std::error_code ignored;
      if (!kept)
        fs::remove_all(path, ignored);
    }
  } guard{fs::path(staging.str().str())};
  for (const suite::ExportedFile& file : files) {
    fs::path path = guard.path / file.path;
    fs::create_directories(path.parent_path(), ec);
    std::ofstream out(path, std::ios::binary);
    out << file.text;
    if (ec || !out.flush())
      throw std::runtime_error("cannot write '" + path.string() + "'");
  }
  fs::rename(guard.path, target, ec);
  if (ec)
    throw std::runtime_error("cannot write '" + dir + "': " + ec.message());
  guard.kept = true;
}

int exportFind(const SuiteOptions& options) {
  if (options.positional.size() != 1)
    throw UsageError("'suite export-find' needs one SUITE");
  if (options.output.empty())
    throw UsageError("'suite export-find' needs -o DIR");
  // The Python backend reads the optimized module; the unit tests evaluate
  // string benches, which the interpreter runs without compiling anything.
  std::unique_ptr<engine::Suite> suite =
      compileFile(options.positional[0], {.load = {.engine = Engine::Interpreter}, .optimizeIR = true});
  if (!suite)
    return 1;
  auto evaluate = [&](size_t position, std::span<const std::string> inputs) {
    return printedOutputs(*suite, position, inputs);
  };
  llvm::Expected<std::vector<suite::ExportedFile>> files =
      suite::exportFind(suite->module(), evaluate, {.seed = options.seed});
  if (!files)
    throw std::runtime_error(options.positional[0] + ": " + llvm::toString(files.takeError()));
  writeDirectoryWhole(options.output, *files);
  fmt::print(stderr, "wrote {} functions to {}\n", suite->module().benches.size(), options.output);
  return 0;
}

} // namespace

suite::PrintedOutputs printedOutputs(const engine::Suite& suite, size_t position, std::span<const std::string> inputs) {
  engine::TextInputs texts;
  for (const std::string& input : inputs)
    texts.add(input);
  rt::Arena arena;
  engine::Outputs outputs = engine::evaluateTexts(suite, suite.module().benches[position].function, texts,
                                                  std::nullopt, Effects{.apply = false}, arena);
  suite::PrintedOutputs printed;
  for (size_t i = 0; i < outputs.size(); ++i)
    printed.push_back(outputs.failed(i) ? std::nullopt : std::optional(formatPython(outputs.values[i])));
  return printed;
}

std::vector<suite::UnitTests> suiteUnitTests(const engine::Suite& suite, uint64_t seed) {
  const ir::Module& module = suite.module();
  bool strings = !module.benches.empty() && module.functions[module.benches[0].function].takesStr();
  std::vector<std::string> names;
  for (size_t i = 0; i < module.benches.size(); ++i)
    names.push_back(suite::findFolder(i));
  auto evaluate = [&](size_t position, std::span<const std::string> inputs) {
    return printedOutputs(suite, position, inputs);
  };
  llvm::Expected<std::vector<suite::UnitTests>> tests = suite::makeUnitTests(
      names, strings ? suite::unitTestStrings(seed) : suite::unitTestNumbers(seed), evaluate, {.seed = seed});
  if (!tests)
    throw std::runtime_error(suite.file().path() + ": " + llvm::toString(tests.takeError()));
  return std::move(*tests);
}

int runUnitTests(const std::vector<std::string>& args) {
  if (wantsHelp(args)) {
    fmt::print("usage: findc unittests SUITE -o FILE [--seed S]\n\n"
               "Writes FIND's unit_test_data.json for every bench of SUITE (docs/find-export.md): 10 vectors\n"
               "of 3 input/output pairs per bench, one an execution of it, two distractors from other\n"
               "benches; str inputs for a string suite, numbers for a numeric one; deterministic per seed.\n");
    return kExitOk;
  }
  std::vector<std::string> withAction = {"unittests"};
  withAction.insert(withAction.end(), args.begin(), args.end());
  SuiteOptions options = parseSuiteOptions(withAction, {"-o", "--seed"});
  if (options.positional.size() != 1)
    throw UsageError("'unittests' needs one SUITE");
  if (options.output.empty())
    throw UsageError("'unittests' needs -o FILE");
  std::unique_ptr<engine::Suite> suite = compileFile(options.positional[0], {.load = {.engine = Engine::Interpreter}});
  if (!suite)
    return kExitCompileError;
  if (suite->module().benches.empty())
    throw UsageError("'" + options.positional[0] + "' declares no bench");
  std::vector<suite::UnitTests> tests = suiteUnitTests(*suite, options.seed);
  writeWhole(options.output, suite::unitTestDataJson(tests));
  fmt::print(stderr, "wrote unit tests of {} functions to {}\n", tests.size(), options.output);
  return kExitOk;
}

// Writes through a temporary file and a rename: readers never see half a file.
int runSuite(const std::vector<std::string>& args) {
  bool help = std::any_of(args.begin(), args.end(), [](const std::string& a) { return a == "--help" || a == "-h"; });
  if (args.empty() || help) {
    fmt::print("{}", kSuiteHelp);
    return args.empty() ? 2 : 0;
  }
  const std::string& action = args[0];
  if (action == "import-find")
    return importFind(parseSuiteOptions(args, {"-o"}));
  if (action == "export-find")
    return exportFind(parseSuiteOptions(args, {"-o", "--seed"}));
  if (action == "generate")
    return generate(parseSuiteOptions(args, {"-o", "--numeric", "--strings", "--seed"}));
  if (action == "train")
    return runTrain(parseSuiteOptions(args, {"-o", "--epochs", "--seed"}));
  throw UsageError("unknown suite action '" + action + "'; run `findc suite --help`");
}

} // namespace findc

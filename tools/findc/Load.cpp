#include "tools/findc/Load.h"

#include "compiler/driver/Compiler.h"

#include <iostream>

namespace findc {
namespace {

// The effects of this run. FIND's noise is unseeded, so each run of its
// script draws new noise: without --seed each findc process draws a fresh
// seed from the OS, so a harness that starts one process per query sees
// noise, not a constant offset. --seed N reproduces a run.
Effects runEffects(const Options& options) {
  Effects effects = options.effects;
  if (effects.apply && !options.seen.count("--seed"))
    effects.seed = engine::freshSeed(); // eval --json reports it
  return effects;
}

} // namespace

LoadOptions loadOptions(const Options& options) {
  LoadOptions load = options.load;
  if (load.source.entry.empty())
    load.source.entry = options.functions.empty() ? "" : options.functions.front();
  return load;
}

engine::ArtifactCheck artifactCheck(const Options& options) {
  engine::ArtifactCheck check;
  if (options.seen.count("--math"))
    check.math = options.load.math;
  check.interpreter = options.seen.count("--engine") && options.load.engine == Engine::Interpreter;
  if (options.source) {
    std::string why;
    std::unique_ptr<SourceFile> file = SourceFile::read(*options.source, &why);
    if (!file)
      throw UsageError("cannot read --source '" + *options.source + "': " + why);
    check.source = file->text();
  }
  return check;
}

std::unique_ptr<engine::Suite> compileFile(const std::string& path, const engine::CompileOptions& options,
                                           const engine::ArtifactCheck& check, std::span<const std::string> only) {
  if (engine::isArtifact(path)) {
    try { // a refused artifact is reported as a source that does not compile
      return engine::loadArtifact(path, check, only);
    } catch (const CompileError& error) {
      std::cerr << error.what() << "\n";
      return nullptr;
    }
  }
  return compileSource(path, options);
}

std::unique_ptr<engine::Suite> loadSuite(const Options& options, const std::string& path, bool optimizeIR,
                                         std::span<const std::string> only) {
  if (!options.stdlib)
    return compileFile(path, {.load = loadOptions(options), .optimizeIR = optimizeIR}, artifactCheck(options), only);
  return compileStandardLibrary(options.load);
}

std::string fileArgument(const Options& options, const char* command) {
  if (options.stdlib) {
    for (size_t i = 0; i < options.literalInputs; ++i)
      if (options.positional[i].ends_with(".fnd"))
        throw UsageError(std::string(command) + " --stdlib takes no FILE, but '" + options.positional[i] +
                         "' looks like one; to pass it as an input, put it after --");
    return "";
  }
  if (options.positional.empty())
    throw UsageError(std::string(command) + " needs a FILE (or --stdlib)");
  return options.positional[0];
}

std::optional<Evaluated> evaluateCommand(const Options& options, const char* command, bool needInputs) {
  std::string path = fileArgument(options, command);
  // A Python hypothesis has its function (FIND's rule); a suite needs --fn.
  if (options.functions.empty() && !isPythonSource(path, options.load.source) && !engine::isArtifact(path))
    throw UsageError("--fn NAME is required");
  if (options.params && options.functions.size() > 1)
    throw UsageError("--params applies to one --fn");
  Evaluated result;
  result.suite = loadSuite(options, path, /*optimizeIR=*/false, options.functions); // an artifact: those alone
  if (!result.suite)
    return std::nullopt;
  const engine::Suite& suite = *result.suite;
  std::vector<uint32_t> fns;
  engine::EntryPointLists entries;
  std::vector<std::string> names = options.functions;
  if (names.empty() && !isPythonSource(suite.file().path(), suite.options().source))
    throw UsageError("--fn NAME is required"); // an artifact not built from a hypothesis
  if (names.empty()) // the hypothesis's function comes first
    names.push_back(suite.function(suite.visible().front()).name);
  for (const std::string& name : names) {
    uint32_t fn = suite.resolve(name);
    const ir::Function& function = suite.function(fn);
    const ir::Bench* bench = suite.bench(fn);
    if (bench && bench->approx && !bench->approx->trained) {
      DiagnosticEngine diags;
      diags.error(suite.file(), {bench->approx->line, bench->approx->column},
                  "'" + function.name + "' is declared `approx mlp` but has no weights yet; run `findc suite train " +
                      path + "`",
                  6);
      diags.print(std::cerr);
      return std::nullopt;
    }
    if (function.params.empty())
      throw UsageError("'" + name + "' takes no parameters: there is nothing to bind an input to");
    fns.push_back(fn);
    engine::addEntryPoints(suite, fn, options.params.has_value(), entries);
  }
  for (size_t i = path.empty() ? 0 : 1; i < options.positional.size(); ++i)
    result.inputs.add(options.positional[i]);
  if (entries.boxed.empty() && entries.checked.empty())
    result.inputs.requireNumbers();
  for (size_t i = 0; i < options.grid.texts.size(); ++i)
    result.inputs.add(options.grid.numbers[i], options.grid.texts[i]);
  if (needInputs && result.inputs.empty())
    throw UsageError("no inputs: give X values, --grid A:B:N or --find-grid");
  suite.prepare(entries.unary, entries.boxed, entries.checked); // one compilation for all
  result.arena = std::make_unique<rt::Arena>();
  Effects effects = runEffects(options); // one seed for every --fn of the run
  for (uint32_t fn : fns)
    result.functions.emplace_back(
        suite.function(fn).name, engine::evaluateTexts(suite, fn, result.inputs, options.params, effects, *result.arena));
  return result;
}

} // namespace findc

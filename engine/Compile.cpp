#include "engine/Compile.h"

#include "compiler/driver/Compiler.h"
#include "engine/Artifact.h"
#include "engine/Backends.h"
#include "engine/BigStack.h"
#include "findc/Errors.hpp"

#include <sstream>

namespace findc::engine {
namespace {

std::unique_ptr<Suite> build(std::shared_ptr<const SourceFile> file, const findc::CompileOptions& irOptions,
                             const LoadOptions& load, uint64_t optimizeAfterPoints, DiagnosticEngine& diags,
                             bool stdlib) {
  std::unique_ptr<Suite> suite;
  runWithStack(compileStackNeed(file->text().size()), [&] {
    std::optional<ir::Module> module = compileToIR(*file, diags, irOptions);
    if (!module)
      return;
    auto makeBackend = [&](const ir::Module& m) {
      return load.engine == Engine::Interpreter ? makeInterpreterBackend(m)
                                                : makeJitBackend(m, load.math, optimizeAfterPoints);
    };
    suite = std::make_unique<Suite>(file, std::move(*module), makeBackend, load, stdlib);
  });
  return suite;
}

// `suite`, or a CompileError carrying the diagnostics.
std::shared_ptr<const Suite> orThrow(std::unique_ptr<Suite> suite, const DiagnosticEngine& diags) {
  if (suite)
    return suite;
  std::ostringstream text;
  diags.print(text);
  throw CompileError(text.str());
}

} // namespace

std::unique_ptr<Suite> compileSuite(std::shared_ptr<const SourceFile> file, const CompileOptions& options,
                                    DiagnosticEngine& diags) {
  return build(file, {.optimize = options.optimizeIR, .source = options.load.source}, options.load,
               options.optimizeAfterPoints, diags, /*stdlib=*/false);
}

std::unique_ptr<Suite> compileStdlib(const LoadOptions& options, DiagnosticEngine& diags) {
  return build(std::make_unique<SourceFile>("<stdlib>", ""), {.optimize = false, .allLibraryFunctions = true},
               options, CompileOptions::kOptimizeAfterPoints, diags, /*stdlib=*/true);
}

std::shared_ptr<const Suite> loadOrThrow(const std::string& path, const LoadOptions& options) {
  if (isArtifact(path)) // in the math mode it was built with
    return loadArtifact(path, {.source = {}, .math = {}, .interpreter = options.engine == Engine::Interpreter});
  DiagnosticEngine diags;
  std::shared_ptr<const SourceFile> file = readSource(path, diags);
  return orThrow(file ? compileSuite(file, {.load = options}, diags) : nullptr, diags);
}

std::shared_ptr<const Suite> compileOrThrow(std::string_view source, std::string_view name,
                                            const LoadOptions& options) {
  if (source.size() > kMaxSourceBytes)
    throw CompileError(std::string(name) + ": error: larger than findc's limit of " +
                       std::to_string(kMaxSourceBytes >> 20) + " MiB for a source\n");
  DiagnosticEngine diags;
  auto file = std::make_shared<const SourceFile>(std::string(name), std::string(source));
  return orThrow(compileSuite(file, {.load = options}, diags), diags);
}

std::shared_ptr<const Suite> stdlibOrThrow(const LoadOptions& options) {
  DiagnosticEngine diags;
  return orThrow(compileStdlib(options, diags), diags);
}

std::shared_ptr<const SourceFile> readSource(const std::string& path, DiagnosticEngine& diags) {
  std::string why;
  std::shared_ptr<const SourceFile> file = SourceFile::read(path, &why);
  if (!file)
    diags.error("cannot read '" + path + "': " + why);
  return file;
}

} // namespace findc::engine

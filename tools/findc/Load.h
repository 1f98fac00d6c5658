// Loading a suite for a command, and what eval and call share: evaluating
// every --fn at the inputs.
#pragma once

#include "engine/Artifact.h"
#include "engine/Compile.h"
#include "engine/Inputs.h"
#include "tools/findc/Cli.h"

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace findc {

// How the command's FILE is read: --engine, --math, --lang, --input, and
// for a Python hypothesis the first --fn as its function.
LoadOptions loadOptions(const Options& options);

// What a compiled artifact given as FILE must match: --source's text, and
// --math if given.
engine::ArtifactCheck artifactCheck(const Options& options);

// The suite of the file `path`, its diagnostics printed on stderr; null if
// it cannot be read or compiled. A compiled artifact (engine/Artifact.h) is
// loaded, not compiled, and refused as `check` says, holding the functions
// named `only` alone if that is not empty (engine::loadArtifact).
std::unique_ptr<engine::Suite> compileFile(const std::string& path, const engine::CompileOptions& options,
                                           const engine::ArtifactCheck& check = {},
                                           std::span<const std::string> only = {});

// Compiling a source, or the standard library, diagnostics on stderr: in
// findc (LoadSource.cpp); findc-run, which runs artifacts only, refuses
// with a usage error (LoadLean.cpp).
std::unique_ptr<engine::Suite> compileSource(const std::string& path, const engine::CompileOptions& options);
std::unique_ptr<engine::Suite> compileStandardLibrary(const LoadOptions& options);

// The suite of `path` (or the standard library for --stdlib), its
// diagnostics printed on stderr; null if it cannot be read or compiled.
// An artifact holds the functions named `only` alone, if that is not empty.
std::unique_ptr<engine::Suite> loadSuite(const Options& options, const std::string& path, bool optimizeIR = false,
                                         std::span<const std::string> only = {});

// FILE for commands that take one (or --stdlib): a usage error otherwise.
// With --stdlib there is no FILE, so a `.fnd` name where FILE would be is a
// mistake, not an input.
std::string fileArgument(const Options& options, const char* command);

struct Evaluated {
  std::unique_ptr<engine::Suite> suite;
  engine::TextInputs inputs;
  std::vector<std::pair<std::string, engine::Outputs>> functions; // per --fn, in order
  std::unique_ptr<rt::Arena> arena;                                // strings of inputs and outputs
};

// Compiles FILE (or the stdlib) once and evaluates every --fn at the inputs
// typed after it and the grid points; nothing if it does not compile.
std::optional<Evaluated> evaluateCommand(const Options& options, const char* command, bool needInputs);

} // namespace findc

// findc build: a suite compiled ahead of time into an artifact
// (engine/Artifact.h, docs/artifacts.md) that call, eval, list, serve and the
// APIs load without compiling.
#include "engine/BuildArtifact.h"
#include "tools/findc/Load.h"

#include <fmt/core.h>

#include <iostream>

namespace findc {
namespace {

const char* const kBuildHelp = R"(usage: findc build SUITE -o OUT.findo [options]
       findc build --info ARTIFACT

Compiles every function of SUITE to native code for this CPU and writes it,
with the functions' signatures (names, parameters, benches' effects), as
one artifact file. `findc call`, `eval`, `list` and `serve`, the C++ and C
APIs and the Python module load an artifact given where a suite goes,
without compiling and without LLVM's optimizer or code generator. It is
refused (with what to do) when built by another findc version, when this
CPU lacks an instruction set extension it was compiled for, and, given
--source FILE where it is loaded, when FILE's text is not the one it was
built from. Neither the source nor the functions' descriptions are in the
artifact unless --keep-source. Written whole (a temporary file, renamed).

  -o FILE            the artifact to write (required)
  --math exact|vector|fast
                     as for eval (default exact); loaders refuse another
  --keep-source      keep the source text and the descriptions
  --jobs N           code generation threads (default: one per core)
  --linker CMD       the C compiler driver that links the shared object
                     (default cc)
  --lang, --input    how SUITE is read, as for eval
  --verbose          print what was compiled and how long each step took
  --info ARTIFACT    print an artifact's header (JSON) and whether this
                     findc and this CPU can load it
)";

int printInfo(const std::string& path) {
  engine::ArtifactHeader header;
  try {
    header = engine::readArtifactHeader(path);
    fmt::print("{}\n", engine::artifactHeaderJson(header));
    engine::checkArtifactHeader(path, header, {});
  } catch (const CompileError& refused) {
    std::cerr << refused.what() << "\n";
    return kExitCompileError;
  }
  fmt::print("loadable here: yes\n");
  return kExitOk;
}

} // namespace

int runBuild(const std::vector<std::string>& args) {
  if (wantsHelp(args)) {
    fmt::print("{}", kBuildHelp);
    return kExitOk;
  }
  std::string suitePath, output;
  std::optional<std::string> info;
  engine::BuildOptions build;
  bool verbose = false;
  std::vector<std::string> loadArgs;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (!arg.starts_with("-")) {
      if (!suitePath.empty())
        throw UsageError("'build' compiles one SUITE; got '" + suitePath + "' and '" + arg + "'");
      suitePath = arg;
      continue;
    }
    if (arg == "--keep-source") { build.keepSource = true; continue; }
    if (arg == "--verbose") { verbose = true; continue; }
    static const char* const kValued[] = {"-o", "--math", "--jobs", "--linker", "--lang", "--input", "--info"};
    if (std::find(std::begin(kValued), std::end(kValued), arg) == std::end(kValued))
      throw UsageError("'build' does not take " + arg);
    if (i + 1 >= args.size())
      throw UsageError("option " + arg + " needs a value");
    const std::string& value = args[++i];
    if (arg == "-o") output = value;
    else if (arg == "--jobs") build.jobs = static_cast<unsigned>(std::clamp<uint64_t>(parseCount(arg, value), 1, 256));
    else if (arg == "--linker") build.linker = value;
    else if (arg == "--info") info = value;
    else loadArgs.insert(loadArgs.end(), {arg, value});
  }
  if (info) {
    if (!suitePath.empty() || !output.empty())
      throw UsageError("'build --info' takes the artifact alone");
    return printInfo(*info);
  }
  if (suitePath.empty())
    throw UsageError("'build' needs a SUITE; run `findc build --help`");
  if (output.empty())
    throw UsageError("'build' needs -o FILE");
  if (engine::isArtifact(suitePath))
    throw UsageError("'" + suitePath + "' is an artifact already; build takes the suite's source");
  LoadOptions load = loadOptions(parseOptions(loadArgs));
  build.math = load.math;
  load.engine = Engine::Interpreter; // the IR is what is compiled; no JIT needed
  std::unique_ptr<engine::Suite> suite = compileFile(suitePath, {.load = load});
  if (!suite)
    return kExitCompileError;
  engine::BuildReport report = engine::buildArtifact(*suite, build);
  writeWhole(output, report.artifact);
  if (verbose) {
    fmt::print(stderr, "compiled {} entry points of {} functions in {:.3f} s ({} jobs), linked in {:.3f} s: {} ({} bytes)\n",
               report.entryPoints, suite->visible().size(), report.compileSeconds, report.jobs, report.linkSeconds,
               output, report.artifact.size());
    fmt::print(stderr, "CPU seconds: findc IR to LLVM IR {:.3f}, LLVM IR pipeline {:.3f}, code generation {:.3f}\n",
               report.emitCpuSeconds, report.optimizeCpuSeconds, report.codegenCpuSeconds);
  }
  return kExitOk;
}

} // namespace findc

// findc compiles sources (findc-run's LoadLean.cpp does not).
#include "tools/findc/Load.h"

#include <iostream>

namespace findc {

std::unique_ptr<engine::Suite> compileSource(const std::string& path, const engine::CompileOptions& options) {
  DiagnosticEngine diags;
  std::shared_ptr<const SourceFile> file = engine::readSource(path, diags); // outlives the diagnostics
  std::unique_ptr<engine::Suite> suite = file ? engine::compileSuite(file, options, diags) : nullptr;
  diags.print(std::cerr);
  return suite;
}

std::unique_ptr<engine::Suite> compileStandardLibrary(const LoadOptions& options) {
  DiagnosticEngine diags;
  std::unique_ptr<engine::Suite> suite = engine::compileStdlib(options, diags);
  diags.print(std::cerr);
  return suite;
}

} // namespace findc

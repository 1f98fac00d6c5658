// findc-run links no compiler: a source (or --stdlib) is findc's to run.
#include "tools/findc/Load.h"

namespace findc {

std::unique_ptr<engine::Suite> compileSource(const std::string& path, const engine::CompileOptions&) {
  throw UsageError("'" + path + "' is not a compiled artifact: findc-run runs those only (`findc build " + path +
                   " -o OUT.findo`), or run it with findc");
}

std::unique_ptr<engine::Suite> compileStandardLibrary(const LoadOptions&) {
  throw UsageError("findc-run runs compiled artifacts only: run --stdlib with findc");
}

} // namespace findc

// findc list: the functions of a file (or of the standard library) with
// their signatures, descriptions and benchmark metadata.
#include "engine/Format.h"
#include "tools/findc/Load.h"

#include <fmt/core.h>

namespace findc {
namespace {

const char* const kHelp = R"(usage: findc list FILE [--json]
       findc list --stdlib [--json]

Lists the functions of FILE (or every standard library function: numeric.*
and strings.*), one per line: signature and the first line of its
description (the `##` doc comment). --json prints everything there is to
know about each, benchmark metadata included. A FILE ending in .py is a
Python hypothesis: its function and the ones it calls (--lang and --input
as for eval).

options:
  --json                print {"functions": [{"name", "params": [{"name",
                        "type", "default"?}], "result", "unary", "description"}]};
                        "default" is absent without one, null if not finite.
                        Benchmark functions add "bench": true, "category",
                        "domain": [lo, hi] | null, "outside_domain": "nan" |
                        "extrapolate", "noise": {"kind", "scale"} | null,
                        "corruption": {"kind": "below" | "above" | "inside",
                        "bounds": [a] | [a, b], "mean", "scale"} | null,
                        "approx": {"kind": "mlp", "hidden", "trained",
                        "mse"} | null
  --stdlib              list the standard library instead of a FILE
)";

int run(const Options& options) {
  if (options.stdlib ? !options.positional.empty() : options.positional.size() != 1)
    throw UsageError(options.stdlib ? "list --stdlib takes no FILE" : "list needs exactly one FILE (or --stdlib)");
  Options listing = options;
  listing.load.engine = Engine::Interpreter; // nothing is evaluated
  auto suite = loadSuite(listing, options.stdlib ? "" : options.positional[0]);
  if (!suite)
    return kExitCompileError;
  if (!options.json) {
    for (uint32_t f : suite->visible()) {
      const ir::Function& fn = suite->function(f);
      std::string firstLine = fn.doc.substr(0, fn.doc.find('\n'));
      fmt::print("{}{}{}\n", engine::formatSignature(fn), firstLine.empty() ? "" : "  ## ", firstLine);
    }
    return kExitOk;
  }
  std::string out = "{\"functions\": [";
  for (size_t i = 0; i < suite->visible().size(); ++i)
    out += (i ? ", " : "") + engine::formatMetadataJson(*suite, suite->visible()[i]);
  fmt::print("{}]}}\n", out);
  return kExitOk;
}

} // namespace

const Command kListCommand = {"list", kHelp, run, {"--lang", "--input", "--json", "--stdlib", "--source"}};

} // namespace findc

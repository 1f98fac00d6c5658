// Writes FIND numeric functions (entries shaped like FIND v1's data.json)
// as a findc suite: one `bench` per entry, named after its `dir` (f00000,
// ...), computing exactly what FIND's released code for it computes, with the
// variant FIND ships (clean, noised, corrupted or MLP) as clauses.
#pragma once

#include <llvm/Support/Error.h>
#include <llvm/Support/JSON.h>

#include <string>

namespace findc::suite {

struct FindSuiteText {
  std::string text;
  unsigned benches = 0;
};

// `data`: the entries; `variants`: dir -> FIND's file name for the variant
// (function_code.py, noised_function_code.py, corrupted_function_code.py,
// load_mlp.py). `origin` goes into the file's header comment, `label` starts
// each bench's description ("FIND v1" -> "## FIND v1 f00000: ...").
llvm::Expected<FindSuiteText> writeFindSuite(const llvm::json::Array& data, const llvm::json::Object& variants,
                                             const std::string& origin, const std::string& label);

} // namespace findc::suite

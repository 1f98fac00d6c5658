// Writes a numeric findc suite as the files FIND's tools read: data.json
// (FIND's fields per function), func_name_dict.json (which variant file FIND
// would ship), and per function a standalone function_code.py (the served
// variant, FIND's __main__ frame) with clean_function_code.py beside it.
// `findc suite import-find` reads data.json and func_name_dict.json back.
//
// Text only: the caller writes the files (whole or not at all).
#pragma once

#include "compiler/ir/IR.h"

#include <llvm/Support/Error.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace findc::suite {

struct ExportedFile {
  std::string path; // relative to the export directory, '/'-separated
  std::string text;
};

// The files for every bench of `module` (in module order), which must be the
// optimized module the engines run (pyemit's requirement). Fails, naming the
// bench, for a bench whose input is not a number or an untrained `approx mlp`.
llvm::Expected<std::vector<ExportedFile>> exportFindNumeric(const ir::Module& module);

// FIND's `name` of a bench written by import-find (or generate): the NAME of a
// description `<label> <bench>: NAME, shipped as ...`; nothing otherwise.
std::optional<std::string> findNameOf(std::string_view doc, std::string_view bench);

// FIND's `params` (JSON text) for a FIND name, parsed back from the Python
// literals between its outer parentheses: `absolute((26.8, -8.2))` ->
// `[26.8, -8.2]`, `constant(-4)` -> `-4`, `ceil;constant;multiply_two(None,
// -79)` -> `[null, -79]`. Numbers keep their text (Python's repr reads back
// the same in JSON). Nothing if the text is not such a call.
std::optional<std::string> findParamsOf(std::string_view name);

} // namespace findc::suite

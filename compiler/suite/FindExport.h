// Writes a findc suite as the files FIND's tools read (docs/find-export.md):
// for a numeric suite data.json (FIND's fields per function),
// func_name_dict.json (which variant file FIND would ship), and per function
// a standalone function_code.py (the served variant, FIND's __main__ frame)
// with clean_function_code.py beside it; for a string suite data.json,
// function_code.py and FIND's unit_test_data.json. `findc suite import-find`
// reads a numeric export's data.json and func_name_dict.json back.
//
// Text only: the caller writes the files (whole or not at all).
#pragma once

#include "compiler/ir/IR.h"
#include "compiler/suite/UnitTests.h"

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

// The files FIND's tools read for every bench of `module`, which must be the
// optimized module the engines run (pyemit's requirement). The bench at
// position i is FIND's function fNNNNN = i (FIND's scripts address functions
// by position), its own name in data.json's "findc_bench" where it differs.
//   * numeric suites (every bench takes a number): data.json,
//     func_name_dict.json, fNNNNN/function_code.py (the served variant) and
//     fNNNNN/clean_function_code.py (--clean);
//   * string suites (every bench takes a str): data.json as FIND's string
//     generator writes it, fNNNNN/function_code.py with FIND's string frame,
//     and unit_test_data.json (makeUnitTests with `evaluate`, which is
//     called with bench positions).
// Fails, naming the bench, for a mix of both, another input type or an
// untrained `approx mlp`.
llvm::Expected<std::vector<ExportedFile>> exportFind(const ir::Module& module, const EvaluateSubject& evaluate,
                                                     const UnitTestOptions& unitTests);

// FIND's folder of the bench at `position`: f00000, f00001, ...
std::string findFolder(size_t position);

// FIND's `name` of a bench written by import-find, generate or the string
// sampler: NAME in a description `<label> <bench>: NAME, shipped as ...` or
// `<label> <bench>: <readable form>, FIND's NAME.`; nothing otherwise.
std::optional<std::string> findNameOf(std::string_view doc, std::string_view bench);

// FIND's `params` (JSON text) for a FIND name, parsed back from the Python
// literals between its outer parentheses: `absolute((26.8, -8.2))` ->
// `[26.8, -8.2]`, `constant(-4)` -> `-4`, `ceil;constant;multiply_two(None,
// -79)` -> `[null, -79]`; strings as FIND's string names paste them, bare
// or quoted inside tuples (`find_string;..;compose_1input_1input(r, ())` ->
// `["r", []]`, `replace_substring(('Q', 'F'))` -> `["Q", "F"]`) and dicts
// (map_string) as objects. Numbers keep their text (Python's repr reads back
// the same in JSON). Nothing if the text is not such a call.
std::optional<std::string> findParamsOf(std::string_view name);

} // namespace findc::suite

// What the front ends (Parser.cpp for .fnd, python/PyParser.cpp for Python
// hypotheses) share around ANTLR: locations in our terms (columns count code
// points), the UTF-8 input stream, the wording of syntax errors, and the
// nesting bound.
#pragma once

#include "compiler/support/Diagnostics.h"

#include <antlr4-runtime.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>

namespace findc::frontend {

// Every stage recurses over nested expressions; bound the nesting so that no
// input can exhaust the stack.
inline constexpr size_t kMaxNesting = 256;

// Columns count code points.
uint32_t codePoints(std::string_view text);

SourceLoc locOf(const antlr4::Token* token);

// The columns `ctx` covers when it is on one line, else 1.
uint32_t lengthOf(antlr4::ParserRuleContext* ctx);

// The source as UTF-32 code points for ANTLR, decoded here: the runtime's own
// decoder (std::wstring_convert) took a tenth of a large suite's compile.
// The text must be valid UTF-8.
class Utf8InputStream : public antlr4::ANTLRInputStream {
public:
  explicit Utf8InputStream(std::string_view text);
};

// Just past the last real token before `eof`: an end-of-file error points
// there rather than at an empty line after the final newline.
SourceLoc endOfLastToken(antlr4::Parser& parser, const antlr4::Token& eof, SourceLoc fallback);

// "; expected X, Y or Z" from the tokens the parser expected where it
// stopped, each named by `name`; empty when there are more than six (a list
// that long does not help).
std::string expectedTokens(antlr4::Parser& parser, const std::function<std::string(size_t type)>& name);

// Whether no bracket nests, and no run of prefix operators (`-`, `+`, `~`,
// `not`) or of `**` goes, more than kMaxNesting deep: the recursion the
// parser and every later stage would need. Reports the first token past the
// limit. Fills `tokens`; token kinds come from the vocabulary's literals
// (`'('`, `'**'`, ...) and `operandTypes` (names, numbers).
bool withinNestingLimit(const SourceFile& file, DiagnosticEngine& diags, antlr4::CommonTokenStream& tokens,
                        const antlr4::dfa::Vocabulary& vocabulary, std::initializer_list<size_t> operandTypes);

} // namespace findc::frontend

#include "compiler/frontend/AntlrSupport.h"

#include "runtime/Utf8.h"

#include <algorithm>

namespace findc::frontend {

uint32_t codePoints(std::string_view text) { return static_cast<uint32_t>(rt::codePointCount(text)); }

SourceLoc locOf(const antlr4::Token* token) {
  return {static_cast<uint32_t>(token->getLine()), static_cast<uint32_t>(token->getCharPositionInLine() + 1)};
}

uint32_t lengthOf(antlr4::ParserRuleContext* ctx) {
  antlr4::Token* start = ctx->getStart();
  antlr4::Token* stop = ctx->getStop();
  if (!stop || stop->getLine() != start->getLine() || stop->getTokenIndex() < start->getTokenIndex())
    return 1;
  size_t end = stop->getCharPositionInLine() + codePoints(stop->getText());
  return static_cast<uint32_t>(std::max<size_t>(1, end - start->getCharPositionInLine()));
}

Utf8InputStream::Utf8InputStream(std::string_view text) {
  _data.reserve(text.size());
  for (size_t i = 0; i < text.size();)
    _data.push_back(rt::decodeUtf8(text, i));
}

SourceLoc endOfLastToken(antlr4::Parser& parser, const antlr4::Token& eof, SourceLoc fallback) {
  antlr4::TokenStream* tokens = parser.getTokenStream();
  for (size_t i = eof.getTokenIndex(); i-- > 0;) {
    antlr4::Token* token = tokens->get(i);
    if (token->getChannel() != antlr4::Token::DEFAULT_CHANNEL)
      continue;
    return {static_cast<uint32_t>(token->getLine()),
            static_cast<uint32_t>(token->getCharPositionInLine() + codePoints(token->getText()) + 1)};
  }
  return fallback;
}

std::string expectedTokens(antlr4::Parser& parser, const std::function<std::string(size_t type)>& name) {
  antlr4::misc::IntervalSet expected = parser.getExpectedTokens();
  if (expected.isEmpty() || expected.size() > 6)
    return "";
  std::vector<std::string> names;
  for (auto type : expected.toList())
    names.push_back(name(type));
  std::string phrase = "; expected ";
  for (size_t i = 0; i < names.size(); ++i) {
    if (i)
      phrase += i + 1 == names.size() ? " or " : ", ";
    phrase += names[i];
  }
  return phrase;
}

namespace {

// What a token type means to the nesting check, from the vocabulary once
// (token texts would be decoded from UTF-32 for every token).
enum class NestingRole : uint8_t { Other, Open, Close, Sign, Not, Power, Operand };

std::vector<NestingRole> nestingRoles(const antlr4::dfa::Vocabulary& vocabulary,
                                      std::initializer_list<size_t> operandTypes) {
  std::vector<NestingRole> roles(vocabulary.getMaxTokenType() + 1, NestingRole::Other);
  for (size_t type = 0; type < roles.size(); ++type) {
    std::string literal = vocabulary.getLiteralName(type);
    if (literal == "'('" || literal == "'['" || literal == "'{'") roles[type] = NestingRole::Open;
    else if (literal == "')'" || literal == "']'" || literal == "'}'") roles[type] = NestingRole::Close;
    else if (literal == "'-'" || literal == "'+'" || literal == "'~'") roles[type] = NestingRole::Sign;
    else if (literal == "'not'") roles[type] = NestingRole::Not;
    else if (literal == "'**'") roles[type] = NestingRole::Power;
  }
  for (size_t type : operandTypes)
    if (type < roles.size())
      roles[type] = NestingRole::Operand;
  return roles;
}

} // namespace

bool withinNestingLimit(const SourceFile& file, DiagnosticEngine& diags, antlr4::CommonTokenStream& tokens,
                        const antlr4::dfa::Vocabulary& vocabulary, std::initializer_list<size_t> operandTypes) {
  tokens.fill();
  std::vector<NestingRole> roles = nestingRoles(vocabulary, operandTypes);
  size_t depth = 0, prefixRun = 0, powerRun = 0;
  for (antlr4::Token* token : tokens.getTokens()) {
    if (token->getChannel() != antlr4::Token::DEFAULT_CHANNEL)
      continue;
    size_t type = token->getType();
    NestingRole role = type < roles.size() ? roles[type] : NestingRole::Other;
    if (role == NestingRole::Open)
      ++depth;
    else if (role == NestingRole::Close && depth > 0)
      --depth;
    prefixRun = (role == NestingRole::Sign || role == NestingRole::Not) ? prefixRun + 1 : 0;
    if (role == NestingRole::Power)
      ++powerRun;
    else if (role != NestingRole::Open && role != NestingRole::Close && role != NestingRole::Operand &&
             role != NestingRole::Sign)
      powerRun = 0;
    if (depth > kMaxNesting || prefixRun > kMaxNesting || powerRun > kMaxNesting) {
      diags.error(file, locOf(token), "expression nests more than " + std::to_string(kMaxNesting) + " levels deep");
      return false;
    }
  }
  return true;
}

} // namespace findc::frontend

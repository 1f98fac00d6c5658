#include "score/FindExec.h"

#include "runtime/Utf8.h"

#include <fmt/core.h>

#include <algorithm>
#include <cctype>
#include <optional>

namespace findc::score {
namespace {

// Python's tokenizer over the exec string from the quote that opens the
// input's literal: `'` + in_val + `'))`.
class ExecReader {
public:
  explicit ExecReader(std::string_view inVal) : text_("'" + std::string(inVal) + "'))") {}

  std::variant<std::string, PyException> read() {
    if (text_.find('\0') != std::string::npos)
      return PyException{"ValueError", "source code string cannot contain null bytes"};
    std::string argument;
    std::string prefix; // of the literal at pos_
    while (true) {
      if (auto failed = literal(prefix, argument))
        return *failed;
      skipBlanks();
      if (text_.compare(pos_, std::string::npos, "))") == 0)
        return argument;
      if (text_[pos_] == '+') { // 'a' + 'b'
        ++pos_;
        skipBlanks();
      }
      prefix.clear();
      while (pos_ < text_.size() && std::isalpha(static_cast<unsigned char>(text_[pos_])) && prefix.size() < 3)
        prefix += static_cast<char>(std::tolower(static_cast<unsigned char>(text_[pos_++])));
      if (pos_ >= text_.size() || (text_[pos_] != '\'' && text_[pos_] != '"'))
        return syntaxError("code between the input's quotes (findc reads string literals joined by blanks or +)");
      static constexpr std::string_view kPrefixes[] = {"", "r", "u", "f", "fr", "rf"};
      if (prefix.find('b') != std::string::npos)
        return syntaxError("cannot mix bytes and nonbytes literals");
      if (std::find(std::begin(kPrefixes), std::end(kPrefixes), prefix) == std::end(kPrefixes))
        return syntaxError("invalid string prefix '" + prefix + "'");
    }
  }

private:
  static PyException syntaxError(std::string detail) { return {"SyntaxError", std::move(detail)}; }

  void skipBlanks() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\f' ||
                                   text_[pos_] == '\n' || text_[pos_] == '\r'))
      ++pos_;
  }

  // The literal opening at pos_, decoded onto `out`.
  std::optional<PyException> literal(const std::string& prefix, std::string& out) {
    char quote = text_[pos_];
    bool triple = text_.compare(pos_, 3, std::string(3, quote)) == 0;
    pos_ += triple ? 3 : 1;
    bool raw = prefix.find('r') != std::string::npos;
    bool formatted = prefix.find('f') != std::string::npos;
    std::string body;
    while (true) {
      if (pos_ >= text_.size())
        return syntaxError(triple ? "unterminated triple-quoted string literal" : "unterminated string literal");
      char c = text_[pos_];
      if (c == quote && (!triple || text_.compare(pos_, 3, std::string(3, quote)) == 0)) {
        pos_ += triple ? 3 : 1;
        break;
      }
      if ((c == '\n' || c == '\r') && !triple)
        return syntaxError("unterminated string literal (a line break in the input)");
      if (c == '\\') {
        if (pos_ + 1 >= text_.size())
          return syntaxError("unterminated string literal");
        if (raw) { // kept as written; the backslash only stops the quote ending it
          body += text_.substr(pos_, 2);
          pos_ += 2;
          continue;
        }
        if (auto failed = escape(body))
          return failed;
        continue;
      }
      body += c;
      ++pos_;
    }
    if (formatted && body.find_first_of("{}") != std::string::npos)
      return PyException{"NotEmulated", "an f-string with braces in the input"};
    out += body;
    return std::nullopt;
  }

  static std::optional<uint32_t> hexDigits(std::string_view digits) {
    uint32_t value = 0;
    for (char d : digits) {
      if (!std::isxdigit(static_cast<unsigned char>(d)))
        return std::nullopt;
      value = value * 16 + static_cast<uint32_t>(std::isdigit(static_cast<unsigned char>(d)) ? d - '0'
                                                                                              : std::tolower(d) - 'a' + 10);
    }
    return value;
  }

  // The escape at pos_ (a backslash), as Python 3.11's unicode-escape codec
  // reads it.
  std::optional<PyException> escape(std::string& body) {
    char c = text_[pos_ + 1];
    pos_ += 2;
    switch (c) {
    case '\n': return std::nullopt; // a continued line
    case '\r':
      if (pos_ < text_.size() && text_[pos_] == '\n')
        ++pos_;
      return std::nullopt;
    case '\\': body += '\\'; return std::nullopt;
    case '\'': body += '\''; return std::nullopt;
    case '"': body += '"'; return std::nullopt;
    case 'a': body += '\a'; return std::nullopt;
    case 'b': body += '\b'; return std::nullopt;
    case 'f': body += '\f'; return std::nullopt;
    case 'n': body += '\n'; return std::nullopt;
    case 'r': body += '\r'; return std::nullopt;
    case 't': body += '\t'; return std::nullopt;
    case 'v': body += '\v'; return std::nullopt;
    case 'N': return PyException{"NotEmulated", "a \\N{...} escape in the input"};
    default: break;
    }
    if (c >= '0' && c <= '7') { // up to three octal digits
      uint32_t value = static_cast<uint32_t>(c - '0');
      for (int more = 0; more < 2 && pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '7'; ++more)
        value = value * 8 + static_cast<uint32_t>(text_[pos_++] - '0');
      rt::appendUtf8(body, static_cast<char32_t>(value));
      return std::nullopt;
    }
    size_t width = c == 'x' ? 2 : c == 'u' ? 4 : c == 'U' ? 8 : 0;
    if (width == 0) { // an unknown escape keeps its backslash (a DeprecationWarning)
      body += '\\';
      --pos_; // the character itself is read next, as any other
      return std::nullopt;
    }
    std::optional<uint32_t> value;
    if (pos_ + width <= text_.size())
      value = hexDigits(std::string_view(text_).substr(pos_, width));
    if (!value)
      return syntaxError(fmt::format("(unicode error) 'unicodeescape' codec can't decode bytes: truncated \\{}{} escape",
                                     c, std::string(width, 'X')));
    pos_ += width;
    if (*value > 0x10FFFF)
      return syntaxError("(unicode error) 'unicodeescape' codec can't decode bytes: illegal Unicode character");
    if (*value >= 0xD800 && *value <= 0xDFFF)
      return PyException{"NotEmulated", "a lone surrogate escape in the input"};
    rt::appendUtf8(body, static_cast<char32_t>(*value));
    return std::nullopt;
  }

  std::string text_;
  size_t pos_ = 0;
};

} // namespace

std::variant<std::string, PyException> findExecArgument(std::string_view inVal) { return ExecReader(inVal).read(); }

} // namespace findc::score

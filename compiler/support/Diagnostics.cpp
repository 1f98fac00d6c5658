#include "compiler/support/Diagnostics.h"

#include "runtime/Utf8.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <ostream>
#include <system_error>

namespace findc {

namespace {

// The length of the well-formed UTF-8 sequence that starts `s` (setting
// `cp`), or 0. Source text is strict UTF-8: runtime/Utf8.h's checked decoder
// admits surrogates (Python's str can hold them), a source may not.
size_t utf8Sequence(std::string_view s, uint32_t& cp) {
  if (s.empty())
    return 0;
  std::optional<rt::Utf8Sequence> sequence = rt::decodeUtf8Checked(s, 0);
  if (!sequence || (sequence->codePoint >= 0xD800 && sequence->codePoint <= 0xDFFF))
    return 0;
  cp = sequence->codePoint;
  return sequence->length;
}

// Code points a quoted line shows escaped: controls (a terminal would act
// on them), and the separators and bidirectional formatting characters that
// would break the line or reorder it away from its caret.
bool quotedEscaped(uint32_t cp) {
  return (cp < 0x20 && cp != '\t') || (cp >= 0x7F && cp <= 0x9F) || cp == 0x061C || cp == 0x200E || cp == 0x200F ||
         (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

// Quoted source lines are clipped to about this many columns around the
// caret, so a long (or minified, or binary) line prints a bounded excerpt.
constexpr size_t kQuotedColumns = 100;
// A tab counts this much of the budget (its width depends on the tab stop).
constexpr size_t kTabColumns = 8;
constexpr std::string_view kClipped = "...";

// Columns count code points: a column is a well-formed UTF-8 sequence, or
// one byte that does not start one (as firstInvalidUtf8 counts them). The
// byte where the column after the one at `at` starts, and where the one
// before it starts.
size_t nextColumn(std::string_view line, size_t at) {
  uint32_t cp = 0;
  return at + std::max<size_t>(1, utf8Sequence(line.substr(at), cp));
}
size_t previousColumn(std::string_view line, size_t at) {
  uint32_t cp = 0;
  for (size_t k = 2; k <= std::min<size_t>(4, at); ++k)
    if (utf8Sequence(line.substr(at - k, k), cp) == k)
      return at - k;
  return at - 1;
}

// One column of a source line as a quoted line shows it.
struct QuotedColumn {
  std::string text;  // the character itself, or its escape
  std::string blank; // as wide as `text` on a terminal: a tab, or a space per character
  size_t budget = 0; // columns it takes of kQuotedColumns
};

QuotedColumn quoteColumn(std::string_view column) {
  uint32_t cp = 0;
  char escape[16];
  if (utf8Sequence(column, cp) == 0)
    std::snprintf(escape, sizeof escape, "\\x%02X", static_cast<unsigned char>(column[0]));
  else if (quotedEscaped(cp))
    std::snprintf(escape, sizeof escape, "<U+%04X>", static_cast<unsigned>(cp));
  else if (cp == '\t')
    return {"\t", "\t", kTabColumns};
  else
    return {std::string(column), " ", 1};
  std::string text = escape;
  return {text, std::string(text.size(), ' '), text.size()};
}

// The source line of a diagnostic and its caret line under `underlined`
// columns from `column`: the columns around `column` that fit
// kQuotedColumns, "..." where the line goes on, control characters and
// bytes that are not UTF-8 escaped. The caret line repeats each tab and has
// a space for any other character, so the caret stays under its column.
std::string quoteLine(std::string_view line, uint32_t column, uint32_t underlined) {
  size_t caret = 0;
  for (uint32_t col = 1; col < column && caret < line.size(); ++col)
    caret = nextColumn(line, caret);
  std::vector<QuotedColumn> left, right; // left is nearest first
  size_t begin = caret, end = caret, used = 0;
  auto takeLeft = [&](size_t limit) {
    while (begin > 0) {
      size_t before = previousColumn(line, begin);
      QuotedColumn q = quoteColumn(line.substr(before, begin - before));
      if (used + q.budget > limit)
        break;
      used += q.budget;
      left.push_back(std::move(q));
      begin = before;
    }
  };
  takeLeft(kQuotedColumns / 2);
  // The caret's own column always shows.
  while (end < line.size()) {
    size_t after = nextColumn(line, end);
    QuotedColumn q = quoteColumn(line.substr(end, after - end));
    if (end != caret && used + q.budget > kQuotedColumns)
      break;
    used += q.budget;
    right.push_back(std::move(q));
    end = after;
  }
  takeLeft(kQuotedColumns);

  std::string text, marks;
  if (begin > 0) {
    text += kClipped;
    marks.append(kClipped.size(), ' ');
  }
  for (auto q = left.rbegin(); q != left.rend(); ++q) {
    text += q->text;
    marks += q->blank;
  }
  // The caret, then a tilde for each further character of the underlined
  // columns (today's one per column where nothing is escaped).
  marks += '^';
  for (size_t i = 0; i < right.size(); ++i) {
    text += right[i].text;
    if (i < std::max<uint32_t>(underlined, 1))
      marks.append(right[i].blank.size() - (i == 0 ? 1 : 0), '~');
  }
  if (end < line.size())
    text += kClipped;
  return text + "\n" + marks + "\n";
}

} // namespace

std::string quotable(std::string_view text, size_t maxColumns) {
  std::string out;
  size_t used = 0;
  for (size_t at = 0; at < text.size();) {
    size_t after = nextColumn(text, at);
    QuotedColumn q = quoteColumn(text.substr(at, after - at));
    if (used + q.budget > maxColumns)
      return out + std::string(kClipped);
    used += q.budget;
    out += q.text;
    at = after;
  }
  return out;
}

SourceFile::SourceFile(std::string path, std::string text)
    : path_(std::move(path)), text_(std::move(text)) {
  lineStarts_.push_back(0);
  for (size_t i = 0; i < text_.size(); ++i)
    if (text_[i] == '\n')
      lineStarts_.push_back(i + 1);
}

size_t SourceFile::offsetOf(SourceLoc loc) const {
  std::string_view line = lineText(loc.line);
  size_t byte = 0;
  for (uint32_t col = 1; col < loc.column && byte < line.size(); ++col)
    byte = nextColumn(line, byte);
  return static_cast<size_t>(line.data() - text_.data()) + byte;
}

std::unique_ptr<SourceFile> SourceFile::read(const std::string& path, std::string* why) {
  auto fail = [&](const std::string& reason) {
    if (why)
      *why = reason;
    return nullptr;
  };
  auto failWithErrno = [&] { return fail(std::generic_category().message(errno)); };
  std::error_code ec;
  std::filesystem::file_status status = std::filesystem::status(path, ec);
  if (ec)
    return fail(ec.message());
  if (std::filesystem::is_directory(status))
    return fail(std::make_error_code(std::errc::is_a_directory).message());
  // Not a FIFO or a device: reading one could block or never end.
  if (!std::filesystem::is_regular_file(status))
    return fail("Not a regular file");
  if (std::filesystem::file_size(path, ec) > kMaxSourceBytes && !ec)
    return fail("larger than findc's limit of " + std::to_string(kMaxSourceBytes >> 20) + " MiB for a source");
  struct Close {
    void operator()(std::FILE* f) const { std::fclose(f); }
  };
  std::unique_ptr<std::FILE, Close> in(std::fopen(path.c_str(), "rb"));
  if (!in)
    return failWithErrno();
  std::string text;
  char buffer[1 << 16];
  while (size_t n = std::fread(buffer, 1, sizeof buffer, in.get())) {
    text.append(buffer, n);
    if (text.size() > kMaxSourceBytes) // it grew while we read
      return fail("larger than findc's limit of " + std::to_string(kMaxSourceBytes >> 20) + " MiB for a source");
  }
  if (std::ferror(in.get()))
    return failWithErrno();
  return std::make_unique<SourceFile>(path, std::move(text));
}

std::optional<SourceLoc> SourceFile::firstInvalidUtf8() const {
  uint32_t line = 1, column = 1;
  for (size_t i = 0; i < text_.size();) {
    uint32_t cp = 0;
    size_t length = utf8Sequence(std::string_view(text_).substr(i), cp);
    if (length == 0)
      return SourceLoc{line, column};
    if (cp == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    i += length;
  }
  return std::nullopt;
}

std::string_view SourceFile::lineText(uint32_t line) const {
  if (line == 0 || line > lineStarts_.size())
    return {};
  size_t begin = lineStarts_[line - 1];
  size_t end = text_.find('\n', begin);
  if (end == std::string::npos)
    end = text_.size();
  std::string_view text(text_.data() + begin, end - begin);
  if (!text.empty() && text.back() == '\r')
    text.remove_suffix(1);
  return text;
}

void DiagnosticEngine::report(Diagnostic diagnostic) {
  if (diagnostic.severity == Severity::Error)
    ++errorCount_;
  diagnostics_.push_back(std::move(diagnostic));
}

void DiagnosticEngine::error(const SourceFile& file, SourceLoc loc, std::string message, uint32_t length) {
  report({Severity::Error, &file, loc, length, std::move(message)});
}

void DiagnosticEngine::note(const SourceFile& file, SourceLoc loc, std::string message, uint32_t length) {
  report({Severity::Note, &file, loc, length, std::move(message)});
}

void DiagnosticEngine::error(std::string message) {
  report({Severity::Error, nullptr, {}, 0, std::move(message)});
}

std::string DiagnosticEngine::render(const Diagnostic& d) {
  std::string out;
  if (d.file) {
    out += d.file->path();
    if (d.loc.valid())
      out += ":" + std::to_string(d.loc.line) + ":" + std::to_string(d.loc.column);
    out += ": ";
  } else {
    out += "findc: ";
  }
  switch (d.severity) {
  case Severity::Error: out += "error: "; break;
  case Severity::Warning: out += "warning: "; break;
  case Severity::Note: out += "note: "; break;
  }
  out += d.message;
  out += '\n';
  if (d.file && d.loc.valid())
    out += quoteLine(d.file->lineText(d.loc.line), d.loc.column, d.length);
  return out;
}

void DiagnosticEngine::print(std::ostream& os) const {
  for (const Diagnostic& d : diagnostics_)
    os << render(d);
}

} // namespace findc

#include "compiler/support/Diagnostics.h"

#include "runtime/Utf8.h"

#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>

namespace findc {
namespace {

// The code points before `loc` on its line (columns start at 1).
size_t columnsBefore(SourceLoc loc) { return loc.column > 0 ? loc.column - 1 : 0; }

} // namespace

SourceFile::SourceFile(std::string path, std::string text)
    : path_(std::move(path)), text_(std::move(text)) {
  lineStarts_.push_back(0);
  for (size_t i = 0; i < text_.size(); ++i)
    if (text_[i] == '\n')
      lineStarts_.push_back(i + 1);
}

size_t SourceFile::offsetOf(SourceLoc loc) const {
  std::string_view line = lineText(loc.line);
  return static_cast<size_t>(line.data() - text_.data()) + rt::codePointOffset(line, columnsBefore(loc));
}

std::unique_ptr<SourceFile> SourceFile::read(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    return nullptr;
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return nullptr;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad())
    return nullptr;
  return std::make_unique<SourceFile>(path, buffer.str());
}

std::optional<SourceLoc> SourceFile::firstInvalidUtf8() const {
  uint32_t line = 1, column = 1;
  for (size_t i = 0; i < text_.size();) {
    // Strict UTF-8: the runtime's generalized form also admits surrogates.
    std::optional<rt::Utf8Sequence> sequence = rt::decodeUtf8Checked(text_, i);
    if (!sequence || (sequence->codePoint >= 0xD800 && sequence->codePoint <= 0xDFFF))
      return SourceLoc{line, column};
    if (text_[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    i += sequence->length;
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
  if (d.file && d.loc.valid()) {
    std::string_view line = d.file->lineText(d.loc.line);
    out += line;
    out += '\n';
    // Columns count code points; keep tabs so the caret lines up under
    // tab-indented source.
    std::string caret;
    for (char c : line.substr(0, rt::codePointOffset(line, columnsBefore(d.loc))))
      if (!rt::isUtf8Continuation(static_cast<unsigned char>(c)))
        caret += c == '\t' ? '\t' : ' ';
    caret += '^';
    for (uint32_t i = 1; i < d.length; ++i)
      caret += '~';
    out += caret;
    out += '\n';
  }
  return out;
}

void DiagnosticEngine::print(std::ostream& os) const {
  for (const Diagnostic& d : diagnostics_)
    os << render(d);
}

} // namespace findc

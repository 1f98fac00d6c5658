#include "compiler/support/Diagnostics.h"

#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>

namespace findc {

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
  for (uint32_t col = 1; col < loc.column && byte < line.size(); ++col) {
    ++byte;
    while (byte < line.size() && (static_cast<unsigned char>(line[byte]) & 0xC0) == 0x80)
      ++byte;
  }
  return static_cast<size_t>(line.data() - text_.data()) + byte;
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
  const auto* bytes = reinterpret_cast<const unsigned char*>(text_.data());
  size_t n = text_.size();
  uint32_t line = 1, column = 1;
  for (size_t i = 0; i < n;) {
    unsigned char c = bytes[i];
    size_t length = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    bool valid = length != 0 && i + length <= n;
    uint32_t cp = length == 1 ? c : length == 2 ? c & 0x1F : length == 3 ? c & 0x0F : c & 0x07;
    for (size_t k = 1; valid && k < length; ++k) {
      valid = (bytes[i + k] & 0xC0) == 0x80;
      cp = (cp << 6) | (bytes[i + k] & 0x3F);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are invalid.
    static constexpr uint32_t kMinimum[] = {0, 0, 0x80, 0x800, 0x10000};
    if (valid && (cp < kMinimum[length] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF))
      valid = false;
    if (!valid)
      return SourceLoc{line, column};
    if (c == '\n') {
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
  if (d.file && d.loc.valid()) {
    std::string_view line = d.file->lineText(d.loc.line);
    out += line;
    out += '\n';
    // Columns count code points; keep tabs so the caret lines up under
    // tab-indented source.
    std::string caret;
    size_t byte = 0;
    for (uint32_t col = 1; col < d.loc.column && byte < line.size(); ++col) {
      caret += line[byte] == '\t' ? '\t' : ' ';
      ++byte;
      while (byte < line.size() && (static_cast<unsigned char>(line[byte]) & 0xC0) == 0x80)
        ++byte;
    }
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

// Source files and diagnostics: every error the compiler reports is
// `file:line:col: error: message`, then the source line and a caret.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace findc {

// 1-based line and column; line 0 means "no location".
struct SourceLoc {
  uint32_t line = 0;
  uint32_t column = 0;
  bool valid() const { return line != 0; }
};

// The largest source findc reads (FIND v1's 1,000 functions are 0.45 MiB;
// the front end needs ~100 bytes of memory per source byte).
inline constexpr size_t kMaxSourceBytes = size_t{64} << 20;

class SourceFile {
public:
  SourceFile(std::string path, std::string text);
  // Reads a file; returns null when it cannot be read, and then sets `why`
  // (if given) to the reason as strerror words it ("No such file or
  // directory", "Is a directory", "Permission denied").
  static std::unique_ptr<SourceFile> read(const std::string& path, std::string* why = nullptr);

  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }
  std::string_view lineText(uint32_t line) const;
  // The byte offset of `loc` (its column counts code points).
  size_t offsetOf(SourceLoc loc) const;
  // Where the text stops being well-formed UTF-8, if it does.
  std::optional<SourceLoc> firstInvalidUtf8() const;

private:
  std::string path_;
  std::string text_;
  std::vector<size_t> lineStarts_;
};

// `text` as a message may quote it: control characters and bytes that are
// not UTF-8 escaped as in quoted source lines (`<U+0001>`, `\xFF`), and cut
// with "..." after `maxColumns` columns.
std::string quotable(std::string_view text, size_t maxColumns = 40);

enum class Severity { Error, Warning, Note };

struct Diagnostic {
  Severity severity = Severity::Error;
  const SourceFile* file = nullptr;
  SourceLoc loc;
  uint32_t length = 1; // columns the caret line underlines
  std::string message;
};

// Collects diagnostics from all stages; the driver decides when to print.
class DiagnosticEngine {
public:
  void report(Diagnostic diagnostic);
  void error(const SourceFile& file, SourceLoc loc, std::string message, uint32_t length = 1);
  void note(const SourceFile& file, SourceLoc loc, std::string message, uint32_t length = 1);
  // An error with no source location (unreadable file, bad option).
  void error(std::string message);

  bool hasErrors() const { return errorCount_ > 0; }
  unsigned errorCount() const { return errorCount_; }
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

  void print(std::ostream& os) const;
  static std::string render(const Diagnostic& diagnostic);

private:
  std::vector<Diagnostic> diagnostics_;
  unsigned errorCount_ = 0;
};

} // namespace findc

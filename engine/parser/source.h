// Source text, positions in it, and the SyntaxError the front end raises.
//
// Source text is held as UTF-8 bytes exactly as read from the file. Positions
// carry three coordinates: a byte offset into that text, a 1-based line, and
// a 1-based column counted in UTF-16 code units (what JavaScript, Node and
// DevTools call a column).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace glass {

struct SourcePos {
  uint32_t offset = 0;  // byte offset in the UTF-8 text
  uint32_t line = 1;    // 1-based
  uint32_t column = 1;  // 1-based, in UTF-16 code units
};

struct Source {
  std::string name;  // file name as given on the command line, for messages
  std::string text;  // UTF-8 (validated by the lexer as it reads)

  // The full text of the line containing `offset`, without its terminator.
  std::string_view line_at(uint32_t offset) const;
};

// A parse-time error: the message JavaScript would show after "SyntaxError: ".
struct SyntaxError {
  std::string message;
  SourcePos pos;
};

// "file:line:column\n<source line>\n   ^\nSyntaxError: message" — the form the
// CLI prints (the caret sits under `pos`, the line is clipped when huge).
std::string format_syntax_error(const Source& source, const SyntaxError& error);

}  // namespace glass

#include "source.h"

#include <algorithm>

namespace glass {

namespace {
// U+2028 and U+2029 end lines too; in UTF-8 they are E2 80 A8 / E2 80 A9.
bool is_ls_ps(const std::string& t, size_t i) {
  return i + 2 < t.size() && (unsigned char)t[i] == 0xE2 && (unsigned char)t[i + 1] == 0x80 &&
         ((unsigned char)t[i + 2] == 0xA8 || (unsigned char)t[i + 2] == 0xA9);
}
}  // namespace

std::string_view Source::line_at(uint32_t offset) const {
  size_t at = std::min<size_t>(offset, text.size());
  size_t begin = at;
  while (begin > 0) {
    char c = text[begin - 1];
    if (c == '\n' || c == '\r') break;
    if (begin >= 3 && is_ls_ps(text, begin - 3)) break;
    --begin;
  }
  size_t end = at;
  while (end < text.size() && text[end] != '\n' && text[end] != '\r' && !is_ls_ps(text, end)) ++end;
  return std::string_view(text).substr(begin, end - begin);
}

std::string format_syntax_error(const Source& source, const SyntaxError& error) {
  std::string out = source.name + ":" + std::to_string(error.pos.line) + ":" +
                    std::to_string(error.pos.column) + "\n";
  std::string_view line = source.line_at(error.pos.offset);
  // Where the error is within the line, in bytes.
  size_t at = std::min<size_t>(error.pos.offset, source.text.size()) - size_t(line.data() - source.text.data());
  at = std::min(at, line.size());

  // A very long line (minified code, a 50 MB literal) is shown as a window
  // around the error, never starting or ending inside a UTF-8 sequence.
  constexpr size_t kWindow = 120;
  auto continuation = [&](size_t i) { return i < line.size() && (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80; };
  size_t from = at > kWindow / 2 ? at - kWindow / 2 : 0;
  while (from > 0 && continuation(from)) --from;
  size_t to = std::min(line.size(), from + kWindow);
  while (to < line.size() && continuation(to)) ++to;

  std::string shown = from > 0 ? "..." : "";
  size_t caret = shown.size();
  for (size_t i = from; i < to; ++i) {
    unsigned char c = static_cast<unsigned char>(line[i]);
    shown += c < 0x20 ? ' ' : char(c);  // tabs and control characters print as one space
    if (i < at && (c & 0xC0) != 0x80) ++caret;  // one column per character
  }
  if (to < line.size()) shown += "...";
  out += shown + "\n" + std::string(caret, ' ') + "^\n\n";
  out += "SyntaxError: " + error.message + "\n";
  return out;
}

}  // namespace glass

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
  // Clip very long lines to a window around the error so a 50 MB line stays readable.
  constexpr size_t kWindow = 120;
  size_t caret = error.pos.column > 0 ? error.pos.column - 1 : 0;
  // Columns count UTF-16 units; for the caret we approximate with bytes from the line start.
  size_t line_begin = error.pos.offset - std::min<size_t>(error.pos.offset, line.size());
  (void)line_begin;
  size_t byte_caret = 0;
  {
    // byte position of the error within the line
    const char* lp = line.data();
    const char* ep = source.text.data() + std::min<size_t>(error.pos.offset, source.text.size());
    if (ep >= lp && ep <= lp + line.size()) byte_caret = size_t(ep - lp);
    else byte_caret = std::min(caret, line.size());
  }
  size_t from = 0;
  if (byte_caret > kWindow / 2) from = byte_caret - kWindow / 2;
  // Do not start in the middle of a UTF-8 sequence.
  while (from > 0 && from < line.size() && ((unsigned char)line[from] & 0xC0) == 0x80) --from;
  size_t len = std::min(line.size() - std::min(from, line.size()), kWindow);
  while (from + len < line.size() && len > 0 && ((unsigned char)line[from + len] & 0xC0) == 0x80) --len;
  std::string_view shown = line.substr(std::min(from, line.size()), len);
  std::string shown_clean;
  size_t caret_col = 0;
  for (size_t i = 0; i < shown.size(); ++i) {
    unsigned char c = shown[i];
    shown_clean += (c == '\t') ? ' ' : (c < 0x20 ? ' ' : char(c));
    if (from + i < byte_caret && (c & 0xC0) != 0x80) ++caret_col;
  }
  if (from > 0) out += "...";
  out += shown_clean;
  if (from + len < line.size()) out += "...";
  out += "\n";
  out += std::string(caret_col + (from > 0 ? 3 : 0), ' ') + "^\n\n";
  out += "SyntaxError: " + error.message + "\n";
  return out;
}

}  // namespace glass

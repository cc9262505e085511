#include "unicode.h"

#include <unicode/uchar.h>

namespace glass::unicode {

// ICU's ID_Start and ID_Continue are the derived properties of UAX #31,
// which already include Other_ID_Start / Other_ID_Continue and exclude
// Pattern_Syntax and Pattern_White_Space — exactly what ECMAScript's
// IdentifierStartChar / IdentifierPartChar are built on.
bool is_id_start_non_ascii(char32_t c) {
  return u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_ID_START);
}

bool is_id_continue_non_ascii(char32_t c) {
  if (c == 0x200C || c == 0x200D) return true;  // ZWNJ, ZWJ
  return u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_ID_CONTINUE);
}

bool is_whitespace_non_ascii(char32_t c) {
  if (c == 0xFEFF) return true;  // ZWNBSP (the byte order mark); NBSP is Zs
  return u_charType(static_cast<UChar32>(c)) == U_SPACE_SEPARATOR;
}

bool is_graphic(char32_t c) { return u_isgraph(static_cast<UChar32>(c)); }

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += char(c);
  } else if (c < 0x800) {
    out += char(0xC0 | (c >> 6));
    out += char(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += char(0xE0 | (c >> 12));
    out += char(0x80 | ((c >> 6) & 0x3F));
    out += char(0x80 | (c & 0x3F));
  } else {
    out += char(0xF0 | (c >> 18));
    out += char(0x80 | ((c >> 12) & 0x3F));
    out += char(0x80 | ((c >> 6) & 0x3F));
    out += char(0x80 | (c & 0x3F));
  }
}

void append_utf16(std::u16string& out, char32_t c) {
  char16_t units[2];
  uint32_t n = put_utf16(units, c);
  out.append(units, n);
}

bool is_valid_utf8(std::string_view text, size_t* error_offset) {
  const char* p = text.data();
  const char* end = p + text.size();
  while (p < end) {
    if (static_cast<unsigned char>(*p) < 0x80) {
      ++p;
      continue;
    }
    Decoded d = decode_utf8(p, end);
    if (d.length == 0) {
      if (error_offset) *error_offset = size_t(p - text.data());
      return false;
    }
    p += d.length;
  }
  return true;
}

bool utf8_to_utf16(std::string_view in, std::u16string& out) {
  out.reserve(out.size() + in.size());
  const char* p = in.data();
  const char* end = p + in.size();
  while (p < end) {
    unsigned char b = static_cast<unsigned char>(*p);
    if (b < 0x80) {
      out += char16_t(b);
      ++p;
      continue;
    }
    Decoded d = decode_utf8(p, end);
    if (d.length == 0) return false;
    append_utf16(out, d.code_point);
    p += d.length;
  }
  return true;
}

namespace {
std::string utf16_to_8(std::u16string_view in, bool keep_lone_surrogates) {
  std::string out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    char32_t c = in[i];
    if (is_lead_surrogate(c) && i + 1 < in.size() && is_trail_surrogate(in[i + 1])) {
      c = 0x10000 + ((c - 0xD800) << 10) + (in[i + 1] - 0xDC00);
      ++i;
    } else if (is_surrogate(c) && !keep_lone_surrogates) {
      c = 0xFFFD;
    }
    append_utf8(out, c);
  }
  return out;
}
}  // namespace

std::string utf16_to_utf8(std::u16string_view in) { return utf16_to_8(in, false); }
std::string utf16_to_wtf8(std::u16string_view in) { return utf16_to_8(in, true); }

}  // namespace glass::unicode

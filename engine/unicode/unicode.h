// Unicode for the front end: which code points make identifiers, white space
// and line ends, and conversion between UTF-8 (source text) and UTF-16
// (JavaScript strings).
//
// All Unicode data comes from ICU; nothing here is a hand-written table of
// code points. ASCII, which is almost all real source text, is answered from
// a 128-entry table built at compile time from the spec's ASCII rules, so the
// lexer only calls into ICU for non-ASCII characters.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace glass::unicode {

// --- Character classes ------------------------------------------------------

// Bits of ascii_class(c) for c < 0x80.
enum AsciiClass : uint8_t {
  kIdStart = 1 << 0,     // A-Z a-z $ _
  kIdContinue = 1 << 1,  // IdStart plus 0-9
  kDecimal = 1 << 2,     // 0-9
  kHex = 1 << 3,         // 0-9 A-F a-f
  kSpace = 1 << 4,       // TAB VT FF SP
  kLineEnd = 1 << 5,     // LF CR
};

namespace detail {
struct AsciiTable {
  uint8_t bits[128];
  constexpr AsciiTable() : bits{} {
    for (int c = 0; c < 128; ++c) {
      uint8_t b = 0;
      bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      bool digit = c >= '0' && c <= '9';
      if (letter || c == '$' || c == '_') b |= kIdStart | kIdContinue;
      if (digit) b |= kIdContinue | kDecimal | kHex;
      if ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')) b |= kHex;
      if (c == '\t' || c == '\v' || c == '\f' || c == ' ') b |= kSpace;
      if (c == '\n' || c == '\r') b |= kLineEnd;
      bits[c] = b;
    }
  }
};
inline constexpr AsciiTable kAscii{};
}  // namespace detail

// Class bits of an ASCII character (c < 0x80).
constexpr uint8_t ascii_class(unsigned c) { return detail::kAscii.bits[c & 0x7F]; }

// The slow halves, for c >= 0x80 (ICU).
bool is_id_start_non_ascii(char32_t c);
bool is_id_continue_non_ascii(char32_t c);
bool is_whitespace_non_ascii(char32_t c);

// IdentifierStartChar: ID_Start, $ or _.
inline bool is_id_start(char32_t c) {
  return c < 0x80 ? (ascii_class(c) & kIdStart) != 0 : is_id_start_non_ascii(c);
}
// IdentifierPartChar: ID_Continue, $, _, ZWNJ (U+200C) or ZWJ (U+200D).
inline bool is_id_continue(char32_t c) {
  return c < 0x80 ? (ascii_class(c) & kIdContinue) != 0 : is_id_continue_non_ascii(c);
}
// WhiteSpace: TAB VT FF SP NBSP ZWNBSP (U+FEFF) and every Zs character.
inline bool is_whitespace(char32_t c) {
  return c < 0x80 ? (ascii_class(c) & kSpace) != 0 : is_whitespace_non_ascii(c);
}
// LineTerminator: LF CR LS (U+2028) PS (U+2029).
inline bool is_line_terminator(char32_t c) {
  return c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029;
}

// A character that shows ink when printed (ICU's u_isgraph): not a control,
// format character (ZWJ, U+FEFF), space separator, surrogate or unassigned.
bool is_graphic(char32_t c);

inline bool is_surrogate(char32_t c) { return c >= 0xD800 && c <= 0xDFFF; }
inline bool is_lead_surrogate(char32_t c) { return c >= 0xD800 && c <= 0xDBFF; }
inline bool is_trail_surrogate(char32_t c) { return c >= 0xDC00 && c <= 0xDFFF; }

// --- UTF-8 ------------------------------------------------------------------

struct Decoded {
  char32_t code_point = 0;
  uint32_t length = 0;  // bytes used; 0 means the sequence at p is invalid
};

// Decodes one UTF-8 sequence at [p, end), p < end. Rejects what the
// Unicode standard rejects: stray continuation bytes, overlong forms
// (C0, C1, E0 80..9F, F0 80..8F), UTF-16 surrogates encoded as UTF-8
// (ED A0..BF), code points above U+10FFFF (F4 90.., F5..FF) and sequences
// cut short by `end` or by a byte that is not a continuation byte.
inline Decoded decode_utf8(const char* p, const char* end) {
  auto b = [&](int i) -> unsigned { return static_cast<unsigned char>(p[i]); };
  auto cont = [&](int i, unsigned lo, unsigned hi) {
    return p + i < end && b(i) >= lo && b(i) <= hi;
  };
  unsigned b0 = b(0);
  if (b0 < 0x80) return {b0, 1};
  if (b0 < 0xC2) return {};  // continuation byte, or overlong 2-byte lead
  if (b0 < 0xE0) {
    if (!cont(1, 0x80, 0xBF)) return {};
    return {char32_t(((b0 & 0x1F) << 6) | (b(1) & 0x3F)), 2};
  }
  if (b0 < 0xF0) {
    unsigned lo = b0 == 0xE0 ? 0xA0 : 0x80;  // E0 80..9F would be overlong
    unsigned hi = b0 == 0xED ? 0x9F : 0xBF;  // ED A0..BF would be a surrogate
    if (!cont(1, lo, hi) || !cont(2, 0x80, 0xBF)) return {};
    return {char32_t(((b0 & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F)), 3};
  }
  if (b0 < 0xF5) {
    unsigned lo = b0 == 0xF0 ? 0x90 : 0x80;  // F0 80..8F would be overlong
    unsigned hi = b0 == 0xF4 ? 0x8F : 0xBF;  // F4 90.. would pass U+10FFFF
    if (!cont(1, lo, hi) || !cont(2, 0x80, 0xBF) || !cont(3, 0x80, 0xBF)) return {};
    return {char32_t(((b0 & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) |
                     (b(3) & 0x3F)),
            4};
  }
  return {};
}

// Number of UTF-16 code units that encode `c` (1 or 2).
inline uint32_t utf16_length(char32_t c) { return c >= 0x10000 ? 2 : 1; }

// Appends `c` (any code point up to U+10FFFF; a surrogate is written as is,
// three bytes, which only WTF-8 consumers accept) as UTF-8.
void append_utf8(std::string& out, char32_t c);
// Appends `c` as one or two UTF-16 code units.
void append_utf16(std::u16string& out, char32_t c);

// Writes the UTF-16 form of `c` at `out`, returns the units written (1 or 2).
inline uint32_t put_utf16(char16_t* out, char32_t c) {
  if (c < 0x10000) {
    out[0] = char16_t(c);
    return 1;
  }
  c -= 0x10000;
  out[0] = char16_t(0xD800 + (c >> 10));
  out[1] = char16_t(0xDC00 + (c & 0x3FF));
  return 2;
}

// True if `text` is entirely valid UTF-8; otherwise `*error_offset` (when
// given) is the byte offset of the first invalid sequence.
bool is_valid_utf8(std::string_view text, size_t* error_offset = nullptr);

// UTF-8 -> UTF-16. Returns false (and leaves `out` partially filled) on
// invalid UTF-8.
bool utf8_to_utf16(std::string_view in, std::u16string& out);
// UTF-16 -> UTF-8. A lone surrogate becomes U+FFFD.
std::string utf16_to_utf8(std::u16string_view in);
// UTF-16 -> WTF-8: like UTF-8, but a lone surrogate keeps its own 3-byte
// form, so distinct JS strings stay distinct (for names used as keys).
std::string utf16_to_wtf8(std::u16string_view in);

}  // namespace glass::unicode

// How the front end's printers show JavaScript values: numbers as
// Number::toString shows them, strings as double-quoted literals.
#include "display.h"

#include <charconv>
#include <cmath>
#include <string>

#include "unicode/unicode.h"

namespace glass {

namespace {
void append_hex4(std::string& out, unsigned v) {
  static const char* hex = "0123456789ABCDEF";
  out += "\\u";
  for (int shift = 12; shift >= 0; shift -= 4) out += hex[(v >> shift) & 0xF];
}

}  // namespace

// Number::toString(10): the shortest digits that round-trip, laid out by
// ECMA-262's rules (plain up to 1e21, exponent form beyond, 0.000001 down to
// 1e-7).
std::string number_to_js_string(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "Infinity" : "-Infinity";
  if (v == 0) return "0";
  std::string sign = v < 0 ? "-" : "";
  v = std::fabs(v);
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
  std::string sci(buf, end);  // d[.ddd]e±XX
  size_t e = sci.find('e');
  std::string digits;
  for (size_t i = 0; i < e; ++i)
    if (sci[i] != '.') digits += sci[i];
  int exponent = std::stoi(sci.substr(e + 1));
  int k = int(digits.size());
  int n = exponent + 1;  // the decimal point sits after n digits
  std::string out;
  if (k <= n && n <= 21) {
    out = digits + std::string(size_t(n - k), '0');
  } else if (0 < n && n <= 21) {
    out = digits.substr(0, size_t(n)) + "." + digits.substr(size_t(n));
  } else if (-6 < n && n <= 0) {
    out = "0." + std::string(size_t(-n), '0') + digits;
  } else {
    out = digits.substr(0, 1);
    if (k > 1) out += "." + digits.substr(1);
    out += (n - 1 >= 0 ? "e+" : "e-") + std::to_string(std::abs(n - 1));
  }
  return sign + out;
}

// A UTF-16 value in double quotes, escaped as JSON would, plus \uXXXX for
// anything invisible (controls, format characters, unusual spaces) and for
// lone surrogates.
std::string quote_js_string(std::u16string_view s) {
  std::string out = "\"";
  for (size_t i = 0; i < s.size(); ++i) {
    char32_t c = s[i];
    switch (c) {
      case '"': out += "\\\""; continue;
      case '\\': out += "\\\\"; continue;
      case '\n': out += "\\n"; continue;
      case '\r': out += "\\r"; continue;
      case '\t': out += "\\t"; continue;
      case '\b': out += "\\b"; continue;
      case '\f': out += "\\f"; continue;
      default: break;
    }
    if (c < 0x80) {
      if (c < 0x20 || c == 0x7F) append_hex4(out, unsigned(c));
      else out += char(c);
      continue;
    }
    if (unicode::is_lead_surrogate(c) && i + 1 < s.size() && unicode::is_trail_surrogate(s[i + 1])) {
      char32_t full = 0x10000 + ((c - 0xD800) << 10) + (s[i + 1] - 0xDC00);
      if (unicode::is_graphic(full)) {
        unicode::append_utf8(out, full);
      } else {
        append_hex4(out, unsigned(c));
        append_hex4(out, unsigned(s[i + 1]));
      }
      ++i;
      continue;
    }
    if (unicode::is_surrogate(c) || !unicode::is_graphic(c)) append_hex4(out, unsigned(c));
    else unicode::append_utf8(out, c);
  }
  out += '"';
  return out;
}


}  // namespace glass

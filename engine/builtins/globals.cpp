// The global object's own functions and values: globalThis, NaN, Infinity,
// undefined, parseInt, parseFloat, isNaN, isFinite, and the engine's plain
// console (log/info/debug to stdout, warn/error to stderr) and print.
#include <cmath>
#include <cstring>

#include "builtins/builtins.h"
#include "builtins/inspect.h"
#include "unicode/unicode.h"

namespace glass {

namespace {

bool is_js_space(char16_t c) { return unicode::is_whitespace(c) || unicode::is_line_terminator(c); }

Value parse_int(Vm& vm, Value, std::span<const Value> args, Value) {
  std::u16string s = to_string(vm, arg(args, 0))->to_utf16();
  int32_t radix = to_int32(vm, arg(args, 1));
  size_t i = 0;
  while (i < s.size() && is_js_space(s[i])) ++i;
  bool negative = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
  bool strip_prefix = true;
  if (radix != 0) {
    if (radix < 2 || radix > 36) return Value::from_double(NAN);
    if (radix != 16) strip_prefix = false;
  } else {
    radix = 10;
  }
  if (strip_prefix && i + 1 < s.size() && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'X')) {
    i += 2;
    radix = 16;
  }
  double v = 0;
  size_t start = i;
  std::string digits;
  for (; i < s.size(); ++i) {
    char16_t c = s[i];
    int d = c >= '0' && c <= '9' ? c - '0' : (c | 0x20) >= 'a' && (c | 0x20) <= 'z' ? (c | 0x20) - 'a' + 10 : 99;
    if (d >= radix) break;
    digits.push_back(char(c));
    v = v * radix + d;
  }
  if (i == start) return Value::from_double(NAN);
  if (radix == 10 && digits.size() > 15) v = std::strtod(digits.c_str(), nullptr);
  return Value::number(negative ? -v : v);
}

Value parse_float(Vm& vm, Value, std::span<const Value> args, Value) {
  std::u16string s = to_string(vm, arg(args, 0))->to_utf16();
  size_t i = 0;
  while (i < s.size() && is_js_space(s[i])) ++i;
  std::string text;
  for (; i < s.size() && s[i] < 0x80; ++i) text.push_back(char(s[i]));
  // The longest prefix that is a StrDecimalLiteral.
  size_t p = 0;
  if (p < text.size() && (text[p] == '+' || text[p] == '-')) ++p;
  if (text.compare(p, 8, "Infinity") == 0) return Value::from_double(text[0] == '-' ? -INFINITY : INFINITY);
  size_t digits_start = p;
  while (p < text.size() && std::isdigit(uint8_t(text[p]))) ++p;
  if (p < text.size() && text[p] == '.') {
    ++p;
    while (p < text.size() && std::isdigit(uint8_t(text[p]))) ++p;
  }
  if (p == digits_start || (p == digits_start + 1 && text[digits_start] == '.')) return Value::from_double(NAN);
  if (p < text.size() && (text[p] == 'e' || text[p] == 'E')) {
    size_t q = p + 1;
    if (q < text.size() && (text[q] == '+' || text[q] == '-')) ++q;
    if (q < text.size() && std::isdigit(uint8_t(text[q]))) {
      while (q < text.size() && std::isdigit(uint8_t(text[q]))) ++q;
      p = q;
    }
  }
  return Value::number(std::strtod(text.substr(0, p).c_str(), nullptr));
}

Value is_nan(Vm& vm, Value, std::span<const Value> args, Value) {
  double d = to_number(vm, arg(args, 0));
  return Value::boolean(d != d);
}
Value is_finite(Vm& vm, Value, std::span<const Value> args, Value) {
  return Value::boolean(std::isfinite(to_number(vm, arg(args, 0))));
}

// §19.2.1 eval ( x ), called indirectly: PerformEval(x, false, false) runs
// x as eval code in the global environment. (A direct call `eval(x)` is
// compiled to CallEval and handled by vm/direct_eval.cpp.)
Value global_eval(Vm& vm, Value, std::span<const Value> args, Value) {
  Value source = arg(args, 0);
  if (!source.is_string()) return source;
  return vm.evaluate_indirect_eval(as_string(source)->to_utf8());
}

// ---- URI handling (§19.2.6) and Annex B escape/unescape ----

bool in_set(char16_t c, const char* set) { return c < 0x80 && c != 0 && std::strchr(set, char(c)) != nullptr; }

constexpr const char* kUriUnreserved =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!~*'()";
// uriReserved and "#": what encodeURI leaves alone and decodeURI does not decode.
constexpr const char* kUriReservedAndNumberSign = ";/?:@&=+$,#";

[[noreturn]] void uri_error(Vm& vm) { vm.throw_error(ErrorType::URIError, "URI malformed"); }

// Encode(string, extraUnescaped): UTF-8 percent-escapes of everything else.
Value uri_encode(Vm& vm, Value input, const char* extra) {
  std::u16string s = to_string(vm, input)->to_utf16();
  std::string out;
  static const char* hex = "0123456789ABCDEF";
  for (size_t k = 0; k < s.size(); ++k) {
    char16_t c = s[k];
    if (in_set(c, kUriUnreserved) || in_set(c, extra)) {
      out.push_back(char(c));
      continue;
    }
    uint32_t cp = c;
    if (c >= 0xDC00 && c <= 0xDFFF) uri_error(vm);
    if (c >= 0xD800 && c <= 0xDBFF) {
      if (k + 1 >= s.size() || s[k + 1] < 0xDC00 || s[k + 1] > 0xDFFF) uri_error(vm);
      cp = 0x10000 + ((uint32_t(c) - 0xD800) << 10) + (uint32_t(s[k + 1]) - 0xDC00);
      ++k;
    }
    uint8_t bytes[4];
    int n;
    if (cp < 0x80) bytes[0] = uint8_t(cp), n = 1;
    else if (cp < 0x800) bytes[0] = uint8_t(0xC0 | (cp >> 6)), bytes[1] = uint8_t(0x80 | (cp & 0x3F)), n = 2;
    else if (cp < 0x10000)
      bytes[0] = uint8_t(0xE0 | (cp >> 12)), bytes[1] = uint8_t(0x80 | ((cp >> 6) & 0x3F)), bytes[2] = uint8_t(0x80 | (cp & 0x3F)), n = 3;
    else
      bytes[0] = uint8_t(0xF0 | (cp >> 18)), bytes[1] = uint8_t(0x80 | ((cp >> 12) & 0x3F)),
      bytes[2] = uint8_t(0x80 | ((cp >> 6) & 0x3F)), bytes[3] = uint8_t(0x80 | (cp & 0x3F)), n = 4;
    for (int i = 0; i < n; ++i) {
      out.push_back('%');
      out.push_back(hex[bytes[i] >> 4]);
      out.push_back(hex[bytes[i] & 15]);
    }
  }
  return string_value(String::from_latin1(vm.heap(), out));
}

int hex_digit(char16_t c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Decode(string, preserveEscapeSet): escapes of characters in the set stay as written.
Value uri_decode(Vm& vm, Value input, const char* preserve) {
  std::u16string s = to_string(vm, input)->to_utf16();
  std::u16string out;
  size_t n = s.size();
  auto byte_at = [&](size_t k) -> int {  // the byte of "%XY" at k, or error
    if (k + 2 >= n || s[k] != '%') uri_error(vm);
    int hi = hex_digit(s[k + 1]), lo = hex_digit(s[k + 2]);
    if (hi < 0 || lo < 0) uri_error(vm);
    return hi * 16 + lo;
  };
  for (size_t k = 0; k < n; ++k) {
    char16_t c = s[k];
    if (c != '%') {
      out.push_back(c);
      continue;
    }
    size_t start = k;
    int b = byte_at(k);
    k += 2;
    if (b < 0x80) {
      if (in_set(char16_t(b), preserve)) out.append(s, start, k - start + 1);
      else out.push_back(char16_t(b));
      continue;
    }
    int len = (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 0;
    if (len == 0) uri_error(vm);
    uint32_t cp = uint32_t(b) & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
    for (int j = 1; j < len; ++j) {
      ++k;
      int cb = byte_at(k);
      if ((cb & 0xC0) != 0x80) uri_error(vm);
      cp = (cp << 6) | uint32_t(cb & 0x3F);
      k += 2;
    }
    uint32_t min = len == 2 ? 0x80 : len == 3 ? 0x800 : 0x10000;
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) uri_error(vm);
    if (cp < 0x10000) {
      out.push_back(char16_t(cp));
    } else {
      cp -= 0x10000;
      out.push_back(char16_t(0xD800 + (cp >> 10)));
      out.push_back(char16_t(0xDC00 + (cp & 0x3FF)));
    }
  }
  return string_value(String::from_utf16(vm.heap(), out));
}

Value encode_uri(Vm& vm, Value, std::span<const Value> args, Value) { return uri_encode(vm, arg(args, 0), kUriReservedAndNumberSign); }
Value encode_uri_component(Vm& vm, Value, std::span<const Value> args, Value) { return uri_encode(vm, arg(args, 0), ""); }
Value decode_uri(Vm& vm, Value, std::span<const Value> args, Value) { return uri_decode(vm, arg(args, 0), kUriReservedAndNumberSign); }
Value decode_uri_component(Vm& vm, Value, std::span<const Value> args, Value) { return uri_decode(vm, arg(args, 0), ""); }

Value escape(Vm& vm, Value, std::span<const Value> args, Value) {
  std::u16string s = to_string(vm, arg(args, 0))->to_utf16();
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (char16_t c : s) {
    if (in_set(c, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789@*_+-./")) {
      out.push_back(char(c));
    } else if (c < 256) {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    } else {
      out += "%u";
      for (int shift = 12; shift >= 0; shift -= 4) out += hex[(c >> shift) & 15];
    }
  }
  return string_value(String::from_latin1(vm.heap(), out));
}

Value unescape(Vm& vm, Value, std::span<const Value> args, Value) {
  std::u16string s = to_string(vm, arg(args, 0))->to_utf16();
  std::u16string out;
  size_t n = s.size();
  for (size_t k = 0; k < n; ++k) {
    char16_t c = s[k];
    if (c == '%') {
      if (k + 6 <= n && s[k + 1] == 'u') {
        int d[4] = {hex_digit(s[k + 2]), hex_digit(s[k + 3]), hex_digit(s[k + 4]), hex_digit(s[k + 5])};
        if (d[0] >= 0 && d[1] >= 0 && d[2] >= 0 && d[3] >= 0) {
          out.push_back(char16_t((d[0] << 12) | (d[1] << 8) | (d[2] << 4) | d[3]));
          k += 5;
          continue;
        }
      }
      if (k + 3 <= n) {
        int hi = hex_digit(s[k + 1]), lo = hex_digit(s[k + 2]);
        if (hi >= 0 && lo >= 0) {
          out.push_back(char16_t(hi * 16 + lo));
          k += 2;
          continue;
        }
      }
    }
    out.push_back(c);
  }
  return string_value(String::from_utf16(vm.heap(), out));
}

// A debugger attached hears of every console call, with the values themselves.
void tell_console_observer(Vm& vm, std::span<const Value> args) {
  if (!vm.console_observer) return;
  auto name = vm.current_native()->get_own(vm.atom(WellKnownAtom::name));
  std::string method = name && name->value.is_string() ? as_string(name->value)->to_utf8() : "log";
  vm.console_observer(method, args);
}

Value console_log(Vm& vm, Value, std::span<const Value> args, Value) {
  tell_console_observer(vm, args);
  vm.write_stdout(format_log_arguments(vm, args) + "\n");
  return Value::undefined();
}
Value console_error(Vm& vm, Value, std::span<const Value> args, Value) {
  tell_console_observer(vm, args);
  vm.write_stderr(format_log_arguments(vm, args) + "\n");
  return Value::undefined();
}
Value print(Vm& vm, Value, std::span<const Value> args, Value) {
  vm.write_stdout(to_utf8(vm, arg(args, 0)) + "\n");
  return Value::undefined();
}

}  // namespace

void install_globals(Vm& vm) {
  gc::Rooted<Object> global(vm.heap(), vm.global());
  define_global(vm, "globalThis", object_value(global));
  vm.define_value(global, "NaN", Value::from_double(NAN), 0);
  vm.define_value(global, "Infinity", Value::from_double(INFINITY), 0);
  vm.define_value(global, "undefined", Value::undefined(), 0);
  vm.define_native(global, "parseInt", parse_int, 2);
  vm.define_native(global, "parseFloat", parse_float, 1);
  vm.define_native(global, "isNaN", is_nan, 1);
  vm.define_native(global, "isFinite", is_finite, 1);
  vm.intrinsics()[IntrinsicObject::Eval] = vm.define_native(global, "eval", global_eval, 1);  // direct eval compares with it
  vm.define_native(global, "encodeURI", encode_uri, 1);
  vm.define_native(global, "encodeURIComponent", encode_uri_component, 1);
  vm.define_native(global, "decodeURI", decode_uri, 1);
  vm.define_native(global, "decodeURIComponent", decode_uri_component, 1);
  vm.define_native(global, "escape", escape, 1);
  vm.define_native(global, "unescape", unescape, 1);
  gc::Rooted<Object> console(vm.heap(), vm.new_object());
  vm.define_native(console, "log", console_log, 0);
  vm.define_native(console, "info", console_log, 0);
  vm.define_native(console, "debug", console_log, 0);
  vm.define_native(console, "warn", console_error, 0);
  vm.define_native(console, "error", console_error, 0);
  define_global(vm, "console", object_value(console));
  vm.define_native(global, "print", print, 1);
}

}  // namespace glass

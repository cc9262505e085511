// The global object's own functions and values: globalThis, NaN, Infinity,
// undefined, parseInt, parseFloat, isNaN, isFinite, and the engine's plain
// console (log/info/debug to stdout, warn/error to stderr) and print.
#include <cmath>

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

// Indirect eval (§19.2.1): the string runs as global code. Direct eval
// (which sees the caller's variables) is not distinguished yet.
Value global_eval(Vm& vm, Value, std::span<const Value> args, Value) {
  Value source = arg(args, 0);
  if (!source.is_string()) return source;
  return vm.evaluate_script(as_string(source)->to_utf8(), "eval");
}

Value console_log(Vm& vm, Value, std::span<const Value> args, Value) {
  vm.write_stdout(format_log_arguments(vm, args) + "\n");
  return Value::undefined();
}
Value console_error(Vm& vm, Value, std::span<const Value> args, Value) {
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
  vm.define_native(global, "eval", global_eval, 1);
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

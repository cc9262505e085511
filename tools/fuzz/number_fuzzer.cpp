// Fuzz target: number <-> string conversion, differentially against the C++
// library.
//  - Number::toString (number_to_js_string) of any double, read from the
//    input's first 8 bytes: strtod must read it back to the same double,
//    and its digits must be exactly std::to_chars's shortest scientific digits (both
//    are "the fewest digits that round-trip, the closest of those").
//  - StringToNumber (string_to_number) of the input as text: where the text
//    is a plain decimal literal (sign, digits, fraction, exponent, with
//    surrounding white space), it must equal strtod's correctly rounded
//    value.
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "gc/heap.h"
#include "objects/string.h"
#include "parser/display.h"
#include "vm/operations.h"

namespace {

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "number conversion: %s\n", what.c_str());
  std::abort();
}

// The significant digits and the decimal exponent of a number written in
// any of the forms JS or to_chars use ("123", "0.00012", "1.5e+21", "1e-7"):
// value = 0.DIGITS x 10^exponent, digits without leading or trailing zeros.
std::pair<std::string, int> digits_of(const std::string& text) {
  std::string digits;
  int point = -1, exponent = 0;
  size_t i = 0;
  if (i < text.size() && text[i] == '-') ++i;
  for (; i < text.size() && text[i] != 'e'; ++i) {
    if (text[i] == '.') point = int(digits.size());
    else digits += text[i];
  }
  if (i < text.size()) exponent = std::atoi(text.c_str() + i + 1);
  if (point < 0) point = int(digits.size());
  size_t lead = digits.find_first_not_of('0');
  if (lead == std::string::npos) return {"0", 0};
  digits.erase(0, lead);
  point -= int(lead);
  while (!digits.empty() && digits.back() == '0') digits.pop_back();
  return {digits, point + exponent};
}

// A StrDecimalLiteral strtod reads the same way (no Infinity, no hex, no
// leading "." forms that JS allows and C does too, but kept simple).
bool plain_decimal(const std::string& t) {
  size_t i = t.find_first_not_of(" \t\n");
  if (i == std::string::npos) return false;
  size_t end = t.find_last_not_of(" \t\n") + 1;
  if (t[i] == '+' || t[i] == '-') ++i;
  size_t digits = 0;
  while (i < end && std::isdigit(static_cast<unsigned char>(t[i]))) ++i, ++digits;
  if (i < end && t[i] == '.') {
    ++i;
    while (i < end && std::isdigit(static_cast<unsigned char>(t[i]))) ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < end && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    if (i < end && (t[i] == '+' || t[i] == '-')) ++i;
    size_t exp_digits = 0;
    while (i < end && std::isdigit(static_cast<unsigned char>(t[i]))) ++i, ++exp_digits;
    if (exp_digits == 0) return false;
  }
  return i == end;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace glass;
  if (size >= 8) {
    double d;
    std::memcpy(&d, data, 8);
    std::string js = number_to_js_string(d);
    if (std::isnan(d)) {
      if (js != "NaN") fail("NaN printed as " + js);
    } else if (std::isinf(d)) {
      if (js != (d > 0 ? "Infinity" : "-Infinity")) fail("infinity printed as " + js);
    } else {
      double back = std::strtod(js.c_str(), nullptr);
      if (back != d) fail(js + " does not read back as the double it came from");
      char buffer[64];
      auto result = std::to_chars(buffer, buffer + sizeof buffer, d, std::chars_format::scientific);
      std::string shortest(buffer, result.ptr);
      if (digits_of(js) != digits_of(shortest)) fail(js + " has other digits than to_chars's " + shortest);
    }
  }
  std::string text(reinterpret_cast<const char*>(data), std::min<size_t>(size, 400));
  // A heap for these strings alone (a Vm would cost milliseconds, a new
  // heap per input a fresh block): nothing roots them, so each collection
  // frees them, and a flat string owns no memory outside the heap.
  static gc::Heap heap;
  double js = string_to_number(String::from_utf8(heap, text));
  if (plain_decimal(text)) {
    double expected = std::strtod(text.c_str(), nullptr);
    if (!(js == expected && std::signbit(js) == std::signbit(expected)))
      fail("\"" + text + "\" reads as " + std::to_string(js) + ", strtod says " + std::to_string(expected));
  }
  return 0;
}

// Helpers the Array and String built-ins share for reading and building
// strings without going through UTF-8:
//
//   Units          read-only code-unit access to a flat String (one- or
//                  two-byte); the String must stay alive (rooted) while used
//   StringBuilder  accumulates code units in C++ memory (Latin-1 until a
//                  unit > 0xFF arrives) and makes one flat heap String at the
//                  end; it holds no heap references, so building never needs
//                  rooting
#pragma once
#include <charconv>
#include <cmath>
#include <string>
#include <string_view>

#include "builtins/builtins.h"
#include "parser/display.h"

namespace glass {

struct Units {
  const uint8_t* one = nullptr;
  const char16_t* two = nullptr;
  uint32_t length = 0;

  Units() = default;
  explicit Units(const String* flat) : length(flat->length()) {
    if (flat->is_one_byte()) one = flat->one_byte_view().data();
    else two = flat->two_byte_view().data();
  }
  char16_t operator[](uint32_t i) const { return one ? char16_t(one[i]) : two[i]; }
  bool is_one_byte() const { return two == nullptr; }
};

class StringBuilder {
 public:
  explicit StringBuilder(Vm& vm) : vm_(vm) {}

  size_t length() const { return wide_ ? w_.size() : n_.size(); }
  bool empty() const { return length() == 0; }
  void reserve(size_t n) {
    if (wide_) w_.reserve(n);
    else n_.reserve(n);
  }

  void append(char16_t c) {
    if (!wide_ && c > 0xFF) widen();
    if (wide_) w_.push_back(c);
    else n_.push_back(char(c));
  }
  void append_code_point(char32_t cp) {
    if (cp < 0x10000) return append(char16_t(cp));
    cp -= 0x10000;
    append(char16_t(0xD800 + (cp >> 10)));
    append(char16_t(0xDC00 + (cp & 0x3FF)));
  }
  void append_latin1(std::string_view s) {
    if (wide_) w_.append(s.begin(), s.end());
    else n_.append(s);
    check();
  }
  // Units [start, end) of a flat string.
  void append(const Units& u, uint32_t start, uint32_t end) {
    if (start >= end) return;
    if (u.one) {
      if (wide_) w_.append(u.one + start, u.one + end);
      else n_.append(reinterpret_cast<const char*>(u.one) + start, end - start);
    } else {
      if (!wide_) {
        bool narrow = true;
        for (uint32_t i = start; i < end && narrow; ++i) narrow = u.two[i] <= 0xFF;
        if (narrow) {
          for (uint32_t i = start; i < end; ++i) n_.push_back(char(u.two[i]));
          check();
          return;
        }
        widen();
      }
      w_.append(u.two + start, u.two + end);
    }
    check();
  }
  void append(const Units& u) { append(u, 0, u.length); }
  // Any string (a rope is flattened: allocates; `s` must be rooted or
  // otherwise reachable).
  void append(String* s) {
    if (s->empty()) return;
    String* flat = s->flatten(vm_.heap());
    append(Units(flat));
  }
  void append_number(double d) {
    if (d >= -2147483648.0 && d <= 2147483647.0 && d == std::trunc(d) && !(d == 0 && std::signbit(d))) {
      char buf[16];
      auto r = std::to_chars(buf, buf + sizeof buf, int32_t(d));
      append_latin1(std::string_view(buf, size_t(r.ptr - buf)));
      return;
    }
    append_latin1(number_to_js_string(d));
  }

  // The flat String (RangeError when too long).
  String* finish() {
    check();
    String* s = wide_ ? String::from_utf16(vm_.heap(), w_) : String::from_latin1(vm_.heap(), n_);
    if (!s) vm_.throw_error(ErrorType::RangeError, "Invalid string length");
    return s;
  }

  void check() {
    if (length() > String::kMaxLength) vm_.throw_error(ErrorType::RangeError, "Invalid string length");
  }

 private:
  void widen() {
    w_.reserve(n_.size() + 16);
    for (char c : n_) w_.push_back(char16_t(uint8_t(c)));
    n_.clear();
    n_.shrink_to_fit();
    wide_ = true;
  }

  Vm& vm_;
  bool wide_ = false;
  std::string n_;
  std::u16string w_;
};

// A flat string made from units (narrowed to one byte when it can be).
inline String* make_string(Vm& vm, std::u16string_view units) {
  String* s = String::from_utf16(vm.heap(), units);
  if (!s) vm.throw_error(ErrorType::RangeError, "Invalid string length");
  return s;
}

// Units [start, end) of a flat string as a new flat string.
inline String* substring_of(Vm& vm, String* flat, uint32_t start, uint32_t end) {
  return String::substring(vm.heap(), flat, start, end);
}

}  // namespace glass

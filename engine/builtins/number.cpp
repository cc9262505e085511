// Number: the constructor, its constants and predicates, and
// Number.prototype (toString with a radix, toFixed, toExponential,
// toPrecision, toLocaleString, valueOf).
//
// Decimal formatting starts from the exact decimal expansion of the double
// (std::to_chars with enough digits is exact), then rounds it half-up as the
// spec asks ("if there are two such n, pick the larger n"), which
// to_chars' own round-half-even would get wrong on exact ties (2.5.toFixed(0)).
#include <charconv>
#include <cmath>
#include <limits>
#include <string>

#include "builtins/builtins.h"
#include "builtins/intl/intl.h"
#include "parser/display.h"
#include "vm/box.h"

namespace glass {

namespace {

Value number_ctor(Vm& vm, Value, std::span<const Value> args, Value new_target) {
  double n = 0;
  if (!args.empty()) {
    Value prim = to_numeric(vm, args[0]);
    n = prim.is_bigint() ? bigint_to_number(prim) : prim.as_number();
  }
  if (new_target.is_undefined()) return Value::number(n);
  gc::Rooted<Object> proto(vm.heap(), ordinary_create_from_constructor(vm, new_target, IntrinsicObject::NumberPrototype));
  Object* box = make_primitive_wrapper(vm, Value::number(n));
  Object* p = get_prototype_of(proto);
  if (p != vm.intrinsics()[IntrinsicObject::NumberPrototype]) box->set_prototype(p);
  return object_value(box);
}

double this_number(Vm& vm, Value self, const char* method) {
  if (self.is_number()) return self.as_number();
  if (auto v = unbox(self, ObjectClass::Number)) return v->as_number();
  // %Number.prototype% is itself a Number object whose [[NumberData]] is +0.
  if (self.is_object() && as_object(self) == vm.intrinsics()[IntrinsicObject::NumberPrototype]) return 0;
  vm.throw_error(ErrorType::TypeError, std::string("Number.prototype.") + method + " requires that 'this' be a Number");
}

Value str(Vm& vm, const std::string& s) { return string_value(String::from_latin1(vm.heap(), s)); }

// ---- exact decimal digits ------------------------------------------------------

// x (finite, >= 0) = d[0].d[1]d[2]... x 10^exp, every digit exact, no
// trailing zeros (at least one digit; zero is "0" with exp 0).
struct Decimal {
  std::string digits;
  int exp = 0;
};

Decimal exact_decimal(double x) {
  Decimal d;
  if (x == 0) {
    d.digits = "0";
    return d;
  }
  // A double has at most 767 significant decimal digits.
  char buf[900];
  auto r = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::scientific, 780);
  std::string_view s(buf, size_t(r.ptr - buf));
  size_t e = s.find('e');
  d.digits.push_back(s[0]);
  if (e > 2) d.digits.append(s.substr(2, e - 2));
  while (d.digits.size() > 1 && d.digits.back() == '0') d.digits.pop_back();
  d.exp = std::stoi(std::string(s.substr(e + 1)));
  return d;
}

// The shortest digits that round-trip (for toExponential() without an argument).
Decimal shortest_decimal(double x) {
  Decimal d;
  if (x == 0) {
    d.digits = "0";
    return d;
  }
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::scientific);
  std::string_view s(buf, size_t(r.ptr - buf));
  size_t e = s.find('e');
  d.digits.push_back(s[0]);
  if (e > 2) d.digits.append(s.substr(2, e - 2));
  while (d.digits.size() > 1 && d.digits.back() == '0') d.digits.pop_back();
  d.exp = std::stoi(std::string(s.substr(e + 1)));
  return d;
}

// Rounds to exactly n >= 1 significant digits, half up.
Decimal round_significant(Decimal d, int n) {
  bool up = int(d.digits.size()) > n && d.digits[size_t(n)] >= '5';
  d.digits.resize(size_t(n), '0');
  if (up) {
    int i = n - 1;
    while (i >= 0 && d.digits[size_t(i)] == '9') d.digits[size_t(i--)] = '0';
    if (i >= 0) {
      d.digits[size_t(i)]++;
    } else {
      d.digits.insert(d.digits.begin(), '1');
      d.digits.pop_back();
      d.exp++;
    }
  }
  return d;
}

std::string exponent_suffix(int e) { return std::string("e") + (e < 0 ? "-" : "+") + std::to_string(e < 0 ? -e : e); }

// ---- toString(radix) -----------------------------------------------------------

std::string to_radix_string(double value, int radix) {
  static const char kChars[] = "0123456789abcdefghijklmnopqrstuvwxyz";
  bool negative = value < 0;
  if (negative) value = -value;
  double integer = std::floor(value);
  double fraction = value - integer;
  // Half the distance to the next double: digits below it carry no information.
  double delta = 0.5 * (std::nextafter(value, INFINITY) - value);
  delta = std::max(std::nextafter(0.0, 1.0), delta);
  std::string frac;
  if (fraction >= delta) {
    for (;;) {
      fraction *= radix;
      delta *= radix;
      int digit = int(fraction);
      frac.push_back(kChars[digit]);
      fraction -= digit;
      if (fraction > 0.5 || (fraction == 0.5 && (digit & 1))) {
        if (fraction + delta > 1) {
          // Round up, carrying into earlier digits (and maybe the integer part).
          for (;;) {
            if (frac.empty()) {
              integer += 1;
              break;
            }
            char c = frac.back();
            int dv = c <= '9' ? c - '0' : c - 'a' + 10;
            if (dv + 1 < radix) {
              frac.back() = kChars[dv + 1];
              break;
            }
            frac.pop_back();
          }
          break;
        }
      }
      if (!(fraction >= delta)) break;
    }
  }
  // Integer part. Above 2^53 the low digits are not meaningful: emit zeros
  // while dividing keeps the value exact.
  std::string ip;
  while (integer / radix >= 9007199254740992.0) {
    ip.push_back('0');
    integer /= radix;
  }
  do {
    double rem = std::fmod(integer, double(radix));
    ip.push_back(kChars[int(rem)]);
    integer = (integer - rem) / radix;
  } while (integer > 0);
  std::string out = negative ? "-" : "";
  out.append(ip.rbegin(), ip.rend());
  if (!frac.empty()) out += "." + frac;
  return out;
}

Value proto_to_string(Vm& vm, Value self, std::span<const Value> args, Value) {
  double x = this_number(vm, self, "toString");
  double radix = 10;
  if (!arg(args, 0).is_undefined()) radix = to_integer_or_infinity(vm, args[0]);
  if (radix < 2 || radix > 36) vm.throw_error(ErrorType::RangeError, "toString() radix argument must be between 2 and 36");
  if (radix == 10 || !std::isfinite(x)) return string_value(number_to_string(vm, x));
  if (x == 0) return string_value(vm.intern("0"));
  return str(vm, to_radix_string(x, int(radix)));
}

// ECMA-402 §20.1.1 Number.prototype.toLocaleString ( [ locales [ , options ] ] )
Value proto_to_locale_string(Vm& vm, Value self, std::span<const Value> args, Value) {
  // 1. Let x be ? thisNumberValue(this value). 2-3. FormatNumeric(? Construct(%Intl.NumberFormat%, « locales, options »), x).
  Value x = Value::number(this_number(vm, self, "toLocaleString"));
  return intl::number_to_locale_string(vm, x, arg(args, 0), arg(args, 1));
}

Value proto_value_of(Vm& vm, Value self, std::span<const Value>, Value) {
  return Value::number(this_number(vm, self, "valueOf"));
}

Value proto_to_fixed(Vm& vm, Value self, std::span<const Value> args, Value) {
  double x = this_number(vm, self, "toFixed");
  double f = to_integer_or_infinity(vm, arg(args, 0));
  if (!std::isfinite(f) || f < 0 || f > 100)
    vm.throw_error(ErrorType::RangeError, "toFixed() digits argument must be between 0 and 100");
  if (!std::isfinite(x)) return string_value(number_to_string(vm, x));
  int digits = int(f);
  std::string sign;
  if (x < 0) {
    sign = "-";
    x = -x;
  }
  if (x >= 1e21) return str(vm, sign + number_to_js_string(x));
  // n = round-half-up(x * 10^f), from the exact digits.
  Decimal d = exact_decimal(x);
  int k = d.exp + digits + 1;  // digits of n
  std::string n;
  if (k <= 0) {
    n = (k == 0 && d.digits[0] >= '5') ? "1" : "0";
  } else {
    Decimal r = round_significant(d, k);
    n = r.digits;
    if (r.exp != d.exp) n.push_back('0');  // carried into a new leading digit
  }
  size_t nz = n.find_first_not_of('0');
  n = nz == std::string::npos ? "0" : n.substr(nz);
  if (digits > 0) {
    if (n.size() <= size_t(digits)) n.insert(0, size_t(digits) + 1 - n.size(), '0');
    n.insert(n.size() - size_t(digits), ".");
  }
  return str(vm, sign + n);
}

Value proto_to_exponential(Vm& vm, Value self, std::span<const Value> args, Value) {
  double x = this_number(vm, self, "toExponential");
  Value fd = arg(args, 0);
  double f = to_integer_or_infinity(vm, fd);
  if (!std::isfinite(x)) return string_value(number_to_string(vm, x));
  if (f < 0 || f > 100) vm.throw_error(ErrorType::RangeError, "toExponential() argument must be between 0 and 100");
  std::string sign;
  if (x < 0) {
    sign = "-";
    x = -x;
  }
  Decimal d = fd.is_undefined() ? shortest_decimal(x) : round_significant(exact_decimal(x), int(f) + 1);
  if (x == 0) d.exp = 0;
  std::string out = sign;
  out.push_back(d.digits[0]);
  if (d.digits.size() > 1) out += "." + d.digits.substr(1);
  return str(vm, out + exponent_suffix(d.exp));
}

Value proto_to_precision(Vm& vm, Value self, std::span<const Value> args, Value) {
  double x = this_number(vm, self, "toPrecision");
  if (arg(args, 0).is_undefined()) return string_value(number_to_string(vm, x));
  double p = to_integer_or_infinity(vm, args[0]);
  if (!std::isfinite(x)) return string_value(number_to_string(vm, x));
  if (p < 1 || p > 100) vm.throw_error(ErrorType::RangeError, "toPrecision() argument must be between 1 and 100");
  int precision = int(p);
  std::string sign;
  if (x < 0) {
    sign = "-";
    x = -x;
  }
  Decimal d = round_significant(exact_decimal(x), precision);
  if (x == 0) d.exp = 0;
  int e = d.exp;
  std::string out = sign;
  if (e < -6 || e >= precision) {
    out.push_back(d.digits[0]);
    if (precision > 1) out += "." + d.digits.substr(1);
    return str(vm, out + exponent_suffix(e));
  }
  if (e >= 0) {
    out += d.digits.substr(0, size_t(e) + 1);
    if (precision > e + 1) out += "." + d.digits.substr(size_t(e) + 1);
  } else {
    out += "0." + std::string(size_t(-(e + 1)), '0') + d.digits;
  }
  return str(vm, out);
}

// ---- Number.isX ------------------------------------------------------------------

Value number_is_finite(Vm&, Value, std::span<const Value> args, Value) {
  Value v = arg(args, 0);
  return Value::boolean(v.is_number() && std::isfinite(v.as_number()));
}
Value number_is_nan(Vm&, Value, std::span<const Value> args, Value) {
  Value v = arg(args, 0);
  return Value::boolean(v.is_number() && std::isnan(v.as_number()));
}
Value number_is_integer(Vm&, Value, std::span<const Value> args, Value) {
  Value v = arg(args, 0);
  if (v.is_int32()) return Value::boolean(true);
  if (!v.is_number()) return Value::boolean(false);
  double d = v.as_number();
  return Value::boolean(std::isfinite(d) && std::trunc(d) == d);
}
Value number_is_safe_integer(Vm&, Value, std::span<const Value> args, Value) {
  Value v = arg(args, 0);
  if (v.is_int32()) return Value::boolean(true);
  if (!v.is_number()) return Value::boolean(false);
  double d = v.as_number();
  return Value::boolean(std::isfinite(d) && std::trunc(d) == d && std::fabs(d) <= 9007199254740991.0);
}

}  // namespace

void install_number(Vm& vm) {
  gc::Rooted<Object> proto(vm.heap(), vm.intrinsics()[IntrinsicObject::NumberPrototype]);
  proto->set_object_class(ObjectClass::Ordinary);
  gc::Rooted<FunctionObject> ctor(vm.heap(), make_constructor(vm, "Number", number_ctor, 1, proto));
  struct {
    const char* name;
    double value;
  } constants[] = {
      {"EPSILON", std::numeric_limits<double>::epsilon()},
      {"MAX_SAFE_INTEGER", 9007199254740991.0},
      {"MIN_SAFE_INTEGER", -9007199254740991.0},
      {"MAX_VALUE", std::numeric_limits<double>::max()},
      {"MIN_VALUE", std::numeric_limits<double>::denorm_min()},
      {"NaN", NAN},
      {"NEGATIVE_INFINITY", -INFINITY},
      {"POSITIVE_INFINITY", INFINITY},
  };
  for (auto& c : constants) vm.define_value(ctor, c.name, Value::number(c.value), 0);
  vm.define_native(ctor, "isFinite", number_is_finite, 1);
  vm.define_native(ctor, "isInteger", number_is_integer, 1);
  vm.define_native(ctor, "isNaN", number_is_nan, 1);
  vm.define_native(ctor, "isSafeInteger", number_is_safe_integer, 1);
  // Number.parseInt / parseFloat are the global functions themselves: this
  // copies them when install_globals has already run.
  gc::Rooted<Object> global(vm.heap(), vm.global());
  for (const char* name : {"parseFloat", "parseInt"}) {
    auto p = global->get_own(vm.intern(name));
    if (p && p->value.is_object()) vm.define_value(ctor, name, p->value);
  }
  vm.define_native(proto, "toExponential", proto_to_exponential, 1);
  vm.define_native(proto, "toFixed", proto_to_fixed, 1);
  vm.define_native(proto, "toPrecision", proto_to_precision, 1);
  vm.define_native(proto, "toString", proto_to_string, 1);
  vm.define_native(proto, "toLocaleString", proto_to_locale_string, 0);
  vm.define_native(proto, "valueOf", proto_value_of, 0);
  define_global(vm, "Number", object_value(ctor));
}

}  // namespace glass

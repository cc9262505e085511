// Math: the namespace object, its constants and functions (ES2024 §21.3).
#include <bit>
#include <cmath>
#include <random>

#include "builtins/builtins.h"
#include "objects/bigint_math.h"
#include "util/float16.h"

namespace glass {

namespace {

double num(Vm& vm, std::span<const Value> args, size_t i) {
  if (i >= args.size()) return NAN;
  Value v = args[i];
  if (v.is_int32()) return v.as_int32();
  if (v.is_double()) return v.as_double();
  return to_number(vm, v);
}

template <double (*F)(double)>
Value unary(Vm& vm, Value, std::span<const Value> args, Value) {
  return Value::number(F(num(vm, args, 0)));
}

double js_acos(double x) { return std::acos(x); }
double js_acosh(double x) { return std::acosh(x); }
double js_asin(double x) { return std::asin(x); }
double js_asinh(double x) { return std::asinh(x); }
double js_atan(double x) { return std::atan(x); }
double js_atanh(double x) { return std::atanh(x); }
double js_cbrt(double x) {
  // glibc's cbrt can be an ulp off: one Newton step in long double, then round.
  if (!std::isfinite(x) || x == 0) return x;
  long double y = std::cbrt((long double)x);
  y -= (y * y * y - (long double)x) / (3 * y * y);
  return double(y);
}
double js_ceil(double x) { return std::ceil(x); }
double js_cos(double x) { return std::cos(x); }
double js_cosh(double x) { return std::cosh(x); }
double js_exp(double x) { return std::exp(x); }
double js_expm1(double x) { return std::expm1(x); }
double js_floor(double x) { return std::floor(x); }
double js_fround(double x) { return double(float(x)); }
// §21.3.2.17 Math.f16round ( x ): the nearest binary16 value (ties to even), as a Number.
double js_f16round(double x) { return float16_to_double(float16_from_double(x)); }
double js_log(double x) { return std::log(x); }
double js_log1p(double x) { return std::log1p(x); }
double js_log10(double x) { return std::log10(x); }
double js_log2(double x) { return std::log2(x); }
double js_sin(double x) { return std::sin(x); }
double js_sinh(double x) { return std::sinh(x); }
double js_sqrt(double x) { return std::sqrt(x); }
double js_tan(double x) { return std::tan(x); }
double js_tanh(double x) { return std::tanh(x); }
double js_trunc(double x) { return std::trunc(x); }
double js_sign(double x) {
  if (x != x || x == 0) return x;
  return x > 0 ? 1 : -1;
}
double js_round(double x) {
  if (!std::isfinite(x) || x == 0) return x;
  if (x > 0 && x < 0.5) return 0.0;
  if (x < 0 && x >= -0.5) return -0.0;
  if (std::fabs(x) >= 4503599627370496.0) return x;  // 2^52: already an integer
  double r = std::floor(x);
  return x - r >= 0.5 ? r + 1 : r;
}

Value math_abs(Vm& vm, Value, std::span<const Value> args, Value) {
  if (!args.empty() && args[0].is_int32() && args[0].as_int32() != INT32_MIN) {
    int32_t i = args[0].as_int32();
    return Value::int32(i < 0 ? -i : i);
  }
  return Value::number(std::fabs(num(vm, args, 0)));
}

Value math_atan2(Vm& vm, Value, std::span<const Value> args, Value) {
  double y = num(vm, args, 0);
  double x = num(vm, args, 1);
  return Value::number(std::atan2(y, x));
}

double js_pow(double x, double y) {
  if (y != y) return NAN;
  if ((x == 1 || x == -1) && std::isinf(y)) return NAN;
  return std::pow(x, y);
}

Value math_pow(Vm& vm, Value, std::span<const Value> args, Value) {
  double x = num(vm, args, 0);
  double y = num(vm, args, 1);
  return Value::number(js_pow(x, y));
}

Value math_clz32(Vm& vm, Value, std::span<const Value> args, Value) {
  uint32_t n = to_uint32(vm, arg(args, 0));
  return Value::int32(std::countl_zero(n));
}

Value math_imul(Vm& vm, Value, std::span<const Value> args, Value) {
  uint32_t a = to_uint32(vm, arg(args, 0));
  uint32_t b = to_uint32(vm, arg(args, 1));
  return Value::int32(int32_t(a * b));
}

Value math_max(Vm& vm, Value, std::span<const Value> args, Value) {
  double best = -INFINITY;
  bool nan = false;
  for (size_t i = 0; i < args.size(); ++i) {
    double d = num(vm, args, i);  // every argument is converted, even after a NaN
    if (d != d) nan = true;
    else if (d > best || (d == 0 && best == 0 && !std::signbit(d))) best = d;
  }
  return nan ? Value::from_double(NAN) : Value::number(best);
}

Value math_min(Vm& vm, Value, std::span<const Value> args, Value) {
  double best = INFINITY;
  bool nan = false;
  for (size_t i = 0; i < args.size(); ++i) {
    double d = num(vm, args, i);
    if (d != d) nan = true;
    else if (d < best || (d == 0 && best == 0 && std::signbit(d))) best = d;
  }
  return nan ? Value::from_double(NAN) : Value::number(best);
}

// The double nearest to scaled × 2^-1074 (ties to even): a sum of doubles
// kept exactly, as an integer count of the smallest subnormal.
double scaled_sum_to_double(const bigint::Int& scaled) {
  if (scaled == 0) return 0;
  bool negative = scaled < 0;
  bigint::Int magnitude = negative ? bigint::Int(-scaled) : scaled;
  uint64_t bits = bigint::bit_length(magnitude);
  double d;
  if (bits <= 53) {
    // 53 bits or fewer: exact, normal or subnormal.
    d = std::ldexp(double(magnitude.convert_to<uint64_t>()), -1074);
  } else {
    // Keep the top 53 bits, rounding the rest half to even (past 2^1024 this gives Infinity).
    uint64_t shift = bits - 53;
    uint64_t top = bigint::Int(magnitude >> unsigned(shift)).convert_to<uint64_t>();
    bigint::Int rest = magnitude - (bigint::Int(top) << unsigned(shift));
    bigint::Int half = bigint::Int(1) << unsigned(shift - 1);
    if (rest > half || (rest == half && (top & 1))) ++top;
    d = std::ldexp(double(top), int(shift) - 1074);
  }
  return negative ? -d : d;
}

// §21.3.2.34 Math.sumPrecise ( items )
Value math_sum_precise(Vm& vm, Value, std::span<const Value> args, Value) {
  // 1. Perform ? RequireObjectCoercible(items).
  Value items = arg(args, 0);
  if (items.is_nullish()) vm.throw_error(ErrorType::TypeError, "Math.sumPrecise called on null or undefined");
  // 2. Let iteratorRecord be ? GetIterator(items, sync).
  IteratorRecord it = get_iterator(vm, items);
  RootedValue iterator(vm.heap(), it.iterator), next_method(vm.heap(), it.next_method);
  // 3-6. state starts at minus-zero; sum is exact (in units of 2^-1074).
  enum class State { MinusZero, Finite, PlusInfinity, MinusInfinity, NotANumber } state = State::MinusZero;
  bigint::Int sum = 0;
  double count = 0;
  // 7. For each value:
  while (std::optional<Value> next = iterator_step(vm, it)) {
    // b.i-ii. More than 2^53 values is a RangeError (closing the iterator).
    if (++count >= 9007199254740992.0) {
      try {
        vm.throw_error(ErrorType::RangeError, "Math.sumPrecise: too many values");
      } catch (const Thrown&) {
        iterator_close_and_rethrow(vm, iterator);
      }
    }
    // b.iv. A value that is not a Number is a TypeError (closing the iterator).
    if (!next->is_number()) {
      try {
        vm.throw_error(ErrorType::TypeError, "Math.sumPrecise takes Numbers only");
      } catch (const Thrown&) {
        iterator_close_and_rethrow(vm, iterator);
      }
    }
    double n = next->as_number();
    // b.vi. NaN and the infinities decide the state; finite values add up exactly.
    if (state == State::NotANumber) continue;
    if (n != n) {
      state = State::NotANumber;
    } else if (n == INFINITY) {
      state = state == State::MinusInfinity ? State::NotANumber : State::PlusInfinity;
    } else if (n == -INFINITY) {
      state = state == State::PlusInfinity ? State::NotANumber : State::MinusInfinity;
    } else if (!(n == 0 && std::signbit(n)) && (state == State::MinusZero || state == State::Finite)) {
      state = State::Finite;
      int exponent;
      double fraction = std::frexp(n, &exponent);  // n = fraction × 2^exponent, 0.5 <= |fraction| < 1
      int64_t mantissa = int64_t(std::ldexp(fraction, 53));
      int scale = exponent - 53 + 1074;  // n = mantissa × 2^(scale - 1074), scale >= 0
      if (scale >= 0) sum += bigint::Int(mantissa) << unsigned(scale);
      else sum += bigint::Int(mantissa) >> unsigned(-scale);  // (subnormals: exact, the low bits are zero)
    }
  }
  // 8. The state's value, else 9. 𝔽(sum).
  switch (state) {
    case State::NotANumber: return Value::from_double(NAN);
    case State::PlusInfinity: return Value::from_double(INFINITY);
    case State::MinusInfinity: return Value::from_double(-INFINITY);
    case State::MinusZero: return Value::from_double(-0.0);
    case State::Finite: break;
  }
  return Value::number(scaled_sum_to_double(sum));
}

Value math_hypot(Vm& vm, Value, std::span<const Value> args, Value) {
  std::vector<double> xs;
  xs.reserve(args.size());
  for (size_t i = 0; i < args.size(); ++i) xs.push_back(num(vm, args, i));
  bool nan = false;
  double largest = 0;
  for (double x : xs) {
    if (std::isinf(x)) return Value::from_double(INFINITY);
    if (x != x) nan = true;
    else largest = std::max(largest, std::fabs(x));
  }
  if (nan) return Value::from_double(NAN);
  if (largest == 0) return Value::int32(0);
  if (xs.size() == 2) return Value::number(std::hypot(xs[0], xs[1]));
  // Scaled, compensated (Kahan) sum of squares.
  double sum = 0, compensation = 0;
  for (double x : xs) {
    double r = x / largest;
    double term = r * r - compensation;
    double t = sum + term;
    compensation = (t - sum) - term;
    sum = t;
  }
  return Value::number(std::sqrt(sum) * largest);
}

// xorshift128+, seeded once per process from std::random_device.
struct RandomState {
  uint64_t s0, s1;
  RandomState() {
    std::random_device rd;
    s0 = (uint64_t(rd()) << 32) ^ rd();
    s1 = (uint64_t(rd()) << 32) ^ rd();
    if ((s0 | s1) == 0) s1 = 0x9E3779B97F4A7C15ull;
  }
  double next() {
    uint64_t a = s0;
    const uint64_t b = s1;
    s0 = b;
    a ^= a << 23;
    a ^= a >> 17;
    a ^= b ^ (b >> 26);
    s1 = a;
    return double((s0 + s1) >> 11) * 0x1.0p-53;
  }
};

Value math_random(Vm&, Value, std::span<const Value>, Value) {
  thread_local RandomState state;  // one per agent thread
  return Value::from_double(state.next());
}

}  // namespace

void install_math(Vm& vm) {
  gc::Rooted<Object> math(vm.heap(), vm.new_object());
  struct {
    const char* name;
    double value;
  } constants[] = {
      {"E", M_E},           {"LN10", M_LN10},   {"LN2", M_LN2},       {"LOG10E", M_LOG10E},
      {"LOG2E", M_LOG2E},   {"PI", M_PI},       {"SQRT1_2", M_SQRT1_2}, {"SQRT2", M_SQRT2},
  };
  for (auto& c : constants) vm.define_value(math, c.name, Value::from_double(c.value), 0);
  struct {
    const char* name;
    NativeFn fn;
    int length;
  } functions[] = {
      {"abs", math_abs, 1},
      {"acos", unary<js_acos>, 1},
      {"acosh", unary<js_acosh>, 1},
      {"asin", unary<js_asin>, 1},
      {"asinh", unary<js_asinh>, 1},
      {"atan", unary<js_atan>, 1},
      {"atanh", unary<js_atanh>, 1},
      {"atan2", math_atan2, 2},
      {"ceil", unary<js_ceil>, 1},
      {"cbrt", unary<js_cbrt>, 1},
      {"expm1", unary<js_expm1>, 1},
      {"clz32", math_clz32, 1},
      {"cos", unary<js_cos>, 1},
      {"cosh", unary<js_cosh>, 1},
      {"exp", unary<js_exp>, 1},
      {"floor", unary<js_floor>, 1},
      {"fround", unary<js_fround>, 1},
      {"f16round", unary<js_f16round>, 1},
      {"sumPrecise", math_sum_precise, 1},
      {"hypot", math_hypot, 2},
      {"imul", math_imul, 2},
      {"log", unary<js_log>, 1},
      {"log1p", unary<js_log1p>, 1},
      {"log2", unary<js_log2>, 1},
      {"log10", unary<js_log10>, 1},
      {"max", math_max, 2},
      {"min", math_min, 2},
      {"pow", math_pow, 2},
      {"random", math_random, 0},
      {"round", unary<js_round>, 1},
      {"sign", unary<js_sign>, 1},
      {"sin", unary<js_sin>, 1},
      {"sinh", unary<js_sinh>, 1},
      {"sqrt", unary<js_sqrt>, 1},
      {"tan", unary<js_tan>, 1},
      {"tanh", unary<js_tanh>, 1},
      {"trunc", unary<js_trunc>, 1},
  };
  for (auto& f : functions) vm.define_native(math, f.name, f.fn, f.length);
  gc::Rooted<String> tag(vm.heap(), vm.intern("Math"));
  vm.define_value(math, vm.well_known_symbol(WellKnownSymbol::toStringTag), string_value(tag), kConfigurable);
  define_global(vm, "Math", object_value(math));
}

}  // namespace glass

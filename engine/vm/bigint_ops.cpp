// The BigInt operations of the language (§6.1.6.2) and the conversions to
// and from BigInt (§7.1.13-15), with V8's error messages. The arithmetic
// itself is bigint_math.h; here are the type checks, the errors, and the
// size limit (BigInt::kMaxBits), checked before any work that would make a
// number too big to hold.
#include <string>

#include "objects/bigint_math.h"
#include "parser/display.h"
#include "vm/operations.h"

namespace glass {

using bigint::Int;

namespace {

[[noreturn]] void too_big(Vm& vm) { vm.throw_error(ErrorType::RangeError, "Maximum BigInt size exceeded"); }

Value make(Vm& vm, const Int& v) {
  if (bigint::bit_length(v) > BigInt::kMaxBits) too_big(vm);
  return bigint_value(bigint::make(vm.heap(), v));
}

Value make_small(Vm& vm, int64_t v) { return bigint_value(BigInt::from_int64(vm.heap(), v)); }

// Add, Sub and Mul of two values that fit in 64 bits, without cpp_int.
std::optional<int64_t> small_result(NumericOp op, int64_t x, int64_t y) {
  int64_t out;
  bool overflow = true;
  switch (op) {
    case NumericOp::Add: overflow = __builtin_add_overflow(x, y, &out); break;
    case NumericOp::Sub: overflow = __builtin_sub_overflow(x, y, &out); break;
    case NumericOp::Mul: overflow = __builtin_mul_overflow(x, y, &out); break;
    default: break;
  }
  if (overflow) return std::nullopt;
  return out;
}

Value power(Vm& vm, const BigInt* base, const BigInt* exponent) {
  if (exponent->negative()) vm.throw_error(ErrorType::RangeError, "Exponent must be non-negative");
  Int x = bigint::to_int(base);
  if (exponent->is_zero()) return make_small(vm, 1);
  if (x.is_zero() || x == 1) return make_small(vm, x.convert_to<int64_t>());
  if (x == -1) return make_small(vm, exponent->limbs()[0] & 1 ? -1 : 1);
  // |x| >= 2, so x^y has more than (bits(x) - 1) × y bits.
  if (exponent->length() > 1 || exponent->limbs()[0] > BigInt::kMaxBits) too_big(vm);
  uint64_t y = exponent->limbs()[0];
  if ((base->bit_length() - 1) * y >= BigInt::kMaxBits) too_big(vm);
  return make(vm, boost::multiprecision::pow(x, unsigned(y)));
}

// a << n, or a >> n when `negate_n`; a negative n shifts the other way, and
// a right shift floors (-5n >> 1n is -3n).
Value shift(Vm& vm, Value a, const BigInt* n, bool negate_n) {
  const BigInt* x = as_bigint(a);
  if (x->is_zero() || n->is_zero()) return a;
  bool right = n->negative() != negate_n;
  if (n->length() > 1 || n->limbs()[0] > BigInt::kMaxBits) {
    if (!right) too_big(vm);
    return make_small(vm, x->negative() ? -1 : 0);  // every bit shifted out
  }
  auto amount = int64_t(n->limbs()[0]);
  if (!right && x->bit_length() + uint64_t(amount) > BigInt::kMaxBits) too_big(vm);
  return make(vm, bigint::shift(bigint::to_int(x), right ? -amount : amount));
}

}  // namespace

Value bigint_binary(Vm& vm, NumericOp op, Value a, Value b) {
  if (!a.is_bigint() || !b.is_bigint())
    vm.throw_error(ErrorType::TypeError, "Cannot mix BigInt and other types, use explicit conversions");
  const BigInt* x = as_bigint(a);
  const BigInt* y = as_bigint(b);
  if (op == NumericOp::Add || op == NumericOp::Sub || op == NumericOp::Mul) {
    auto sx = x->to_int64(), sy = y->to_int64();
    if (sx && sy)
      if (auto r = small_result(op, *sx, *sy)) return make_small(vm, *r);
  }
  switch (op) {
    case NumericOp::Add: return make(vm, bigint::to_int(x) + bigint::to_int(y));
    case NumericOp::Sub: return make(vm, bigint::to_int(x) - bigint::to_int(y));
    case NumericOp::Mul:
      if (x->is_zero() || y->is_zero()) return make_small(vm, 0);
      if (x->bit_length() + y->bit_length() - 1 > BigInt::kMaxBits) too_big(vm);
      return make(vm, bigint::to_int(x) * bigint::to_int(y));
    case NumericOp::Div:
    case NumericOp::Mod: {
      if (y->is_zero()) vm.throw_error(ErrorType::RangeError, "Division by zero");
      auto sx = x->to_int64(), sy = y->to_int64();
      if (sx && sy && !(*sx == INT64_MIN && *sy == -1))
        return make_small(vm, op == NumericOp::Div ? *sx / *sy : *sx % *sy);
      Int ix = bigint::to_int(x), iy = bigint::to_int(y);  // truncating, like JS
      return make(vm, op == NumericOp::Div ? Int(ix / iy) : Int(ix % iy));
    }
    case NumericOp::Exp: return power(vm, x, y);
    case NumericOp::BitAnd: return make(vm, bigint::to_int(x) & bigint::to_int(y));
    case NumericOp::BitOr: return make(vm, bigint::to_int(x) | bigint::to_int(y));
    case NumericOp::BitXor: return make(vm, bigint::to_int(x) ^ bigint::to_int(y));
    case NumericOp::Shl: return shift(vm, a, y, false);
    case NumericOp::Sar: return shift(vm, a, y, true);
    case NumericOp::Shr:
      vm.throw_error(ErrorType::TypeError, "BigInts have no unsigned right shift, use >> instead");
  }
  return Value::undefined();
}

Value numeric_negate(Vm& vm, Value v) {
  Value n = to_numeric(vm, v);
  if (!n.is_bigint()) return Value::number(-n.as_number());
  if (auto s = as_bigint(n)->to_int64(); s && *s != INT64_MIN) return make_small(vm, -*s);
  return make(vm, -bigint::to_int(as_bigint(n)));
}

Value numeric_bitnot(Vm& vm, Value v) {
  Value n = to_numeric(vm, v);
  if (!n.is_bigint()) return Value::int32(~int32_t(double_to_uint32(n.as_number())));
  if (auto s = as_bigint(n)->to_int64()) return make_small(vm, ~*s);  // ~x = -x - 1
  return make(vm, -bigint::to_int(as_bigint(n)) - 1);
}

Value bigint_add_small(Vm& vm, Value v, int32_t delta) {
  int64_t out;
  if (auto s = as_bigint(v)->to_int64(); s && !__builtin_add_overflow(*s, int64_t(delta), &out))
    return make_small(vm, out);
  return make(vm, bigint::to_int(as_bigint(v)) + delta);
}

// ---- conversions -----------------------------------------------------------------

Value number_to_bigint(Vm& vm, double d) {
  std::optional<Int> v = bigint::from_double(d);
  if (!v)
    vm.throw_error(ErrorType::RangeError, "The number " + number_to_js_string(d) +
                                              " cannot be converted to a BigInt because it is not an integer");
  return make(vm, *v);
}

Value string_to_bigint(Vm& vm, const String* s) {
  std::optional<Int> v = bigint::parse_string(s->to_utf16());
  if (!v) return Value::undefined();
  return make(vm, *v);
}

Value to_bigint(Vm& vm, Value v) {
  Value prim = to_primitive(vm, v, Hint::Number);
  if (prim.is_bigint()) return prim;
  if (prim.is_boolean()) return make_small(vm, prim.as_boolean() ? 1 : 0);
  if (prim.is_string()) {
    Value result = string_to_bigint(vm, as_string(prim));  // allocates only on success
    if (result.is_undefined())
      vm.throw_error(ErrorType::SyntaxError, "Cannot convert " + as_string(prim)->to_utf8() + " to a BigInt");
    return result;
  }
  std::string text;
  if (prim.is_symbol()) {
    text = as_symbol(prim)->descriptive_string();
  } else {
    text = to_utf8(vm, prim);  // undefined, null, a number: no allocation that matters here
  }
  vm.throw_error(ErrorType::TypeError, "Cannot convert " + text + " to a BigInt");
}

std::optional<int> bigint_compare_string(Value a, const String* s) {
  std::optional<Int> v = bigint::parse_string(s->to_utf16());
  if (!v) return std::nullopt;
  Int x = bigint::to_int(as_bigint(a));
  return x < *v ? -1 : x > *v ? 1 : 0;
}

String* bigint_to_string(Vm& vm, Value v, int radix) {
  return String::from_latin1(vm.heap(), as_bigint(v)->to_string(radix));
}

}  // namespace glass

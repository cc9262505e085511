// BigInt: the function (a conversion, never a constructor), asIntN/asUintN,
// and BigInt.prototype (toString with a radix, toLocaleString, valueOf).
// The operators are vm/bigint_ops.cpp; the arithmetic objects/bigint_math.h.
#include <cmath>

#include "builtins/builtins.h"
#include "builtins/intl/intl.h"
#include "objects/bigint_math.h"
#include "vm/box.h"

namespace glass {

namespace {

// BigInt(value): a Number must be an integer; anything else goes through ToBigInt.
Value bigint_ctor(Vm& vm, Value, std::span<const Value> args, Value new_target) {
  if (!new_target.is_undefined()) vm.throw_error(ErrorType::TypeError, "BigInt is not a constructor");
  Value prim = to_primitive(vm, arg(args, 0), Hint::Number);
  if (prim.is_number()) return number_to_bigint(vm, prim.as_number());
  return to_bigint(vm, prim);
}

Value bigint_as_int_n(Vm& vm, Value, std::span<const Value> args, Value) {
  uint64_t bits = to_index(vm, arg(args, 0));
  Value x = to_bigint(vm, arg(args, 1));
  bigint::Int r = bigint::as_int_n(bigint::to_int(as_bigint(x)), bits);
  return bigint_value(bigint::make(vm.heap(), r));
}

Value bigint_as_uint_n(Vm& vm, Value, std::span<const Value> args, Value) {
  uint64_t bits = to_index(vm, arg(args, 0));
  Value x = to_bigint(vm, arg(args, 1));
  std::optional<bigint::Int> r = bigint::as_uint_n(bigint::to_int(as_bigint(x)), bits);
  if (!r || bigint::bit_length(*r) > BigInt::kMaxBits) vm.throw_error(ErrorType::RangeError, "Maximum BigInt size exceeded");
  return bigint_value(bigint::make(vm.heap(), *r));
}

// thisBigIntValue (§21.2.3): a BigInt, or a BigInt wrapper object.
Value this_bigint(Vm& vm, Value self, const char* method) {
  if (self.is_bigint()) return self;
  if (auto v = unbox(self, ObjectClass::BigInt)) return *v;
  vm.throw_error(ErrorType::TypeError, std::string("BigInt.prototype.") + method + " requires that 'this' be a BigInt");
}

Value proto_to_string(Vm& vm, Value self, std::span<const Value> args, Value) {
  RootedValue x(vm.heap(), this_bigint(vm, self, "toString"));
  int radix = 10;
  if (!arg(args, 0).is_undefined()) {
    double r = to_integer_or_infinity(vm, args[0]);  // may run JS: x is rooted
    if (r < 2 || r > 36) vm.throw_error(ErrorType::RangeError, "toString() radix argument must be between 2 and 36");
    radix = int(r);
  }
  return string_value(bigint_to_string(vm, x, radix));
}

// ECMA-402 §20.2.1 BigInt.prototype.toLocaleString ( [ locales [ , options ] ] )
Value proto_to_locale_string(Vm& vm, Value self, std::span<const Value> args, Value) {
  // 1. Let x be ? thisBigIntValue(this value). 2-3. FormatNumeric(? Construct(%Intl.NumberFormat%, « locales, options »), x).
  RootedValue x(vm.heap(), this_bigint(vm, self, "toLocaleString"));
  return intl::number_to_locale_string(vm, x, arg(args, 0), arg(args, 1));
}

Value proto_value_of(Vm& vm, Value self, std::span<const Value>, Value) { return this_bigint(vm, self, "valueOf"); }

}  // namespace

void install_bigint(Vm& vm) {
  gc::Rooted<Object> proto(vm.heap(), vm.intrinsics()[IntrinsicObject::BigIntPrototype]);
  gc::Rooted<FunctionObject> ctor(vm.heap(), make_constructor(vm, "BigInt", bigint_ctor, 1, proto));
  vm.define_native(ctor, "asIntN", bigint_as_int_n, 2);
  vm.define_native(ctor, "asUintN", bigint_as_uint_n, 2);
  vm.define_native(proto, "toLocaleString", proto_to_locale_string, 0);
  vm.define_native(proto, "toString", proto_to_string, 0);
  vm.define_native(proto, "valueOf", proto_value_of, 0);
  vm.define_value(proto, vm.well_known_symbol(WellKnownSymbol::toStringTag), string_value(vm.intern("BigInt")), kConfigurable);
  define_global(vm, "BigInt", object_value(ctor));
}

}  // namespace glass

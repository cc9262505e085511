#include "vm/operations.h"

#include <charconv>
#include <cmath>
#include <cstring>

#include "builtins/proxy.h"
#include "vm/module.h"
#include "parser/display.h"
#include "unicode/unicode.h"
#include "vm/arguments.h"
#include "vm/box.h"
#include "vm/rooted.h"
#include "vm/typed_array.h"

namespace glass {

// ============================================================================
// Type tests
// ============================================================================

bool is_callable(Value v) { return as_function(v) != nullptr; }
bool is_constructor(Value v) {
  FunctionObject* f = as_function(v);
  return f && f->is_constructor;
}
bool is_array(Value v) {
  if (!v.is_object()) return false;
  if (as_object(v)->object_class() == ObjectClass::Array) return true;
  return is_proxy(as_object(v)) && proxy_is_array(as_object(v));  // IsArray sees through proxies
}

AccessorPair::AccessorPair(Value g, Value s) : gc::Cell(uint8_t(CellTag::Internal)), getter(g), setter(s) {}
void AccessorPair::trace(gc::Tracer& tracer) {
  trace_value(tracer, getter);
  trace_value(tracer, setter);
}

// ============================================================================
// Conversions
// ============================================================================

bool to_boolean_slow(Value v) {
  if (v.is_boolean()) return v.as_boolean();
  if (v.is_int32()) return v.as_int32() != 0;
  if (v.is_double()) {
    double d = v.as_double();
    return !(d == 0 || d != d);
  }
  if (v.is_nullish() || v.is_empty()) return false;
  if (v.is_string()) return !as_string(v)->empty();
  if (v.is_bigint()) return !as_bigint(v)->is_zero();
  if (v.is_object()) return !as_object(v)->is_htmldda();  // §B.3.6.1: [[IsHTMLDDA]] objects are falsy
  return true;  // symbols
}

Value to_primitive(Vm& vm, Value v, Hint hint) {
  if (!v.is_object()) return v;
  RootedValue input(vm.heap(), v);
  Value exotic = get_method(vm, v, PropertyKey::of_cell(vm.well_known_symbol(WellKnownSymbol::toPrimitive)));
  if (!exotic.is_undefined()) {
    const char* h = hint == Hint::Number ? "number" : hint == Hint::String ? "string" : "default";
    Value arg = string_value(vm.intern(h));
    Value result = vm.call(exotic, input, std::span<const Value>(&arg, 1));
    if (result.is_object()) vm.throw_error(ErrorType::TypeError, "Cannot convert object to primitive value");
    return result;
  }
  WellKnownAtom order[2] = {WellKnownAtom::valueOf, WellKnownAtom::toString};
  if (hint == Hint::String) std::swap(order[0], order[1]);
  for (WellKnownAtom name : order) {
    Value method = get(vm, as_object(input), key_of(name, vm));
    if (is_callable(method)) {
      Value result = vm.call(method, input, {});
      if (!result.is_object()) return result;
    }
  }
  vm.throw_error(ErrorType::TypeError, "Cannot convert object to primitive value");
}

static bool is_js_whitespace(char16_t c) { return unicode::is_whitespace(c) || unicode::is_line_terminator(c); }

double string_to_number(const String* s) {
  std::u16string text = s->to_utf16();
  size_t b = 0, e = text.size();
  while (b < e && is_js_whitespace(text[b])) ++b;
  while (e > b && is_js_whitespace(text[e - 1])) --e;
  if (b == e) return 0;
  std::string ascii;
  for (size_t i = b; i < e; ++i) {
    if (text[i] > 0x7F) return NAN;
    ascii.push_back(char(text[i]));
  }
  if (ascii.size() > 2 && ascii[0] == '0') {
    int radix = (ascii[1] | 0x20) == 'x' ? 16 : (ascii[1] | 0x20) == 'o' ? 8 : (ascii[1] | 0x20) == 'b' ? 2 : 0;
    if (radix) {
      double v = 0;
      for (size_t i = 2; i < ascii.size(); ++i) {
        char c = ascii[i];
        int d = c >= '0' && c <= '9' ? c - '0' : (c | 0x20) >= 'a' && (c | 0x20) <= 'z' ? (c | 0x20) - 'a' + 10 : 99;
        if (d >= radix) return NAN;
        v = v * radix + d;
      }
      return v;
    }
  }
  const char* p = ascii.c_str();
  const char* end = p + ascii.size();
  bool negative = false;
  const char* digits = p;
  if (*digits == '+' || *digits == '-') negative = *digits++ == '-';
  if (std::string_view(digits, end) == "Infinity") return negative ? -INFINITY : INFINITY;
  // from_chars accepts "inf"/"nan" and hex; JS accepts neither here.
  for (const char* q = digits; q < end; ++q) {
    char c = *q;
    if (!((c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-')) return NAN;
  }
  if (digits == end || (*digits == '.' && (digits + 1 == end || digits[1] == 'e' || digits[1] == 'E'))) return NAN;
  double v = 0;
  auto [ptr, ec] = std::from_chars(digits, end, v);
  if (ptr != end) return NAN;
  (void)ec;  // out of range: from_chars leaves the value as 0/inf? handle below
  if (ec == std::errc::result_out_of_range) v = std::strtod(std::string(digits, end).c_str(), nullptr);
  return negative ? -v : v;
}

double to_number(Vm& vm, Value v) {
  if (v.is_int32()) return v.as_int32();
  if (v.is_double()) return v.as_double();
  if (v.is_undefined()) return NAN;
  if (v.is_null()) return 0;
  if (v.is_boolean()) return v.as_boolean() ? 1 : 0;
  if (v.is_string()) return string_to_number(as_string(v));
  if (v.is_symbol()) vm.throw_error(ErrorType::TypeError, "Cannot convert a Symbol value to a number");
  if (v.is_object()) return to_number(vm, to_primitive(vm, v, Hint::Number));
  vm.throw_error(ErrorType::TypeError, "Cannot convert a BigInt value to a number");
}

Value to_numeric(Vm& vm, Value v) {
  if (v.is_number() || v.is_bigint()) return v;
  if (v.is_object()) {
    Value p = to_primitive(vm, v, Hint::Number);
    if (p.is_bigint()) return p;
    return Value::number(to_number(vm, p));
  }
  return Value::number(to_number(vm, v));
}

double to_integer_or_infinity(Vm& vm, Value v) {
  double d = to_number(vm, v);
  if (d != d || d == 0) return 0;
  if (std::isinf(d)) return d;
  double t = std::trunc(d);
  return t == 0 ? 0 : t;  // truncate(-0.5) is the mathematical 0, never -0
}

uint32_t double_to_uint32(double d) {
  if (!std::isfinite(d)) return 0;
  d = std::trunc(d);
  d = std::fmod(d, 4294967296.0);
  if (d < 0) d += 4294967296.0;
  return uint32_t(d);
}
int32_t to_int32(Vm& vm, Value v) {
  if (v.is_int32()) return v.as_int32();
  return int32_t(double_to_uint32(to_number(vm, v)));
}
uint32_t to_uint32(Vm& vm, Value v) {
  if (v.is_int32()) return uint32_t(v.as_int32());
  return double_to_uint32(to_number(vm, v));
}
uint64_t to_length(Vm& vm, Value v) {
  double d = to_integer_or_infinity(vm, v);
  if (d <= 0) return 0;
  return d >= 9007199254740991.0 ? 9007199254740991ull : uint64_t(d);
}
uint32_t to_array_length(Vm& vm, Value v) {
  if (v.is_int32() && v.as_int32() >= 0) return uint32_t(v.as_int32());
  uint32_t len = to_uint32(vm, v);
  double number = to_number(vm, v);
  if (double(len) != number) vm.throw_error(ErrorType::RangeError, "Invalid array length");
  return len;
}

// §7.1.22 ToIndex ( value )
uint64_t to_index(Vm& vm, Value v) {
  // 1. Let integer be ? ToIntegerOrInfinity(value).
  double d = to_integer_or_infinity(vm, v);
  // 2. If integer is not in the inclusive interval from 0 to 2^53 - 1, throw a RangeError exception.
  if (d < 0 || d > 9007199254740991.0)
    vm.throw_error(ErrorType::RangeError, "Invalid value: not (convertible to) a safe integer");
  // 3. Return integer.
  return uint64_t(d);
}

String* number_to_string(Vm& vm, double d) {
  if (d >= -2147483648.0 && d <= 2147483647.0 && d == std::trunc(d) && !(d == 0 && std::signbit(d))) {
    int32_t i = int32_t(d);
    if (i >= 0)
      if (String* cached = vm.cached_number_string(i)) return cached;
    char digits[16];  // integers are the common case ('item' + i): no std::string
    auto end = std::to_chars(digits, digits + sizeof digits, i).ptr;
    String* s = String::from_latin1(vm.heap(), std::string_view(digits, size_t(end - digits)));
    if (i >= 0) vm.remember_number_string(i, s);
    return s;
  }
  return String::from_latin1(vm.heap(), number_to_js_string(d));
}

String* to_string(Vm& vm, Value v) {
  if (v.is_string()) return as_string(v);
  if (v.is_int32() || v.is_double()) return number_to_string(vm, v.as_number());
  if (v.is_undefined()) return vm.atom(WellKnownAtom::undefined);
  if (v.is_null()) return vm.atom(WellKnownAtom::null_);
  if (v.is_boolean()) return vm.atom(v.as_boolean() ? WellKnownAtom::true_ : WellKnownAtom::false_);
  if (v.is_symbol()) vm.throw_error(ErrorType::TypeError, "Cannot convert a Symbol value to a string");
  if (v.is_object()) return to_string(vm, to_primitive(vm, v, Hint::String));
  if (v.is_bigint()) return bigint_to_string(vm, v);
  vm.throw_error(ErrorType::TypeError, "Cannot convert value to a string");
}

std::string to_utf8(Vm& vm, Value v) { return to_string(vm, v)->to_utf8(); }

Object* to_object(Vm& vm, Value v) {
  if (v.is_object()) return as_object(v);
  if (v.is_nullish()) vm.throw_error(ErrorType::TypeError, "Cannot convert undefined or null to object");
  return make_primitive_wrapper(vm, v);
}

PropertyKey to_property_key(Vm& vm, Value v) {
  if (v.is_int32() && v.as_int32() >= 0) return PropertyKey::of_index(uint32_t(v.as_int32()));
  if (v.is_double()) {
    double d = v.as_double();
    if (d >= 0 && d < 4294967295.0 && d == std::trunc(d)) return PropertyKey::of_index(uint32_t(d));
  }
  if (v.is_string()) {
    String* s = as_string(v);
    uint32_t index;
    if (s->is_array_index(&index)) return PropertyKey::of_index(index);
    if (s->is_atom()) return PropertyKey::of_cell(s);
    return PropertyKey::of_cell(vm.atoms().intern(vm.heap(), s));
  }
  if (v.is_symbol()) return PropertyKey::of_cell(as_symbol(v));
  Value p = to_primitive(vm, v, Hint::String);
  if (p.is_symbol()) return PropertyKey::of_cell(as_symbol(p));
  return to_property_key(vm, string_value(to_string(vm, p)));
}

Value key_to_value(Vm& vm, PropertyKey key) {
  if (key.is_index()) return string_value(number_to_string(vm, key.index));
  return cell_value(key.cell);
}

PropertyKey key_of(Vm& vm, std::string_view name) {
  uint32_t index;
  String* s = vm.intern(name);
  if (s->is_array_index(&index)) return PropertyKey::of_index(index);
  return PropertyKey::of_cell(s);
}

const char* typeof_name(Value v) {
  if (v.is_number()) return "number";
  if (v.is_string()) return "string";
  if (v.is_undefined()) return "undefined";
  if (v.is_boolean()) return "boolean";
  if (v.is_symbol()) return "symbol";
  if (v.is_bigint()) return "bigint";
  if (v.is_null()) return "object";
  if (v.is_object() && as_object(v)->is_htmldda()) return "undefined";  // §B.3.6.3
  if (v.is_object() && is_callable(v)) return "function";
  return "object";
}

Value typeof_value(Vm& vm, Value v) { return string_value(vm.intern(typeof_name(v))); }

// ============================================================================
// Comparison
// ============================================================================

bool strict_equals_slow(Value a, Value b) {
  if (a.is_number() && b.is_number()) return a.as_number() == b.as_number();
  if (a.is_string() && b.is_string()) return a == b || String::equals(as_string(a), as_string(b));
  if (a.is_bigint() && b.is_bigint()) return BigInt::equals(as_bigint(a), as_bigint(b));
  return a == b;
}

bool same_value_zero(Value a, Value b) {
  if (a.is_number() && b.is_number()) {
    double x = a.as_number(), y = b.as_number();
    return x == y || (x != x && y != y);
  }
  return strict_equals(a, b);
}

bool same_value(Value a, Value b) {
  if (a.is_number() && b.is_number()) {
    double x = a.as_number(), y = b.as_number();
    if (x != x && y != y) return true;
    return x == y && std::signbit(x) == std::signbit(y);
  }
  return strict_equals(a, b);
}

bool loose_equals(Vm& vm, Value a, Value b) {
  for (;;) {
    if (a.is_number() && b.is_number()) return a.as_number() == b.as_number();
    if (a.is_string() && b.is_string()) return String::equals(as_string(a), as_string(b));
    if (a.is_nullish() && b.is_nullish()) return true;
    // §B.3.6.2: an [[IsHTMLDDA]] object == null and == undefined.
    if ((a.is_nullish() && b.is_object() && as_object(b)->is_htmldda()) ||
        (b.is_nullish() && a.is_object() && as_object(a)->is_htmldda()))
      return true;
    if (b.is_bigint() && !a.is_bigint()) std::swap(a, b);  // == is symmetric: a BigInt goes left
    if (a.is_bigint()) {
      if (b.is_bigint()) return BigInt::equals(as_bigint(a), as_bigint(b));
      if (b.is_number()) return as_bigint(a)->compare_to_double(b.as_number()) == 0;
      if (b.is_string()) return bigint_compare_string(a, as_string(b)) == 0;
    }
    if (a.tag() == b.tag() && !a.is_double() && !b.is_double()) return a == b;
    if (a.is_nullish() || b.is_nullish()) return false;
    if (a.is_number() && b.is_string()) return a.as_number() == string_to_number(as_string(b));
    if (a.is_string() && b.is_number()) return string_to_number(as_string(a)) == b.as_number();
    if (a.is_boolean()) {
      a = Value::int32(a.as_boolean());
      continue;
    }
    if (b.is_boolean()) {
      b = Value::int32(b.as_boolean());
      continue;
    }
    if (b.is_object() && !a.is_object()) {
      RootedValue keep(vm.heap(), a);
      b = to_primitive(vm, b);
      a = keep;
      continue;
    }
    if (a.is_object() && !b.is_object()) {
      RootedValue keep(vm.heap(), b);
      a = to_primitive(vm, a);
      b = keep;
      continue;
    }
    return false;
  }
}

// IsLessThan's steps for primitives of which one is a BigInt: a string
// side is read as StringToBigInt, a Number side is compared exactly.
static std::optional<bool> bigint_less_than(Vm& vm, Value pa, Value pb) {
  if (pb.is_string()) {
    auto c = bigint_compare_string(pa, as_string(pb));
    return c ? std::optional<bool>(*c < 0) : std::nullopt;
  }
  if (pa.is_string()) {
    auto c = bigint_compare_string(pb, as_string(pa));
    return c ? std::optional<bool>(*c > 0) : std::nullopt;
  }
  Value na = to_numeric(vm, pa), nb = to_numeric(vm, pb);  // primitives: may only throw (a Symbol)
  if (na.is_bigint() && nb.is_bigint()) return BigInt::compare(as_bigint(na), as_bigint(nb)) < 0;
  if (na.is_bigint()) {
    auto c = as_bigint(na)->compare_to_double(nb.as_number());
    return c ? std::optional<bool>(*c < 0) : std::nullopt;
  }
  auto c = as_bigint(nb)->compare_to_double(na.as_number());
  return c ? std::optional<bool>(*c > 0) : std::nullopt;
}

std::optional<bool> less_than(Vm& vm, Value a, Value b, bool left_first) {
  RootedValue ra(vm.heap(), a), rb(vm.heap(), b);
  Value pa, pb;
  if (left_first) {
    pa = to_primitive(vm, a, Hint::Number);
    RootedValue keep(vm.heap(), pa);
    pb = to_primitive(vm, rb, Hint::Number);
    pa = keep;
  } else {
    pb = to_primitive(vm, b, Hint::Number);
    RootedValue keep(vm.heap(), pb);
    pa = to_primitive(vm, ra, Hint::Number);
    pb = keep;
  }
  if (pa.is_string() && pb.is_string()) return String::compare(as_string(pa), as_string(pb)) < 0;
  if (pa.is_bigint() || pb.is_bigint()) return bigint_less_than(vm, pa, pb);
  RootedValue keep(vm.heap(), pb);
  double x = to_number(vm, pa), y = to_number(vm, keep);
  if (x != x || y != y) return std::nullopt;
  return x < y;
}

Value add_values(Vm& vm, Value a, Value b) {
  RootedValue rb(vm.heap(), b);
  Value pa = to_primitive(vm, a);
  RootedValue keep(vm.heap(), pa);
  Value pb = to_primitive(vm, rb);
  pa = keep;
  if (pa.is_string() || pb.is_string()) {
    RootedValue keep_b(vm.heap(), pb);
    gc::Rooted<String> sa(vm.heap(), to_string(vm, pa));
    String* sb = to_string(vm, keep_b);
    String* result = String::concat(vm.heap(), sa, sb);
    if (!result) vm.throw_error(ErrorType::RangeError, "Invalid string length");
    return string_value(result);
  }
  // pa and pb are primitives: ToNumeric runs no JS and allocates nothing.
  Value na = to_numeric(vm, pa), nb = to_numeric(vm, pb);
  if (na.is_bigint() || nb.is_bigint()) return bigint_binary(vm, NumericOp::Add, na, nb);
  return Value::number(na.as_number() + nb.as_number());
}

bool ordinary_has_instance(Vm& vm, Value c, Value o) {
  FunctionObject* f = as_function(c);
  if (!f) return false;
  if (f->kind == FunctionKind::Bound) return instance_of(vm, o, f->bound_target);
  if (!o.is_object()) return false;
  gc::Rooted<Object> obj(vm.heap(), as_object(o));
  RootedValue proto(vm.heap(), get(vm, f, key_of(WellKnownAtom::prototype, vm)));  // rooted: a proxy's getPrototypeOf trap may run below
  if (!proto.get().is_object()) vm.throw_error(ErrorType::TypeError, "Function has non-object prototype in instanceof check");
  for (Object* cur = get_prototype_of(obj); cur; cur = get_prototype_of(cur))
    if (cur == as_object(proto)) return true;
  return false;
}

bool instance_of(Vm& vm, Value v, Value target) {
  if (!target.is_object()) vm.throw_error(ErrorType::TypeError, "Right-hand side of 'instanceof' is not an object");
  RootedValue rv(vm.heap(), v), rt(vm.heap(), target);
  Value handler = get_method(vm, target, PropertyKey::of_cell(vm.well_known_symbol(WellKnownSymbol::hasInstance)));
  if (!handler.is_undefined()) {
    Value arg = rv;
    return to_boolean(vm.call(handler, rt, std::span<const Value>(&arg, 1)));
  }
  if (!is_callable(rt)) vm.throw_error(ErrorType::TypeError, "Right-hand side of 'instanceof' is not callable");
  return ordinary_has_instance(vm, rt, rv);
}

// ============================================================================
// Own properties, with the exotic objects' special cases
// ============================================================================

// Proxies (builtins/proxy.cpp): each internal method below dispatches to the
// proxy's trap. Private names (#x) are not forwarded: they live on the proxy.
static bool proxy_dispatch(Object* o, PropertyKey key) {
  return is_proxy(o) && (key.is_index() || is_string(key.cell) || !static_cast<Symbol*>(key.cell)->is_private());
}

// Module namespaces (vm/module_namespace.cpp) answer string keys themselves;
// their symbol keys are ordinary.
static bool namespace_dispatch(Object* o, PropertyKey key) {
  return o->object_class() == ObjectClass::ModuleNamespace && (key.is_index() || is_string(key.cell));
}

Object* get_prototype_of(Object* o) {
  if (ProxyObject* p = proxy_record(o)) return proxy_get_prototype_of(*p->vm, o);
  return static_cast<Object*>(o->prototype());
}

bool is_extensible(Vm& vm, Object* o) {
  if (is_proxy(o)) return proxy_is_extensible(vm, o);
  return o->extensible();
}

bool prevent_extensions(Vm& vm, Object* o) {
  if (is_proxy(o)) return proxy_prevent_extensions(vm, o);
  if (TypedArrayObject* ta = as_typed_array(o)) return typed_array_prevent_extensions(ta);
  o->prevent_extensions();
  return true;
}

// A special element as a property: a mapped argument reads its parameter.
static OwnProperty resolve_mapped(const OwnProperty& special, uint32_t index) {
  if (!(special.flags & kMapped)) return special;
  return OwnProperty{mapped_argument_value(special.value, index), uint8_t(special.flags & ~kMapped)};
}

std::optional<OwnProperty> get_own_property(Vm& vm, Object* o, PropertyKey key) {
  if (proxy_dispatch(o, key)) return proxy_get_own_property(vm, o, key);
  if (namespace_dispatch(o, key)) return namespace_get_own_property(vm, o, key);
  double numeric_index;
  if (typed_array_numeric_key(o, key, numeric_index))
    return typed_array_get_own_property(vm, static_cast<TypedArrayObject*>(o), numeric_index);
  if (key.is_index()) {
    if (o->object_class() == ObjectClass::String) {
      String* s = static_cast<BoxObject*>(o)->primitive_string();
      if (key.index < s->length()) {
        String* flat = s->flatten(vm.heap());
        char16_t c = flat->char_at(key.index);
        return OwnProperty{string_value(String::from_utf16(vm.heap(), std::u16string_view(&c, 1))), kEnumerable};
      }
    }
    if (auto special = o->get_special_element(key.index)) return resolve_mapped(*special, key.index);
    auto v = o->get_element(key.index);
    if (!v) return std::nullopt;
    return OwnProperty{*v, o->element_flags()};
  }
  if (o->object_class() == ObjectClass::Array && key.cell == vm.atom(WellKnownAtom::length))
    return OwnProperty{Value::number(o->array_length()), uint8_t(o->array_length_writable() ? kWritable : 0)};
  if (o->object_class() == ObjectClass::String && key.cell == vm.atom(WellKnownAtom::length))
    return OwnProperty{Value::number(static_cast<BoxObject*>(o)->primitive_string()->length()), 0};
  return o->get_own(key.cell);
}

bool has_own_property(Vm& vm, Object* o, PropertyKey key) { return get_own_property(vm, o, key).has_value(); }

bool has_property(Vm& vm, Object* o, PropertyKey key) {
  for (Object* cur = o; cur; cur = get_prototype_of(cur)) {
    if (proxy_dispatch(cur, key)) return proxy_has_property(vm, cur, key);
    if (namespace_dispatch(cur, key)) return namespace_has_property(vm, cur, key);
    double numeric_index;
    if (typed_array_numeric_key(cur, key, numeric_index))
      return is_valid_integer_index(static_cast<TypedArrayObject*>(cur), numeric_index);
    if (get_own_property(vm, cur, key)) return true;
  }
  return false;
}

// Stores an own property the caller has validated (an accessor's value is
// its AccessorPair). An index with the object's element attributes is a
// plain element; any other index property is one of its special elements.
static void write_own(Vm& vm, Object* o, PropertyKey key, Value v, uint8_t flags) {
  if (key.is_index()) {
    // A mapped argument (§10.4.4.2): a data write goes to the parameter; it
    // stays aliased unless it became an accessor or read-only.
    if (o->has_special_elements()) {
      auto special = o->get_special_element(key.index);
      if (special && (special->flags & kMapped) && !(flags & kAccessor)) {
        write_mapped_argument(special->value, key.index, v);
        if (flags & kWritable) {
          o->set_special_element(key.index, OwnProperty{special->value, uint8_t(flags | kMapped)});
          return;
        }
      }
    }
    if (flags != o->element_flags()) {
      o->set_special_element(key.index, OwnProperty{v, flags});
    } else {
      o->delete_special_element(key.index);
      o->set_element(key.index, v);
    }
    if (o->object_class() == ObjectClass::Array && key.index >= o->array_length())
      o->set_array_length_raw(key.index + 1);
    return;
  }
  o->define_own(vm.heap(), key.cell, v, flags);
}

static bool array_set_length(Vm& vm, Object* a, const PropertyDescriptor& desc, bool throw_on_fail) {
  auto fail = [&](const char* why) {
    if (throw_on_fail) vm.throw_error(ErrorType::TypeError, why);
    return false;
  };
  if (desc.is_accessor()) return fail("Cannot redefine property: length");
  if (desc.configurable.value_or(false) || desc.enumerable.value_or(false))
    return fail("Cannot redefine property: length");
  if (!desc.value) {
    if (desc.writable && *desc.writable && !a->array_length_writable()) return fail("Cannot redefine property: length");
    if (desc.writable && !*desc.writable) a->set_array_length_writable(false);
    return true;
  }
  uint32_t len = to_array_length(vm, *desc.value);
  if (len != a->array_length() && !a->array_length_writable()) return fail("Cannot assign to read only property 'length' of object '[object Array]'");
  if (len < a->array_length() && (a->element_flags() & kConfigurable) == 0 && a->dense_length() > len)
    return fail("Cannot delete array elements");
  // Deleting stops below the highest non-configurable element (§10.4.2.4 step 17).
  if (a->has_special_elements() && len < a->array_length()) {
    std::vector<uint32_t> keys = a->own_element_keys();
    for (auto it = keys.rbegin(); it != keys.rend() && *it >= len; ++it) {
      auto special = a->get_special_element(*it);
      if (special && !(special->flags & kConfigurable)) {
        a->set_array_length(*it + 1);
        if (desc.writable && !*desc.writable) a->set_array_length_writable(false);
        return fail("Cannot delete array elements");
      }
    }
  }
  a->set_array_length(len);
  if (desc.writable && !*desc.writable) a->set_array_length_writable(false);
  return true;
}

bool define_own_property(Vm& vm, Object* o, PropertyKey key, const PropertyDescriptor& desc, bool throw_on_fail) {
  auto fail = [&](const std::string& why) {
    if (throw_on_fail) vm.throw_error(ErrorType::TypeError, why);
    return false;
  };
  // For messages only (and only when one is thrown): a symbol shows as Symbol(desc), never ToString.
  auto name = [&]() -> std::string {
    if (!throw_on_fail) return "";
    Value k = key_to_value(vm, key);
    if (k.is_symbol()) return as_symbol(k)->descriptive_string();
    return to_utf8(vm, k);
  };
  if (proxy_dispatch(o, key)) return proxy_define_own_property(vm, o, key, desc, throw_on_fail);
  if (namespace_dispatch(o, key))
    return namespace_define_own_property(vm, o, key, desc) || fail("Cannot redefine property: " + name());
  if (double numeric_index; typed_array_numeric_key(o, key, numeric_index))
    return typed_array_define_own_property(vm, static_cast<TypedArrayObject*>(o), numeric_index, desc) ||
           fail("Cannot redefine property: " + name());
  if (o->object_class() == ObjectClass::Array && !key.is_index() && key.cell == vm.atom(WellKnownAtom::length))
    return array_set_length(vm, o, desc, throw_on_fail);
  gc::Rooted<Object> obj(vm.heap(), o);
  std::optional<OwnProperty> current = get_own_property(vm, obj, key);
  if (!current) {
    if (!obj->extensible()) return fail("Cannot define property " + name() + ", object is not extensible");
    if (key.is_index() && obj->object_class() == ObjectClass::Array && key.index >= obj->array_length() &&
        !obj->array_length_writable())
      return fail("Cannot add property " + name() + ", object is not extensible");
    uint8_t flags = 0;
    if (desc.enumerable.value_or(false)) flags |= kEnumerable;
    if (desc.configurable.value_or(false)) flags |= kConfigurable;
    if (desc.is_accessor()) {
      AccessorPair* pair = vm.heap().allocate<AccessorPair>(desc.get.value_or(Value::undefined()),
                                                           desc.set.value_or(Value::undefined()));
      write_own(vm, obj, key, Value::cell(Value::Tag::Object, pair), uint8_t(flags | kAccessor));
      return true;
    }
    if (desc.writable.value_or(false)) flags |= kWritable;
    write_own(vm, obj, key, desc.value.value_or(Value::undefined()), flags);
    return true;
  }
  // ValidateAndApplyPropertyDescriptor (§10.1.6.3) against `current`.
  uint8_t cur = current->flags;
  bool cur_accessor = cur & kAccessor;
  if (!(cur & kConfigurable)) {
    if (desc.configurable.value_or(false)) return fail("Cannot redefine property: " + name());
    if (desc.enumerable && *desc.enumerable != bool(cur & kEnumerable)) return fail("Cannot redefine property: " + name());
    if (desc.is_accessor() != cur_accessor && (desc.is_accessor() || desc.is_data()))
      return fail("Cannot redefine property: " + name());
    if (cur_accessor) {
      auto* pair = static_cast<AccessorPair*>(current->value.as_cell());
      if (desc.get && !same_value(*desc.get, pair->getter)) return fail("Cannot redefine property: " + name());
      if (desc.set && !same_value(*desc.set, pair->setter)) return fail("Cannot redefine property: " + name());
    } else if (!(cur & kWritable)) {
      if (desc.writable.value_or(false)) return fail("Cannot redefine property: " + name());
      if (desc.value && !same_value(*desc.value, current->value)) return fail("Cannot redefine property: " + name());
    }
  }
  uint8_t flags = cur & (kEnumerable | kConfigurable);
  if (desc.enumerable) flags = uint8_t((flags & ~kEnumerable) | (*desc.enumerable ? kEnumerable : 0));
  if (desc.configurable) flags = uint8_t((flags & ~kConfigurable) | (*desc.configurable ? kConfigurable : 0));
  if (desc.is_accessor() || (cur_accessor && !desc.is_data())) {
    Value g = Value::undefined(), s = Value::undefined();
    if (cur_accessor) {
      auto* pair = static_cast<AccessorPair*>(current->value.as_cell());
      g = pair->getter;
      s = pair->setter;
    }
    if (desc.get) g = *desc.get;
    if (desc.set) s = *desc.set;
    RootedValue rg(vm.heap(), g), rs(vm.heap(), s);
    AccessorPair* pair = vm.heap().allocate<AccessorPair>(rg.get(), rs.get());
    write_own(vm, obj, key, Value::cell(Value::Tag::Object, pair), uint8_t(flags | kAccessor));
    return true;
  }
  if (!cur_accessor && (cur & kWritable)) flags |= kWritable;
  if (desc.writable) flags = uint8_t((flags & ~kWritable) | (*desc.writable ? kWritable : 0));
  Value value = desc.value ? *desc.value : cur_accessor ? Value::undefined() : current->value;
  write_own(vm, obj, key, value, flags);
  return true;
}

bool delete_property(Vm& vm, Object* o, PropertyKey key) {
  if (proxy_dispatch(o, key)) return proxy_delete_property(vm, o, key);
  if (namespace_dispatch(o, key)) return namespace_delete_property(vm, o, key);
  if (double numeric_index; typed_array_numeric_key(o, key, numeric_index))
    return !is_valid_integer_index(static_cast<TypedArrayObject*>(o), numeric_index);  // §10.4.5.6
  auto p = get_own_property(vm, o, key);
  if (!p) return true;
  if (!(p->flags & kConfigurable)) return false;
  if (key.is_index()) return o->delete_special_element(key.index) || o->delete_element(key.index), true;
  o->delete_own(key.cell);
  return true;
}

std::vector<PropertyKey> own_property_keys(Vm& vm, Object* o) {
  if (is_proxy(o)) return proxy_own_property_keys(vm, o);
  if (TypedArrayObject* ta = as_typed_array(o)) return typed_array_own_property_keys(vm, ta);
  std::vector<PropertyKey> keys;
  if (is_module_namespace(o)) keys = namespace_own_property_keys(vm, o);  // then its symbols, below
  if (o->object_class() == ObjectClass::String) {
    uint32_t n = static_cast<BoxObject*>(o)->primitive_string()->length();
    for (uint32_t i = 0; i < n; ++i) keys.push_back(PropertyKey::of_index(i));
  }
  for (uint32_t i : o->own_element_keys()) keys.push_back(PropertyKey::of_index(i));
  if (o->object_class() == ObjectClass::Array || o->object_class() == ObjectClass::String)
    keys.push_back(key_of(WellKnownAtom::length, vm));
  std::vector<gc::Cell*> named = o->own_named_keys();
  for (gc::Cell* k : named)
    if (is_string(k)) keys.push_back(PropertyKey::of_cell(k));
  for (gc::Cell* k : named)
    if (!is_string(k) && !static_cast<Symbol*>(k)->is_private()) keys.push_back(PropertyKey::of_cell(k));
  return keys;
}

// ============================================================================
// [[Get]] and [[Set]]
// ============================================================================

static Value call_getter(Vm& vm, Value pair_value, Value receiver) {
  auto* pair = static_cast<AccessorPair*>(pair_value.as_cell());
  if (pair->getter.is_undefined()) return Value::undefined();
  return vm.call(pair->getter, receiver, {});
}

Value get(Vm& vm, Object* o, PropertyKey key, Value receiver) {
  if (key.is_index()) {
    for (Object* cur = o; cur; cur = get_prototype_of(cur)) {
      if (proxy_dispatch(cur, key)) return proxy_get(vm, cur, key, receiver);
      if (namespace_dispatch(cur, key)) return namespace_get(vm, cur, key);
      if (is_typed_array(cur)) return typed_array_get_element(vm, static_cast<TypedArrayObject*>(cur), key.index);
      if (cur->object_class() != ObjectClass::String) {
        if (auto v = cur->get_element(key.index)) return *v;
        if (auto special = cur->get_special_element(key.index)) {
          if (special->flags & kAccessor) return call_getter(vm, special->value, receiver);
          return resolve_mapped(*special, key.index).value;
        }
        continue;
      }
      if (auto p = get_own_property(vm, cur, key)) return p->value;
    }
    return Value::undefined();
  }
  for (Object* cur = o; cur; cur = get_prototype_of(cur)) {
    if (proxy_dispatch(cur, key)) return proxy_get(vm, cur, key, receiver);
    if (namespace_dispatch(cur, key)) return namespace_get(vm, cur, key);
    if (double numeric_index; typed_array_numeric_key(cur, key, numeric_index))
      return typed_array_get_element(vm, static_cast<TypedArrayObject*>(cur), numeric_index);
    std::optional<OwnProperty> p;
    if (cur->object_class() == ObjectClass::Array || cur->object_class() == ObjectClass::String)
      p = get_own_property(vm, cur, key);
    else
      p = cur->get_own(key.cell);
    if (p) {
      if (p->flags & kAccessor) return call_getter(vm, p->value, receiver);
      return p->value;
    }
  }
  return Value::undefined();
}

Value get_value(Vm& vm, Value base, PropertyKey key) {
  if (base.is_object()) return get(vm, as_object(base), key, base);
  if (base.is_string()) {
    String* s = as_string(base);
    if (key.is_index()) {
      if (key.index >= s->length()) return Value::undefined();
      RootedValue keep(vm.heap(), base);
      String* flat = s->flatten(vm.heap());
      char16_t c = flat->char_at(key.index);
      if (c < 0x80) {
        char ch = char(c);
        return string_value(vm.intern(std::string_view(&ch, 1)));
      }
      return string_value(String::from_utf16(vm.heap(), std::u16string_view(&c, 1)));
    }
    if (key.cell == vm.atom(WellKnownAtom::length)) return Value::int32(int32_t(s->length()));
  }
  if (base.is_nullish()) {
    std::string what = base.is_null() ? "null" : "undefined";
    vm.throw_error(ErrorType::TypeError, "Cannot read properties of " + what + " (reading '" +
                                             to_utf8(vm, key_to_value(vm, key)) + "')");
  }
  Object* proto = prototype_for_primitive(vm, base);
  return get(vm, proto, key, base);
}

Value get_method(Vm& vm, Value v, PropertyKey key) {
  Value f = get_value(vm, v, key);
  if (f.is_nullish()) return Value::undefined();
  if (!is_callable(f)) vm.throw_error(ErrorType::TypeError, to_utf8(vm, key_to_value(vm, key)) + " is not a function");
  return f;
}

bool set(Vm& vm, Object* o, PropertyKey key, Value v, Value receiver) {
  RootedValue rv(vm.heap(), v), rr(vm.heap(), receiver);
  gc::Rooted<Object> obj(vm.heap(), o);
  // Find the property on the chain (OrdinarySet §10.1.9.2).
  for (Object* cur = obj; cur; cur = get_prototype_of(cur)) {
    if (proxy_dispatch(cur, key)) return proxy_set(vm, cur, key, rv, rr);
    if (is_module_namespace(cur)) return false;  // §10.4.6.9: no assignment succeeds
    if (double numeric_index; typed_array_numeric_key(cur, key, numeric_index)) {
      // §10.4.5.5 [[Set]]: the array itself as receiver writes the element (or ignores an invalid index).
      auto* ta = static_cast<TypedArrayObject*>(cur);
      if (rr.get().is_object() && as_object(rr) == cur) {
        typed_array_set_element(vm, ta, numeric_index, rv);
        return true;
      }
      if (!is_valid_integer_index(ta, numeric_index)) return true;
      break;  // OrdinarySet: the element is a writable data property
    }
    std::optional<OwnProperty> p = get_own_property(vm, cur, key);
    if (!p) continue;
    if (p->flags & kAccessor) {
      auto* pair = static_cast<AccessorPair*>(p->value.as_cell());
      if (pair->setter.is_undefined()) return false;
      Value arg = rv;
      vm.call(pair->setter, rr, std::span<const Value>(&arg, 1));
      return true;
    }
    if (!(p->flags & kWritable)) return false;
    break;
  }
  if (!rr.get().is_object()) return false;
  Object* target = as_object(rr);
  std::optional<OwnProperty> existing = get_own_property(vm, target, key);
  if (existing) {
    if (existing->flags & kAccessor) return false;
    if (!(existing->flags & kWritable)) return false;
    double numeric_index;
    if (proxy_dispatch(target, key) || typed_array_numeric_key(target, key, numeric_index)) {
      // A proxy or typed array receiver: [[DefineOwnProperty]] with { [[Value]]: v }
      PropertyDescriptor d;
      d.value = rv.get();
      return define_own_property(vm, target, key, d, false);
    }
    if (target->object_class() == ObjectClass::Array && !key.is_index() && key.cell == vm.atom(WellKnownAtom::length)) {
      PropertyDescriptor d;
      d.value = rv.get();
      return array_set_length(vm, target, d, false);
    }
    if (key.is_index()) {
      write_own(vm, target, key, rv, existing->flags);
    } else {
      target->set_own_value(key.cell, rv);
    }
    return true;
  }
  PropertyDescriptor d;
  d.value = rv.get();
  d.writable = d.enumerable = d.configurable = true;
  return define_own_property(vm, target, key, d, false);
}

void put_value(Vm& vm, Value base, PropertyKey key, Value v, bool strict) {
  if (base.is_nullish()) {
    std::string what = base.is_null() ? "null" : "undefined";
    vm.throw_error(ErrorType::TypeError, "Cannot set properties of " + what + " (setting '" +
                                             to_utf8(vm, key_to_value(vm, key)) + "')");
  }
  bool ok;
  if (base.is_object()) {
    ok = set(vm, as_object(base), key, v, base);
  } else {
    ok = set(vm, prototype_for_primitive(vm, base), key, v, base);
  }
  if (!ok && strict) {
    RootedValue rb(vm.heap(), base);
    std::string name = to_utf8(vm, key_to_value(vm, key));
    if (!rb.get().is_object())
      vm.throw_error(ErrorType::TypeError, "Cannot create property '" + name + "' on " + typeof_name(rb) + " '" +
                                               to_utf8(vm, rb) + "'");
    vm.throw_error(ErrorType::TypeError, "Cannot assign to read only property '" + name + "' of object");
  }
}

void create_data_property_or_throw(Vm& vm, Object* o, PropertyKey key, Value v) {
  PropertyDescriptor d;
  d.value = v;
  d.writable = d.enumerable = d.configurable = true;
  define_own_property(vm, o, key, d, true);
}

// ============================================================================
// Integrity, prototypes, descriptors
// ============================================================================

bool set_integrity_level(Vm& vm, Object* o, bool frozen) {
  gc::Rooted<Object> obj(vm.heap(), o);
  if (is_proxy(obj) || is_typed_array(obj)) {  // SetIntegrityLevel (§7.3.15) through the internal methods
    if (!prevent_extensions(vm, obj)) vm.throw_error(ErrorType::TypeError, "Cannot prevent extensions");
    std::vector<PropertyKey> keys = own_property_keys(vm, obj);
    for (PropertyKey key : keys) {
      PropertyDescriptor d;
      d.configurable = false;
      if (frozen) {
        auto p = get_own_property(vm, obj, key);
        if (!p) continue;
        if (!(p->flags & kAccessor)) d.writable = false;
      }
      define_own_property(vm, obj, key, d, true);
    }
    return true;
  }
  obj->prevent_extensions();
  std::vector<PropertyKey> keys = own_property_keys(vm, obj);
  for (PropertyKey key : keys) {
    if (key.is_index() && !obj->get_special_element(key.index)) continue;  // plain ones: element_flags below
    auto p = get_own_property(vm, obj, key);
    if (!p) continue;
    PropertyDescriptor d;
    d.configurable = false;
    if (frozen && !(p->flags & kAccessor)) d.writable = false;
    define_own_property(vm, obj, key, d, true);
  }
  uint8_t ef = obj->element_flags() & ~kConfigurable;
  if (frozen) ef &= ~kWritable;
  obj->set_element_flags(ef);
  return true;
}

bool test_integrity_level(Vm& vm, Object* o, bool frozen) {
  if (is_extensible(vm, o)) return false;  // (runs a proxy's trap)
  gc::Rooted<Object> keep(vm.heap(), o);
  for (PropertyKey key : own_property_keys(vm, o)) {
    auto p = get_own_property(vm, o, key);
    if (!p) continue;
    if (p->flags & kConfigurable) return false;
    if (frozen && !(p->flags & kAccessor) && (p->flags & kWritable)) return false;
  }
  return true;
}

bool set_prototype_of(Vm& vm, Object* o, Value proto) {
  if (is_proxy(o)) return proxy_set_prototype_of(vm, o, proto);
  Object* p = proto.is_object() ? as_object(proto) : nullptr;
  if (get_prototype_of(o) == p) return true;
  if (!o->extensible()) return false;
  for (Object* cur = p; cur; cur = get_prototype_of(cur)) {
    if (cur == o) return false;
    if (is_proxy(cur)) break;  // the cycle check stops at a proxy (§10.1.2.1 step 8.c.i)
  }
  (void)vm;
  o->set_prototype(p);
  return true;
}

PropertyDescriptor to_property_descriptor(Vm& vm, Value v) {
  if (!v.is_object()) vm.throw_error(ErrorType::TypeError, "Property description must be an object");
  gc::Rooted<Object> o(vm.heap(), as_object(v));
  PropertyDescriptor d;
  ValueVector keep(vm.heap());
  auto field = [&](WellKnownAtom atom) -> std::optional<Value> {
    PropertyKey k = key_of(atom, vm);
    if (!has_property(vm, o, k)) return std::nullopt;
    Value got = get(vm, o, k);
    keep.values.push_back(got);
    return got;
  };
  if (auto e = field(WellKnownAtom::enumerable)) d.enumerable = to_boolean(*e);
  if (auto c = field(WellKnownAtom::configurable)) d.configurable = to_boolean(*c);
  if (auto val = field(WellKnownAtom::value)) d.value = *val;
  if (auto w = field(WellKnownAtom::writable)) d.writable = to_boolean(*w);
  if (auto g = field(WellKnownAtom::get)) {
    if (!g->is_undefined() && !is_callable(*g)) vm.throw_error(ErrorType::TypeError, "Getter must be a function: " + to_utf8(vm, *g));
    d.get = *g;
  }
  if (auto s = field(WellKnownAtom::set)) {
    if (!s->is_undefined() && !is_callable(*s)) vm.throw_error(ErrorType::TypeError, "Setter must be a function: " + to_utf8(vm, *s));
    d.set = *s;
  }
  if (d.is_accessor() && d.is_data())
    vm.throw_error(ErrorType::TypeError, "Invalid property descriptor. Cannot both specify accessors and a value or writable attribute");
  return d;
}

Value from_property_descriptor(Vm& vm, const std::optional<OwnProperty>& p) {
  if (!p) return Value::undefined();
  RootedValue value(vm.heap(), p->value);
  gc::Rooted<Object> o(vm.heap(), vm.new_object());
  if (p->flags & kAccessor) {
    auto* pair = static_cast<AccessorPair*>(value.get().as_cell());
    RootedValue g(vm.heap(), pair->getter), s(vm.heap(), pair->setter);
    create_data_property_or_throw(vm, o, key_of(WellKnownAtom::get, vm), g);
    create_data_property_or_throw(vm, o, key_of(WellKnownAtom::set, vm), s);
  } else {
    create_data_property_or_throw(vm, o, key_of(WellKnownAtom::value, vm), value);
    create_data_property_or_throw(vm, o, key_of(WellKnownAtom::writable, vm), Value::boolean(p->flags & kWritable));
  }
  create_data_property_or_throw(vm, o, key_of(WellKnownAtom::enumerable, vm), Value::boolean(p->flags & kEnumerable));
  create_data_property_or_throw(vm, o, key_of(WellKnownAtom::configurable, vm), Value::boolean(p->flags & kConfigurable));
  return object_value(o);
}

uint64_t length_of_array_like(Vm& vm, Object* o) {
  if (o->object_class() == ObjectClass::Array) return o->array_length();
  return to_length(vm, get(vm, o, key_of(WellKnownAtom::length, vm)));
}

// ============================================================================
// Calls and construction helpers
// ============================================================================

Value call_method(Vm& vm, Value receiver, PropertyKey key, std::span<const Value> args) {
  RootedValue r(vm.heap(), receiver);
  Value f = get_value(vm, receiver, key);
  if (!is_callable(f)) vm.throw_error(ErrorType::TypeError, to_utf8(vm, key_to_value(vm, key)) + " is not a function");
  return vm.call(f, r, args);
}

// A function's own data property `prototype`, read from its slot (nothing
// can run); empty if it is not that simple (a proxy, an accessor, absent).
static Value own_prototype_slot(Vm& vm, Object* f) {
  if (f->object_class() != ObjectClass::Function || static_cast<FunctionObject*>(f)->kind == FunctionKind::Proxy ||
      f->in_dictionary_mode())
    return Value::empty();
  auto info = f->shape()->find(vm.atom(WellKnownAtom::prototype));
  if (!info || (info->flags & kAccessor)) return Value::empty();
  return f->slot(info->slot);
}

Realm* get_function_realm(Vm& vm, Object* constructor) {
  for (Object* o = constructor;;) {
    if (ProxyObject* rec = proxy_record(o)) {
      if (!rec->target.is_object())
        vm.throw_error(ErrorType::TypeError, "Cannot perform 'GetFunctionRealm' on a proxy that has been revoked");
      o = as_object(rec->target);
      continue;
    }
    if (!is_function_object(o)) return vm.realm();
    auto* f = static_cast<FunctionObject*>(o);
    if (f->kind == FunctionKind::Bound && f->bound_target.is_object()) {
      o = as_object(f->bound_target);
      continue;
    }
    return f->realm ? f->realm : vm.realm();
  }
}

// §7.3.22 SpeciesConstructor ( O, defaultConstructor )
Value species_constructor(Vm& vm, Object* o, Value default_ctor) {
  RootedValue dflt(vm.heap(), default_ctor);
  // 1. Let C be ? Get(O, "constructor").
  Value c = get(vm, o, key_of(WellKnownAtom::constructor, vm));
  // 2. If C is undefined, return defaultConstructor.
  if (c.is_undefined()) return dflt;
  // 3. If C is not an Object, throw a TypeError exception.
  if (!c.is_object()) vm.throw_error(ErrorType::TypeError, "object.constructor is not an object");
  // 4. Let S be ? Get(C, %Symbol.species%).
  Value s = get(vm, as_object(c), PropertyKey::of_cell(vm.well_known_symbol(WellKnownSymbol::species)));
  // 5. If S is either undefined or null, return defaultConstructor.
  if (s.is_nullish()) return dflt;
  // 6. If IsConstructor(S) is true, return S.
  if (is_constructor(s)) return s;
  // 7. Throw a TypeError exception.
  vm.throw_error(ErrorType::TypeError, "object.constructor[Symbol.species] is not a constructor");
}

Object* get_prototype_from_constructor(Vm& vm, Value new_target, IntrinsicObject fallback) {
  if (!new_target.is_object()) return vm.intrinsics()[fallback];
  Value p = own_prototype_slot(vm, as_object(new_target));
  if (p.is_empty()) p = get(vm, as_object(new_target), key_of(WellKnownAtom::prototype, vm));
  if (p.is_object()) return as_object(p);
  return get_function_realm(vm, as_object(new_target))->intrinsics[fallback];
}

Object* ordinary_create_from_constructor(Vm& vm, Value new_target, IntrinsicObject fallback_proto, ObjectClass cls,
                                         uint32_t inline_slots) {
  Object* proto = get_prototype_from_constructor(vm, new_target, fallback_proto);
  Object* o = Object::create(vm.heap(), vm.root_shape_for(proto), inline_slots, cls);
  return o;
}

// ============================================================================
// Iteration
// ============================================================================

IteratorRecord get_iterator(Vm& vm, Value v) {
  RootedValue rv(vm.heap(), v);
  Value method = get_method(vm, v, PropertyKey::of_cell(vm.well_known_symbol(WellKnownSymbol::iterator)));
  if (method.is_undefined()) vm.throw_error(ErrorType::TypeError, to_utf8(vm, typeof_value(vm, rv)) == "object" || rv.get().is_object()
                                                                 ? "object is not iterable"
                                                                 : to_utf8(vm, rv) + " is not iterable");
  Value iterator = vm.call(method, rv, {});
  if (!iterator.is_object()) vm.throw_error(ErrorType::TypeError, "Result of the Symbol.iterator method is not an object");
  RootedValue it(vm.heap(), iterator);
  Value next = get(vm, as_object(iterator), key_of(WellKnownAtom::next, vm));
  return IteratorRecord{it, next};
}

IteratorRecord get_iterator_direct(Vm& vm, Object* obj) {
  // 1. Let nextMethod be ? Get(obj, "next").
  RootedValue iterator(vm.heap(), object_value(obj));
  Value next = get(vm, obj, key_of(WellKnownAtom::next, vm));
  // 2-3. Return the Iterator Record { [[Iterator]]: obj, [[NextMethod]]: nextMethod, [[Done]]: false }.
  return IteratorRecord{iterator, next};
}

bool iterator_step_no_value(Vm& vm, IteratorRecord& it) {
  Value result = vm.call(it.next_method, it.iterator, {});
  if (!result.is_object()) vm.throw_error(ErrorType::TypeError, "Iterator result " + to_utf8(vm, result) + " is not an object");
  return !to_boolean(get(vm, as_object(result), key_of(WellKnownAtom::done, vm)));
}

void iterator_close_and_rethrow(Vm& vm, Value iterator) {
  RootedValue ex(vm.heap(), vm.take_exception());
  RootedValue it(vm.heap(), iterator);
  try {
    // 3-5. A throw completion wins over anything `return` does.
    Value ret = get_method(vm, it, key_of(WellKnownAtom::return_, vm));
    if (!ret.is_undefined()) vm.call(ret, it, {});
  } catch (const Thrown&) {
    vm.take_exception();
  }
  vm.throw_value(ex);
}

std::optional<Value> iterator_step(Vm& vm, IteratorRecord& it) {
  Value result = vm.call(it.next_method, it.iterator, {});
  if (!result.is_object()) vm.throw_error(ErrorType::TypeError, "Iterator result " + to_utf8(vm, result) + " is not an object");
  gc::Rooted<Object> r(vm.heap(), as_object(result));
  if (to_boolean(get(vm, r, key_of(WellKnownAtom::done, vm)))) return std::nullopt;
  return get(vm, r, key_of(WellKnownAtom::value, vm));
}

void iterator_close(Vm& vm, Value iterator) {
  RootedValue it(vm.heap(), iterator);
  Value ret = get_method(vm, iterator, key_of(WellKnownAtom::return_, vm));
  if (ret.is_undefined()) return;
  Value result = vm.call(ret, it, {});
  if (!result.is_object()) vm.throw_error(ErrorType::TypeError, "Iterator result is not an object");
}

Object* create_iter_result(Vm& vm, Value value, bool done) {
  RootedValue v(vm.heap(), value);
  Object* o = Object::create(vm.heap(), vm.intrinsics()[IntrinsicShape::IterResultShape]);
  // IterResultShape already has { value, done }: fill the slots.
  o->fill_slots({v.get(), Value::boolean(done)});
  return o;
}

}  // namespace glass

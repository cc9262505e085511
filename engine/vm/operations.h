// The spec's abstract operations (ECMA-262 §7) on Values: type conversion,
// comparison, and the object internal methods ([[Get]], [[Set]],
// [[DefineOwnProperty]], ...) for every kind of object the engine has.
// The interpreter's slow paths and every built-in go through these.
//
// Anything here may run JS (a getter, valueOf, a Proxy trap in time) and so
// may allocate and may throw (Thrown). Callers keep their cells rooted.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "objects/bigint.h"
#include "vm/vm.h"

namespace glass {

// ---- type tests -------------------------------------------------------------
inline Object* as_object(Value v) { return static_cast<Object*>(v.as_cell()); }
inline String* as_string(Value v) { return static_cast<String*>(v.as_cell()); }
inline Symbol* as_symbol(Value v) { return static_cast<Symbol*>(v.as_cell()); }
inline BigInt* as_bigint(Value v) { return static_cast<BigInt*>(v.as_cell()); }
inline Value object_value(Object* o) { return Value::cell(Value::Tag::Object, o); }
inline Value string_value(String* s) { return Value::cell(Value::Tag::String, s); }
inline Value symbol_value(Symbol* s) { return Value::cell(Value::Tag::Symbol, s); }
inline Value bigint_value(BigInt* b) { return Value::cell(Value::Tag::BigInt, b); }
inline Value cell_value(gc::Cell* c);  // an Object/String/Symbol/BigInt cell as a Value
bool is_callable(Value v);
bool is_constructor(Value v);
bool is_array(Value v);
// null if not a FunctionObject (inline: every call asks)
inline FunctionObject* as_function(Value v) {
  if (!v.is_object()) return nullptr;
  Object* o = as_object(v);
  return is_function_object(o) ? static_cast<FunctionObject*>(o) : nullptr;
}

// ---- conversions (§7.1) -------------------------------------------------------
bool to_boolean_slow(Value v);
// (The two kinds conditions test most, inline; the rest out of line.)
inline bool to_boolean(Value v) {
  if (v.is_boolean()) return v.as_boolean();
  if (v.is_int32()) return v.as_int32() != 0;
  return to_boolean_slow(v);
}
enum class Hint { Default, Number, String };
Value to_primitive(Vm& vm, Value v, Hint hint = Hint::Default);
double to_number(Vm& vm, Value v);
Value to_numeric(Vm& vm, Value v);  // a Number or a BigInt
double to_integer_or_infinity(Vm& vm, Value v);
int32_t to_int32(Vm& vm, Value v);
uint32_t to_uint32(Vm& vm, Value v);
uint32_t double_to_uint32(double d);
uint64_t to_length(Vm& vm, Value v);
uint32_t to_array_length(Vm& vm, Value v);  // RangeError "Invalid array length"
uint64_t to_index(Vm& vm, Value v);         // §7.1.22 ToIndex: RangeError unless 0 <= n <= 2^53 - 1
String* to_string(Vm& vm, Value v);
std::string to_utf8(Vm& vm, Value v);  // ToString, then UTF-8 (for messages and printing)
Object* to_object(Vm& vm, Value v);
PropertyKey to_property_key(Vm& vm, Value v);
Value key_to_value(Vm& vm, PropertyKey key);  // an index becomes its string
String* number_to_string(Vm& vm, double d);
double string_to_number(const String* s);
Value typeof_value(Vm& vm, Value v);
const char* typeof_name(Value v);

// ---- comparison ----------------------------------------------------------------
bool strict_equals_slow(Value a, Value b);
inline bool strict_equals(Value a, Value b) {
  if (a.is_int32() && b.is_int32()) return a == b;
  if (a.is_number() && b.is_number()) return a.as_number() == b.as_number();
  if (a == b && !a.is_double()) return true;   // same cell, or the same special value
  if (!a.is_cell() || !b.is_cell() || a.tag() != b.tag()) return false;
  return strict_equals_slow(a, b);  // strings and BigInts by content
}
bool loose_equals(Vm& vm, Value a, Value b);
bool same_value(Value a, Value b);
bool same_value_zero(Value a, Value b);
// a < b per IsLessThan; nullopt for undefined (NaN involved). left_first: evaluation order.
std::optional<bool> less_than(Vm& vm, Value a, Value b, bool left_first);
Value add_values(Vm& vm, Value a, Value b);

// ---- BigInt (vm/bigint_ops.cpp) ----------------------------------------------------
// The slow paths of the arithmetic opcodes reach these once ToNumeric has
// given a BigInt; the int32/double fast paths never do.
enum class NumericOp : uint8_t { Add, Sub, Mul, Div, Mod, Exp, BitAnd, BitOr, BitXor, Shl, Sar, Shr };
// a OP b on two numerics; TypeError unless both are BigInts.
Value bigint_binary(Vm& vm, NumericOp op, Value a, Value b);
Value numeric_negate(Vm& vm, Value v);  // -v (ToNumeric first)
Value numeric_bitnot(Vm& vm, Value v);  // ~v (ToNumeric first)
Value bigint_add_small(Vm& vm, Value v, int32_t delta);  // v ± 1 for ++/--
Value to_bigint(Vm& vm, Value v);                         // ToBigInt (§7.1.13)
Value number_to_bigint(Vm& vm, double d);                 // RangeError unless integral
Value string_to_bigint(Vm& vm, const String* s);          // StringToBigInt; undefined if not one
// a (a BigInt) against the BigInt the string denotes; nullopt if it denotes none.
std::optional<int> bigint_compare_string(Value a, const String* s);
String* bigint_to_string(Vm& vm, Value v, int radix = 10);
inline double bigint_to_number(Value v) { return as_bigint(v)->to_double(); }
bool instance_of(Vm& vm, Value v, Value target);
bool ordinary_has_instance(Vm& vm, Value c, Value o);

// ---- properties (§10.1 and exotic objects) ---------------------------------------
struct PropertyDescriptor {
  std::optional<Value> value, get, set;
  std::optional<bool> writable, enumerable, configurable;
  bool is_accessor() const { return get || set; }
  bool is_data() const { return value || writable; }
};

// An accessor property's value cell: the getter and setter.
class AccessorPair final : public gc::Cell {
 public:
  Value getter, setter;
  void trace(gc::Tracer& tracer) override;
  const char* cell_name() const override { return "AccessorPair"; }
  AccessorPair(Value g, Value s);
};

std::optional<OwnProperty> get_own_property(Vm& vm, Object* o, PropertyKey key);
bool define_own_property(Vm& vm, Object* o, PropertyKey key, const PropertyDescriptor& desc, bool throw_on_fail);
bool has_property(Vm& vm, Object* o, PropertyKey key);
bool has_own_property(Vm& vm, Object* o, PropertyKey key);
Value get(Vm& vm, Object* o, PropertyKey key, Value receiver);
inline Value get(Vm& vm, Object* o, PropertyKey key) { return get(vm, o, key, object_value(o)); }
Value get_value(Vm& vm, Value base, PropertyKey key);  // GetV: primitives use their prototype
Value get_method(Vm& vm, Value v, PropertyKey key);    // undefined, or callable (else TypeError)
bool set(Vm& vm, Object* o, PropertyKey key, Value v, Value receiver);
// obj[key] = v as the language does it: throws in strict code when it fails.
void put_value(Vm& vm, Value base, PropertyKey key, Value v, bool strict);
bool delete_property(Vm& vm, Object* o, PropertyKey key);
// Own keys: indices ascending, then strings in insertion order, then symbols.
std::vector<PropertyKey> own_property_keys(Vm& vm, Object* o);
bool set_integrity_level(Vm& vm, Object* o, bool frozen);
bool test_integrity_level(Vm& vm, Object* o, bool frozen);
bool set_prototype_of(Vm& vm, Object* o, Value proto);
// [[GetPrototypeOf]]; runs a proxy's trap (with the proxy's Vm), so it may run JS.
Object* get_prototype_of(Object* o);
// [[IsExtensible]] / [[PreventExtensions]] (proxies run their traps).
bool is_extensible(Vm& vm, Object* o);
bool prevent_extensions(Vm& vm, Object* o);
void create_data_property_or_throw(Vm& vm, Object* o, PropertyKey key, Value v);
PropertyDescriptor to_property_descriptor(Vm& vm, Value v);
Value from_property_descriptor(Vm& vm, const std::optional<OwnProperty>& p);
uint64_t length_of_array_like(Vm& vm, Object* o);
PropertyKey key_of(Vm& vm, std::string_view name);  // interns
inline PropertyKey key_of(WellKnownAtom atom, Vm& vm) { return PropertyKey::of_cell(vm.atom(atom)); }

// ---- calls ------------------------------------------------------------------------
Value call_method(Vm& vm, Value receiver, PropertyKey key, std::span<const Value> args);
// §7.3.24 GetFunctionRealm: a function's [[Realm]]; a bound function's
// target's; a proxy's target's (TypeError once revoked); the current realm
// for anything else.
Realm* get_function_realm(Vm& vm, Object* constructor);
// §7.3.22 SpeciesConstructor ( O, defaultConstructor )
Value species_constructor(Vm& vm, Object* o, Value default_ctor);
// §10.1.14 GetPrototypeFromConstructor: new_target.prototype if it is an
// object, else `fallback` of new_target's realm (of the current realm when
// new_target is not an object).
Object* get_prototype_from_constructor(Vm& vm, Value new_target, IntrinsicObject fallback);
// `inline_slots`: room for that many named properties in the new object.
Object* ordinary_create_from_constructor(Vm& vm, Value new_target, IntrinsicObject fallback_proto,
                                         ObjectClass cls = ObjectClass::Ordinary,
                                         uint32_t inline_slots = Object::kDefaultInlineSlots);

// ---- iteration ----------------------------------------------------------------------
struct IteratorRecord {
  Value iterator, next_method;
};
IteratorRecord get_iterator(Vm& vm, Value v);
// §7.4.2 GetIteratorDirect ( obj ): obj itself, with its `next` read once.
IteratorRecord get_iterator_direct(Vm& vm, Object* obj);
// §7.4.10 IteratorStepValue: the next value, or nullopt when done.
std::optional<Value> iterator_step(Vm& vm, IteratorRecord& it);
// §7.4.9 IteratorStep: false when done (the result's value is not read).
bool iterator_step_no_value(Vm& vm, IteratorRecord& it);
// §7.4.11 IteratorClose ( iteratorRecord, completion ) for a normal (or
// return) completion: calls `return` if there is one; its errors propagate.
void iterator_close(Vm& vm, Value iterator);
// IteratorClose for a throw completion (IfAbruptCloseIterator): the
// exception pending in the Vm is kept, whatever `return` does, and rethrown.
[[noreturn]] void iterator_close_and_rethrow(Vm& vm, Value iterator);
Object* create_iter_result(Vm& vm, Value value, bool done);

inline Value cell_value(gc::Cell* c) {
  switch (CellTag(c->tag())) {
    case CellTag::String: return string_value(static_cast<String*>(c));
    case CellTag::Symbol: return symbol_value(static_cast<Symbol*>(c));
    case CellTag::BigInt: return bigint_value(static_cast<BigInt*>(c));
    default: return object_value(static_cast<Object*>(c));
  }
}

}  // namespace glass
